"""The till's counter controls of a Chinese pharmacy (issue 16), driven by keys on the real main window:
traceability codes scanned once, ephedrine sales with the buyer's ID, split-pack sales with their label,
prescriptions with three signatures, the allergy warning."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from tests.ui.conftest import accepted
from tests.ui.test_till_keyboard import PARACETAMOL, focused, press, scan

PARA = "8100001"


def code(prefix: str, serial: int) -> str:
    return f"{prefix}{serial:09d}0000"


def gsp_store(open_store, ids, codes: int = 3):
    owner = open_store("owner")
    owner.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "TR-1", owner.today() + timedelta(days=500), codes, 500,
                                                   trace_codes=tuple(code(PARA, n) for n in range(1, codes + 1)))])
    owner.set_setting("regulatory_profile", "china_gsp")     # received before: GSP acceptance is not this test's
    return owner


def pay_cash(dialogs) -> None:
    dialogs.expect(PaymentDialog, accepted)


# -- traceability codes ---------------------------------------------------------------------------------------

def test_scanning_a_pack_code_adds_its_product_once_and_refuses_a_repeat(make_window, open_store, qtbot, ids):
    owner = gsp_store(open_store, ids)
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, window, code(PARA, 2))
    assert [(line.product.id, line.quantity, line.codes) for line in till.model.lines] == [
        (ids.otc, 1, (code(PARA, 2),))]
    assert "TR-1" in till.model.batch_line(till.model.lines[0])         # the scanned pack's batch, not FEFO's
    scan(qtbot, window, code(PARA, 2))                                  # the same pack again
    assert "scanned twice" in till.message.text()
    assert till.model.lines[0].quantity == 1
    scan(qtbot, window, code(PARA, 3))
    assert till.model.lines[0].quantity == 2
    pay_cash(dialogs)
    press(qtbot, Qt.Key.Key_F12)
    assert till.model.lines == []
    sold = owner.db.all("SELECT code, status FROM trace_codes WHERE status = 'sold' ORDER BY code")
    assert [row["code"] for row in sold] == [code(PARA, 2), code(PARA, 3)]
    assert focused() is till.scan
    scan(qtbot, window, code(PARA, 2))                                  # sold: refused, nothing added
    assert "already been sold" in till.message.text() and till.model.lines == []
    scan(qtbot, window, code(PARA, 9))                                  # never received
    assert "never received" in till.message.text() and till.model.lines == []


def test_a_barcode_scan_waits_for_its_pack_code_and_another_products_code_is_refused(
        make_window, open_store, qtbot, ids):
    owner = gsp_store(open_store, ids)
    owner.set_setting("regulatory_profile", "none")
    owner.stock.receive(ids.supplier, [ReceiptLine(ids.expired_only, "TR-X", owner.today() + timedelta(days=90), 1,
                                                   500, trace_codes=(code("8200002", 1),))])
    owner.set_setting("regulatory_profile", "china_gsp")
    window, _store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, window, PARACETAMOL)                                    # the box's barcode: one pack, no code yet
    assert till.model.lines[0].codes == ()
    scan(qtbot, window, code("8200002", 1))                             # the cough syrup's code on this line
    assert "belongs to another product" in till.message.text()
    scan(qtbot, window, code(PARA, 1))                                  # its own code: the same pack, coded
    assert [(line.quantity, line.codes) for line in till.model.lines] == [(1, (code(PARA, 1),))]


def test_without_the_profile_a_pack_code_is_just_an_unknown_barcode(make_window, open_store, qtbot, ids):
    window, _store, _dialogs = make_window("cashier")
    scan(qtbot, window, code(PARA, 1))
    assert window.till.model.lines == []
    assert "No product" in window.till.message.text()


# -- ephedrine ------------------------------------------------------------------------------------------------

def test_an_ephedrine_sale_asks_the_buyers_id_once_and_keeps_to_two_packs(make_window, open_store, qtbot, ids):
    from stdnum.cn import ric

    from pharmadesk.ui.till.ephedrine_dialog import EphedrineBuyerDialog
    from tests.ui.test_till_keyboard import show_for_keys, type_text

    owner = open_store("owner")
    product = owner.catalog.add_product(barcode="EPH-CONTAC", name="新康泰克", category="acute", legal_class="otc",
                                        price=1600, contains_ephedrine=1, supplier_id=ids.supplier)
    owner.stock.receive(ids.supplier, [ReceiptLine(product, "E-1", owner.today() + timedelta(days=400), 9, 900)])
    owner.set_setting("regulatory_profile", "china_gsp")
    body = "11010519900307123"
    good_id = body + ric.calc_check_digit(body + "0")
    window, store, dialogs = make_window("cashier")
    till = window.till
    answers = []

    def buyer(dialog):
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "110105199003071230")                      # a wrong check character first
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "Wang Xiaoming")          # (QTest types ASCII only)
        press(qtbot, Qt.Key.Key_Return)
        answers.append(dialog.error.text())
        assert dialog.isVisible()                                   # refused: the dialog stays open on the ID
        assert focused() is dialog.id_number
        type_text(qtbot, good_id)
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)                             # the name is still there: Enter confirms
        return dialog.result() == dialog.DialogCode.Accepted

    dialogs.expect(EphedrineBuyerDialog, buyer)
    window.activateWindow()
    scan(qtbot, window, "EPH-CONTAC")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert "not a valid" in answers[0]
    assert till.buyer is not None and till.model.lines[0].quantity == 1
    till.scan.setFocus()
    press(qtbot, Qt.Key.Key_Plus)                                   # the second pack: no second question
    assert till.model.lines[0].quantity == 2
    press(qtbot, Qt.Key.Key_Plus)                                   # a third: refused with the domain's words
    assert till.model.lines[0].quantity == 2
    assert "At most 2 packs" in till.message.text()
    assert len(dialogs.of_type(EphedrineBuyerDialog)) == 1
    pay_cash(dialogs)
    press(qtbot, Qt.Key.Key_F12)
    assert till.model.lines == [] and till.buyer is None
    row = owner.db.one("SELECT packs, id_sealed FROM ephedrine_register")
    assert row["packs"] == 2 and good_id.encode() not in row["id_sealed"]
    assert owner.ephedrine.purchases_by(good_id) == 1


# -- split packs ----------------------------------------------------------------------------------------------

def test_f7_sells_the_line_by_the_unit_a_pharmacist_checks_the_opened_pack_and_the_label_prints(
        make_window, open_store, qtbot, ids):
    from pharmadesk.ui.approval import ApprovalDialog
    from pharmadesk.ui.till.receipt_dialog import ReceiptDialog
    from pharmadesk.ui.till.split_dialog import SplitLineDialog
    from tests.conftest import PINS
    from tests.ui.test_till_keyboard import show_for_keys, type_text

    owner = open_store("owner")
    product = owner.catalog.add_product(barcode="AMOX24", name="Amoxicillin 0.25g", generic_name="amoxicillin",
                                        specification="0.25g x 24", category="acute", legal_class="otc", price=2880,
                                        split_units=24, split_unit_name="caps", split_unit_price=150,
                                        supplier_id=ids.supplier)
    owner.stock.receive(ids.supplier, [ReceiptLine(product, "A-1", owner.today() + timedelta(days=300), 2, 2400)])
    owner.set_setting("regulatory_profile", "china_gsp")
    window, store, dialogs = make_window("cashier")
    till = window.till
    assert till.buttons["F7"].isVisibleTo(window)

    def units(dialog):
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "6")
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "2 caps 3 times a day")
        press(qtbot, Qt.Key.Key_Return)
        return dialog.result() == dialog.DialogCode.Accepted

    def pharmacist(dialog):
        assert dialog.subject == "split"
        dialog.box.username.setText("pharmacist")
        dialog.box.pin.setText(PINS["pharmacist"])
        return accepted(dialog)

    labels = []
    dialogs.expect(SplitLineDialog, units)
    dialogs.expect(ApprovalDialog, pharmacist)
    dialogs.expect(ReceiptDialog, lambda d: labels.append(d) or True)
    scan(qtbot, window, "AMOX24")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    press(qtbot, Qt.Key.Key_F7)
    line = till.model.lines[0]
    assert (line.by_units, line.quantity, line.directions, line.price) == (True, 6, "2 caps 3 times a day", 150)
    assert till.model.total() == 900
    pack = owner.split.open_packs(product)[0]
    assert pack.checked_by != pack.opened_by                                 # the cashier opened, Pat checked
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    pay_cash(dialogs)
    press(qtbot, Qt.Key.Key_F12)
    assert till.model.lines == []
    assert owner.split.open_units(product) == 18 and owner.stock.on_hand(product) == 1
    assert owner.stock.verify_ledger() == []
    sale_id = owner.db.scalar("SELECT MAX(id) FROM sales")
    label = owner.split.label(owner.split.split_lines_of(sale_id)[0])
    assert (label.quantity, label.directions, label.batch_no) == (6, "2 caps 3 times a day", "A-1")
    assert "2 caps 3 times a day" in labels[0].html and "Split-pack label" in labels[0].html   # printed with it


def test_without_the_profile_f7_is_hidden(make_window):
    window, _store, _dialogs = make_window("cashier")
    assert not window.till.buttons["F7"].isVisibleTo(window)


# -- prescriptions: three signatures -------------------------------------------------------------------------

def test_an_rx_line_takes_the_institution_and_three_signatures_by_keys(make_window, open_store, qtbot, ids):
    from pharmadesk.ui.till.prescription_dialog import PrescriptionDialog
    from tests.conftest import PINS
    from tests.ui.test_till_keyboard import RAMIPRIL, show_for_keys, type_text

    owner = open_store("owner")
    owner.set_setting("regulatory_profile", "china_gsp")
    window, store, dialogs = make_window("cashier")
    seen = []

    def prescription(dialog):
        show_for_keys(qtbot, dialog)
        for text in ("Dr. Lee", "Union Hospital", "RX-77"):
            type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)                     # today's date as filled in
        press(qtbot, Qt.Key.Key_Return)                     # no image
        for text in ("pharmacist", PINS["pharmacist"]):    # 审核
            type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "pharmacist")                      # 核对 by the same pharmacist: refused, stays open
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, PINS["pharmacist"])
        press(qtbot, Qt.Key.Key_Return)
        seen.append(dialog.error.text())
        assert dialog.isVisible()
        dialog.approver.username.setText("pharmacist")
        dialog.approver.pin.setText(PINS["pharmacist"])
        dialog.checker.username.setText("owner")
        dialog.checker.pin.setText(PINS["owner"])
        dialog.checker.pin.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        return dialog.result() == dialog.DialogCode.Accepted

    dialogs.expect(PrescriptionDialog, prescription)
    scan(qtbot, window, RAMIPRIL)
    assert "second pharmacist" in seen[0]
    assert window.till.model.lines[0].prescription.institution == "Union Hospital"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    pay_cash(dialogs)
    press(qtbot, Qt.Key.Key_F12)
    assert window.till.model.lines == []
    record = owner.prescriptions.list(owner.today(), owner.today())[0]
    assert (record.institution, record.reviewed_by, record.dispensed_by, record.checked_by) == (
        "Union Hospital", "Pat Pharmacist", "Casey Cashier", "Olivia Owner")


# -- allergies --------------------------------------------------------------------------------------------------

def test_an_allergic_members_penicillin_warns_at_once_and_a_pharmacist_confirms_at_payment(
        make_window, open_store, qtbot, ids):
    from pharmadesk.ui.approval import ApprovalDialog
    from tests.conftest import PINS

    owner = open_store("owner")
    amox = owner.catalog.add_product(barcode="AMOX", name="Amoxicillin 0.25g", generic_name="amoxicillin",
                                     atc_code="J01CA04", category="acute", legal_class="otc", price=1000,
                                     supplier_id=ids.supplier)
    owner.stock.receive(ids.supplier, [ReceiptLine(amox, "AM-1", owner.today() + timedelta(days=300), 5, 500)])
    owner.set_setting("regulatory_profile", "china_gsp")
    member = owner.members.register("Li Lei", "13800138111")
    owner.members.update(member, allergies="penicillin")
    window, store, dialogs = make_window("cashier")
    till = window.till
    till.set_member(store.members.get(member))
    scan(qtbot, window, "AMOX")
    assert "Allergy warning" in till.message.text() and "penicillins" in till.message.text()
    assert "penicillin," not in till.message.text()              # the class, not the member's own note

    refused = []
    dialogs.expect(ApprovalDialog, lambda d: refused.append(d.subject) or False)
    press(qtbot, Qt.Key.Key_F12)
    assert refused == ["allergy"] and len(till.model.lines) == 1
    assert owner.db.scalar("SELECT count(*) FROM sales") == 0

    def pharmacist(dialog):
        dialog.box.username.setText("pharmacist")
        dialog.box.pin.setText(PINS["pharmacist"])
        return accepted(dialog)

    dialogs.expect(ApprovalDialog, pharmacist)
    pay_cash(dialogs)
    press(qtbot, Qt.Key.Key_F12)
    assert till.model.lines == []
    assert owner.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'allergy.confirm'") == 1


# -- traceability codes at goods receipt ------------------------------------------------------------------------

def test_goods_receipt_takes_each_packs_code_under_gsp(make_window, open_store, qtbot, ids):
    owner = open_store("owner")
    owner.set_setting("regulatory_profile", "china_gsp")
    from tests.conftest import approve_for_gsp
    approve_for_gsp(owner, ids)
    window, store, _dialogs = make_window("pharmacist")
    page = window.pages["stock"]
    page.show_tab(page.receipt)
    tab = page.receipt
    tab.refresh()
    assert not tab.trace_code.isHidden()
    tab.set_supplier(ids.supplier)
    tab.product.setText("Paracetamol")
    tab.batch_no.setText("TR-9")
    tab.expiry.setText((store.today() + timedelta(days=400)).isoformat())
    tab.quantity.setValue(2)
    for scanned in (code(PARA, 1), "4006381333931", code(PARA, 1), code(PARA, 2)):
        tab.trace_code.setText(scanned)
        qtbot.keyClick(tab.trace_code, Qt.Key.Key_Return)
    assert tab.codes == [code(PARA, 1), code(PARA, 2)]                 # the barcode and the repeat refused
    assert "2 code(s)" in tab.codes_label.text()
    assert tab.add_line()
    assert tab.book() is not None
    batch = owner.db.scalar("SELECT id FROM batches WHERE batch_no = 'TR-9'")
    assert [row["code"] for row in owner.db.all("SELECT code FROM trace_codes WHERE batch_id = ? ORDER BY code",
                                                (batch,))] == [code(PARA, 1), code(PARA, 2)]


def test_without_the_profile_the_receipt_has_no_code_field(make_window):
    window, _store, _dialogs = make_window("pharmacist")
    tab = window.pages["stock"].receipt
    tab.refresh()
    assert tab.trace_code.isHidden()
