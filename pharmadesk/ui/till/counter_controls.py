"""The till's counter controls of a Chinese pharmacy (China GSP; docs/counter-controls.md), mixed into
:class:`pharmadesk.ui.till.till_page.TillPage`: a pack's traceability code scanned into the field, the ephedrine
buyer asked once per sale, selling a line by the unit (F7) with the pharmacist's check of the opened pack, and the
allergy and duplicate-therapy notices with the pharmacist's confirmation at payment. Every rule is the domain's;
these methods ask what it needs and show what it says. They use the page's ``store``, ``model``, ``scan``,
``table``, ``member``, ``buyer``, ``exec_dialog``, ``confirm``, ``show_info``/``show_error`` and ``current_row``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.medication_safety import ALLERGY_CLASSES, SafetyCheck
from pharmadesk.core.permissions import Action
from pharmadesk.core.trace_codes import parse_trace_code
from pharmadesk.errors import ExpiredStockError, PharmaDeskError
from pharmadesk.ui.approval import ApprovalDialog
from pharmadesk.ui.till.ephedrine_dialog import EphedrineBuyerDialog
from pharmadesk.ui.till.split_dialog import SplitLineDialog


class CounterControls:
    """The till page's China GSP counter controls (a mixin; its texts are in the ``TillPage`` context, as
    ``self.tr`` of the page, through literal ``QCoreApplication.translate`` calls that lupdate finds)."""

    # -- ephedrine ------------------------------------------------------------------------------------------

    def _ephedrine_allows(self, product_id: int, more: int) -> bool:
        """China GSP: whether ``more`` packs of a product may join the cart — the pack limit of ephedrine-containing
        medicines (the domain's message), and the buyer's ID asked once per sale. Raises the domain's refusal."""
        items = [(line.product.id, line.quantity) for line in self.model.lines] + [(product_id, more)]
        if not self.store.ephedrine.needs_buyer(items) or self.buyer is not None:
            return True
        return self.ask_buyer(self.store.catalog.get(product_id).name)

    def ask_buyer(self, product_name: str) -> bool:
        """The buyer's ID number and name for this sale; False when the clerk cancelled."""
        dialog = EphedrineBuyerDialog(self.store, product_name, self)
        if self.exec_dialog(dialog) and dialog.buyer is not None:
            self.buyer = dialog.buyer
            return True
        self.show_info(QCoreApplication.translate(
            "TillPage", "{0} was not added: it needs the buyer's ID number and name.").format(product_name))
        return False

    # -- traceability codes ------------------------------------------------------------------------------

    def scanned_trace_code(self, text: str) -> bool:
        """The scan field's first reader: a pack's traceability code (China GSP) adds that pack, its product found
        from the code (True); a refused code says why (True). A line still missing codes (its packs were added by
        barcode) takes the code, which must then be that product's. Anything else goes on to the product search."""
        code = parse_trace_code(text)
        if code is None or not self.store.settings.china_gsp:
            return False
        self.message.clear_message()
        row = self.current_row()
        waiting = None
        if row >= 0 and len(self.model.lines[row].trace) < self.model.lines[row].quantity:
            waiting = self.model.lines[row].product.id
        try:
            scan = self.store.trace.identify(code, self.model.codes(), waiting)
            existing = self.model.row_of(scan.product.id)
            adds_pack = existing < 0 or len(self.model.lines[existing].trace) >= self.model.lines[existing].quantity
            if not scan.product.needs_prescription and not self._ephedrine_allows(scan.product.id, int(adds_pack)):
                return True
            if scan.product.needs_prescription and self.model.row_of(scan.product.id) < 0:
                if not self.add_product(scan.product):        # asks for the prescription first; the code
                    return True                                # then goes on the pack it added
            row = self.model.add_scan(scan)
        except ExpiredStockError as exc:
            self.show_error(exc)
            return True
        except PharmaDeskError as exc:
            self.show_error(exc)
            return True
        self.table.selectRow(row)
        line = self.model.lines[row]
        self.show_info(QCoreApplication.translate("TillPage", "{0}: pack code {1} scanned ({2}/{3}).").format(
            scan.product.name, code, len(line.trace), line.quantity))
        self.show_safety_notices()
        return True

    # -- allergies and duplicate therapy ---------------------------------------------------------------------

    def safety_text(self, check) -> str:
        """The cart's allergy warnings and duplicate-therapy notices as plain lines (nothing when there are none)."""
        lines = []
        for warning in check.allergies:
            kind = (QCoreApplication.translate("allergyClass", ALLERGY_CLASSES[warning.allergy_class][0])
                    if warning.allergy_class else QCoreApplication.translate("TillPage", "the same medicine"))
            lines.append(QCoreApplication.translate(
                "TillPage", "Allergy warning: {0} matches the member's recorded allergy ({1}). A pharmacist "
                            "must confirm.").format(warning.product_name, kind))
        for notice in check.duplicates:
            if notice.other_product_name and notice.supply_until:
                lines.append(QCoreApplication.translate(
                    "TillPage", "Duplicate therapy: {0} has the same active ingredient ({1}) as {2} bought "
                                "recently, which lasts until {3}.").format(
                    notice.product_name, notice.generic_name, notice.other_product_name, notice.supply_until))
            elif notice.other_product_name:
                lines.append(QCoreApplication.translate(
                    "TillPage", "Duplicate therapy: {0} and {1} have the same active ingredient ({2}).").format(
                    notice.product_name, notice.other_product_name, notice.generic_name))
            else:
                lines.append(QCoreApplication.translate(
                    "TillPage", "Duplicate therapy: {0} has the same active ingredient as a recent purchase "
                                "still in use. Ask the pharmacist.").format(notice.product_name))
        return "\n".join(lines)

    def show_safety_notices(self) -> None:
        """China GSP: say at once when the cart matches the member's allergies or duplicates a therapy."""
        if not self.model.lines:
            return
        try:
            check = self.store.safety.check(self.member.id if self.member else None,
                                            [line.product.id for line in self.model.lines])
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        text = self.safety_text(check)
        if text:
            self.show_info(text)

    def _allergy_confirmation(self, member_id, lines) -> list | None:
        """A pharmacist confirms a sale that matches the member's allergies: the user's own yes when a pharmacist,
        else a pharmacist's PIN. [] when nothing matches; None when not confirmed."""
        check = self.store.safety.check(member_id, [line.product_id for line in lines])
        if not check.allergies:
            return []
        text = self.safety_text(SafetyCheck(check.allergies, ()))
        if self.store.may(Action.DISPENSE_RX):
            return [] if self.confirm(self, QCoreApplication.translate("TillPage", "Allergy warning"), text) else None
        dialog = ApprovalDialog(self.store, Action.DISPENSE_RX, self, subject="allergy", prompt=text)
        if not self.exec_dialog(dialog) or dialog.approval is None:
            return None
        return [dialog.approval]

    # -- split packs (拆零) -------------------------------------------------------------------------------

    def sell_by_unit(self) -> None:
        """F7: sell the selected line by the unit (China GSP): units and directions, a pack opened first (checked by
        a pharmacist) when the opened packs hold too few. The sale prints the split-pack label with the receipt."""
        row = self.current_row()
        if row < 0:
            self.show_info(QCoreApplication.translate("TillPage", "Scan an item first."))
            return
        line = self.model.lines[row]
        product = line.product
        self.message.clear_message()
        try:
            self.store.split.check_product(product.id)           # "not sold by the unit" in the domain's words
            dialog = SplitLineDialog(self.store, product, line.quantity if line.by_units else 1, line.directions,
                                     self)
            if not self.exec_dialog(dialog):
                return
            missing = dialog.units - self.store.split.open_units(product.id)
            while missing > 0:
                if not self._open_pack(product):
                    return
                missing -= product.split_units
            self.model.set_by_units(row, dialog.units, dialog.directions)
        except PharmaDeskError as exc:
            self.show_error(exc)
            return
        finally:
            self.scan.setFocus()
        self.show_info(QCoreApplication.translate("TillPage", "{0}: {1} {2} by the unit.").format(
            product.name, dialog.units, product.split_unit_name or ""))

    def _open_pack(self, product) -> bool:
        """Open one pack for sale by the unit; a cashier asks a pharmacist to check it. False: not approved."""
        approval = None
        if not self.store.may(Action.DISPENSE_RX):
            prompt = QCoreApplication.translate(
                "TillPage", "A pharmacist checks the pack of {0} opened for sale by the unit:").format(product.name)
            dialog = ApprovalDialog(self.store, Action.DISPENSE_RX, self, subject="split", prompt=prompt)
            if not self.exec_dialog(dialog) or dialog.approval is None:
                self.show_info(QCoreApplication.translate(
                    "TillPage", "No pack was opened: a pharmacist must check it."))
                return False
            approval = dialog.approval
        self.store.split.open_pack(product.id, approval)
        return True
