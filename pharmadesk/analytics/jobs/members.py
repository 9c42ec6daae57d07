"""Jobs over members: segments, member value (and its backtest, and the valuable members at risk) and
campaign results. Each loads its frames through :mod:`pharmadesk.analytics.frames`, calls the pure models
and returns a frozen :class:`~pharmadesk.analytics.result.Result`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import campaigns, segments, value
from pharmadesk.analytics.result import Cancel, Progress, Result, Steps
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError
from pharmadesk.wording import Text


# -- segments -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SegmentParams:
    """``k``: number of segments, None = chosen by silhouette over 3..8; ``resamples``: bootstrap refits for
    the stability figure (0 = none)."""

    k: int | None = None
    resamples: int = 5


@dataclass(frozen=True, kw_only=True)
class SegmentsResult(Result):
    """``frame``: one row per segment; ``members``: each member's segment, features and RFM score."""

    members: pd.DataFrame
    k: int
    stability: float


def run_segments(store, as_of: date, params: SegmentParams = SegmentParams(), progress: Progress = None,
                 cancel: Cancel = None) -> SegmentsResult:
    """Member segments (RFM + tenure + category mix, k-means; :mod:`~pharmadesk.analytics.models.segments`)."""
    steps = Steps(progress, cancel)
    steps(0.02, Text("progress", QT_TRANSLATE_NOOP("progress", "Reading members' purchases")))
    features = segments.build_features(frames.member_features(store, as_of), as_of)
    steps(0.1, Text("progress", QT_TRANSLATE_NOOP("progress", "Grouping members")))
    result = segments.segment_members(features, k=params.k, resamples=params.resamples,
                                      progress=steps.part(0.1, 0.98))
    steps(1.0, "done")
    return SegmentsResult(frame=result.summary, params=params, notes=tuple(result.notes()), members=result.members,
                          k=result.k, stability=result.stability)


# -- member value -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ValueParams:
    """``horizon_days``: days ahead for expected purchases and spend (default 90)."""

    horizon_days: int = value.HORIZON_DAYS


@dataclass(frozen=True, kw_only=True)
class ValueResult(Result):
    """``frame``: one row per member who has bought, highest CLV first; ``model``: the fitted parameters and
    totals as ``metric, value`` rows."""

    model: pd.DataFrame


def long_table(items: dict) -> pd.DataFrame:
    """``{name: value}`` as a two-column ``metric, value`` table (numbers kept, anything else as text)."""
    return pd.DataFrame({"metric": list(items), "value": [v if isinstance(v, (int, float)) else str(v)
                                                          for v in items.values()]})


def run_value(store, as_of: date, params: ValueParams = ValueParams(), progress: Progress = None,
              cancel: Cancel = None) -> ValueResult:
    """P(alive), expected purchases and spend, 12-month CLV per member (BG/NBD + Gamma-Gamma,
    :func:`~pharmadesk.analytics.models.value.member_value`)."""
    steps = Steps(progress, cancel)
    steps(0.02, "purchase days")
    purchases = frames.member_purchase_days(store, as_of)
    steps(0.1, "fitting")
    fit = value.member_value(purchases, as_of, horizon_days=params.horizon_days, progress=steps.part(0.1, 0.95))
    table, bg, gg = fit.table, fit.bgnbd, fit.gamma_gamma
    notes = (Text("analytics", QT_TRANSLATE_NOOP("analytics", "Value over {months} months of revenue, a future month "
                                                              "counted {discount:.0%} less than the one before."),
                  months=fit.clv_months, discount=fit.monthly_discount),
             Text("analytics", QT_TRANSLATE_NOOP("analytics", "Visits model (BG/NBD, weeks): r={r:.4f} alpha={alpha:.4f} "
                                                              "a={a:.4f} b={b:.4f}, log-likelihood {ll:.1f}, {n} members."),
                  r=bg["r"], alpha=bg["alpha"], a=bg["a"], b=bg["b"], ll=bg["log_likelihood"], n=bg["n"]),
             Text("analytics", QT_TRANSLATE_NOOP("analytics", "Spend model (Gamma-Gamma, cents): p={p:.4f} q={q:.4f} "
                                                              "v={v:.2f}, {n} repeat buyers."),
                  p=gg["p"], q=gg["q"], v=gg["v"], n=gg["n"]))
    model = long_table({**{f"bgnbd_{k}": v for k, v in bg.items()}, **{f"gamma_gamma_{k}": v for k, v in gg.items()},
                        "members": len(table), "expected_purchases_total": table["expected_purchases"].sum(),
                        "expected_spend_total": table["expected_spend"].sum(), "clv_total": table["clv"].sum(),
                        "mean_p_alive": table["p_alive"].mean()})
    ranked = table.sort_values(["clv", "member_id"], ascending=[False, True], kind="stable")
    steps(1.0, "done")
    return ValueResult(frame=ranked, params=params, notes=notes, model=model)


@dataclass(frozen=True)
class ValueBacktestParams:
    """``holdout_days``: fit this many days before ``as_of`` and compare with what members bought since."""

    holdout_days: int = value.HORIZON_DAYS


def run_value_backtest(store, as_of: date, params: ValueBacktestParams = ValueBacktestParams(),
                       progress: Progress = None, cancel: Cancel = None) -> Result:
    """The value model's backtest (:func:`~pharmadesk.analytics.models.value.backtest_value`) as
    ``metric, value`` rows."""
    steps = Steps(progress, cancel)
    steps(0.02, "purchase days")
    purchases = frames.member_purchase_days(store, as_of)
    frame = value.backtest_value(purchases, as_of, holdout_days=params.holdout_days, progress=steps.part(0.1, 0.98))
    steps(1.0, "done")
    return Result(frame=long_table(frame.iloc[0].to_dict()), params=params)


@dataclass(frozen=True)
class ValueAtRiskParams:
    """The valuable members (top ``share`` by CLV, at least one) with the lowest P(alive), at most
    ``max_rows`` of them; the value model as :class:`ValueParams`."""

    share: float = 0.20
    max_rows: int = 100
    horizon_days: int = value.HORIZON_DAYS


@dataclass(frozen=True, kw_only=True)
class ValueAtRiskResult(Result):
    """``frame``: the valuable members least likely to still be active, with their ``name``;
    ``valuable_ids``: every valuable member; ``clv_threshold``: the lowest CLV among them; ``members``:
    members with a purchase; ``expected_spend``: every member's expected spend (minor units)."""

    valuable_ids: frozenset[int]
    clv_threshold: float
    members: int
    expected_spend: np.ndarray


def valuable_members(table: pd.DataFrame, share: float = ValueAtRiskParams.share) -> pd.DataFrame:
    """The rows of a member value table whose CLV is in the top ``share`` (at least one row)."""
    count = max(1, int(np.ceil(share * len(table))))
    return table.sort_values(["clv", "member_id"], ascending=[False, True], kind="stable").head(count)


def run_value_at_risk(store, as_of: date, params: ValueAtRiskParams = ValueAtRiskParams(), progress: Progress = None,
                      cancel: Cancel = None) -> ValueAtRiskResult:
    """:func:`run_value`, then the valuable members most likely to lapse, named for the owner's calls."""
    steps = Steps(progress, cancel)
    fitted = run_value(store, as_of, ValueParams(params.horizon_days), steps.part(0.0, 0.95), cancel)
    table = fitted.frame
    valuable = valuable_members(table, params.share)
    at_risk = valuable.sort_values(["p_alive", "member_id"], kind="stable").head(params.max_rows).copy()
    names = frames.member_names(store, [int(i) for i in at_risk["member_id"]])
    at_risk["member_id"] = at_risk["member_id"].astype(int)
    at_risk["name"] = [names.get(int(i)) or "" for i in at_risk["member_id"]]
    steps(1.0, "done")
    return ValueAtRiskResult(frame=at_risk.reset_index(drop=True), params=params, notes=fitted.notes,
                             valuable_ids=frozenset(int(i) for i in valuable["member_id"]),
                             clv_threshold=float(valuable["clv"].min()), members=len(table),
                             expected_spend=table["expected_spend"].to_numpy())


# -- campaigns ----------------------------------------------------------------------------------------------

CAMPAIGN_NOTES = (Text("analytics", QT_TRANSLATE_NOOP(
    "analytics", "Extra buyers are the campaign group's buyers beyond what the held-out group suggests (95 % range: "
                 "Newcombe interval); return = (extra gross margin - cost) / cost; cost per extra buyer = cost / "
                 "extra buyers; member value = 12 months of margin.")),)


@dataclass(frozen=True)
class CampaignParams:
    """``campaign_id``: the campaign to score; None = every campaign."""

    campaign_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class CampaignsResult(Result):
    """``frame``: one row of results per campaign (oldest first, or the one asked for); ``campaigns``: each
    campaign as ``store.campaigns.get`` gives it (name, segment, target and holdout sizes), in the same order."""

    campaigns: tuple[dict, ...] = ()


def score_campaign(store, campaign_id: int, as_of: date, progress: Progress = None) -> pd.DataFrame:
    """One campaign's results as of ``as_of`` (:func:`~pharmadesk.analytics.models.campaigns.campaign_results`,
    one row); CLV comes from :func:`~pharmadesk.analytics.models.value.member_value` fitted on the data before
    the window (none when nobody bought before it)."""
    campaign, arms = frames.campaign_frame(store, campaign_id, as_of)
    starts_on, ends_on = date.fromisoformat(campaign["starts_on"]), date.fromisoformat(campaign["ends_on"])
    stop = min(as_of, ends_on + timedelta(days=1))
    window = frames.member_purchase_days(store, stop, start=starts_on, margin=True)
    try:
        clv = value.member_value(frames.member_purchase_days(store, starts_on), starts_on).table[["member_id", "clv"]]
    except AnalyticsError:          # no purchase history before the window: no CLV
        clv = None
    return campaigns.campaign_results(campaign, arms, window, as_of=as_of, clv=clv, progress=progress)


def run_campaigns(store, as_of: date, params: CampaignParams = CampaignParams(), progress: Progress = None,
                  cancel: Cancel = None) -> CampaignsResult:
    """Campaign results: conversion vs the random holdout, uplift with its 95 % interval, ROI, CLV/CAC."""
    steps = Steps(progress, cancel)
    listed = (list(reversed(store.campaigns.list())) if params.campaign_id is None
              else [store.campaigns.get(params.campaign_id)])
    scored = []
    for i, campaign in enumerate(listed):
        steps(i / max(len(listed), 1), Text("progress", QT_TRANSLATE_NOOP("progress", "Campaign {id}"),
                                                      id=campaign["id"]))
        scored.append(score_campaign(store, campaign["id"], as_of))
    frame = pd.concat(scored, ignore_index=True) if scored else pd.DataFrame(columns=["campaign_id"])
    steps(1.0, "done")
    return CampaignsResult(frame=frame, params=params, notes=CAMPAIGN_NOTES, campaigns=tuple(listed))
