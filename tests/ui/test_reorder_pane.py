"""The reorder pane on a small demo store: computes in the background, lists exactly the products the
analysis suggests, filters, turns edited quantities into purchase orders per supplier, saves a PDF."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtPrintSupport import QPrinter

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reorder
from pharmadesk.analytics.models.reorder_words import reorder_reason
from pharmadesk.reports.purchase_order import order_html
from pharmadesk.ui.common import money
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def _expected(store):
    as_of = store.today()
    return reorder.suggest(frames.reorder_daily_demand(store, as_of, reorder.suggestion_history_days()),
                           frames.reorder_products(store, as_of), frames.reorder_batches(store, as_of),
                           frames.reorder_on_order(store, as_of), as_of,
                           category_levels=store.settings.service_levels())


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
    why = pane.why.toPlainText()
    assert why == reorder_reason(first) and "demand (" not in why and first["method"] not in why
    assert f"the supplier needs {first['lead_time_days']} days" in why
    assert pane.why.toolTip() == first["why"]                 # the method's figures stay at hand

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

    order = store.stock.order(created[0])
    page = order_html(store, created[0])
    total = sum(line["quantity"] * (line["unit_cost"] or 0) for line in order["lines"])
    assert total > 0 and money(total) in page
    assert all(line["barcode"] in page for line in order["lines"])
    printed = tmp_path / "po-printed.pdf"

    def print_to_file(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return True

    assert pane.print_order_button.isEnabled()
    pane.exec_dialog = print_to_file
    pane.print_order_clicked()
    assert printed.read_bytes().startswith(b"%PDF")


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


def _end_of_day_on_hand(store, product_id, day) -> int:
    """Sellable stock of a product at the end of local ``day``, straight from the ledger: moves before local
    midnight starting day + 1, on batches whose expiry is day + 1 or later."""
    from datetime import datetime, time, timedelta, timezone

    morning = day + timedelta(days=1)
    cutoff = datetime.combine(morning, time()).astimezone().astimezone(timezone.utc).isoformat(timespec="microseconds")
    rows = store.db.all("SELECT COALESCE(SUM(m.quantity), 0) AS q FROM stock_moves m "
                        "JOIN batches b ON b.id = m.batch_id WHERE m.product_id = ? AND m.at < ? AND b.expiry >= ?",
                        (product_id, cutoff, morning.isoformat()))
    return int(rows[0]["q"])


def test_reorder_chart_shows_stock_history_forecast_band_and_levels(demo_window, qtbot):
    from datetime import timedelta

    import numpy as np
    from matplotlib.collections import PolyCollection

    from pharmadesk.ui.panes.reorder_pane import BAND_Z, HISTORY_DAYS, forecast_projection

    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "reorder", qtbot)
    as_of = pane.as_of
    stock = pane.result.stock
    assert len(stock) == HISTORY_DAYS and stock.index[-1] == pd.Timestamp(as_of - timedelta(days=1))
    rows = pane.rows()
    # the last day of the stock history is every product's on-hand at as_of
    assert all(stock[r["product_id"]].iloc[-1] == r["on_hand"] for r in rows)
    row = max(rows, key=lambda r: (stock[r["product_id"]].diff().abs().sum(), -r["product_id"]))
    pid = row["product_id"]
    assert stock[pid].nunique() > 2                            # a product whose stock moved in the window
    for offset in (1, 30, 90, HISTORY_DAYS):
        day = as_of - timedelta(days=offset)
        assert stock.loc[pd.Timestamp(day), pid] == _end_of_day_on_hand(store, pid, day), offset

    pane.draw_product(row)
    ax, stock_ax = pane.chart.figure.axes
    assert len(ax.patches) == HISTORY_DAYS
    lines = {line.get_label(): line for line in stock_ax.lines}
    history = lines["on hand (end of day)"]
    assert np.array_equal(np.asarray(history.get_ydata()), stock[pid].to_numpy())
    assert np.allclose(lines["reorder point"].get_ydata(), row["reorder_point"])
    assert np.allclose(lines["order-up-to level"].get_ydata(), row["order_up_to"])

    horizon = row["lead_time_days"] + row["review_days"]
    projection = forecast_projection(row, as_of)
    assert len(projection) == horizon + 1 and projection["date"].iloc[0] == pd.Timestamp(as_of)
    last = projection.iloc[-1]
    assert last["position"] == pytest.approx(row["position"] - row["forecast_daily"] * horizon)
    assert last["high"] - last["low"] == pytest.approx(2 * BAND_Z * row["sd_lead_review"])
    assert BAND_Z == pytest.approx(1.6449, abs=1e-4)
    assert projection["high"].iloc[0] == projection["low"].iloc[0] == row["position"]
    bands = [c for c in stock_ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 1
    ys = bands[0].get_paths()[0].vertices[:, 1]
    assert ys.max() - ys.min() == pytest.approx(projection["high"].max() - projection["low"].min())
    projected = lines["projected stock position"]
    assert np.allclose(np.asarray(projected.get_ydata(), dtype=float), projection["position"])


def test_reorder_chart_draws_without_history_or_supplier(demo_window, qtbot):
    from matplotlib.collections import PolyCollection

    window = demo_window("owner")
    pane = open_pane(window, "reorder", qtbot)
    row = {**pane.rows()[0], "product_id": -1, "name": "Nothing yet", "supplier_id": None,
           "supplier_name": "", "forecast_daily": 0.0, "sd_lead_review": float("nan"), "on_hand": 0,
           "on_order": 0, "position": 0, "reorder_point": 0, "order_up_to": 0}
    pane.draw_product(row)
    ax, stock_ax = pane.chart.figure.axes
    assert len(ax.patches) == 180 and all(p.get_height() == 0 for p in ax.patches)
    band = [c for c in stock_ax.collections if isinstance(c, PolyCollection)]
    assert len(band) == 1
    pane.chart.draw()                                          # renders without errors


def test_reorder_pane_states_the_money_and_shows_the_service_stock_tradeoff(demo_window, qtbot):
    window = demo_window("owner")
    pane = open_pane(window, "reorder", qtbot)
    expected = _expected(window.store)
    curve = reorder.service_tradeoff(expected)
    chosen = curve[curve["point"] == "chosen"].iloc[0]
    text = pane.summary.text()
    order_value = int(round(expected["order_value"].sum()))
    assert money(order_value) in text                           # the suggestion's money at cost
    assert money(int(round(expected["stock_value"].sum()))) in text      # the money in stock now
    assert f"{chosen['fill_pct']:.1f} %" in text and 50 < chosen["fill_pct"] < 100

    pane.draw_tradeoff(pane.result.tradeoff)
    ax = pane.tradeoff_chart.figure.axes[0]
    lines = {line.get_label(): line for line in ax.lines}
    uniform = curve[curve["point"] != "chosen"]
    curve_line = lines["same service level for every product"]
    assert list(curve_line.get_xdata()) == pytest.approx(list(uniform["days_of_cover"]))
    assert list(curve_line.get_ydata()) == pytest.approx(list(uniform["fill_pct"]))
    marked = lines["your settings"]                           # the chosen point, marked
    assert list(marked.get_xdata()) == pytest.approx([chosen["days_of_cover"]])
    assert list(marked.get_ydata()) == pytest.approx([chosen["fill_pct"]])
    assert [c.get_xlabel() for c in ax.child_axes] == ["average stock value at cost"]    # stock value on top
    pane.tradeoff_chart.draw()
