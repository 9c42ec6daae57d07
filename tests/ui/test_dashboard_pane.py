"""The owner's dashboard on a small demo store: tiles equal owner_kpis for the period, the heat map counts
every transaction, the category drill-down, PDF and Excel export; a pharmacist has no dashboard."""

from __future__ import annotations

import math

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import joined_kpis, kpis
from pharmadesk.analytics.jobs import period_bounds
from pharmadesk.ui.panes.dashboard_pane import TILES
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def _same(a, b) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_dashboard_tiles_heat_map_and_drill_down(demo_window, qtbot):
    window = demo_window("owner")
    assert "dashboard" in window.nav_keys() and window.nav_keys()[0] == "till"
    pane = open_pane(window, "dashboard", qtbot)
    store = window.store
    start, end = period_bounds("30", store.today())
    assert (pane.result.start, pane.result.end) == (start, end)
    joined = joined_kpis.for_periods(frames.joined_kpi_frames(store, start - (end - start), end, end), start, end)
    expected = kpis.owner_kpis(frames.kpi_frames(store, start - (end - start), end), start, end,
                               **joined).set_index("kpi")
    assert set(pane.tile_values) == set(TILES)
    for kpi, value in pane.tile_values.items():
        assert _same(value["current"], expected.loc[kpi, "current"]), kpi
        assert _same(value["previous"], expected.loc[kpi, "previous"]), kpi
        assert _same(value["change_pct"], expected.loc[kpi, "change_pct"]), kpi
    assert expected.loc["transactions", "current"] > 0

    heat = pane.result.heat
    assert heat.shape == (7, 24)
    assert int(heat.sum()) == int(expected.loc["transactions", "current"])

    category = pane.result.mix[0][0]
    rows = pane.drill_down(category)
    assert rows and all(r["category"] == category for r in rows)
    assert pane.drill_table.visible_rows() == rows
    assert len(pane.top_table.visible_rows()) == min(10, len(pane.result.products))


def test_dashboard_period_change_and_export(demo_window, qtbot, tmp_path):
    from openpyxl import load_workbook

    window = demo_window("owner")
    pane = open_pane(window, "dashboard", qtbot)
    pane.period.setCurrentIndex(pane.period.findData("7"))
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.params.period == "7" and not pane.busy,
                    timeout=60_000)
    start, end = period_bounds("7", window.store.today())
    expected = kpis.owner_kpis(frames.kpi_frames(window.store, start - (end - start), end), start, end)
    assert _same(pane.tile_values["sales"]["current"], expected.set_index("kpi").loc["sales", "current"])

    pdf = pane.export_pdf(tmp_path / "dashboard.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000

    book = load_workbook(pane.export_excel(tmp_path / "dashboard.xlsx"))
    sheet = book[book.sheetnames[0]]
    labels = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(labels) == len(TILES) and labels[0] == "Sales"
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert _same(values["Sales"], pane.tile_values["sales"]["current"])


def test_pharmacist_has_no_dashboard(demo_window):
    window = demo_window("pharmacist")
    assert "dashboard" not in window.nav_keys()


def test_clicking_a_category_bar_drills_down(demo_window, qtbot):
    from types import SimpleNamespace

    window = demo_window("owner")
    pane = open_pane(window, "dashboard", qtbot)
    bars = [p for p in pane.mix_chart.figure.axes[0].patches if p.get_gid() is not None]
    assert len(bars) == len(pane.result.mix)
    pane._picked(SimpleNamespace(artist=bars[-1]))
    category = pane.result.mix[-1][0]
    assert pane.drill_category == category
    assert all(r["category"] == category for r in pane.drill_table.visible_rows())


def test_reorder_pane_exports_through_the_base_class(demo_window, qtbot, tmp_path):
    from openpyxl import load_workbook

    window = demo_window("owner")
    pane = open_pane(window, "reorder", qtbot)
    assert pane.export_pdf(tmp_path / "reorder.pdf").read_bytes().startswith(b"%PDF")
    book = load_workbook(pane.export_excel(tmp_path / "reorder.xlsx"))
    sheet = book[book.sheetnames[0]]
    assert sheet.max_row - 1 == len(pane.table.visible_rows()) > 0
