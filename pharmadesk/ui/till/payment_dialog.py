"""Taking payment by keyboard: choose the method with an F-key, type the cash or scan the reference, Enter.

F1 Cash · F2 Card · F3 WeChat Pay · F4 Alipay · F5 Insurance (医保) · F6 Voucher · F7 Mixed · F9 points.
The cursor starts in the field the chosen method needs: the cash given (the change shows live as it is
typed), or the transaction reference (card, WeChat Pay, Alipay, insurance), where a scanner's burst of the
customer's payment code ends with Enter and fills it. Points are used only on purpose (F9 or a click moves
the cursor to them; Tab never does), so typing the cash never sets points. Enter completes the sale only
when the payment is complete; otherwise it says what is missing and puts the cursor there. The rules
(which methods need a reference, amounts adding up) are the domain's: :mod:`pharmadesk.core.payments`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from pharmadesk.core.money import parse_money
from pharmadesk.core.payments import PAYMENT_METHODS, REFERENCE_REQUIRED
from pharmadesk.reports.labels import method_label
from pharmadesk.core.sales import Payment
from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.ui.common import ErrorLabel, money

NON_CASH = tuple(m for m in PAYMENT_METHODS if m != "cash")
WITH_REFERENCE = tuple(m for m in NON_CASH if m in REFERENCE_REQUIRED or m == "voucher")


class PaymentDialog(QDialog):
    """``pay(payments, redeem_points)`` commits the sale (e.g. ``store.sales.sell``); an error keeps the
    dialog open. On accept :attr:`result_value` holds what ``pay`` returned.

    With a member attached, ``points`` is their balance and ``point_value(points)`` what that many
    points are worth (``store.sales.redeem_value``); the amount due drops as points are used.
    """

    CASH, CARD, WECHAT, ALIPAY, INSURANCE, VOUCHER, MIXED = (
        "cash", "card", "wechat", "alipay", "insurance", "voucher", "mixed")
    #: method -> the key that chooses it (shown on its button)
    KEYS = {CASH: Qt.Key.Key_F1, CARD: Qt.Key.Key_F2, WECHAT: Qt.Key.Key_F3, ALIPAY: Qt.Key.Key_F4,
            INSURANCE: Qt.Key.Key_F5, VOUCHER: Qt.Key.Key_F6, MIXED: Qt.Key.Key_F7}
    POINTS_KEY = Qt.Key.Key_F9

    def __init__(self, total: int, pay, parent=None, points: int = 0, point_value=None) -> None:
        super().__init__(parent)
        self.gross_total = total
        self.total = total
        self._pay = pay
        self._point_value = point_value or (lambda n: 0)
        self._method = self.CASH
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
        self.points.setFocusPolicy(Qt.FocusPolicy.ClickFocus)     # on purpose only: a click or F9, never Tab
        self.points.valueChanged.connect(self._points_changed)
        self.has_points = bool(points and point_value is not None)
        if self.has_points:
            points_row = QFormLayout()
            points_row.addRow(self.tr("F9 Pay with points (has {0})").format(points), self.points)
            layout.addLayout(points_row)

        buttons_row = QGridLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.method_buttons: dict[str, QPushButton] = {}
        for n, method in enumerate((*PAYMENT_METHODS, self.MIXED)):
            name = self.tr("Mixed") if method == self.MIXED else method_label(method)
            button = QPushButton(f"F{n + 1} {name}")
            button.setObjectName(f"pay_{method}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)          # chosen by its F-key or a click
            button.clicked.connect(lambda _=False, m=method: self.set_method(m))
            self.group.addButton(button)
            self.method_buttons[method] = button
            buttons_row.addWidget(button, n // 4, n % 4)
        layout.addLayout(buttons_row)

        self.form = QFormLayout()
        self.amounts: dict[str, QLineEdit] = {}
        self.references: dict[str, QLineEdit] = {}
        self.cash_due_label = QLabel()
        self.cash_due_label.setObjectName("cashDue")
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(self.tr("Cash given"))
        cash_row = QWidget()
        cash_box = QHBoxLayout(cash_row)
        cash_box.setContentsMargins(0, 0, 0, 0)
        cash_box.addWidget(self.cash_due_label)
        cash_box.addWidget(self.tendered, 1)
        self.rows: dict[str, QWidget] = {"cash": cash_row}
        self.form.addRow(method_label("cash"), cash_row)
        for method in NON_CASH:
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            amount = QLineEdit()
            amount.setObjectName(f"{method}Amount")
            amount.setPlaceholderText(self.tr("Amount"))
            box.addWidget(amount, 1)
            self.amounts[method] = amount
            amount.textChanged.connect(self._update)
            if method in WITH_REFERENCE:
                reference = QLineEdit()
                reference.setObjectName(f"{method}Reference")
                reference.setMaxLength(64)
                reference.setPlaceholderText(self.tr("Voucher number (optional)") if method == "voucher"
                                             else self.tr("Transaction reference: scan or type"))
                reference.textChanged.connect(self._update)
                box.addWidget(reference, 2)
                self.references[method] = reference
            self.rows[method] = row
            self.form.addRow(method_label(method), row)
        layout.addLayout(self.form)
        self._order_tabs()

        self.change_label = QLabel()
        self.change_label.setObjectName("change")
        layout.addWidget(self.change_label)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.complete_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.complete_button.setText(self.tr("Complete sale"))
        self.complete_button.setAutoDefault(False)                 # Enter is decided in keyPressEvent
        self.complete_button.setDefault(False)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.tendered.textChanged.connect(self._update)
        self.set_method(self.CASH)

    def _order_tabs(self) -> None:
        """Tab goes down the visible fields, method by method: amount, then reference; cash last."""
        chain = []
        for method in NON_CASH:
            chain.append(self.amounts[method])
            if method in self.references:
                chain.append(self.references[method])
        chain.append(self.tendered)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

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

    def focus_points(self) -> None:
        """Put the cursor on the points field (F9): the one way, with a click, to use points."""
        if self.has_points:
            self.points.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.points.selectAll()

    def set_method(self, method: str) -> None:
        """Choose ``method`` (one of the seven buttons) and put the cursor where that method needs input."""
        self._method = method
        self.method_buttons[method].setChecked(True)
        mixed = method == self.MIXED
        for name, row in self.rows.items():
            visible = mixed or name == method
            row.setVisible(visible)
            self.form.labelForField(row).setVisible(visible)
        for name, amount in self.amounts.items():
            amount.setVisible(mixed)
        self.cash_due_label.setVisible(mixed)
        self._update()
        self._focus(self._start_field())

    def method(self) -> str:
        return self._method

    def set_tendered(self, text: str) -> None:
        self.tendered.setText(text)

    def set_amount(self, method: str, text: str) -> None:
        """The amount paid by a non-cash ``method`` in a mixed payment."""
        self.amounts[method].setText(text)

    def set_card_amount(self, text: str) -> None:
        self.set_amount(self.CARD, text)

    def set_reference(self, text: str, method: str | None = None) -> None:
        """The transaction reference of ``method`` (default: the chosen single method)."""
        self.references[method or self._method].setText(text)

    def _start_field(self) -> QWidget:
        method = self._method
        if method == self.MIXED:
            return self.amounts[NON_CASH[0]]
        if method == self.CASH:
            return self.tendered
        return self.references.get(method, self.complete_button)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus(self._start_field())

    # -- working it out ------------------------------------------------------------------------------

    def _amount(self, field: QLineEdit, name: str, default: int | None = None) -> int | None:
        text = field.text().strip()
        if not text:
            return default
        return parse_money(text, name)

    def _non_cash(self) -> list[Payment]:
        """The non-cash payments of a mixed payment (amounts typed, zero ones left out)."""
        out = []
        for method in NON_CASH:
            amount = self._amount(self.amounts[method], method_label(method), 0)
            if amount:
                reference = self.references[method].text() if method in self.references else None
                out.append(Payment(method, amount, reference=reference or None))
        return out

    def payments(self) -> list[Payment]:
        """The payments as entered; raises ValidationError on an unreadable amount."""
        method = self._method
        if method not in (self.CASH, self.MIXED):
            reference = self.references[method].text() if method in self.references else None
            return [Payment(method, self.total, reference=reference or None)]
        others = self._non_cash() if method == self.MIXED else []
        cash_due = self.total - sum(p.amount for p in others)
        tendered = self._amount(self.tendered, self.tr("cash given"))
        payments = list(others)
        if cash_due or not payments:
            payments.append(Payment("cash", cash_due, tendered))
        return payments

    def change(self) -> int | None:
        """Cash given minus cash due (negative: still to pay); None when no cash was typed or readable."""
        try:
            cash = [p for p in self.payments() if p.method == "cash"]
        except ValidationError:
            return None
        if not cash or cash[0].tendered is None:
            return 0 if cash == [] and self._method == self.MIXED else None
        return cash[0].tendered - cash[0].amount

    def missing(self) -> tuple[QWidget, str] | None:
        """The first field the payment still needs and what to say, or None when the payment is complete."""
        method = self._method
        if method not in (self.CASH, self.MIXED):
            reference = self.references.get(method)
            if method in REFERENCE_REQUIRED and not reference.text().strip():
                return reference, self.tr("Scan or type the transaction reference.")
            return None
        if method == self.MIXED:
            for name in NON_CASH:
                try:
                    amount = self._amount(self.amounts[name], method_label(name), 0)
                except ValidationError:
                    return self.amounts[name], self.tr("Type the amount as a number, e.g. 12.50.")
                if amount and name in REFERENCE_REQUIRED and not self.references[name].text().strip():
                    return self.references[name], self.tr("Scan or type the transaction reference.")
        try:
            cash = [p for p in self.payments() if p.method == "cash"]
        except ValidationError:
            return self.tendered, self.tr("Type the amount as a number, e.g. 12.50.")
        if cash and cash[0].amount < 0:
            return self.amounts[NON_CASH[0]], self.tr("The amounts are more than the total.")
        if cash and cash[0].amount > 0 and (cash[0].tendered is None or cash[0].tendered < cash[0].amount):
            return self.tendered, self.tr("Type the cash given.")
        return None

    def _update(self, *args) -> None:
        used = self.points.value()
        self.total_label.setText(
            self.tr("To pay: {0}").format(money(self.total)) if not used else
            self.tr("To pay: {0} (after {1} points worth {2})").format(
                money(self.total), used, money(self.gross_total - self.total)))
        method = self._method
        if method not in (self.CASH, self.MIXED):
            self.change_label.setText(self.tr("{0}: {1}").format(method_label(method), money(self.total)))
            return
        if method == self.MIXED:
            try:
                due = self.total - sum(p.amount for p in self._non_cash())
            except ValidationError:
                due = None
            self.cash_due_label.setText(self.tr("Cash due: {0}").format("—" if due is None else money(due)))
        change = self.change()
        if change is None:
            self.change_label.setText(self.tr("Change: —"))
        elif change < 0:
            self.change_label.setText(self.tr("Still to pay in cash: {0}").format(money(-change)))
        else:
            self.change_label.setText(self.tr("Change: {0}").format(money(change)))

    # -- keys ---------------------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        """F1–F7 choose the method, F9 goes to the points; Enter completes only a complete payment."""
        key = event.key()
        for method, method_key in self.KEYS.items():
            if key == method_key:
                self.set_method(method)
                return
        if key == self.POINTS_KEY:
            self.focus_points()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter()
            return
        super().keyPressEvent(event)

    def _enter(self) -> None:
        """Enter: ends a reference scan or the points (the cursor moves on), else completes when complete."""
        focused = self.focusWidget()
        gap = self.missing()
        if focused is self.points or focused in self.references.values():
            if gap is None:
                self.error.clear_message()
                self.complete_button.setFocus(Qt.FocusReason.OtherFocusReason)
            elif gap[0] is focused:
                self.error.show_info(gap[1])
            else:
                self._focus(gap[0])
            return
        if focused is self.complete_button or gap is None:
            self.accept()
            return
        self.error.show_info(gap[1])
        self._focus(gap[0])

    def accept(self) -> None:
        try:
            self.result_value = self._pay(self.payments(), self.points.value())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
