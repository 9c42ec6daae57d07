"""The owner's settings: language, regulatory profile (None or China GSP), idle lock, receipt header and printer,
backup folder with "Back up now", head-office export, and the reorder target service level per product category.

Every value is saved through ``store.set_setting``, which checks permission and validates; the
backup runs in a worker thread with progress and Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.settings import FIELDS
from pharmadesk.reports.labels import REGULATORY_PROFILE_LABELS, label
from pharmadesk.ui.backup_task import backup_runner
from pharmadesk.ui.headoffice_task import export_runner, last_export_text
from pharmadesk.ui.common import ErrorLabel, error_text
from pharmadesk.ui.widgets.worker import ProgressPanel

# Product categories as the reorder service-level settings name them (service_level_<category>_pct).
CATEGORY_NAMES = {
    "chronic": QT_TRANSLATE_NOOP("SettingsDialog", "Chronic medicines (Rx)"),
    "acute": QT_TRANSLATE_NOOP("SettingsDialog", "Acute medicines"),
    "otc": QT_TRANSLATE_NOOP("SettingsDialog", "OTC medicines"),
    "supplement": QT_TRANSLATE_NOOP("SettingsDialog", "Supplements"),
    "mother_baby": QT_TRANSLATE_NOOP("SettingsDialog", "Mother & baby"),
    "personal_care": QT_TRANSLATE_NOOP("SettingsDialog", "Personal care"),
    "device": QT_TRANSLATE_NOOP("SettingsDialog", "Devices"),
}

# Language codes and their names, each written in its own language.
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))


class SettingsDialog(QDialog):
    """Emits ``languageChanged(code)`` after a new language was saved; ``backupFinished`` after a backup."""

    languageChanged = Signal(str)
    backupFinished = Signal()

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = None
        current = store.settings
        self.setWindowTitle(self.tr("Settings"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        form.addRow(self.tr("Language"), self.language)
        self.regulatory_profile = QComboBox()
        for code in FIELDS["regulatory_profile"].metadata["choices"]:
            self.regulatory_profile.addItem(label(REGULATORY_PROFILE_LABELS, code), code)
        self.regulatory_profile.setCurrentIndex(max(0, self.regulatory_profile.findData(current.regulatory_profile)))
        self.regulatory_profile.setToolTip(self.tr(
            "China GSP: a medicine needs its approval number (批准文号) and a device its registration number, "
            "and the quality records and counter controls of a Chinese retail pharmacy apply."))
        form.addRow(self.tr("Regulatory profile"), self.regulatory_profile)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*FIELDS["idle_lock_minutes"].metadata["range"])
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(current.idle_lock_minutes)
        form.addRow(self.tr("Lock the till after idle"), self.idle_minutes)

        self.receipt_header = QPlainTextEdit(current.receipt_header)
        self.receipt_header.setObjectName("receiptHeader")
        self.receipt_header.setMaximumHeight(70)
        self.receipt_header.setPlaceholderText(self.tr("Address, phone, licence number…"))
        form.addRow(self.tr("Receipt header"), self.receipt_header)

        self.printer = QComboBox()
        self.printer.addItem(self.tr("Ask each time"), "")
        saved_printer = current.printer_name
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if saved_printer and self.printer.findData(saved_printer) < 0:
            self.printer.addItem(self.tr("{0} (not found)").format(saved_printer), saved_printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(saved_printer)))
        form.addRow(self.tr("Receipt printer"), self.printer)

        self.escpos_target = QLineEdit(current.escpos_target)
        self.escpos_target.setPlaceholderText(self.tr("e.g. /dev/usb/lp0, COM3 or 192.168.1.50:9100"))
        form.addRow(self.tr("ESC/POS raw device"), self.escpos_target)
        note = QLabel(self.tr("When an ESC/POS device is set, receipts go to it as plain text "
                              "instead of the printer above."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow("", note)

        self.backup_dir = QLineEdit(current.backup_dir)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_backup_dir)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_button.setEnabled(store.may(Action.BACKUP))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.backup_dir, 1)
        row_layout.addWidget(browse)
        row_layout.addWidget(self.backup_button)
        form.addRow(self.tr("Backup folder"), row)
        layout.addLayout(form)
        layout.addWidget(self._headoffice_group(store))
        layout.addWidget(self._service_level_group(store))

        self.progress = ProgressPanel()
        layout.addWidget(self.progress)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- values ---------------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {
            "language": self.language.currentData(),
            "regulatory_profile": self.regulatory_profile.currentData(),
            "idle_lock_minutes": str(self.idle_minutes.value()),
            "receipt_header": self.receipt_header.toPlainText().strip(),
            "printer_name": self.printer.currentData() or "",
            "escpos_target": self.escpos_target.text().strip(),
            "backup_dir": self.backup_dir.text().strip(),
            "headoffice_dir": self.headoffice_dir.text().strip(),
            "headoffice_schedule": self.headoffice_schedule.currentData(),
            **{name: str(box.value()) for name, box in self.service_levels.items()},
        }

    def save(self) -> bool:
        """Save what changed; True when all of it was saved. A refused value is shown and stops here."""
        self.message.clear_message()
        current = self.store.settings
        old_language = current.language
        try:
            for name, value in self.values().items():
                if value != current.text(name):
                    self.store.set_setting(name, value)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        new_language = self.store.settings.language
        if new_language != old_language:
            self.languageChanged.emit(new_language)
        return True

    def save_and_close(self) -> None:
        if self.runner is not None and not self.runner.done:
            self.message.show_error(self.tr("Wait for the backup or export to finish, or cancel it."))
            return
        if self.save():
            self.accept()

    def reject(self) -> None:
        if self.runner is not None and not self.runner.done:
            self.runner.cancel()
            self.runner.wait()
        super().reject()

    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    # -- backup in a worker thread ------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Back up to the folder in the field (saved or not) in a worker thread."""
        self.message.clear_message()
        folder = self.backup_dir.text().strip()
        if not folder:
            self.message.show_error(self.tr("Choose a folder for the backup first."))
            return
        self.backup_button.setEnabled(False)
        self.runner = backup_runner(self.store, folder, self)
        self.runner.succeeded.connect(self._backup_done)
        self.runner.failed.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.runner.cancelled.connect(lambda: self.message.show_info(self.tr("The backup was cancelled; "
                                                                            "nothing was kept.")))
        self.runner.finished.connect(lambda: self.backup_button.setEnabled(True))
        self.runner.finished.connect(self.backupFinished)
        self.progress.attach(self.runner)
        self.runner.start()

    def _backup_done(self, result) -> None:
        self.message.show_info(self.tr("Backup saved: {0} ({1:.1f} s)").format(result.path, result.seconds))

    # -- head-office export -------------------------------------------------------------------------------

    def _service_level_group(self, store) -> QGroupBox:
        """One spin box per product category: the share of review cycles the reorder suggestions aim to get
        through without running out (more service holds more stock)."""
        group = QGroupBox(self.tr("Reorder: target service level"))
        group.setObjectName("serviceLevelGroup")
        form = QFormLayout(group)
        self.service_levels: dict[str, QSpinBox] = {}
        for category, label in CATEGORY_NAMES.items():
            name = f"service_level_{category}_pct"
            box = QSpinBox()
            box.setRange(*FIELDS[name].metadata["range"])
            box.setSuffix(" %")
            box.setValue(getattr(store.settings, name))
            self.service_levels[name] = box
            form.addRow(QCoreApplication.translate("SettingsDialog", label), box)
        return group

    def _headoffice_group(self, store) -> QGroupBox:
        group = QGroupBox(self.tr("Head-office export"))
        group.setObjectName("headofficeGroup")
        form = QFormLayout(group)
        self.headoffice_dir = QLineEdit(store.settings.headoffice_dir)
        self.headoffice_dir.setObjectName("headofficeDir")
        self.headoffice_dir.setPlaceholderText(self.tr("A synced or shared folder, or a USB stick"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_headoffice_dir)
        self.export_button = QPushButton(self.tr("Export now"))
        self.export_button.setObjectName("exportNow")
        self.export_button.clicked.connect(self.export_now)
        self.export_button.setEnabled(store.may(Action.EXPORT_HEADOFFICE))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.headoffice_dir, 1)
        row_layout.addWidget(browse)
        row_layout.addWidget(self.export_button)
        form.addRow(self.tr("Export folder"), row)
        self.headoffice_schedule = QComboBox()
        self.headoffice_schedule.setObjectName("headofficeSchedule")
        for code, label in (("off", self.tr("Only when I press Export now")),
                            ("day_close", self.tr("After each day close")),
                            ("daily", self.tr("Once a day while the program is open"))):
            self.headoffice_schedule.addItem(label, code)
        self.headoffice_schedule.setCurrentIndex(
            max(0, self.headoffice_schedule.findData(store.settings.headoffice_schedule)))
        form.addRow(self.tr("When"), self.headoffice_schedule)
        self.last_export = QLabel(last_export_text(store))
        self.last_export.setObjectName("lastExport")
        form.addRow("", self.last_export)
        return group

    def choose_headoffice_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Head-office export folder"),
                                                  self.headoffice_dir.text())
        if folder:
            self.headoffice_dir.setText(folder)

    def export_now(self) -> None:
        """Write the next head-office bundle to the folder in the field (saved or not) in a worker thread."""
        self.message.clear_message()
        folder = self.headoffice_dir.text().strip()
        if not folder:
            self.message.show_error(self.tr("Choose a folder for the head-office export first."))
            return
        self.export_button.setEnabled(False)
        self.runner = export_runner(self.store, folder, self)
        self.runner.succeeded.connect(self._export_done)
        self.runner.failed.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.runner.cancelled.connect(lambda: self.message.show_info(self.tr("The export was cancelled.")))
        self.runner.finished.connect(lambda: self.export_button.setEnabled(True))
        self.runner.finished.connect(lambda: self.last_export.setText(last_export_text(self.store)))
        self.progress.attach(self.runner)
        self.runner.start()

    def _export_done(self, result) -> None:
        self.message.show_info(self.tr("Head-office bundle {0} saved: {1} ({2:.1f} s)").format(
            result.sequence, result.path, result.seconds))
