"""Member segments: RFM + tenure + category mix, robust scaling, k-means, owner-words names, RFM scores.

    features = build_features(frames.member_features(store, as_of), as_of)
    result = segment_members(features)             # k chosen by silhouette over 3..8
    result.summary                                 # one row per segment
    result.members                                 # each member's segment, features and RFM score "555"
    result.stability                               # mean adjusted Rand index over bootstrap refits

Method (all parameters are arguments with these defaults):

- **Features** (:func:`build_features`), per member with at least one purchase before ``as_of``:
  ``recency_days`` (whole days from the last purchase to ``as_of``), ``frequency`` (number of
  sales), ``monetary`` (sum paid, currency units), ``tenure_days`` (days since registration, or
  since the first purchase when that is earlier, e.g. imported history) and the share of spend in
  the categories ``chronic, acute, otc, supplement, mother_baby`` (personal care and devices are
  folded into an ``other`` share that is reported but not clustered on: the six shares sum to 1).
  Members who bought nothing yet get the segment ``"no purchase yet"`` and are not clustered.
- **Scaling**: ``log1p`` on recency, frequency and monetary (all three are heavy-tailed), then
  scikit-learn ``RobustScaler`` (median / inter-quartile range) on recency, frequency, monetary and
  tenure. The five category shares are used as they are (proportions 0..1, already on one common
  scale): robust-scaling a share most members have at 0 divides by a near-zero or arbitrary IQR and
  lets that one category swamp (or vanish from) the distance, which split or merged planted groups
  in our tests. A full swing of one share (0 -> 1) weighs about as much as one IQR of an RFM feature.
- **Clustering**: scikit-learn ``KMeans(n_clusters=k, random_state=0, n_init=10)``. When ``k`` is
  not given it is the k in ``k_range`` (default 3..8) with the highest silhouette coefficient
  (Euclidean, on the scaled features) measured on a random sample of ``sample_size`` (default
  3,000) members drawn with ``random_state``; the chosen k is then fitted on every member.
- **Names** (:func:`name_segments`): from each cluster's profile (median recency and tenure, mean
  frequency, monetary, ticket and shares) relative to the same figures over all purchasing members,
  by the rules in :data:`NAME_RULES`, taken in priority order; each name says what the owner does
  with the group ("win back", "reward regulars") and is given only when the group's own figures fit it
  (:func:`name_fits`); each goes to the cluster that fits it best and is used once; a cluster no rule
  fits is "win back 2" when its median member last bought 180+ days ago, else "keep in touch" (then
  "keep in touch 2", ...). Names are English keys, translated in context ``"segments"``.
- **Classic RFM scores** (:func:`rfm_scores`): quintiles 1-5 of recency (5 = most recent),
  frequency and monetary (5 = most), ties broken by member id, as the string ``"555"``.
- **Stability** (:func:`stability`): ``resamples`` (default 5) bootstrap samples of
  ``min(n, resample_size)`` members (default 10,000) drawn with replacement; k-means with the same
  k and parameters is fitted on each and predicts every member; the figure is the mean adjusted
  Rand index between those assignments and the full fit (1 = identical partitions, 0 = chance).

**Threads**: the clustering runs single-threaded (``threadpoolctl.threadpool_limits(1)``). On the till
PC (2 cores, the till and the GUI busy) OpenMP/BLAS worker threads spin against each other: on the 50k
demo store one k-means fit took 3.1 s with 2 threads under load and 0.13 s with one.

Pure and deterministic: DataFrames in, DataFrames out, ``random_state`` fixed, ``progress(fraction,
label)`` optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import RobustScaler
from threadpoolctl import threadpool_limits

from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError
from pharmadesk.wording import Text

MIX = ("chronic", "acute", "otc", "supplement", "mother_baby")
SHARE_COLUMNS = [f"share_{c}" for c in MIX]
CLUSTER_FEATURES = ["recency_days", "frequency", "monetary", "tenure_days", *SHARE_COLUMNS]
SCALED_FEATURES = ["recency_days", "frequency", "monetary", "tenure_days"]
LOG_FEATURES = ("recency_days", "frequency", "monetary")
NO_PURCHASE = "no purchase yet"       # translated in context "segments" (see SEGMENT_NAMES)
MINOR_PER_MAJOR = 100

Progress = Callable[[float, str], None] | None


# -- features ---------------------------------------------------------------------------------------------

def _as_timestamp(as_of: date | datetime | str) -> pd.Timestamp:
    stamp = pd.Timestamp(as_of)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.normalize()


def build_features(member_features: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Segmentation features from :func:`pharmadesk.analytics.frames.member_features`.

    Returns one row per member (index ``member_id``): ``recency_days`` (NaN when no purchase),
    ``frequency``, ``monetary`` (currency units), ``avg_ticket`` (currency units, NaN when no purchase),
    ``tenure_days``, ``share_<category>`` for the five mix categories and ``share_other``.
    """
    frame = member_features.set_index("member_id")
    now = _as_timestamp(as_of)
    spend_columns = [f"spend_{c}" for c in MIX] + ["spend_other"]
    spend = frame[spend_columns].astype(float)
    total_spend = spend.sum(axis=1)
    out = pd.DataFrame(index=frame.index)
    out["recency_days"] = (now - frame["last_purchase"]).dt.total_seconds() // 86400
    out["frequency"] = frame["frequency"].astype(int)
    out["monetary"] = frame["monetary"] / MINOR_PER_MAJOR
    out["avg_ticket"] = (out["monetary"] / out["frequency"]).where(out["frequency"] > 0)
    start = frame["registered_at"]
    if "first_purchase" in frame:
        start = start.where(frame["first_purchase"].isna() | (start <= frame["first_purchase"]),
                            frame["first_purchase"])
    out["tenure_days"] = ((now - start).dt.total_seconds() // 86400).clip(lower=0)
    for category in [*MIX, "other"]:
        out[f"share_{category}"] = (spend[f"spend_{category}"] / total_spend).where(total_spend > 0, 0.0)
    return out


# -- classic RFM scores -----------------------------------------------------------------------------------

def _quintile(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Scores 1..5 by equal-count bins of the rank (ties broken by the index order, i.e. member id)."""
    ordered = values if higher_is_better else -values
    ranks = ordered.rank(method="first")
    return (np.ceil(ranks * 5 / len(ranks))).clip(1, 5).astype(int)


def rfm_scores(features: pd.DataFrame) -> pd.DataFrame:
    """Classic RFM quintile scores for members with a purchase: ``R, F, M`` (1-5, 5 best) and ``rfm_score``
    ("555"). Recency: 5 = most recent fifth; frequency and monetary: 5 = highest fifth."""
    buyers = features[features["frequency"] > 0].sort_index()
    scores = pd.DataFrame(index=buyers.index)
    if len(buyers) == 0:
        return scores.assign(R=pd.Series(dtype=int), F=pd.Series(dtype=int), M=pd.Series(dtype=int),
                             rfm_score=pd.Series(dtype=str))
    scores["R"] = _quintile(buyers["recency_days"], higher_is_better=False)
    scores["F"] = _quintile(buyers["frequency"])
    scores["M"] = _quintile(buyers["monetary"])
    scores["rfm_score"] = scores["R"].astype(str) + scores["F"].astype(str) + scores["M"].astype(str)
    return scores


# -- scaling, k, clustering -------------------------------------------------------------------------------

def scale_features(features: pd.DataFrame) -> np.ndarray:
    """The clustering matrix: ``log1p`` on recency, frequency and monetary, ``RobustScaler`` (median / IQR) on
    recency, frequency, monetary and tenure; the five category shares are appended unscaled (see module doc)."""
    matrix = features[SCALED_FEATURES].astype(float).copy()
    for column in LOG_FEATURES:
        matrix[column] = np.log1p(matrix[column].clip(lower=0))
    scaled = RobustScaler().fit_transform(matrix.to_numpy())
    return np.hstack([scaled, features[SHARE_COLUMNS].astype(float).to_numpy()])


def _kmeans(k: int, random_state: int) -> KMeans:
    return KMeans(n_clusters=k, random_state=random_state, n_init=10)


def choose_k(scaled: np.ndarray, k_range: tuple[int, int] = (3, 8), sample_size: int = 3000,
             random_state: int = 0, progress: Progress = None) -> tuple[int, dict[int, float]]:
    """The k in ``k_range`` (inclusive) with the highest silhouette on a random sample of ``sample_size`` rows;
    returns ``(k, {k: silhouette})``. Ties go to the smaller k."""
    rng = np.random.default_rng(random_state)
    n = len(scaled)
    sample = scaled if n <= sample_size else scaled[np.sort(rng.choice(n, sample_size, replace=False))]
    low, high = k_range
    high = min(high, len(np.unique(sample, axis=0)) - 1)
    if high < low:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "Too few distinct members ({n}) to choose between {low} "
                                                         "and {high} segments."), n=n, low=k_range[0], high=k_range[1])
    scores: dict[int, float] = {}
    for i, k in enumerate(range(low, high + 1)):
        labels = _kmeans(k, random_state).fit_predict(sample)
        scores[k] = float(silhouette_score(sample, labels)) if len(set(labels)) > 1 else -1.0
        if progress:
            progress(0.1 + 0.4 * (i + 1) / (high - low + 1), Text("progress", QT_TRANSLATE_NOOP("progress", "Trying {k} groups"), k=k))
    best = max(scores, key=lambda k: (scores[k], -k))
    return best, scores


def stability(scaled: np.ndarray, labels: np.ndarray, k: int, resamples: int = 5, resample_size: int = 10000,
              random_state: int = 0, progress: Progress = None) -> list[float]:
    """Adjusted Rand index between ``labels`` and the assignments of k-means refitted on each bootstrap resample
    (``min(n, resample_size)`` rows drawn with replacement) and predicting every row; one figure per resample."""
    rng = np.random.default_rng(random_state + 1)
    n = len(scaled)
    size = min(n, resample_size)
    figures = []
    for i in range(resamples):
        rows = rng.choice(n, size, replace=True)
        model = _kmeans(k, random_state).fit(scaled[rows])
        figures.append(float(adjusted_rand_score(labels, model.predict(scaled))))
        if progress:
            progress(0.7 + 0.25 * (i + 1) / resamples, Text("progress", QT_TRANSLATE_NOOP("progress", "Checking the groups hold ({i} of {n})"),
                                                             i=i + 1, n=resamples))
    return figures


# -- names ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NameRule:
    """A segment name, the condition a cluster profile must meet (relative to the population profile) and
    how strongly it meets it (the best-fitting cluster gets the name)."""

    name: str
    description: str
    test: Callable[[pd.Series, pd.Series], bool]
    strength: Callable[[pd.Series, pd.Series], float]


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else (np.inf if a else 1.0)


def _share_rule(name: str, label: str, column: str, floor: float, factor: float) -> NameRule:
    """A segment named for what it buys: its ``column`` share is at least ``floor`` and ``factor`` times
    the population's."""
    return NameRule(name, f"{label} >= {floor} and >= {factor}x the population's, median recency < 180 days",
                    lambda c, p: c[column] >= floor and c[column] >= factor * p[column] and _not_gone(c),
                    lambda c, p: _ratio(c[column], p[column]))


#: Beyond this median recency (days) a group is gone for now: only "win back" fits it.
GONE_DAYS = 180
#: A name that promises an active group ("reward regulars", "keep refills on time") needs its median member
#: to have bought within this many days.
ACTIVE_DAYS = 90


def _active(c: pd.Series) -> bool:
    return c.recency <= ACTIVE_DAYS


def _not_gone(c: pd.Series) -> bool:
    return c.recency < GONE_DAYS


#: The naming rules, in priority order. Each name says what the owner does with the group. ``c`` is a
#: cluster's profile, ``p`` the population's (purchasing members): ``recency`` and ``tenure`` are medians in
#: days; ``frequency``, ``monetary``, ``ticket`` and the ``share_*`` columns are means (ticket = monetary /
#: frequency, currency units). A rule also checks the absolute figures its name promises (an active group
#: bought within :data:`ACTIVE_DAYS`, nobody but "win back" past :data:`GONE_DAYS`), so a name never
#: contradicts the group's numbers (:func:`name_fits`).
NAME_RULES: tuple[NameRule, ...] = (
    NameRule(QT_TRANSLATE_NOOP("segments", "win back"), "median recency >= 180 days and >= 1.5x the population's",
             lambda c, p: c.recency >= GONE_DAYS and c.recency >= 1.5 * p.recency,
             lambda c, p: _ratio(c.recency, p.recency)),
    NameRule(QT_TRANSLATE_NOOP("segments", "welcome newcomers"),
             "median tenure <= 0.35x the population's and <= 180 days, bought within 90 days",
             lambda c, p: c.tenure <= 0.35 * p.tenure and c.tenure <= 180 and _active(c),
             lambda c, p: _ratio(p.tenure, max(c.tenure, 1))),
    NameRule(QT_TRANSLATE_NOOP("segments", "call before they drift"),
             "median recency >= 1.5x the population's but < 180 days, frequency >= the population's",
             lambda c, p: c.recency >= 1.5 * p.recency and _not_gone(c) and c.frequency >= p.frequency,
             lambda c, p: _ratio(c.recency, p.recency) * _ratio(c.frequency, p.frequency)),
    NameRule(QT_TRANSLATE_NOOP("segments", "keep refills on time"),
             "chronic share >= 0.5 and >= 1.5x the population's, frequency >= the population's, "
             "bought within 90 days",
             lambda c, p: c.share_chronic >= 0.5 and c.share_chronic >= 1.5 * p.share_chronic
             and c.frequency >= p.frequency and _active(c),
             lambda c, p: _ratio(c.share_chronic, p.share_chronic)),
    NameRule(QT_TRANSLATE_NOOP("segments", "mother & baby offers"),
             "mother & baby share >= 0.25 and >= 2x the population's, median recency < 180 days",
             lambda c, p: c.share_mother_baby >= 0.25 and c.share_mother_baby >= 2 * p.share_mother_baby
             and _not_gone(c),
             lambda c, p: _ratio(c.share_mother_baby, p.share_mother_baby)),
    NameRule(QT_TRANSLATE_NOOP("segments", "thank big spenders"),
             "mean monetary >= 2x the population's or average ticket >= 1.5x, median recency < 180 days",
             lambda c, p: (c.monetary >= 2 * p.monetary or c.ticket >= 1.5 * p.ticket) and _not_gone(c),
             lambda c, p: max(_ratio(c.monetary, 2 * p.monetary), _ratio(c.ticket, 1.5 * p.ticket))),
    NameRule(QT_TRANSLATE_NOOP("segments", "reward regulars"),
             "frequency >= 1.3x the population's, median recency <= the population's and <= 90 days",
             lambda c, p: c.frequency >= 1.3 * p.frequency and c.recency <= p.recency and _active(c),
             lambda c, p: _ratio(c.frequency, p.frequency)),
    _share_rule(QT_TRANSLATE_NOOP("segments", "chronic care follow-up"), "chronic share", "share_chronic", 0.4, 1.3),
    _share_rule(QT_TRANSLATE_NOOP("segments", "supplement offers"), "supplement share", "share_supplement",
                0.3, 1.5),
    _share_rule(QT_TRANSLATE_NOOP("segments", "self-care offers"), "OTC share", "share_otc", 0.4, 1.5),
    _share_rule(QT_TRANSLATE_NOOP("segments", "cold & flu reminders"), "acute share", "share_acute", 0.4, 1.5),
    NameRule(QT_TRANSLATE_NOOP("segments", "invite back occasional buyers"),
             "frequency <= 0.75x the population's, median recency < 180 days",
             lambda c, p: c.frequency <= 0.75 * p.frequency and _not_gone(c),
             lambda c, p: _ratio(p.frequency, max(c.frequency, 1e-9))),
)
#: What a group no rule fits is called: "win back" once its median member is gone (numbered when the rule's
#: own "win back" is taken), else "keep in touch" (a name that promises nothing the numbers could contradict).
FALLBACK_NAME = QT_TRANSLATE_NOOP("segments", "keep in touch")
GONE_FALLBACK_NAME = NAME_RULES[0].name
SEGMENT_NAMES = (*(rule.name for rule in NAME_RULES), FALLBACK_NAME, QT_TRANSLATE_NOOP("segments", "no purchase yet"))


def _fallback_test(name: str):
    if name == GONE_FALLBACK_NAME:
        return lambda c, p: c.recency >= GONE_DAYS
    return lambda c, p: True


def base_name(segment: str) -> tuple[str, int | None]:
    """``"keep in touch 2"`` -> ``("keep in touch", 2)``; a name without a number -> ``(name, None)``."""
    head, _, tail = str(segment).rpartition(" ")
    if head and tail.isdigit() and head in SEGMENT_NAMES:
        return head, int(tail)
    return str(segment), None


def name_fits(segment: str, cluster: pd.Series, population: pd.Series) -> bool:
    """Whether a segment's profile fits the name it was given (the rule's test, or the fallback's)."""
    name, number = base_name(segment)
    if number is None:
        for rule in NAME_RULES:
            if rule.name == name:
                return bool(rule.test(cluster, population))
    return bool(_fallback_test(name)(cluster, population))


def profile(features: pd.DataFrame) -> pd.Series:
    """The profile the naming rules compare: median recency and tenure, mean frequency, monetary, ticket and shares."""
    frequency = features["frequency"].mean()
    return pd.Series({
        "recency": features["recency_days"].median(),
        "tenure": features["tenure_days"].median(),
        "frequency": frequency,
        "monetary": features["monetary"].mean(),
        "ticket": features["monetary"].sum() / max(features["frequency"].sum(), 1),
        **{column: features[column].mean() for column in SHARE_COLUMNS},
    })


def name_segments(features: pd.DataFrame, labels: np.ndarray) -> dict[int, str]:
    """Cluster label -> unique owner-words name, by :data:`NAME_RULES` (see the module docstring)."""
    population = profile(features)
    clusters = sorted(set(int(x) for x in labels))
    profiles = {c: profile(features[labels == c]) for c in clusters}
    candidates = []
    for priority, rule in enumerate(NAME_RULES):
        for c in clusters:
            if rule.test(profiles[c], population):
                candidates.append((priority, -rule.strength(profiles[c], population), c, rule.name))
    names: dict[int, str] = {}
    used: set[str] = set()
    for _priority, _strength, c, name in sorted(candidates):
        if c not in names and name not in used:
            names[c] = name
            used.add(name)
    for c in clusters:
        if c not in names:
            base = GONE_FALLBACK_NAME if profiles[c].recency >= GONE_DAYS else FALLBACK_NAME
            name, number = base, 1
            while name in used:
                number += 1
                name = f"{base} {number}"
            names[c] = name
            used.add(name)
    return names


# -- the analysis -----------------------------------------------------------------------------------------

@dataclass
class SegmentResult:
    members: pd.DataFrame          # one row per member: segment, cluster, features, R, F, M, rfm_score
    summary: pd.DataFrame          # one row per segment
    k: int
    k_scores: dict[int, float] = field(default_factory=dict)   # silhouette per k tried (empty when k was given)
    stability_runs: list[float] = field(default_factory=list)  # ARI per bootstrap resample
    sample_size: int = 0

    @property
    def stability(self) -> float:
        return float(np.mean(self.stability_runs)) if self.stability_runs else float("nan")

    def notes(self) -> list[Text]:
        """The method in translatable sentences (context ``"analytics"``), for a page's details fold."""
        lines = []
        if self.k_scores:
            tried = ", ".join(f"{k}: {s:.3f}" for k, s in self.k_scores.items())
            lines.append(Text("analytics", QT_TRANSLATE_NOOP(
                "analytics", "{k} groups: the number that separates members best (silhouette on a sample of "
                             "{sample} members; groups: score {tried})"), k=self.k, sample=self.sample_size, tried=tried))
        else:
            lines.append(Text("analytics", QT_TRANSLATE_NOOP("analytics", "{k} groups, as asked"), k=self.k))
        if self.stability_runs:
            lines.append(Text("analytics", QT_TRANSLATE_NOOP(
                "analytics", "How stable the groups are: {stability:.2f} (1 = the same groups every time; mean "
                             "adjusted Rand index over {runs} bootstrap refits, lowest {low:.2f})"),
                stability=self.stability, runs=len(self.stability_runs), low=min(self.stability_runs)))
        return lines


def summarise(members: pd.DataFrame) -> pd.DataFrame:
    """Per segment: size, share of members, revenue, revenue share, median recency, mean frequency, average ticket,
    median tenure and mean category shares. Sorted by revenue, "no purchase yet" last."""
    total_revenue = members["monetary"].sum()
    grouped = members.groupby("segment", sort=False)
    summary = pd.DataFrame({
        "members": grouped.size(),
        "member_share": grouped.size() / max(len(members), 1),
        "revenue": grouped["monetary"].sum(),
        "revenue_share": grouped["monetary"].sum() / total_revenue if total_revenue else 0.0,
        "median_recency_days": grouped["recency_days"].median(),
        "mean_frequency": grouped["frequency"].mean(),
        "avg_ticket": grouped["monetary"].sum() / grouped["frequency"].sum().replace(0, np.nan),
        "median_tenure_days": grouped["tenure_days"].median(),
        **{column: grouped[column].mean() for column in SHARE_COLUMNS},
    })
    summary["_last"] = summary.index == NO_PURCHASE
    summary = summary.sort_values(["_last", "revenue"], ascending=[True, False]).drop(columns="_last")
    return summary.reset_index()


def segment_members(features: pd.DataFrame, k: int | None = None, *, k_range: tuple[int, int] = (3, 8),
                    sample_size: int = 3000, resamples: int = 5, resample_size: int = 10000,
                    random_state: int = 0, progress: Progress = None) -> SegmentResult:
    """Segment members (see the module docstring for the method and its parameters).

    ``features``: the output of :func:`build_features` (index ``member_id``). ``k``: the number of segments,
    or None to choose it by silhouette over ``k_range`` on a sample of ``sample_size`` members.
    ``resamples=0`` skips the stability figure.
    """
    with threadpool_limits(limits=1):   # see the module docstring, "Threads"
        return _segment_members(features, k, k_range, sample_size, resamples, resample_size, random_state, progress)


def _segment_members(features, k, k_range, sample_size, resamples, resample_size, random_state, progress):
    features = features.sort_index()
    buyers = features[features["frequency"] > 0]
    if progress:
        progress(0.05, Text("progress", QT_TRANSLATE_NOOP("progress", "Preparing member figures")))
    if len(buyers) < 3:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "Segments need at least 3 members with a purchase."))
    scaled = scale_features(buyers)
    k_scores: dict[int, float] = {}
    if k is None:
        k, k_scores = choose_k(scaled, k_range, sample_size, random_state, progress)
    elif not 1 <= k <= len(buyers):
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "k must be between 1 and the number of purchasing members "
                                                         "({buyers})."), buyers=len(buyers))
    model = _kmeans(k, random_state).fit(scaled)
    labels = model.labels_
    if progress:
        progress(0.65, Text("progress", QT_TRANSLATE_NOOP("progress", "Members put into {k} groups"), k=k))
    names = name_segments(buyers, labels)
    runs = stability(scaled, labels, k, resamples, resample_size, random_state, progress) if resamples else []

    members = features.copy()
    members["cluster"] = pd.Series(labels, index=buyers.index).reindex(members.index).astype("Int64")
    members["segment"] = members["cluster"].map(lambda c: NO_PURCHASE if pd.isna(c) else names[int(c)])
    scores = rfm_scores(features)
    members = members.join(scores)
    for column in ("R", "F", "M"):
        members[column] = members[column].astype("Int64")
    ordered = ["segment", "cluster", "recency_days", "frequency", "monetary", "avg_ticket", "tenure_days",
               *SHARE_COLUMNS, "share_other", "R", "F", "M", "rfm_score"]
    members = members[ordered].reset_index()
    summary = summarise(members)
    if progress:
        progress(1.0, Text("progress", QT_TRANSLATE_NOOP("progress", "Groups ready")))
    return SegmentResult(members, summary, k, k_scores, runs, min(sample_size, len(buyers)))
