"""The storage log (温湿度): the readings still due today, entering one for an area (a reading outside the
area's range needs the corrective action taken), and the month's readings of the chosen area."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.core.quality_records import slot_of
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import SLOT_LABELS, STORAGE_LABELS, code_label, format_time
from pharmadesk.reports.quality_rows import storage_areas, storage_rows
from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


def due_text(due) -> str:
    """"常温区, morning (overdue)": one reading still to take."""
    from PySide6.QtCore import QCoreApplication

    text = f"{due.area_name}, {code_label(SLOT_LABELS, due.slot)}"
    return text + (" " + QCoreApplication.translate("StorageTab", "(overdue)") if due.overdue else "")


class StorageTab(QWidget):
    kind = "storage_log"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.area = QComboBox()
        self.area.currentIndexChanged.connect(lambda _i: self._area_changed())
        self.range_label = QLabel()
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(-40.0, 60.0)
        self.temperature.setDecimals(1)
        self.temperature.setSuffix(" °C")
        self.humidity = QDoubleSpinBox()
        self.humidity.setRange(0.0, 100.0)
        self.humidity.setDecimals(0)
        self.humidity.setSuffix(" %")
        self.taken_at = QDateTimeEdit()
        self.taken_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.taken_at.setCalendarPopup(True)
        self.taken_at.dateTimeChanged.connect(lambda _v: self._show_slot())
        self.slot_label = QLabel()
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Required when the reading is out of range"))
        self.action_label = QLabel(self.tr("&Corrective action"))
        self.action_label.setBuddy(self.action)
        for spin in (self.temperature, self.humidity):
            spin.valueChanged.connect(lambda _v: self._check_range())
        self.save_button = QPushButton(self.tr("Sa&ve reading"))        # Alt+S and Alt+H open the menus
        self.save_button.clicked.connect(self.save_reading)
        self.areas_button = QPushButton(self.tr("Set up the GSP's three areas"))
        self.areas_button.clicked.connect(self.add_gsp_areas)
        self.month = ListTable([
            Column("on_date", self.tr("Date")),
            Column("slot", self.tr("Slot"), lambda r: code_label(SLOT_LABELS, r.slot)),
            Column("taken_at", self.tr("Time"), lambda r: format_time(r.taken_at)),
            Column("temperature", self.tr("°C"), numeric=True),
            Column("humidity", self.tr("%"), numeric=True),
            Column("corrective_action", self.tr("Corrective action")),
        ], filterable=False)
        self.month.model.highlight = lambda reading: not reading.in_range

        form = QFormLayout()
        area_label = QLabel(self.tr("&Area"))
        area_label.setBuddy(self.area)
        form.addRow(area_label, self.area)
        form.addRow("", self.range_label)
        form.addRow(self.tr("Ta&ken at"), self.taken_at)
        form.addRow("", self.slot_label)
        form.addRow(self.tr("&Temperature"), self.temperature)
        form.addRow(self.tr("Hu&midity"), self.humidity)
        form.addRow(self.action_label, self.action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.areas_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        side = QVBoxLayout()
        side.addWidget(self.due_label)
        side.addLayout(form)
        side.addLayout(buttons)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(side, 2)
        body.addWidget(self.month, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def user_changed(self) -> None:
        self.save_button.setEnabled(self.store.may(Action.LOG_STORAGE))
        self.areas_button.setVisible(False)         # until refresh() finds no areas and an owner

    def refresh(self) -> None:
        now = self.store.now().astimezone()
        moment = QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        self.taken_at.setMaximumDateTime(moment.addSecs(59))
        self.taken_at.setDateTime(moment)
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        for area in self.store.quality.areas():
            self.area.addItem(f"{area.name} ({code_label(STORAGE_LABELS, area.condition)})", area)
        self.area.blockSignals(False)
        if chosen is not None:
            index = next((i for i in range(self.area.count()) if self.area.itemData(i).id == chosen.id), 0)
            self.area.setCurrentIndex(index)
        due = self.store.quality.due_readings()
        self.areas_button.setVisible(not self.area.count() and self.store.may(Action.MANAGE_SETTINGS))
        if not self.area.count():
            self.due_label.setText(self.tr("No storage areas yet: the owner sets them up (常温区, 阴凉区, 冷藏柜)."))
        elif due:
            self.due_label.setText(self.tr("Readings due: {0}").format("; ".join(due_text(d) for d in due)))
        else:
            self.due_label.setText(self.tr("Every reading due today is taken."))
        self._area_changed()

    def select_area(self, area_id: int) -> None:
        for i in range(self.area.count()):
            if self.area.itemData(i).id == area_id:
                self.area.setCurrentIndex(i)

    def _area_changed(self) -> None:
        area = self.area.currentData()
        if area is None:
            self.range_label.clear()
            self.month.set_rows([])
            return
        self.range_label.setText(self.tr("allowed {0}–{1} °C, {2}–{3} %").format(
            area.temp_min, area.temp_max, int(area.humidity_min), int(area.humidity_max)))
        today = self.store.today()
        self.month.set_rows(self.store.quality.readings(area_id=area.id, start=today.replace(day=1), end=today))
        self._check_range()

    def moment(self) -> datetime:
        """The reading's time as the store's local time (the slot follows from it: before noon, morning)."""
        value = self.taken_at.dateTime()
        return datetime(value.date().year(), value.date().month(), value.date().day(), value.time().hour(),
                        value.time().minute()).astimezone()

    def _show_slot(self) -> None:
        _day, slot = slot_of(self.moment())
        self.slot_label.setText(self.tr("Slot: {0}").format(code_label(SLOT_LABELS, slot)))

    def out_of_range(self) -> bool:
        area = self.area.currentData()
        if area is None:
            return False
        return not (area.temp_min <= self.temperature.value() <= area.temp_max
                    and area.humidity_min <= self.humidity.value() <= area.humidity_max)

    def _check_range(self) -> None:
        """Out of range: the corrective action field is asked for (the domain refuses the reading without it)."""
        outside = self.out_of_range()
        self.action_label.setText(self.tr("&Corrective action (required)") if outside
                                  else self.tr("&Corrective action"))
        self.action_label.setProperty("kind", "error" if outside else "")

    def form_rows(self, start, end) -> list:
        return storage_rows(self.store, start, end)

    def form_areas(self) -> list:
        return storage_areas(self.store)

    def add_gsp_areas(self) -> None:
        try:
            added = self.store.quality.add_gsp_areas()
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.refresh()
        self.message.show_info(self.tr("{0} storage area(s) added.").format(len(added)))

    def save_reading(self) -> bool:
        area = self.area.currentData()
        if area is None:
            self.message.show_info(self.tr("Choose an area first."))
            return False
        try:
            reading = self.store.quality.record_reading(area.id, self.temperature.value(), self.humidity.value(),
                                                        self.action.text() or None, taken_at=self.moment())
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            if self.out_of_range():
                self.action.setFocus()
            return False
        self.action.clear()
        self.refresh()
        self.message.show_info(self.tr("Reading saved: {0}, {1}.").format(
            reading.area_name, code_label(SLOT_LABELS, reading.slot)))
        return True
