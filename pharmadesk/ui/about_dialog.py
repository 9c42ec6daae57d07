"""Help → About PharmaDesk: versions (program, Qt, PySide6, SQLCipher), the store's id, where the data
and the log are kept, and the licence. Everything is selectable so it can be pasted into a support e-mail."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

import pharmadesk
from pharmadesk.ui.icons import app_icon


def about_facts(store, log_path: Path | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs shown by the dialog; ``log_path`` is the log file (default: the log folder's).
    The labels are translated in context ``AboutDialog``."""
    from PySide6.QtCore import QCoreApplication

    from pharmadesk import env
    from pharmadesk.paths import log_dir

    if log_path is None:
        import os

        log_folder = Path(os.environ.get(env.LOG_DIR) or log_dir())
    else:
        log_folder = Path(log_path).parent
    return [
        (QCoreApplication.translate("AboutDialog", "Version"), pharmadesk.__version__),
        (QCoreApplication.translate("AboutDialog", "Qt"), qVersion()),
        (QCoreApplication.translate("AboutDialog", "PySide6"), PySide6.__version__),
        (QCoreApplication.translate("AboutDialog", "SQLCipher"),
         store.cipher_version() or QCoreApplication.translate("AboutDialog", "unknown")),
        (QCoreApplication.translate("AboutDialog", "Store id"), store.store_id),
        (QCoreApplication.translate("AboutDialog", "Data folder"), str(store.directory or "")),
        (QCoreApplication.translate("AboutDialog", "Log folder"), str(log_folder)),
    ]


class AboutDialog(QDialog):
    def __init__(self, store, parent=None, log_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PharmaDesk"))
        layout = QVBoxLayout(self)
        header = QLabel()
        header.setPixmap(app_icon().pixmap(64, 64))      # a QIcon picks the sharpest size for the screen's DPI
        header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(header)
        title = QLabel(self.tr("PharmaDesk {0}").format(pharmadesk.__version__))
        title.setObjectName("aboutTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Till, stock, members and offline analytics for one pharmacy store.")))
        self.facts = about_facts(store, log_path)
        form = QFormLayout()
        for label, value in self.facts:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        layout.addLayout(form)
        licence = QLabel(self.tr("Licence: proprietary. © PharmaDesk. All rights reserved."))
        licence.setObjectName("hint")
        layout.addWidget(licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in self.facts)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
