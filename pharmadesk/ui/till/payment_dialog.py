"""Taking payment: cash (tendered → change, live), card, or mixed, and a member's points; the sale is
committed on accept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QSpinBox,
    QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.core.money import parse_money
from pharmadesk.core.sales import Payment
from pharmadesk.ui.common import ErrorLabel, money


class PaymentDialog(QDialog):
    """``pay(payments, redeem_points)`` commits the sale (e.g. ``store.sales.sell``); an error keeps the
    dialog open. On accept :attr:`result_value` holds what ``pay`` returned.

    With a member attached, ``points`` is their balance and ``point_value(points)`` what that many
    points are worth (``store.sales.redeem_value``); the amount due drops as points are used.
    """

    CASH, CARD, MIXED = "cash", "card", "mixed"

    def __init__(self, total: int, pay, parent=None, points: int = 0, point_value=None) -> None:
        super().__init__(parent)
        self.gross_total = total
        self.total = total
        self._pay = pay
        self._point_value = point_value or (lambda n: 0)
        self.result_value = None
        self.setWindowTitle(self.tr("Payment"))
        layout = QVBoxLayout(self)
        self.total_label = QLabel()
        self.total_label.setObjectName("payTotal")
        layout.addWidget(self.total_label)
        self.points = QSpinBox()
        self.points.setObjectName("redeemPoints")
        self.points.setRange(0, self._max_points(points))
        self.points.setSuffix(self.tr(" points"))
        self.points.valueChanged.connect(self._points_changed)
        if points and point_value is not None:
            points_row = QFormLayout()
            points_row.addRow(self.tr("Pay with points (has {0})").format(points), self.points)
            layout.addLayout(points_row)
        methods = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radios = {}
        for key, text in ((self.CASH, self.tr("&Cash")), (self.CARD, self.tr("C&ard")), (self.MIXED, self.tr("&Mixed"))):
            radio = QRadioButton(text)
            self.radios[key] = radio
            self.group.addButton(radio)
            methods.addWidget(radio)
            radio.toggled.connect(self._update)
        layout.addLayout(methods)
        form = QFormLayout()
        self.card_amount = QLineEdit()
        self.card_amount.setObjectName("cardAmount")
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.card_label = QLabel(self.tr("On card"))
        self.tendered_label = QLabel(self.tr("Cash given"))
        form.addRow(self.card_label, self.card_amount)
        form.addRow(self.tendered_label, self.tendered)
        layout.addLayout(form)
        self.change_label = QLabel()
        self.change_label.setObjectName("change")
        layout.addWidget(self.change_label)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Complete sale"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tendered.textChanged.connect(self._update)
        self.card_amount.textChanged.connect(self._update)
        self.set_method(self.CASH)

    def _max_points(self, available: int) -> int:
        """The most points that can be used: the balance, or as many as cover the whole amount."""
        one = self._point_value(1)
        return min(available, self.gross_total // one) if one > 0 else 0

    def _points_changed(self, points: int) -> None:
        self.total = self.gross_total - self._point_value(points)
        self._update()

    # -- driving (keyboard, tests) -----------------------------------------------------------------

    def set_points(self, points: int) -> None:
        self.points.setValue(points)

    def set_method(self, method: str) -> None:
        self.radios[method].setChecked(True)
        self._update()

    def method(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def set_tendered(self, text: str) -> None:
        self.tendered.setText(text)

    def set_card_amount(self, text: str) -> None:
        self.card_amount.setText(text)

    # -- working it out ------------------------------------------------------------------------------

    def _amount(self, field: QLineEdit, name: str, default: int | None = None) -> int | None:
        text = field.text().strip()
        if not text:
            return default
        return parse_money(text, name)

    def payments(self) -> list[Payment]:
        """The payments as entered; raises ValidationError on an unreadable amount."""
        method = self.method()
        if method == self.CARD:
            return [Payment("card", self.total)]
        card = self._amount(self.card_amount, self.tr("card amount"), 0) if method == self.MIXED else 0
        cash_due = self.total - card
        tendered = self._amount(self.tendered, self.tr("cash given"))
        payments = [Payment("card", card)] if card else []
        if cash_due or not payments:
            payments.append(Payment("cash", cash_due, tendered))
        return payments

    def change(self) -> int | None:
        try:
            cash = [p for p in self.payments() if p.method == "cash"]
        except ValidationError:
            return None
        if not cash or cash[0].tendered is None:
            return 0 if cash or self.method() != self.CASH else None
        return cash[0].tendered - cash[0].amount

    def _update(self, *args) -> None:
        used = self.points.value()
        self.total_label.setText(
            self.tr("To pay: {0}").format(money(self.total)) if not used else
            self.tr("To pay: {0} (after {1} points worth {2})").format(
                money(self.total), used, money(self.gross_total - self.total)))
        method = self.method() if any(r.isChecked() for r in self.radios.values()) else self.CASH
        mixed, card = method == self.MIXED, method == self.CARD
        self.card_label.setVisible(mixed)
        self.card_amount.setVisible(mixed)
        self.tendered_label.setVisible(not card)
        self.tendered.setVisible(not card)
        change = None if card else self.change()
        if card:
            self.change_label.setText(self.tr("Card: {0}").format(money(self.total)))
        elif change is None:
            self.change_label.setText(self.tr("Change: —"))
        elif change < 0:
            self.change_label.setText(self.tr("Still to pay in cash: {0}").format(money(-change)))
        else:
            self.change_label.setText(self.tr("Change: {0}").format(money(change)))

    def accept(self) -> None:
        try:
            self.result_value = self._pay(self.payments(), self.points.value())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
