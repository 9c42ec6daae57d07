"""The stock pages on the real store: who sees them, goods receipt, write-off of expired stock,
stocktake, CSV import in a worker thread (and its cancel), the product dialog, and paging."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from pharmadesk.ui.stock.import_dialog import ImportDialog
from pharmadesk.ui.stock.product_dialog import ProductDialog
from pharmadesk.ui.stock.write_off_dialog import StockChangeDialog
from tests.ui.conftest import accepted

PRODUCTS_CSV = ("barcode,name,generic_name,category,legal_class,price\n"
                "4006381333948,Ibuprofen 400mg,ibuprofen,otc,otc,15.50\n"
                "IMPORT-2,Vitamin C 500mg,ascorbic acid,supplement,otc,8.00\n")


def test_cashier_does_not_get_the_stock_pages(make_window):
    window, _store, _dialogs = make_window("cashier")
    assert "stock" not in window.nav_keys() and "stock" not in window.pages


def test_pharmacist_sees_the_stock_tabs_they_may_use(make_window):
    window, _store, _dialogs = make_window("pharmacist")
    page = window.pages["stock"]
    assert page.visible_tabs() == [page.catalog, page.receipt, page.stocktake, page.expiry, page.suppliers]
    assert page.catalog.new_button.isHidden() and page.catalog.import_button.isHidden()
    assert page.stocktake.post_button.isHidden()


def test_goods_receipt_needs_batch_and_expiry(make_window, ids):
    window, store, _dialogs = make_window("pharmacist")
    page = window.pages["stock"]
    page.show_tab(page.receipt)
    tab = page.receipt
    tab.set_supplier(ids.supplier)
    before = store.stock.on_hand(ids.rx)
    receipts = store.db.scalar("SELECT count(*) FROM goods_receipts")

    tab.product.setText("6901234567892")                # the scanner types the barcode
    tab.quantity.setValue(12)
    tab.unit_cost.setText("15.00")
    assert tab.add_line()                                # no batch, no expiry
    assert tab.book() is None
    assert tab.message.text() == "Every line needs its batch number."
    assert store.stock.on_hand(ids.rx) == before
    assert store.db.scalar("SELECT count(*) FROM goods_receipts") == receipts
    assert len(tab.lines) == 1                           # the clerk corrects the line, nothing is lost

    assert tab.table.select(lambda line: line["batch_no"] == "")
    tab.remove_line()
    expiry = (store.today() + timedelta(days=500)).isoformat()
    tab.product.setText("Ramipril")
    tab.batch_no.setText("R-NEW")
    tab.expiry.setText(expiry)
    tab.quantity.setValue(12)
    tab.unit_cost.setText("15.00")
    assert tab.add_line()
    assert [line["batch_no"] for line in tab.lines] == ["R-NEW"]
    assert tab.book() is not None
    assert store.stock.on_hand(ids.rx) == before + 12
    batch = store.db.one("SELECT expiry, unit_cost, on_hand FROM batches WHERE batch_no = 'R-NEW'")
    assert batch == {"expiry": expiry, "unit_cost": 1500, "on_hand": 12}
    assert tab.table.model.rowCount() == 0 and "booked" in tab.message.text()


def test_writing_off_an_expired_batch_removes_it_from_the_list(make_window, clock, ids):
    clock.advance(days=2)                                 # Cough Syrup's batch OLD-1 expired yesterday
    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.expiry)
    tab = page.expiry
    assert [row["batch_no"] for row in tab.expired.visible_rows()] == ["OLD-1"]
    assert tab.expired.select(lambda row: row["batch_no"] == "OLD-1")

    def write_off(dialog: StockChangeDialog) -> bool:
        assert dialog.quantity.value() == 4 and dialog.reason.text() == "expired"
        return accepted(dialog)

    dialogs.expect(StockChangeDialog, write_off)
    tab.write_off_selected()
    assert tab.expired.visible_rows() == []
    assert store.stock.on_hand(ids.expired_only) == 0
    move = store.db.one("SELECT reason, quantity, note FROM stock_moves ORDER BY id DESC LIMIT 1")
    assert move == {"reason": "write_off", "quantity": -4, "note": "expired"}


def test_near_expiry_filter(make_window):
    window, _store, _dialogs = make_window("pharmacist")
    page = window.pages["stock"]
    page.show_tab(page.expiry)
    page.expiry.set_days(30)
    assert sorted(r["batch_no"] for r in page.expiry.near.visible_rows()) == ["OLD-1", "P-SOON"]
    assert page.expiry.write_off_button.isHidden()          # a pharmacist may not write off


def test_stocktake_count_variance_post(make_window, ids):
    window, store, _dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.stocktake)
    tab = page.stocktake
    stocktake_id = tab.start()
    assert stocktake_id is not None and tab.stocktake_id == stocktake_id
    tab.sheet.set_filter("ramipril")
    assert tab.sheet.select(lambda row: row["batch_no"] == "R-1")
    tab.counted.setValue(18)
    assert tab.record_selected()
    assert tab.sheet.model.rows[0]["counted"] == 18
    assert [(r["batch_no"], r["expected"], r["counted"], r["variance"]) for r in tab.variance.visible_rows()] == [
        ("R-1", 20, 18, -2)]
    assert tab.post() == 1
    assert store.stock.on_hand(ids.rx) == 18
    assert store.db.scalar("SELECT status FROM stocktakes WHERE id = ?", (stocktake_id,)) == "posted"
    assert tab.stocktake_id is None and "posted" in tab.message.text()


def test_csv_import_runs_in_a_worker_thread(make_window, qtbot, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(PRODUCTS_CSV, encoding="utf-8")
    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.catalog)
    seen = []

    def run_import(dialog: ImportDialog) -> bool:
        dialog.path.setText(str(path))
        dialog.start()
        assert dialog.runner.isRunning() or dialog.runner.done
        qtbot.waitUntil(lambda: dialog.runner.done and not dialog.running(), timeout=20000)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
        seen.append(dialog.message.text())
        dialog.reject()
        return False

    dialogs.expect(ImportDialog, run_import)
    page.catalog.import_button.click()
    assert seen == ["Imported 2 of 2 rows (0 skipped)."]
    assert store.catalog.by_barcode("IMPORT-2").price == 800
    assert store.catalog.by_barcode("4006381333948").name == "Ibuprofen 400mg"
    page.catalog.table.set_filter("Vitamin")
    assert [r["name"] for r in page.catalog.table.model.rows] == ["Vitamin C 500mg"]


def test_a_cancelled_import_imports_nothing(make_window, qtbot, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(PRODUCTS_CSV, encoding="utf-8")
    window, store, dialogs = make_window("owner")
    products = store.db.scalar("SELECT count(*) FROM products")
    dialog = ImportDialog(store, "products", window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.start()
    dialog.cancel()                                          # Cancel pressed while the import runs
    qtbot.waitUntil(lambda: dialog.runner.done and not dialog.running(), timeout=20000)
    assert dialog.runner.was_cancelled and dialog.report is None
    qtbot.waitUntil(lambda: "cancelled" in dialog.message.text(), timeout=5000)
    assert store.db.scalar("SELECT count(*) FROM products") == products


def test_a_file_with_errors_lists_them_by_line(make_window, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("barcode,name,category,legal_class,price\nGOOD-1,Good,otc,otc,1.00\n"
                    "BAD-1,Bad,nonsense,otc,1.00\n", encoding="utf-8")
    window, store, _dialogs = make_window("owner")
    dialog = ImportDialog(store, "products", window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert [(e.line, e.column) for e in dialog.errors.visible_rows()] == [(3, "category")]
    assert not dialog.report.applied
    assert store.db.scalar("SELECT count(*) FROM products WHERE barcode = 'GOOD-1'") == 0


def test_editing_a_product_changes_the_database(make_window, ids):
    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.catalog)
    assert page.catalog.table.select(lambda row: row["id"] == ids.otc)
    messages = []

    def edit(dialog: ProductDialog) -> bool:
        dialog.price.setText("abc")
        messages.append(None if accepted(dialog) else dialog.error.text())
        dialog.price.setText("13.20")
        dialog.name.setText("Paracetamol 500mg tablets")
        return accepted(dialog)

    dialogs.expect(ProductDialog, edit)
    page.catalog.edit_product()
    assert messages == ["price: enter an amount such as 12.50."]
    product = store.catalog.get(ids.otc)
    assert (product.name, product.price) == ("Paracetamol 500mg tablets", 1320)
    assert store.db.scalar("SELECT new_price FROM price_history WHERE product_id = ?", (ids.otc,)) == 1320


def test_the_product_table_holds_one_page_of_20000_products(make_window, open_store):
    owner = open_store("owner")
    now = "2024-01-01T00:00:00+00:00"
    with owner.db.transaction():       # bulk fixture rows; the page under test only reads them
        owner.db.conn.executemany(
            "INSERT INTO products (barcode, name, category, legal_class, price, created_at, updated_at) "
            "VALUES (?, ?, 'otc', 'otc', ?, ?, ?)",
            [(f"BULK-{i:05d}", f"Bulk product {i:05d}", i, now, now) for i in range(20_000)])
    window, _store, _dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.catalog)
    model = page.catalog.table.model
    assert model.total == 20_004 and len(model.rows) == 200 and model.rowCount() == 200
    model.set_page(50)
    assert len(model.rows) == 200 and model.rows[0]["name"] == "Bulk product 10000"   # names sort before the template's
    model.sort([c.key for c in model.columns].index("price"), Qt.SortOrder.DescendingOrder)   # in the database
    assert model.page == 0 and model.rows[0]["name"] == "Bulk product 19999" and len(model.rows) == 200
    page.catalog.table.set_filter("Bulk product 1999")
    assert model.total == 10 and len(model.rows) == 10
    assert "of 10 " in page.catalog.table.page_label.text()


def test_purchase_order_draft_send_and_lines(make_window, ids):
    from pharmadesk.ui.stock.orders_tab import OrderDialog
    from pharmadesk.ui.stock.suppliers_tab import SupplierDialog

    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.orders)

    def draft(dialog: OrderDialog) -> bool:
        dialog.product.setText("4006381333931")
        dialog.quantity.setValue(24)
        assert dialog.add_line()
        return accepted(dialog)

    dialogs.expect(OrderDialog, draft)
    page.orders.new_order()
    order = store.stock.orders()[0]
    assert order["status"] == "draft"
    assert page.orders.orders.current()["id"] == order["id"]
    page.orders.show_lines()
    assert [(l["product_name"], l["quantity"]) for l in page.orders.lines.visible_rows()] == [("Paracetamol 500mg", 24)]
    page.orders.send_button.click()
    assert store.stock.order(order["id"])["status"] == "sent"
    page.orders.send_button.click()                      # a sent order cannot be sent again: the domain says so
    assert "cannot change" in page.orders.message.text()

    page.show_tab(page.suppliers)
    assert page.suppliers.table.select(lambda s: s["id"] == ids.supplier)

    def rename(dialog: SupplierDialog) -> bool:
        dialog.name.setText("MedSupply Ltd")
        dialog.lead_time.setValue(3)
        return accepted(dialog)

    dialogs.expect(SupplierDialog, rename)
    page.suppliers.edit_supplier()
    assert store.catalog.supplier(ids.supplier)["name"] == "MedSupply Ltd"
    assert store.catalog.supplier(ids.supplier)["lead_time_days"] == 3


def test_adjustment_with_a_reason(make_window, ids):
    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.adjust)
    page.adjust.picker.setText("Tramadol")
    page.adjust.picker.resolve()
    assert page.adjust.batches.select(lambda b: b["batch_no"] == "T-1")
    errors = []

    def adjust(dialog: StockChangeDialog) -> bool:
        dialog.quantity.setValue(-1)
        errors.append(None if accepted(dialog) else dialog.error.text())   # no reason yet
        dialog.reason.setText("broken on the shelf")
        return accepted(dialog)

    dialogs.expect(StockChangeDialog, adjust)
    page.adjust.adjust_button.click()
    assert errors == ["Give a reason for this stock change."]
    assert store.stock.on_hand(ids.controlled) == 9
    assert [m["note"] for m in page.adjust.moves.visible_rows()][0] == "broken on the shelf"
