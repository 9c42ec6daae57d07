"""The Promotions report on the owner's Reports page: the view computes in the background, shows one row per
promotion with the job's figures and the verdict in words, explains the selected one, and recomputes when a
promotion is added."""

from __future__ import annotations

from datetime import timedelta

from pharmadesk.analytics.jobs import PromotionParams, run_promotion_report
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.panes.promotions_report import PromotionResultsView
from tests.analytics.promotion_helpers import VITAMIN_PRICE, add_promotion, add_vitamins, local_noon, promoted_sale


def _history(store, ids, clock):
    """Four ordinary weeks of one vitamin a day, then a week of three a day at 10 % off (12 promoted sales)."""
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    for offset in range(28):
        clock.moment = local_noon(today + timedelta(days=offset))
        store.sales.sell([CartLine(vitamins, 1)], [Payment("cash", VITAMIN_PRICE)])
    start = today + timedelta(days=28)
    promotion = add_promotion(store, "Vitamin week", start, start + timedelta(days=6), products=(vitamins,))
    for offset in range(12):
        clock.moment = local_noon(start + timedelta(days=offset % 6))
        promoted_sale(store, [(vitamins, 3, {promotion: 600})])
    clock.moment = local_noon(start + timedelta(days=7))
    return vitamins, promotion


def test_promotions_report_in_the_reports_page(make_window, qtbot, ids, clock):
    window, store, _driver = make_window("owner")
    _vitamins, promotion = _history(store, ids, clock)
    window.show_page("reports")
    pane = window.pages["reports"]
    pane.choose("promotions", store.today())
    view = pane.promotions
    assert isinstance(view, PromotionResultsView) and pane.stack.currentWidget() is view
    assert not pane.print_button.isVisible() and view.isVisible()
    qtbot.waitUntil(lambda: view.result is not None and not view.busy, timeout=60_000)

    expected = run_promotion_report(store, store.today(), PromotionParams()).frame.iloc[0]
    rows = view.rows()
    assert [r["promotion_id"] for r in rows] == [promotion]
    row = rows[0]
    assert row["verdict"] == expected["verdict"] == "paid_for_itself"
    assert (row["sales"], row["discount_cost"], row["net_effect"]) == (
        expected["sales"], expected["discount_cost"], expected["net_effect"])
    shown = [view.table.model.data(view.table.model.index(0, c)) for c in range(len(view.table.model.columns))]
    verdict = f"paid for itself (+{expected['verdict_amount'] / 100:,.2f})"
    assert shown[-1] == verdict and "Vitamin week" in shown
    assert verdict in view.details.text() and "same weekdays" in view.details.text()

    later = add_promotion(store, "Coupon day", store.today(), kind="coupon", amount=500)
    pane.refresh()
    qtbot.waitUntil(lambda: not view.busy and len(view.rows()) == 2, timeout=60_000)
    newest = view.rows()[0]
    assert newest["promotion_id"] == later and newest["verdict_text"] == "too early to tell"
    assert newest["coupons"] == "0 / 0 / 0"

    pane.choose("daily", store.today() - timedelta(days=1))      # back to the printed reports
    qtbot.waitUntil(lambda: pane.result is not None and not pane.busy, timeout=60_000)
    assert pane.stack.currentWidget() is pane.view and pane.print_button.isVisible()
