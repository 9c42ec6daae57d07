"""The reorder pane on a small demo store: computes in the background, lists exactly the products the
analysis suggests, filters, turns edited quantities into purchase orders per supplier, saves a PDF."""

from __future__ import annotations

from pharmadesk.analytics import frames, reorder
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def _expected(store):
    as_of = store.today()
    return reorder.suggest(frames.reorder_daily_demand(store, as_of, 365), frames.reorder_products(store, as_of),
                           frames.reorder_batches(store, as_of), frames.reorder_on_order(store, as_of), as_of)


def test_reorder_pane_shows_the_suggestions_and_creates_orders(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "reorder", qtbot)
    expected = _expected(store)
    to_order = expected[expected["suggested_qty"] > 0]
    assert len(to_order) > 0
    assert pane.table.model.rowCount() == len(to_order)
    assert {r["product_id"] for r in pane.table.visible_rows()} == set(to_order["product_id"])
    first = pane.table.current()
    assert pane.why.toPlainText() == first["why"] and first["why"]

    pane.all_products.setChecked(True)
    assert pane.table.model.rowCount() == len(expected)
    supplier = first["supplier_name"]
    pane.supplier_filter.setCurrentIndex(pane.supplier_filter.findData(supplier))
    assert pane.table.visible_rows() and all(r["supplier_name"] == supplier for r in pane.table.visible_rows())
    pane.supplier_filter.setCurrentIndex(0)
    pane.all_products.setChecked(False)

    # edit the first row's order quantity in the table
    column = [c.key for c in pane.table.model.columns].index("order_qty")
    assert pane.table.select(lambda r: r["product_id"] == first["product_id"])
    index = pane.table.proxy.index(pane.table.view.currentIndex().row(), column)
    assert pane.table.proxy.setData(index, first["suggested_qty"] + 5)
    assert first["order_qty"] == first["suggested_qty"] + 5

    suppliers = set(to_order["supplier_id"].dropna().astype(int))
    orders_before = store.db.scalar("SELECT count(*) FROM purchase_orders")
    created = pane.create_orders()
    assert len(created) == len(suppliers)
    assert store.db.scalar("SELECT count(*) FROM purchase_orders") == orders_before + len(suppliers)
    line = store.db.one(f"SELECT l.quantity FROM purchase_order_lines l WHERE l.product_id = ? "
                        f"AND l.order_id IN ({','.join('?' * len(created))})", (first["product_id"], *created))
    assert line == {"quantity": first["suggested_qty"] + 5}

    pdf = pane.save_order_pdf(created[0], tmp_path / "po.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 500


def test_reorder_pane_chart_draws_for_the_selected_product(demo_window, qtbot):
    window = demo_window("owner")
    pane = open_pane(window, "reorder", qtbot)
    row = pane.table.current()
    pane.draw_product(row)
    axes = pane.chart.figure.axes
    assert len(axes) == 2                                   # demand + the stock levels on a twin axis
    assert len(axes[0].patches) == 180                      # one bar per day of the last 180 days


def test_charts_render_chinese_labels_without_missing_glyphs(qtbot, recwarn):
    from pharmadesk.ui.panes.charts import ChartCanvas

    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.ax.set_title("补货建议：每日需求")
    canvas.ax.plot([0, 1], [1, 2], label="预测")
    canvas.ax.legend()
    canvas.draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message) or "Glyph" in str(w.message)]
