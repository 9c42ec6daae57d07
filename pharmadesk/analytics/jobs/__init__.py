"""One job per analysis: ``run_<analysis>(store, as_of, params, progress=None, cancel=None) -> Result``.

The command line (``pharmadesk analytics NAME``, ``pharmadesk report``) and every owner page call these
and only format what they return. A job loads its frames through :mod:`pharmadesk.analytics.frames`,
calls the pure models and returns a frozen :class:`~pharmadesk.analytics.result.Result` (the table, the
parameters dataclass it ran with, notes) or a subclass with the extra parts a page shows. ``progress(fraction,
label)`` reports; ``cancel()`` returning True stops the job with :class:`pharmadesk.errors.Cancelled`
between steps; data that cannot answer raises :class:`pharmadesk.errors.AnalyticsError`.

Modules: :mod:`.members` (segments, value, campaigns), :mod:`.care` (reminders), :mod:`.stock` (reorder,
baskets), :mod:`.owner` (KPIs, dashboard, reports), :mod:`.promotions` (the promotion report).
"""

from pharmadesk.analytics.jobs.care import (
    ReminderParams, RemindersResult, run_med_sync, run_refill_status, run_reminder_conversion, run_reminders,
)
from pharmadesk.analytics.jobs.members import (
    CampaignParams, CampaignsResult, SegmentParams, SegmentsResult, ValueAtRiskParams, ValueAtRiskResult,
    ValueBacktestParams, ValueParams, ValueResult, run_campaigns, run_segments, run_value, run_value_at_risk,
    run_value_backtest, score_campaign, valuable_members,
)
from pharmadesk.analytics.jobs.owner import (
    DashboardParams, DashboardResult, KpiParams, ReportParams, ReportResult, period_bounds, run_daily_report,
    run_dashboard, run_kpis, run_monthly_report,
)
from pharmadesk.analytics.jobs.promotions import PromotionParams, PromotionsResult, run_promotion_report
from pharmadesk.analytics.jobs.stock import (
    BasketParams, ReorderBacktestParams, ReorderBacktestResult, ReorderParams, ReorderResult,
    run_basket_evaluation, run_basket_recommendation, run_basket_rules, run_reorder, run_reorder_backtest,
)

__all__ = [
    "BasketParams", "CampaignParams", "CampaignsResult", "DashboardParams", "DashboardResult", "KpiParams",
    "PromotionParams", "PromotionsResult", "ReminderParams", "RemindersResult", "ReorderBacktestParams",
    "ReorderBacktestResult", "ReorderParams",
    "ReorderResult", "ReportParams", "ReportResult", "SegmentParams", "SegmentsResult", "ValueAtRiskParams",
    "ValueAtRiskResult", "ValueBacktestParams", "ValueParams", "ValueResult", "period_bounds",
    "run_basket_evaluation", "run_basket_recommendation", "run_basket_rules", "run_campaigns", "run_daily_report",
    "run_dashboard", "run_kpis", "run_med_sync", "run_monthly_report", "run_promotion_report", "run_refill_status",
    "run_reminder_conversion", "run_reminders", "run_reorder", "run_reorder_backtest", "run_segments",
    "run_value", "run_value_at_risk", "run_value_backtest", "score_campaign", "valuable_members",
]
