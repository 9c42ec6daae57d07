"""Service records in the program (issue 20): a complaint taken at the till with F9, closed on the Service page,
a follow-up call from the calls list, an ADR report from the members page, and the member timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.ui.members.members_page import MembersPage
from pharmadesk.ui.service.record_dialogs import AdrDialog, CallDialog, CloseRecordDialog, TakeRecordDialog

from ui.conftest import accepted


def _member(store, care=True):
    member = store.members.register("Mei Wang", "13800138000")
    if care:
        store.members.set_consent(member, "care", True, "paper_form")
    return member


def test_a_complaint_at_the_till_with_f9_then_closed_on_the_service_page(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    member_id = _member(open_store("owner"))
    till = window.till
    till.set_member(store.members.get(member_id))

    def take(dialog: TakeRecordDialog) -> bool:
        dialog.kind.setCurrentIndex(dialog.kind.findData("complaint"))
        qtbot.keyClicks(dialog.account, "The box was crushed")
        return accepted(dialog)

    dialogs.expect(TakeRecordDialog, take)
    qtbot.keyClick(till.scan, Qt.Key.Key_F9)
    assert "Service page" in till.message.text()
    assert "service" not in window.nav_keys()                    # a cashier takes it; care staff handle it

    owner_window, owner, owner_dialogs = make_window("owner")
    page = owner_window.pages["service"]
    page.refresh()
    rows = page.records.visible_rows()
    assert [(r.kind, r.member_id, r.status) for r in rows] == [("complaint", member_id, "open")]
    page.records.select(lambda r: True)
    assert page.account.text() == "The box was crushed"

    def close(dialog: CloseRecordDialog) -> bool:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("replaced"))
        qtbot.keyClicks(dialog.resolution, "Gave a new box")
        return accepted(dialog)

    owner_dialogs.expect(CloseRecordDialog, close)
    page.buttons["close"].click()
    record = owner.service.records(kind="complaint")[0]
    assert (record.status, record.outcome, record.resolution) == ("closed", "replaced", "Gave a new box")
    assert len(owner.service.records(kind="follow_up")) == 1        # the call-back the closing scheduled


def test_a_refused_close_keeps_the_dialog_open_with_the_message(make_window, qtbot):
    window, store, dialogs = make_window("owner")
    rid = store.service.record("complaint", "Queue too long")
    dialog = CloseRecordDialog(store, store.service.get(rid))
    qtbot.addWidget(dialog)
    assert not accepted(dialog)                                  # no resolution typed
    assert not dialog.error.isHidden() and "Resolution" in dialog.error.text()
    assert store.service.get(rid).status == "open"


def test_a_follow_up_call_from_the_calls_list(make_window, qtbot, ids, clock):
    window, store, dialogs = make_window("pharmacist")
    member = _member(store)
    rx = Prescription("Dr. Ho", "RX-1", store.today().isoformat())
    store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)], member_id=member)
    clock.advance(days=store.settings.follow_up_after_days)
    page = window.pages["service"]
    page.schedule_button.click()
    assert "1" in page.message.text()
    rows = page.calls.visible_rows()
    assert [r.member_id for r in rows] == [member]
    assert page.calls.model.data(page.calls.model.index(0, 2)) == "13800138000"   # care staff see the phone
    page.calls.select(lambda r: True)

    def call(dialog: CallDialog) -> bool:
        script = dialog.findChild(QLabel, "callScript")
        assert "Mei Wang" in script.text() and "Ramipril 5mg" in script.text()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("reached"))
        qtbot.keyClicks(dialog.notes, "Taking it every morning")
        return accepted(dialog)

    dialogs.expect(CallDialog, call)
    page.call_button.click()
    assert page.calls.visible_rows() == []
    record = store.service.records(kind="follow_up")[0]
    assert (record.status, record.outcome, record.notes[-1].text) == ("closed", "reached", "Taking it every morning")


def test_an_adr_report_from_the_members_page_and_its_pdf(make_window, qtbot, ids, tmp_path):
    window, store, dialogs = make_window("pharmacist")
    member = _member(store)
    page: MembersPage = window.pages["members"]
    page.refresh()
    assert page.select_member(member)

    def report(dialog: AdrDialog) -> bool:
        qtbot.keyClicks(dialog.product, "6901234567892")
        qtbot.keyClick(dialog.product, Qt.Key.Key_Return)
        dialog.batch.setCurrentIndex(1)
        qtbot.keyClicks(dialog.reaction, "Dry cough at night")
        dialog.seriousness.setCurrentIndex(dialog.seriousness.findData("general"))
        return accepted(dialog)

    dialogs.expect(AdrDialog, report)
    page.adr_button.click()
    record = store.service.records(kind="adr")[0]
    assert (record.member_id, record.adr["reaction"], record.adr["product_id"]) == (member, "Dry cough at night", ids.rx)
    assert record.adr["batch_id"] is not None

    timeline = page.timeline.events()
    assert any(e.kind == "service" and e.facts["service"] == "adr" for e in timeline)

    service = window.pages["service"]
    service.refresh()
    service.records.select(lambda r: r.kind == "adr")
    path = tmp_path / "adr.pdf"
    service.ask_pdf_path = lambda title: str(path)
    service.buttons["print"].click()
    assert path.read_bytes().startswith(b"%PDF")


def test_a_serious_adr_under_gsp_from_the_service_page_says_the_batch_is_held(make_window, open_store, qtbot, ids):
    open_store("owner").set_setting("regulatory_profile", "china_gsp")
    window, store, dialogs = make_window("pharmacist")
    batch = store.stock.batches(ids.rx)[0]

    def report(dialog: AdrDialog) -> bool:
        qtbot.keyClicks(dialog.product, "6901234567892")
        qtbot.keyClick(dialog.product, Qt.Key.Key_Return)
        dialog.batch.setCurrentIndex(dialog.batch.findData(batch["id"]))
        qtbot.keyClicks(dialog.reaction, "Swelling of the face")
        dialog.seriousness.setCurrentIndex(dialog.seriousness.findData("serious"))
        return accepted(dialog)

    dialogs.expect(AdrDialog, report)
    page = window.pages["service"]
    page.refresh()
    page.buttons["adr"].click()
    assert "held in quarantine" in page.message.text()
    [held] = store.quality.quarantined()
    assert (held.batch_id, held.quantity) == (batch["id"], batch["on_hand"])


def test_a_cashier_sees_a_timeline_without_health_items(make_window, open_store):
    owner = open_store("owner")
    member = _member(owner)
    owner.service.record("complaint", "Private matter", member_id=member)
    window, store, dialogs = make_window("cashier")
    page: MembersPage = window.pages["members"]
    page.refresh()
    assert page.select_member(member)
    kinds = {e.kind for e in page.timeline.events()}
    assert "service" not in kinds and "registered" in kinds
    assert page.message.isHidden()                     # no permission error for what a cashier may not see
    assert not page.adr_button.isVisible()
