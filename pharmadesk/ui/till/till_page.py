"""The till page: keyboard-first selling.

Keys: type or scan in the field, Enter adds; + / − change the selected line's quantity;
Delete removes it; ↑/↓ move in the cart; F3 member, F4 suspend, F5 resume, F6 coupon, F7 sell the line by
the unit (拆零, China GSP), F8 return, F9 complaint or
feedback, F12 pay. A pack's traceability code scanned into the field adds that
pack (China GSP). A coupon's code may also be scanned into the field. Every change prices the cart again with the
running promotions (the cart shows each line's saving, the total "You saved"). Every rule is the domain's:
this page calls Store methods and shows their messages.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import ExpiredStockError, PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.promotions import CODE_ALPHABET, CODE_LENGTH, normalise_code
from pharmadesk.ui.approval import ApprovalDialog
from pharmadesk.ui.common import ErrorLabel, confirm, error_text, exec_dialog, money
from pharmadesk.ui.quality.reminders import ReadingReminder, near_expiry_notice
from pharmadesk.ui.till.cart_model import CartModel
from pharmadesk.ui.till.counter_controls import CounterControls
from pharmadesk.ui.till.coupon_dialog import CouponDialog
from pharmadesk.ui.service.record_dialogs import TakeRecordDialog
from pharmadesk.ui.till.member_panel import MemberPanel, MemberSearchDialog
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from pharmadesk.ui.till.prescription_dialog import PrescriptionDialog
from pharmadesk.ui.till.receipt_dialog import ReceiptDialog
from pharmadesk.ui.till.return_dialog import ReturnDialog
from pharmadesk.ui.till.scan_field import ScanField
from pharmadesk.ui.till.suspended_dialog import SuspendedDialog


SIDE_MAX_WIDTH = 340    # px: the member panel, total and keys; the cart (and its names) keeps the rest


class TillPage(CounterControls, QWidget):
    """The sales counter. ``exec_dialog`` runs every dialog (tests replace it to drive them);
    ``member_alerts`` (member -> list[str]) is where the analytics will plug in care alerts."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.confirm = confirm
        self.member_alerts = None
        self.member = None
        self.buyer = None                   # China GSP: the ephedrine buyer of this sale, in memory only
        self.last_sale = None
        self.model = CartModel(store, self)
        self._build()
        self._shortcuts()
        self.model.totalChanged.connect(self._show_total)
        self.model.refused.connect(self.show_error)
        self.user_changed()
        self._show_total()

    # -- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan = ScanField(self.store)
        self.scan.productChosen.connect(self.add_product)
        self.scan.failed.connect(self.show_error)
        self.scan.fallback = self.scanned_coupon
        self.scan.code_reader = self.scanned_trace_code
        self.scan.installEventFilter(self)
        self.message = ErrorLabel()
        self.message.setObjectName("tillMessage")
        self.reading_reminder = ReadingReminder(self.store)        # GSP: a storage reading is due
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        # The name gets the space; the numbers fit their contents; each row is as tall as name + batch line.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(CartModel.PRODUCT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)   # a cut name keeps its strength ("… 500mg")
        self.table.installEventFilter(self)
        self.model.rowsInserted.connect(lambda _p, first, _l: self.table.selectRow(first))
        # Qt sizes the number columns to their header alone when a two-line row arrives: size them again
        # to their contents whenever the cart changes, or "12.50" shows as "1…0".
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged, self.model.modelReset):
            signal.connect(lambda *_: self.table.horizontalHeader().resizeSections())

        self.member_panel = MemberPanel()
        self.member_panel.attachRequested.connect(self.attach_member)
        self.member_panel.detachRequested.connect(lambda: self.set_member(None))
        self.total_label = QLabel()
        self.total_label.setObjectName("tillTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("tillSaved")
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.coupon_label = QLabel()
        self.coupon_label.setObjectName("tillCoupons")
        self.coupon_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.coupon_label.setWordWrap(True)

        keys = QGridLayout()
        self.buttons = {}
        # The one table of the till's function keys: buttons, shortcuts and the F1 help come from it.
        self.function_keys = (
            ("F3", self.tr("Member"), self.attach_member), ("F4", self.tr("Suspend"), self.suspend),
            ("F5", self.tr("Resume"), self.resume), ("F6", self.tr("Coupon"), self.enter_coupon),
            ("F7", self.tr("By unit"), self.sell_by_unit),
            ("F8", self.tr("Return"), self.start_return), ("F9", self.tr("Complaint"), self.take_complaint),
            ("F12", self.tr("Pay"), self.pay),
        )
        for i, (key, text, slot) in enumerate(self.function_keys):
            button = QPushButton(f"{key}  {text}")
            button.setObjectName("payButton" if key == "F12" else "keyButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[key] = button
            keys.addWidget(button, i // 2, i % 2)

        side = QFrame()
        side.setObjectName("tillSide")
        # A member's long name or details wrap inside this width instead of taking it from the cart.
        side.setMaximumWidth(SIDE_MAX_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.member_panel)
        side_layout.addStretch(1)
        side_layout.addWidget(self.count_label)
        side_layout.addWidget(self.coupon_label)
        side_layout.addWidget(self.saved_label)
        side_layout.addWidget(self.total_label)
        side_layout.addLayout(keys)
        hint = QLabel(self.tr("+ / − quantity · Del remove line · ↑↓ choose line"))
        hint.setObjectName("hint")
        side_layout.addWidget(hint)

        left = QVBoxLayout()
        left.addWidget(self.reading_reminder)
        left.addWidget(self.scan)
        left.addWidget(self.message)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(side, 1)

    def _shortcuts(self) -> None:
        for key, text, slot in self.function_keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(text)         # the F1 help lists shortcuts by this text
            shortcut.activated.connect(slot)

    def user_changed(self) -> None:
        """The logged-in user changed (login after an idle lock): re-read what they may do.

        Anyone may type a discount; one beyond their role asks for a colleague's PIN at payment. The F7 button
        (sell by the unit) shows only under the China GSP profile."""
        self.model.discount_editable = self.store.may(Action.SELL)
        self.buttons["F7"].setVisible(self._china_gsp())
        self.reading_reminder.refresh()

    def _china_gsp(self) -> bool:
        return self.store.settings.china_gsp

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # The type-ahead lists best sellers first; their count is refreshed here at most once a day, so no
        # keystroke ever waits for it (the day close refreshes it too).
        self.store.catalog.refresh_sales_rank(max_age_days=1)
        self.buttons["F7"].setVisible(self._china_gsp())
        self.reading_reminder.refresh()
        self.scan.setFocus()

    # -- keyboard in the scan field and the cart ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and (watched is self.table or not self.scan.text()):
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.change_quantity(+1)
                return True
            if key == Qt.Key.Key_Minus:
                self.change_quantity(-1)
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_line()
                return True
            if watched is self.scan and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
                row = max(0, min(self.model.rowCount() - 1,
                                 self.current_row() + (-1 if key == Qt.Key.Key_Up else 1)))
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.model.rowCount() - 1

    # -- messages ------------------------------------------------------------------------------------

    def show_error(self, exc) -> None:
        self.message.show_error(exc)

    def show_info(self, text: str) -> None:
        self.message.show_info(text)

    def _show_total(self, *args) -> None:
        self.total_label.setText(self.tr("Total {0}").format(money(self.model.total())))
        self.count_label.setText(self.tr("{0} item(s)").format(self.model.item_count()))
        saved = self.model.saved()
        self.saved_label.setText(self.tr("You saved {0}").format(money(saved)) if saved else "")
        self.saved_label.setVisible(bool(saved))
        self.coupon_label.setText(self.coupon_text())
        self.coupon_label.setVisible(bool(self.model.coupons))

    def coupon_text(self) -> str:
        """One line per coupon in the sale: the code and what it took off, or why it does not apply yet."""
        quote = self.model.quote
        unmet = {problem.code: problem.error for problem in quote.unmet} if quote else {}
        lines = []
        for code in self.model.coupons:
            if code in unmet:
                lines.append(self.tr("Coupon {0}: {1}").format(code, error_text(unmet[code])))
            else:
                lines.append(self.tr("Coupon {0} applied").format(code))
        return "\n".join(lines)

    # -- the cart ------------------------------------------------------------------------------------

    def add_product(self, product) -> bool:
        """Add one unit; Rx items ask for the prescription first. Refused stock leaves the cart as it was."""
        self.message.clear_message()
        row = self.model.row_of(product.id)
        try:
            if not self._ephedrine_allows(product.id, 1):
                return False
            if row >= 0:
                self.model.set_quantity(row, self.model.lines[row].quantity + 1)
                self.table.selectRow(row)
                self._near_expiry_notice(product, self.model.lines[row].quantity)
                return True
            prescription = None
            if product.needs_prescription:
                self.store.stock.allocate(product.id, 1)  # say "out of stock" before asking for the Rx
                prescription = self._ask_prescription(product)
                if prescription is None:
                    self.show_info(self.tr("{0} was not added: it needs a prescription.").format(product.name))
                    return False
            self.model.add(product, 1, prescription)
            self.show_safety_notices()
            self._near_expiry_notice(product, 1)
            return True
        except ExpiredStockError as exc:
            self.show_error(exc)
            self._offer_expired_write_off(product)
            return False
        except PharmaDeskError as exc:
            self.show_error(exc)
            return False
        finally:
            self.scan.setFocus()

    def _near_expiry_notice(self, product, quantity: int) -> None:
        """GSP: say so (without stopping the sale) when FEFO gives a batch close to its expiry."""
        notice = near_expiry_notice(self.store, product, quantity)
        if notice:
            self.show_info(notice)

    def _offer_expired_write_off(self, product) -> None:
        """Expired stock is never sold; whoever may adjust stock can take it off the shelf right here."""
        if not self.store.may(Action.ADJUST_STOCK):
            return
        if not self.confirm(self, self.tr("Expired stock"),
                            self.tr("Write off the expired batches of {0} now?").format(product.name)):
            return
        try:
            units = self.store.stock.write_off_expired(product_id=product.id)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        self.show_info(self.tr("{0} expired unit(s) of {1} written off.").format(units, product.name))

    def _ask_prescription(self, product, initial=None):
        dialog = PrescriptionDialog(self.store, product, initial, self)
        return dialog.prescription if self.exec_dialog(dialog) else None

    def change_quantity(self, delta: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.message.clear_message()
        try:
            if delta > 0 and not self._ephedrine_allows(self.model.lines[row].product.id, delta):
                return
            self.model.set_quantity(row, self.model.lines[row].quantity + delta)
        except PharmaDeskError as exc:
            self.show_error(exc)

    def remove_line(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)

    def pending_work(self) -> str:
        """What closing the program now would leave behind (an open sale, suspended sales), or "" for nothing."""
        parts = []
        if self.model.lines:
            parts.append(self.tr("A sale is open: {0} item(s), {1}. Closing loses it.").format(
                self.model.item_count(), money(self.model.total())))
        try:
            suspended = len(self.store.sales.suspended())
        except PharmaDeskError:              # nobody may sell now (locked out): nothing to say about them
            suspended = 0
        if suspended:
            parts.append(self.tr("{0} suspended sale(s) wait to be resumed; they are kept.").format(suspended))
        return "\n".join(parts)

    def clear_sale(self) -> None:
        self.model.clear()
        self.buyer = None
        self.set_member(None)

    # -- coupons --------------------------------------------------------------------------------------

    def enter_coupon(self) -> None:
        """F6: type or scan a coupon's code; a refusal is said in the dialog, which stays open."""
        if not self.model.lines:
            self.show_info(self.tr("Scan an item first."))
            return
        dialog = CouponDialog(self.add_coupon, self, self.model.coupons, self.remove_coupons)
        self.exec_dialog(dialog)
        self.scan.setFocus()

    def remove_coupons(self) -> None:
        """Take every coupon off the sale (the customer keeps them for another day)."""
        self.model.set_pricing(self.model.member_id, [])
        self.show_info(self.tr("Coupons taken off the sale."))

    def add_coupon(self, code: str) -> PharmaDeskError | None:
        """Add a coupon to the sale if the domain accepts it for this cart and member; returns the refusal."""
        code = normalise_code(code)
        try:
            quote = self.model.try_quote(self.model.coupons + [code])      # a code twice: "already in the sale"
        except PharmaDeskError as exc:
            return exc
        self.model.set_pricing(self.model.member_id, self.model.coupons + [code])
        problem = next((p.error for p in quote.unmet if p.code == code), None)
        if problem is not None:
            self.show_info(self.tr("Coupon {0} added: {1}").format(code, error_text(problem)))
        else:
            self.show_info(self.tr("Coupon {0} added.").format(code))
        return None

    def scanned_coupon(self, text: str) -> bool:
        """The scan field's fallback for a code no product has: a coupon's code is added (True); a refused coupon
        says why (True); anything else is left to the field ("No product matches")."""
        code = normalise_code(text)
        if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code) or not self.model.lines:
            return False
        error = self.add_coupon(code)
        if error is None:
            return True
        try:
            self.store.promotions.check_coupon(code, self.model.member_id)
        except PharmaDeskError as refusal:
            if "no coupon" in refusal.template:             # not a coupon either: the product message stands
                return False
        self.show_error(error)
        return True

    # -- member -----------------------------------------------------------------------------------------

    def attach_member(self) -> None:
        dialog = MemberSearchDialog(self.store, self)
        if self.exec_dialog(dialog) and dialog.member is not None:
            self.set_member(dialog.member)
        self.scan.setFocus()

    def set_member(self, member) -> None:
        self.member = member
        self.member_panel.set_member(member)
        if member is not None and self.member_alerts is not None:
            self.member_panel.set_member_alerts(list(self.member_alerts(member)))
        self.model.set_pricing(member.id if member is not None else None, self.model.coupons)
        if member is not None:
            self.show_safety_notices()

    def take_complaint(self) -> None:
        """F9: a complaint, enquiry or feedback from the customer at the counter (the attached member, or a
        walk-in); the cart is left as it is."""
        dialog = TakeRecordDialog(self.store, self.member, parent=self)
        if self.exec_dialog(dialog):
            self.show_info(self.tr("Recorded; a pharmacist follows it up on the Service page."))
        self.scan.setFocus()

    # -- paying ------------------------------------------------------------------------------------------

    def pay(self) -> None:
        if not self.model.lines:
            self.show_info(self.tr("Scan an item first."))
            return
        lines = self.model.cart_lines()
        member_id = self.member.id if self.member else None
        coupons = list(self.model.coupons)
        self.model.requote()
        if self.model.quote is None:
            return                                  # the refusal is on screen
        if self.model.quote.unmet:
            self.show_error(self.model.quote.unmet[0].error)
            return
        try:        # a resumed cart: its buyer was not parked (personal data), so ask now
            if self.buyer is None and self.store.ephedrine.needs_buyer(
                    (line.product_id, line.quantity) for line in lines):
                if not self.ask_buyer(next(l.product.name for l in self.model.lines if l.product.contains_ephedrine)):
                    return
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        approvals = self._approvals_for(lines)
        if approvals is None:
            return
        try:
            allergy = self._allergy_confirmation(member_id, lines)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        if allergy is None:
            self.show_info(self.tr("Not confirmed by a pharmacist: nothing was charged."))
            self.scan.setFocus()
            return
        approvals += allergy
        buyer = self.buyer

        def sell(payments, points):
            return self.store.sales.sell(lines, payments, member_id, redeem_points=points, approval=approvals,
                                         coupons=coupons, buyer=buyer)

        dialog = PaymentDialog(self.model.total(), sell, self, points=self.member.points if self.member else 0,
                               point_value=self.store.sales.redeem_value if self.member else None)
        if not self.exec_dialog(dialog) or dialog.result_value is None:
            self.scan.setFocus()
            return
        sale = dialog.result_value
        self.last_sale = sale
        self.clear_sale()
        change = self.tr(" Change {0}.").format(money(sale.change)) if sale.change else ""
        self.show_info(self.tr("Sale {0} complete: {1}.{2}").format(sale.receipt_no, money(sale.total), change))
        self.show_receipt(sale.receipt_no)

    def _approvals_for(self, lines) -> list | None:
        """A colleague's PIN for each discount or price change beyond the cashier's role; None if refused."""
        try:
            needed = self.store.sales.approvals_needed(lines)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return None
        approvals = []
        for action in needed:
            dialog = ApprovalDialog(self.store, action, self)
            if not self.exec_dialog(dialog) or dialog.approval is None:
                self.show_info(self.tr("Not approved: nothing was charged. Change the discount or ask again."))
                self.scan.setFocus()
                return None
            approvals.append(dialog.approval)
        return approvals

    def show_receipt(self, receipt_no: str) -> None:
        try:
            dialog = ReceiptDialog(self.store, receipt_no, self)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        self.exec_dialog(dialog)
        self.scan.setFocus()

    # -- suspend / resume / return -----------------------------------------------------------------

    def suspend(self) -> None:
        try:
            parked = self.store.sales.suspend(self.model.cart_lines(), "",
                                              self.member.id if self.member else None, self.model.coupons)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        self.clear_sale()
        self.show_info(self.tr("Sale suspended as #{0}. F5 brings it back.").format(parked))

    def resume(self) -> None:
        if self.model.lines:
            self.show_info(self.tr("Finish or suspend the current sale first."))
            return
        try:
            dialog = SuspendedDialog(self.store, self)
            if not dialog.count():
                self.show_info(self.tr("There is no suspended sale."))
                return
            if not self.exec_dialog(dialog) or dialog.suspended_id is None:
                return
            parked = self.store.sales.resume_cart(dialog.suspended_id)
            lines, member_id = parked.lines, parked.member_id
            self.set_member(self.store.members.get(member_id) if member_id is not None else None)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        problems = []
        for line in lines:
            product = None
            try:
                product = self.store.catalog.get(line.product_id)
                prescription = None
                if product.needs_prescription:  # prescriptions are confirmed again after a suspend
                    prescription = self._ask_prescription(product, line.prescription)
                    if prescription is None:
                        problems.append(self.tr("{0}: not confirmed").format(product.name))
                        continue
                self.model.add(product, line.quantity, prescription, line.discount)
                for code in line.trace_codes:                   # checked again: sold meanwhile, or not
                    self.model.add_scan(self.store.trace.identify(code, self.model.codes(), product.id))
            except PharmaDeskError as exc:
                problems.append(f"{product.name if product else line.product_id}: {error_text(exc)}")
        if parked.coupons and self.model.lines:
            self.model.set_pricing(self.model.member_id, list(parked.coupons))
        if problems:
            self.show_info(self.tr("Resumed, but left out: {0}").format("; ".join(problems)))
        else:
            self.show_info(self.tr("Sale resumed."))

    def start_return(self) -> None:
        dialog = ReturnDialog(self.store, self)
        if self.exec_dialog(dialog) and dialog.result_value:
            result = dialog.result_value
            text = self.tr("Return {0}: refund {1}.").format(result.return_no, money(result.refund))
            if result.quarantined:
                text += " " + self.tr("{0} unit(s) of medicine went to quarantine, not back on sale.").format(
                    result.quarantined)
            self.show_info(text)
        self.scan.setFocus()
