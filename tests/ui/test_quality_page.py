"""The Quality page on a real store under the china_gsp profile: who sees which tab, accepting a pending
receipt, an out-of-range reading that needs its corrective action, quarantine and destruction before two
witnesses, the forms printed and the inspector's export; and on the till, the due-reading reminder and the
near-expiry notice (neither under the profile "none")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit
from pypdf import PdfReader

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.ui.quality.quarantine_tab import DisposeDialog, QuarantineDialog

from conftest import PINS, approve_for_gsp, table_snapshot
from tests.test_quality_forms import latin_font  # noqa: F401 - a fixture


@pytest.fixture
def gsp(open_store, ids):
    """The test store under china_gsp with its supplier and products approved and the GSP's three areas."""
    owner = open_store("owner")
    approve_for_gsp(owner, ids)
    owner.quality.add_gsp_areas()
    return owner


def _page(window):
    page = window.pages["quality"]
    window.show_page("quality")
    return page


def test_the_page_is_there_only_under_china_gsp_and_shows_each_role_its_tabs(make_window, open_store, ids):
    window, _store, _driver = make_window("pharmacist")
    assert "quality" not in window.nav_keys()                     # profile "none": no GSP records
    approve_for_gsp(open_store("owner"), ids)
    window, _store, _driver = make_window("cashier")
    page = window.pages["quality"]
    assert "quality" in window.nav_keys() and page.visible_tabs() == [page.storage]   # a cashier logs readings
    assert page.export_button.isHidden()
    window, _store, _driver = make_window("pharmacist")
    page = window.pages["quality"]
    assert page.visible_tabs() == [page.documents, page.acceptance, page.storage, page.maintenance,
                                   page.quarantine, page.near_expiry]
    assert page.quarantine.dispose_button.isHidden()               # destroying stock is the owner's


def test_the_owner_sets_up_the_gsp_areas_from_the_storage_tab(open_store, make_window, ids):
    approve_for_gsp(open_store("owner"), ids)
    window, store, _driver = make_window("owner")
    page = _page(window)
    page.show_tab(page.storage)
    assert page.storage.area.count() == 0 and page.storage.areas_button.isVisibleTo(page)
    page.storage.areas_button.click()
    assert [page.storage.area.itemData(i).name for i in range(page.storage.area.count())] == \
        ["常温区", "阴凉区", "冷藏柜"]
    assert not page.storage.areas_button.isVisibleTo(page)
    assert page.storage.message.text() == "3 storage area(s) added."
    assert "Readings due:" in page.storage.due_label.text()


def test_documents_list_highlights_what_expires_within_30_days(gsp, make_window, ids):
    gsp.quality.add_document("gsp_certificate", "GSP-9", "Provincial MPA", gsp.today() + timedelta(days=12),
                             supplier_id=ids.supplier)
    window, _store, _driver = make_window("pharmacist")
    page = _page(window)
    page.show_tab(page.documents)
    rows = page.documents.table.visible_rows()
    assert {d.kind for d in rows} == {"drug_trading_licence", "business_licence", "sales_authorisation",
                                      "gsp_certificate"}
    model = page.documents.table.model
    flagged = [model.rows[r].number for r in range(model.rowCount())
               if model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None]
    assert flagged == ["GSP-9"]
    assert "1 document(s) expired or expire within 30 days" in page.documents.message.text()
    [medsupply] = page.documents.qualifications.visible_rows()
    assert medsupply.name == "MedSupply" and medsupply.receivable
    newcomer = gsp.catalog.add_supplier("New Wholesaler")
    page.documents.refresh()
    rows = {q.name: q for q in page.documents.qualifications.visible_rows()}
    assert not rows["New Wholesaler"].approved and rows["New Wholesaler"].subject_id == newcomer
    q_model = page.documents.qualifications.model
    marked = [q_model.rows[r].name for r in range(q_model.rowCount())
              if q_model.data(q_model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None]
    assert marked == ["New Wholesaler"]
    assert "Drug trading licence" in q_model.data(q_model.index(q_model.rows.index(rows["New Wholesaler"]), 2))


def test_accepting_a_pending_receipt_makes_it_sellable(gsp, make_window, ids):
    gsp.stock.receive(ids.supplier, [ReceiptLine(ids.rx, "R-NEW", gsp.today() + timedelta(days=400), 12, 1500)])
    batch = gsp.db.scalar("SELECT id FROM batches WHERE batch_no = 'R-NEW'")
    assert gsp.quality.batch_quality(batch).pending == 12
    window, store, _driver = make_window("pharmacist")
    page = _page(window)
    page.show_tab(page.acceptance)
    tab = page.acceptance
    assert tab.pending.select(lambda line: line.batch_no == "R-NEW")
    assert tab.inspector.text() == "Pat Pharmacist" and not tab.arrival_temp.isEnabled()   # not cold chain
    tab.conclusion.setCurrentIndex(tab.conclusion.findData("accepted"))
    tab.quantity_checked.setValue(2)
    before = table_snapshot(store)
    assert not tab.record()                                        # no appearance noted: refused, nothing saved
    assert tab.message.text() and table_snapshot(store) == before
    tab.appearance.setText("packaging intact")
    tab.accept_button.click()
    quality = store.quality.batch_quality(batch)
    assert (quality.pending, quality.sellable) == (0, 12)
    assert [line.batch_no for line in tab.pending.visible_rows()] == []
    record = store.quality.acceptances(start=store.today(), end=store.today())[-1]
    assert (record.conclusion, record.quantity_checked, record.appearance, record.user_id) == \
        ("accepted", 2, "packaging intact", store.user.id)
    assert "Ramipril 5mg (batch R-NEW): accepted." == tab.message.text()


def test_an_out_of_range_reading_needs_its_corrective_action(gsp, make_window):
    window, store, _driver = make_window("cashier")
    page = _page(window)
    tab = page.storage
    page.show_tab(tab)
    cold = next(a for a in store.quality.areas() if a.condition == "cold")
    tab.select_area(cold.id)
    assert "2.0–8.0 °C" in tab.range_label.text()
    tab.temperature.setValue(11.5)
    tab.humidity.setValue(50)
    assert tab.out_of_range() and "(required)" in tab.action_label.text()
    before = table_snapshot(store)
    assert not tab.save_reading()
    assert "outside the allowed range" in tab.message.text() and table_snapshot(store) == before
    tab.action.setText("Door was open; closed it, rechecked at 5.1 °C")
    assert tab.save_reading()
    reading = store.quality.readings(area_id=cold.id)[-1]
    assert (reading.temperature, reading.in_range, reading.corrective_action) == \
        (11.5, False, "Door was open; closed it, rechecked at 5.1 °C")
    model = tab.month.model
    assert model.rowCount() == 1 and model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    tab.temperature.setValue(5.0)
    assert not tab.out_of_range() and "(required)" not in tab.action_label.text()
    # this morning's reading, entered late: the time chosen decides the slot
    now = store.now().astimezone()
    tab.taken_at.setDateTime(tab.taken_at.dateTime().addSecs(-(now.hour * 3600 + now.minute * 60) + 8 * 3600))
    assert tab.slot_label.text() == "Slot: Morning"
    assert tab.save_reading()
    [latest] = [r for r in store.quality.readings(area_id=cold.id) if r.temperature == 5.0]    # listed by time
    assert (latest.slot, latest.on_date, latest.in_range) == ("am", now.date().isoformat(), True)


def test_quarantine_then_destroy_before_two_witnesses(gsp, make_window, ids):
    window, store, driver = make_window("owner")
    page = _page(window)
    tab = page.quarantine
    page.show_tab(tab)

    def fill_quarantine(dialog: QuarantineDialog) -> bool:
        dialog.product.setText("Ramipril")
        dialog.product.resolve()
        dialog.quantity.setValue(3)
        dialog.reason.setText("carton wet")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    driver.expect(QuarantineDialog, fill_quarantine)
    assert tab.move_to_quarantine()
    record = store.quality.quarantined()[0]
    assert (record.batch_no, record.quantity, record.reason) == ("R-1", 3, "carton wet")
    assert tab.table.select(lambda r: r.id == record.id)

    def one_witness_only(dialog: DisposeDialog) -> bool:
        assert dialog.witness1.isVisibleTo(dialog)
        dialog.witness1.set_credentials("pharmacist", PINS["pharmacist"])
        dialog.witness2.set_credentials("pharmacist", PINS["pharmacist"])          # the same colleague twice
        def records():          # the approvals themselves are audited; nothing else may change
            return {table: rows for table, rows in table_snapshot(store).items() if table not in ("audit_log", "users")}

        before = records()
        dialog.accept()
        assert "two witnesses" in dialog.error.text() and records() == before
        return False

    driver.expect(DisposeDialog, one_witness_only)
    assert not tab.dispose_selected()
    assert store.quality.quarantine_record(record.id).status == "held"

    def two_witnesses(dialog: DisposeDialog) -> bool:
        dialog.witness1.set_credentials("pharmacist", PINS["pharmacist"])
        dialog.witness2.set_credentials("cashier", PINS["cashier"])
        dialog.note.setText("incinerated")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    on_hand = store.stock.on_hand(ids.rx)
    driver.expect(DisposeDialog, two_witnesses)
    assert tab.dispose_selected()
    closed = store.quality.quarantine_record(record.id)
    users = {u: store.db.scalar("SELECT id FROM users WHERE username = ?", (u,)) for u in ("pharmacist", "cashier")}
    assert (closed.status, {closed.witness1_id, closed.witness2_id}) == ("destroyed", set(users.values()))
    assert store.stock.on_hand(ids.rx) == on_hand - 3
    assert tab.table.visible_rows() == []
    assert "destroyed" in tab.message.text()


def test_a_tab_prints_its_form_and_the_page_exports_for_the_inspector(gsp, make_window, qtbot, tmp_path, latin_font):
    gsp.quality.record_reading(gsp.quality.areas()[0].id, 21.0, 50.0)
    window, store, driver = make_window("pharmacist")
    page = _page(window)
    page.show_tab(page.storage)
    today = store.today()
    page.set_period(today.replace(day=1), today)
    page.choose_pdf_path = lambda parent, caption, name: str(tmp_path / name)
    path = page.save_form_pdf_clicked()
    assert path.endswith(f"quality-storage-log-{today.replace(day=1).isoformat()}_{today.isoformat()}.pdf")
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Storage" in text and "21.0" in text
    printed = tmp_path / "printed.pdf"

    def pdf_printer(printer, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        from PySide6.QtWidgets import QDialog

        dialog = QDialog(parent)
        driver.expect(QDialog, lambda d: True)
        return dialog

    page.print_dialog = pdf_printer
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)          # Ctrl+P prints the tab
    assert printed.read_bytes().startswith(b"%PDF")

    page.choose_folder = lambda parent, caption: str(tmp_path / "inspector")
    runner = page.export_clicked()
    qtbot.waitUntil(lambda: runner.done, timeout=60000)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=5000)
    export = page.last_export
    assert len(export.files) == 17 and all(p.exists() for p in export.files)
    assert export.counts["storage_log"] == 1 and export.counts["supplier_approval"] == 3
    assert str(export.folder) in page.message.text()


def test_the_till_reminds_of_a_due_reading_and_warns_of_near_expiry(gsp, make_window, clock, ids):
    clock.moment = clock.moment.astimezone().replace(hour=9, minute=0, second=0)       # a morning at the store
    window, store, _driver = make_window("cashier")
    till = window.till
    assert till.reading_reminder.isVisibleTo(till)
    text = till.reading_reminder.text()
    assert text.startswith("Storage readings due:") and "常温区 (Morning)" in text and "冷藏柜 (Morning)" in text
    for area in store.quality.areas():
        store.quality.record_reading(area.id, (area.temp_min + area.temp_max) / 2, 50.0)
    assert till.reading_reminder.refresh() == "" and not till.reading_reminder.isVisibleTo(till)
    clock.advance(hours=5)                                                             # 14:00: the afternoon's
    assert "(Afternoon)" in till.reading_reminder.refresh() and till.reading_reminder.isVisibleTo(till)
    # Paracetamol's FEFO batch P-SOON expires within the window: the till says so and still sells it
    soon = store.db.one("SELECT expiry FROM batches WHERE batch_no = 'P-SOON'")["expiry"]
    days = (date.fromisoformat(soon) - store.today()).days
    assert till.add_product(store.catalog.get(ids.otc))
    assert till.model.rowCount() == 1
    assert till.message.text() == (f"Near expiry: Paracetamol 500mg batch P-SOON expires on {soon} "
                                   f"({days} days left). Tell the customer.")


def test_under_profile_none_the_till_shows_neither(make_window, ids):
    window, store, _driver = make_window("pharmacist")
    till = window.till
    assert till.reading_reminder.refresh() == "" and not till.reading_reminder.isVisibleTo(till)
    assert till.add_product(store.catalog.get(ids.otc))
    assert till.message.text() == ""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_tab_fits_1280_by_720(gsp, make_window, qtbot, qapp, language):
    from pharmadesk.i18n import install_translators
    from PySide6.QtCore import QSize

    install_translators(qapp, "xx_XX" if language == "en" else language)
    try:
        window, _store, _driver = make_window("owner")
        window.rebuild_pages()
        window.resize(QSize(1280, 720))
        qtbot.waitUntil(lambda: window.size() == QSize(1280, 720), timeout=2000)
        page = _page(window)
        for tab in page.visible_tabs():
            page.show_tab(tab)
            qtbot.wait(10)
            hint = window.minimumSizeHint()
            assert hint.width() <= 1100 and hint.height() <= 600, (type(tab).__name__, hint)
    finally:
        install_translators(qapp, "xx_XX")


def test_a_new_supplier_gets_its_documents_and_its_first_time_approval(gsp, make_window):
    from pharmadesk.ui.quality.documents_tab import ApproveSupplierDialog, DocumentDialog

    newcomer = gsp.catalog.add_supplier("New Wholesaler")
    window, store, driver = make_window("pharmacist")
    page = _page(window)
    tab = page.documents
    page.show_tab(tab)

    def approve(dialog: ApproveSupplierDialog) -> bool:
        assert [dialog.supplier.itemText(i) for i in range(dialog.supplier.count())] == ["New Wholesaler"]
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    driver.expect(ApproveSupplierDialog, approve)
    assert not tab.approve_supplier()                               # no licences on file yet: refused, stays open
    assert store.quality.approval(supplier_id=newcomer) is None
    for kind in ("drug_trading_licence", "business_licence", "sales_authorisation"):
        def add(dialog: DocumentDialog, kind=kind) -> bool:
            dialog.subject.setCurrentIndex(dialog.subject.findData(newcomer))
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
            dialog.number.setText(f"{kind}-77")
            dialog.issuer.setText("Guangdong MPA")
            dialog.no_term.setChecked(kind == "business_licence")           # 长期
            dialog.accept()
            return dialog.result() == dialog.DialogCode.Accepted

        driver.expect(DocumentDialog, add)
        assert tab.add_document()
    documents = store.quality.documents(supplier_id=newcomer)
    assert {d.kind: d.expires_on is None for d in documents} == {
        "drug_trading_licence": False, "business_licence": True, "sales_authorisation": False}
    driver.expect(ApproveSupplierDialog, approve)
    assert tab.approve_supplier() and tab.message.text() == "Supplier approved."
    assert store.quality.approval(supplier_id=newcomer).user_id == store.user.id
    assert {q.name: q.receivable for q in tab.qualifications.visible_rows()} == {"MedSupply": True,
                                                                                  "New Wholesaler": True}


def test_a_reading_is_entered_with_the_keyboard_alone(gsp, make_window, qtbot):
    window, store, _driver = make_window("cashier")
    page = _page(window)
    tab = page.storage
    page.show_tab(tab)
    qtbot.waitUntil(tab.area.isVisible, timeout=2000)

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(window.focusWidget() or window, key, modifier)

    press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)                  # &Area
    assert window.focusWidget() is tab.area
    press(Qt.Key.Key_End)                                                  # the last area: 冷藏柜
    assert tab.area.currentData().condition == "cold"
    press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)                  # &Temperature
    assert window.focusWidget() is tab.temperature.findChild(QLineEdit) or window.focusWidget() is tab.temperature
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.focusWidget(), "4.5")
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)                  # Hu&midity (Alt+H: the Help menu)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.focusWidget(), "48")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)                  # Sa&ve reading (an animated click)
    qtbot.waitUntil(lambda: store.quality.readings() != [], timeout=2000)
    reading = store.quality.readings()[-1]
    assert (reading.area_name, reading.temperature, reading.humidity, reading.in_range) == ("冷藏柜", 4.5, 48.0, True)
    assert tab.message.text().startswith("Reading saved: 冷藏柜")
