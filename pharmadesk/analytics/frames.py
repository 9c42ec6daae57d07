"""Read the store into pandas DataFrames: the ONLY analytics module that touches the database.

Every loader takes the open ``store`` and an ``as_of`` date and uses only data from *before*
``as_of`` (timestamps ``at < as_of`` at 00:00 UTC; dates compare as UTC dates; the KPI and reorder loaders
use the store's local calendar days instead, see their sections). That is how the
owner backtests: ``as_of=D`` computes as if today were D. Loaders check the caller's permission
(``Action.RUN_ANALYTICS``; care reminders use ``Action.CARE_REMINDERS``) and aggregate in SQL
where they can, so a 50,000-member, 5-year store loads in well under a second per frame.

**Erased members** are left out of every per-member frame (:func:`member_transactions`,
:func:`member_features`) whatever ``as_of`` says, even in a backtest from before the erasure: their
sales stay in the accounts (the KPI loaders count them, with no member link used) but are no longer
profiled as a person's history. :func:`members` lists them with ``erased=True`` and no personal data.

Money columns stay integer minor units (cents / fen). Timestamps come back as timezone-aware
UTC ``datetime64``; ``date`` columns are naive ``datetime64`` at midnight (UTC date).

Sections (each engineer adds theirs under a comment naming the analysis):

- basic loaders (segments / KPIs engineer, reused by all): :func:`member_transactions`,
  :func:`member_features`, :func:`sale_lines`, :func:`members`, :func:`products`
- KPIs: :func:`sales_between`, :func:`lines_between`, :func:`refunds_between`,
  :func:`inventory_at`
- care reminders (``Action.CARE_REMINDERS``): :func:`care_fills`, :func:`care_products`,
  :func:`care_members`, :func:`member_visit_days`, :func:`care_reminder_log`
- baskets: :func:`basket_lines`
- promotions: in :mod:`pharmadesk.analytics.frames_promotions` (same rules, its own module)
- reorder suggestions: :func:`reorder_daily_demand`, :func:`reorder_stock_history`, :func:`reorder_batches`,
  :func:`reorder_on_order`, :func:`reorder_products`
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pharmadesk.core.permissions import Action

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

#: Product categories an analysis reports on one by one; the rest (personal care, devices) fold into "other".
MIX_CATEGORIES = ("chronic", "acute", "otc", "supplement", "mother_baby")


# -- helpers -------------------------------------------------------------------------------------------------

def _cutoff(as_of: date | datetime | str) -> str:
    """The ISO text every timestamp must sort below: midnight UTC at the start of ``as_of``."""
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    return as_of.isoformat()


def _local_midnight_utc(day: date) -> str:
    """UTC ISO text of local midnight at the start of ``day`` (sorts like the stored ``at`` strings)."""
    return day_start(day).isoformat(timespec="microseconds")


def day_start(day: date) -> pd.Timestamp:
    """The moment the store's local calendar ``day`` begins (local midnight), as a UTC timestamp."""
    return pd.Timestamp(datetime.combine(day, time()).astimezone()).tz_convert("UTC")


def local_times(moments: pd.Series) -> pd.Series:
    """UTC timestamps as the till PC's local wall-clock time (naive), daylight saving included: each hour's
    offset is asked of the operating system once, as zones change offset only on whole hours."""
    hours = moments.dt.floor("h")
    offsets = {hour: hour.to_pydatetime().astimezone().utcoffset() for hour in hours.dropna().unique()}
    return moments.dt.tz_localize(None) + hours.map(offsets).astype("timedelta64[ns]")


def _frame(store: "Store", sql: str, params: tuple = (), dtypes: dict | None = None) -> pd.DataFrame:
    """Run one query and return its rows as a DataFrame (column names from the cursor)."""
    cursor = store.db.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    frame = pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    for column, dtype in (dtypes or {}).items():
        if column in frame:
            frame[column] = frame[column].astype(dtype)
    return frame


def query(store: "Store", sql: str, params: tuple = (), dtypes: dict | None = None) -> pd.DataFrame:
    """One query's rows as a DataFrame: for the loaders of one subject kept in a module of their own
    (:mod:`pharmadesk.analytics.frames_promotions`); the caller checks the permission."""
    return _frame(store, sql, params, dtypes)


def _utc(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, utc=True, format="ISO8601")


def _mix_sql(amount: str = "l.line_total", alias: str = "p") -> str:
    """SQL select-list: the amount spent per mix category (``spend_<category>``), others in ``spend_other``."""
    parts = [f"SUM(CASE WHEN {alias}.category = '{c}' THEN {amount} ELSE 0 END) AS spend_{c}" for c in MIX_CATEGORIES]
    listed = ", ".join(f"'{c}'" for c in MIX_CATEGORIES)
    parts.append(f"SUM(CASE WHEN {alias}.category NOT IN ({listed}) THEN {amount} ELSE 0 END) AS spend_other")
    return ", ".join(parts)


SPEND_COLUMNS = [f"spend_{c}" for c in MIX_CATEGORIES] + ["spend_other"]


def packs_sql(line: str = "l", product: str = "p") -> str:
    """SQL: a sale line's quantity in packs. A line sold in split units (``sale_lines.split_unit``, 拆零, only
    from imported history so far) counts ``quantity / products.split_units`` packs, a fraction: demand and
    care (days covered) count packs so. See docs/analytics.md, "How a unit sale counts"."""
    return (f"(CASE WHEN {line}.split_unit = 1 THEN {line}.quantity * 1.0 / {product}.split_units "
            f"ELSE {line}.quantity END)")


def items_sql(line: str = "l", product: str = "p") -> str:
    """SQL: the items a sale line puts in the basket, a whole number: packs, a part pack counting as one
    item (15 tablets of a 10-tablet pack are 2 items). KPIs and segments count ``items`` so."""
    return (f"(CASE WHEN {line}.split_unit = 1 THEN ({line}.quantity + {product}.split_units - 1) / "
            f"{product}.split_units ELSE {line}.quantity END)")


# -- basic loaders (segments / KPIs engineer; reused by every analysis) -------------------------------------

def joined_sql(alias: str = "m") -> str:
    """SQL: when member ``alias`` joined, for analyses: the registration, or the member's first sale when that
    came earlier. A member migrated from an earlier till is registered on the import day but bought for years
    before; their history (tenure, new members per period, backtests) starts at that first sale, imported or
    not, exactly as if they had been registered at this till then."""
    return (f"MIN({alias}.registered_at, COALESCE((SELECT MIN(x.at) FROM sales x WHERE x.member_id = {alias}.id), "
            f"{alias}.registered_at))")


def _member_sales(store: "Store", cutoff: str) -> pd.DataFrame:
    frame = _frame(store, """
        SELECT s.member_id, s.id AS sale_id, s.at, s.total, s.source FROM sales s
        WHERE s.member_id IS NOT NULL AND s.at < ?
          AND s.member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)""", (cutoff,))
    frame["at"] = _utc(frame["at"])
    frame["total"] = frame["total"].astype("int64")
    return frame


def _member_line_spend(store: "Store", cutoff: str, key: str) -> pd.DataFrame:
    """Spend and units per ``key`` ('sale_id' or 'member_id') and mix category: one SQL scan, pivoted here."""
    column = "s.id" if key == "sale_id" else "s.member_id"
    lines = _frame(store, f"""
        SELECT {column} AS {key}, p.category, l.line_total, {items_sql()} AS quantity
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
        WHERE s.member_id IS NOT NULL AND s.at < ?
          AND s.member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)""", (cutoff,))
    category = lines["category"].where(lines["category"].isin(MIX_CATEGORIES), "other")
    lines["bucket"] = pd.Categorical("spend_" + category, categories=SPEND_COLUMNS)
    spend = lines.pivot_table(index=key, columns="bucket", values="line_total", aggfunc="sum",
                              fill_value=0, observed=False).reindex(columns=SPEND_COLUMNS, fill_value=0)
    spend.columns = list(SPEND_COLUMNS)
    spend["items"] = lines.groupby(key)["quantity"].sum()
    return spend.astype("int64")


def member_transactions(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """One row per sale to a member before ``as_of``.

    Columns: ``member_id, sale_id, at`` (UTC), ``date`` (UTC date), ``total`` (minor units, what was
    paid), ``source`` ('till' or 'import'), ``items`` (packs on the sale, a part pack counting as one:
    :func:`items_sql`) and the spend per category
    ``spend_chronic, spend_acute, spend_otc, spend_supplement, spend_mother_baby, spend_other`` (line
    totals from ``sale_lines`` joined to ``products.category``; personal care and devices fold into
    ``other``). Members erased at any time are left out (see the module docstring).
    Sorted by member, time. Two SQL scans (sales; lines joined to products), combined in pandas.
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    sales = _member_sales(store, cutoff)
    if progress:
        progress(0.5, "member sales loaded")
    spend = _member_line_spend(store, cutoff, "sale_id")
    frame = sales.join(spend, on="sale_id")
    for column in ["items", *SPEND_COLUMNS]:
        frame[column] = frame[column].fillna(0).astype("int64")
    frame["date"] = frame["at"].dt.tz_localize(None).dt.normalize()
    frame = frame.sort_values(["member_id", "at", "sale_id"], kind="stable").reset_index(drop=True)
    if progress:
        progress(1.0, "member transactions loaded")
    return frame[["member_id", "sale_id", "at", "date", "total", "source", "items", *SPEND_COLUMNS]]


def member_features(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """Per-member purchase summary before ``as_of`` (two SQL scans, aggregated with pandas groupby).

    One row per member registered before ``as_of`` and not erased, including members
    with no purchase yet. Columns: ``member_id, registered_at`` (UTC; the first sale when that came earlier, as
    for a member migrated from an earlier till: :func:`joined_sql`), ``first_purchase, last_purchase``
    (UTC, NaT when none), ``frequency`` (number of sales), ``purchase_days`` (distinct UTC days with a
    purchase), ``monetary`` (sum of sale totals, minor units), ``items`` and ``spend_<category>`` as in
    :func:`member_transactions`.
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    roster = _frame(store, f"""
        SELECT member_id, registered_at FROM (
            SELECT m.id AS member_id, {joined_sql()} AS registered_at FROM members m WHERE m.erased_at IS NULL)
        WHERE registered_at < ? ORDER BY member_id""", (cutoff,))
    roster["registered_at"] = _utc(roster["registered_at"])
    sales = _member_sales(store, cutoff)
    if progress:
        progress(0.4, "member sales loaded")
    grouped = sales.groupby("member_id")
    agg = pd.DataFrame({
        "first_purchase": grouped["at"].min(),
        "last_purchase": grouped["at"].max(),
        "frequency": grouped.size(),
        "purchase_days": sales.assign(day=sales["at"].dt.floor("D")).groupby("member_id")["day"].nunique(),
        "monetary": grouped["total"].sum(),
    })
    spend = _member_line_spend(store, cutoff, "member_id")
    if progress:
        progress(0.9, "member spend loaded")
    frame = roster.join(agg, on="member_id").join(spend, on="member_id")
    for column in ["frequency", "purchase_days", "monetary", "items", *SPEND_COLUMNS]:
        frame[column] = frame[column].fillna(0).astype("int64")
    if progress:
        progress(1.0, "member features loaded")
    return frame


def sale_lines(store: "Store", as_of: date, *, start: date | None = None, progress=None) -> pd.DataFrame:
    """Sale lines of sales before ``as_of`` (and at or after ``start`` when given), with product facts.

    Columns: ``line_id, sale_id, at`` (UTC), ``member_id`` (nullable Int64), ``source``, ``product_id,
    quantity, unit_price, discount, line_total, unit_cost`` (minor units; ``unit_cost`` is 0 on imported
    history), ``split_unit`` (1: ``quantity`` counts split units and the prices are per unit), ``packs``
    (float: :func:`packs_sql`), ``category, legal_class, atc_code, days_supply`` (nullable Int64), ``pack_size``.
    """
    store.require(Action.RUN_ANALYTICS)
    where, params = "s.at < ?", [_cutoff(as_of)]
    if start is not None:
        where += " AND s.at >= ?"
        params.append(_cutoff(start))
    frame = _frame(store, f"""
        SELECT l.id AS line_id, l.sale_id, s.at, s.member_id, s.source, l.product_id, l.quantity,
               l.unit_price, l.discount, l.line_total, l.unit_cost, l.split_unit, {packs_sql()} AS packs,
               p.category, p.legal_class, p.atc_code, p.days_supply, p.pack_size
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
        WHERE {where}
        ORDER BY l.sale_id, l.id""", tuple(params))
    if progress:
        progress(1.0, "sale lines loaded")
    frame["at"] = _utc(frame["at"])
    for column in ["member_id", "days_supply"]:
        frame[column] = frame[column].astype("Int64")
    frame["packs"] = frame["packs"].astype(float)
    return frame


def members(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """Members registered before ``as_of``: ``member_id, birth_date`` (datetime64, NaT if unknown or
    erased), ``sex`` ('F', 'M', 'X' or None), ``registered_at`` (UTC), ``erased`` (True when erased at
    any time: the personal data is gone, so it cannot be used even in a backtest). No name, phone,
    card number or notes are read.
    """
    store.require(Action.RUN_ANALYTICS)
    frame = _frame(store, f"""
        SELECT * FROM (SELECT m.id AS member_id, m.birth_date, m.sex, {joined_sql()} AS registered_at,
                              m.erased_at IS NOT NULL AS erased FROM members m)
        WHERE registered_at < ? ORDER BY member_id""", (_cutoff(as_of),))
    if progress:
        progress(1.0, "members loaded")
    frame["birth_date"] = pd.to_datetime(frame["birth_date"], format="ISO8601", errors="coerce")
    frame["registered_at"] = _utc(frame["registered_at"])
    frame["erased"] = frame["erased"].astype(bool)
    return frame


def products(store: "Store", as_of: date | None = None) -> pd.DataFrame:
    """The product master (current values): ``product_id, name, generic_name, category, legal_class,
    atc_code, pack_size, price, days_supply, supplier_id, order_multiple, min_order_qty, active``.
    ``as_of`` is accepted for symmetry; the catalogue keeps no history except prices.
    """
    store.require(Action.RUN_ANALYTICS)
    frame = _frame(store, """
        SELECT id AS product_id, name, generic_name, category, legal_class, atc_code, pack_size, price,
               days_supply, supplier_id, order_multiple, min_order_qty, active
        FROM products ORDER BY id""")
    for column in ["days_supply", "supplier_id"]:
        frame[column] = frame[column].astype("Int64")
    return frame


# -- care reminders (reminders engineer) ---------------------------------------------------------------------

def _as_of_moment(as_of: date | datetime | str) -> datetime:
    from datetime import timezone

    return datetime.fromisoformat(_cutoff(as_of)).replace(tzinfo=timezone.utc)


def care_fills(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """Dispensings of maintenance products (``products.days_supply`` set) to members before ``as_of``.

    One row per sale line: ``member_id, sale_id, date`` (UTC date), ``product_id, packs`` (packs sold, a
    split-unit line counting its fraction of a pack (:func:`packs_sql`), minus units returned before ``as_of``; lines returned in full are dropped), ``days_supply`` (per
    pack), ``pack_size``, ``generic_name`` (current, may be None) and ``therapy`` (the molecule key:
    :func:`pharmadesk.analytics.models.reminders.therapy_keys`). Sorted by member, product, date. Erased
    members are left out (see the module doc). Lines sold by the unit (拆零, ``split_sale_lines``) are left out:
    their quantity is in units, not packs. Needs :attr:`Action.CARE_REMINDERS`.
    """
    from pharmadesk.analytics.models.reminders import with_therapy

    store.require(Action.CARE_REMINDERS)
    cutoff = _cutoff(as_of)
    frame = _frame(store, f"""
        SELECT s.member_id, s.id AS sale_id, substr(s.at, 1, 10) AS date, l.product_id,
               {packs_sql()} - COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                                      WHERE rl.sale_line_id = l.id AND r.at < ?), 0) AS packs,
               p.days_supply, p.pack_size, p.generic_name
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
        JOIN members m ON m.id = s.member_id
        WHERE s.at < ? AND p.days_supply IS NOT NULL AND m.erased_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM split_sale_lines x WHERE x.sale_line_id = l.id)
        ORDER BY s.member_id, l.product_id, s.at, s.id""", (cutoff, cutoff))
    if progress:
        progress(1.0, "dispensings loaded")
    frame = frame[frame["packs"] > 0].reset_index(drop=True)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    for column in ["member_id", "sale_id", "product_id", "days_supply", "pack_size"]:
        frame[column] = frame[column].astype("int64")
    # whole packs stay int64; a part pack (split units, imported history) makes the column float
    packs = frame["packs"].astype(float)
    frame["packs"] = packs.astype("int64") if (packs == packs.round()).all() else packs
    return with_therapy(frame)


def care_products(store: "Store") -> pd.DataFrame:
    """Maintenance products: ``product_id, name, days_supply, pack_size, active, generic_name, therapy``
    (the molecule key, as in :func:`care_fills`). Needs CARE_REMINDERS."""
    from pharmadesk.analytics.models.reminders import with_therapy

    store.require(Action.CARE_REMINDERS)
    return with_therapy(_frame(store, """
        SELECT id AS product_id, name, days_supply, pack_size, active, generic_name FROM products
        WHERE days_supply IS NOT NULL ORDER BY id"""))


def care_members(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """Members registered before ``as_of`` who may be contacted about something, with the consents.

    Columns: ``member_id, name, phone, language`` (None = the store's), ``birth_date`` (datetime64, NaT if
    unknown), ``care, marketing`` (bool:
    the member's latest consent of that kind given before ``as_of`` is a yes, and the member is not
    erased: :func:`pharmadesk.core.privacy.consent_filter`, the one consent rule). Members with neither
    consent are left out. ``name`` is read only to fill in the call scripts, ``phone`` only for the worklist of
    the people to call (never for notes). Needs CARE_REMINDERS.
    """
    from pharmadesk.core.privacy import consent_filter

    store.require(Action.CARE_REMINDERS)
    moment = _as_of_moment(as_of)
    care, care_params = consent_filter("care", moment)
    marketing, marketing_params = consent_filter("marketing", moment)
    frame = _frame(store, f"""
        SELECT * FROM (
            SELECT m.id AS member_id, m.name, m.phone, m.language, m.birth_date, {care} AS care,
                   {marketing} AS marketing
            FROM members m WHERE {joined_sql()} < ?)
        WHERE care OR marketing ORDER BY member_id""",
                   (*care_params, *marketing_params, _cutoff(as_of)))
    if progress:
        progress(1.0, "members loaded")
    frame["birth_date"] = pd.to_datetime(frame["birth_date"], format="ISO8601", errors="coerce")
    frame["care"] = frame["care"].fillna(0).astype(bool)
    frame["marketing"] = frame["marketing"].fillna(0).astype(bool)
    return frame


def member_visit_days(store: "Store", as_of: date, *, progress=None) -> pd.DataFrame:
    """Distinct (``member_id, date``) pairs: the UTC days each member bought something before ``as_of``.
    Erased members are left out. Needs CARE_REMINDERS."""
    store.require(Action.CARE_REMINDERS)
    frame = _frame(store, """
        SELECT DISTINCT s.member_id, substr(s.at, 1, 10) AS date FROM sales s JOIN members m ON m.id = s.member_id
        WHERE s.at < ? AND m.erased_at IS NULL ORDER BY s.member_id, date""", (_cutoff(as_of),))
    if progress:
        progress(1.0, "visits loaded")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["member_id"] = frame["member_id"].astype("int64")
    return frame


def care_reminder_log(store: "Store", as_of: date) -> pd.DataFrame:
    """Reminders issued before ``as_of`` (:mod:`pharmadesk.core.care`): ``reminder_id, member_id, kind,
    product_id`` (Int64), ``due_date, created`` (UTC date), ``channel, latest_outcome`` (the latest
    outcome recorded before ``as_of``, None if none). Erased members' reminders are left out, like their
    fills. Needs CARE_REMINDERS."""
    store.require(Action.CARE_REMINDERS)
    cutoff = _cutoff(as_of)
    frame = _frame(store, """
        SELECT r.id AS reminder_id, r.member_id, r.kind, r.product_id, r.due_date,
               substr(r.created_at, 1, 10) AS created, r.channel,
               (SELECT o.outcome FROM care_reminder_outcomes o WHERE o.reminder_id = r.id AND o.at < ?
                ORDER BY o.id DESC LIMIT 1) AS latest_outcome
        FROM care_reminders r JOIN members m ON m.id = r.member_id
        WHERE r.created_at < ? AND m.erased_at IS NULL ORDER BY r.created_at, r.id""", (cutoff, cutoff))
    frame["product_id"] = frame["product_id"].astype("Int64")
    frame["due_date"] = pd.to_datetime(frame["due_date"], format="%Y-%m-%d")
    frame["created"] = pd.to_datetime(frame["created"], format="%Y-%m-%d")
    return frame


# -- baskets (baskets engineer) ------------------------------------------------------------------------------

def basket_lines(store: "Store", as_of: date, *, start: date | None = None, progress=None) -> pd.DataFrame:
    """The distinct products of each sale before ``as_of`` (and at or after ``start`` when given).

    Columns: ``sale_id, date`` (UTC date), ``product_id``; one row per sale and product (a product
    on two lines of one sale counts once). Sorted by sale. Needs RUN_ANALYTICS.
    """
    store.require(Action.RUN_ANALYTICS)
    where, params = "s.at < ?", [_cutoff(as_of)]
    if start is not None:
        where += " AND s.at >= ?"
        params.append(_cutoff(start))
    cursor = store.db.execute(f"""
        SELECT l.sale_id, substr(s.at, 1, 10), l.product_id
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE {where}""", tuple(params))
    rows = cursor.fetchall()     # de-duplicated and sorted below: faster in pandas than in SQLite
    if progress:
        progress(1.0, "baskets loaded")
    frame = pd.DataFrame(rows, columns=["sale_id", "date", "product_id"])
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["sale_id"] = frame["sale_id"].astype("int64")
    frame["product_id"] = frame["product_id"].astype("int64")
    frame = frame.drop_duplicates(["sale_id", "product_id"])
    return frame.sort_values(["sale_id", "product_id"]).reset_index(drop=True)


# -- member value and campaigns (value / campaigns engineer) ---------------------------------------------------

def member_purchase_days(store: "Store", as_of: date, *, start: date | None = None, margin: bool = False,
                         progress=None) -> pd.DataFrame:
    """One row per member and UTC day with a purchase before ``as_of`` (and on or after ``start``).

    Columns: ``member_id, day`` (naive datetime64, UTC date), ``sales`` (sales that day), ``revenue``
    (what the member paid, minus refunds made before ``as_of`` on those sales; minor units) and, with
    ``margin=True``, ``margin``: gross margin = (paid - VAT - cost of goods from ``sale_lines.unit_cost``)
    scaled by the share not refunded. Erased members' sales stay (by member id; no personal data).
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    where, params = "s.member_id IS NOT NULL AND s.at < ?", [cutoff]
    if start is not None:
        where += " AND s.at >= ?"
        params.append(_cutoff(start))
    cogs = ("(SELECT COALESCE(SUM(l.quantity * l.unit_cost), 0) FROM sale_lines l WHERE l.sale_id = s.id)"
            if margin else "0")
    frame = _frame(store, f"""
        WITH refunds AS (
            SELECT original_sale_id AS sale_id, SUM(refund_total) AS refunded FROM returns
            WHERE at < ? GROUP BY original_sale_id),
        per_sale AS (
            SELECT s.member_id, substr(s.at, 1, 10) AS day, s.total, s.vat, {cogs} AS cogs,
                   COALESCE(r.refunded, 0) AS refunded
            FROM sales s LEFT JOIN refunds r ON r.sale_id = s.id
            WHERE {where})
        SELECT member_id, day, COUNT(*) AS sales, SUM(MAX(total - refunded, 0)) AS revenue,
               SUM(CASE WHEN total > 0 THEN (total - vat - cogs) * MAX(total - refunded, 0) * 1.0 / total
                        ELSE 0 END) AS margin
        FROM per_sale GROUP BY member_id, day ORDER BY member_id, day""", (cutoff, *params))
    if progress:
        progress(1.0, "member purchase days loaded")
    frame["day"] = pd.to_datetime(frame["day"], format="%Y-%m-%d")
    for column in ["member_id", "sales", "revenue"]:
        frame[column] = frame[column].fillna(0).astype("int64")
    frame["margin"] = frame["margin"].fillna(0.0).astype(float)
    return frame if margin else frame.drop(columns="margin")


def campaign_frame(store: "Store", campaign_id: int, as_of: date) -> tuple[dict, pd.DataFrame]:
    """A campaign and its members: ``(campaign, arms)`` where ``campaign`` is the row as a dict (``id,
    name, segment, created_at, starts_on, ends_on, cost, holdout_bp, seed``) and ``arms`` has columns
    ``member_id, arm`` ('target' or 'holdout'). The definition is returned whatever ``as_of`` (it is
    the experiment's design, not data); purchases to score it are limited by ``as_of`` by the caller
    (:func:`member_purchase_days`)."""
    store.require(Action.RUN_ANALYTICS)
    row = store.db.one("SELECT id, name, segment, created_at, starts_on, ends_on, cost, holdout_bp, seed "
                       "FROM campaigns WHERE id = ?", (campaign_id,))
    if row is None:
        from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such campaign."))
    arms = _frame(store, "SELECT member_id, arm FROM campaign_members WHERE campaign_id = ? ORDER BY member_id",
                  (campaign_id,))
    arms["member_id"] = arms["member_id"].astype("int64")
    return row, arms


# -- reorder suggestions (reorder engineer) -------------------------------------------------------------------
# Days here are the store's LOCAL calendar days (like Store.today()), and "before as_of" means before local
# midnight at the start of as_of. Demand is what sold: at this till the stock ledger's sales less returns,
# and sales history imported from an earlier till (``sales.source = 'import'``, which moved no stock and
# invents none) from its sale lines, in packs (:func:`packs_sql`). A product's history starts at its first
# sale, receipt or its creation in the catalogue, whichever came first.

def _local_day_sql(column: str, start: date, end: date) -> str:
    """SQL giving the local date of a UTC ``column``; a fixed offset when the zone keeps one over the window
    (fast), else SQLite's 'localtime' (exact across daylight-saving changes)."""
    from datetime import time as _time, timedelta as _td
    offsets = {datetime.combine(start + _td(days=k), _time(12)).astimezone().utcoffset()
               for k in range(0, max(1, (end - start).days) + 1)}
    if len(offsets) == 1:
        minutes = int(offsets.pop().total_seconds() // 60)
        return f"date({column}, '{minutes:+d} minutes')"
    return f"date({column}, 'localtime')"


def reorder_daily_demand(store: "Store", as_of: date, history_days: int = 365) -> pd.DataFrame:
    """Daily demand per product over the ``history_days`` local days before ``as_of``, zero-filled: packs sold
    at the till minus packs returned (``stock_moves`` with reason 'sale' / 'return'), plus the packs of
    imported sales history (``sale_lines`` of sales with ``source = 'import'``; a split-unit line counts
    ``quantity / split_units``). Imported and till sales of the same history give the same frame.

    A wide frame: index ``date`` (naive datetime64, every local day from ``as_of - history_days`` to
    ``as_of - 1``), one float column per product id (every product in the catalogue, sold or not).

    The rows are read ungrouped, each with its local day as a number, and summed into the frame in numpy:
    SQLite's ``GROUP BY product, day`` over years of ledger cost several times the reading itself.
    """
    store.require(Action.RUN_ANALYTICS)
    start = as_of - timedelta(days=history_days)
    window = (_local_midnight_utc(start), _local_midnight_utc(as_of))
    till = store.db.execute(f"""
        SELECT product_id, {_local_day_number_sql("at", start, as_of)}, -quantity FROM stock_moves
        WHERE reason IN ('sale', 'return') AND at >= ? AND at < ?""", window).fetchall()
    imported = store.db.execute(f"""
        SELECT l.product_id, {_local_day_number_sql("s.at", start, as_of)}, {packs_sql()}
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
        WHERE s.source = 'import' AND s.at >= ? AND s.at < ?""", window).fetchall()
    index = pd.date_range(pd.Timestamp(start), periods=history_days, freq="D", name="date")
    pids = np.array([r["id"] for r in store.db.all("SELECT id FROM products ORDER BY id")], dtype="int64")
    totals = np.zeros(history_days * len(pids))
    rows = till + imported
    if rows:
        product, day, quantity = (np.array(column) for column in zip(*rows))
        cell = (day.astype("int64") - _day_number(start)) * len(pids) + np.searchsorted(pids, product)
        totals = np.bincount(cell, weights=quantity.astype(float), minlength=len(totals))
    return pd.DataFrame(totals.reshape(history_days, len(pids)), index=index,
                        columns=pd.Index(pids, name="product_id"))


def _day_number(day: date) -> int:
    """A calendar day as the integer that :func:`_local_day_number_sql` gives for moments within it."""
    return day.toordinal()


def _local_day_number_sql(column: str, start: date, end: date) -> str:
    """SQL giving the local calendar day of a UTC ``column`` as :func:`_day_number` counts it (the Julian day
    number of the local date, shifted to Python's ordinal): a number, cheap to group in numpy."""
    local = _local_day_sql(column, start, end).replace("date(", "julianday(", 1)
    return f"(CAST({local} + 0.5 AS INTEGER) - {_JULIAN_DAY_OF_ORDINAL_ZERO})"


# julianday('0001-01-01') + 0.5 = 1721426, and date(1, 1, 1).toordinal() = 1.
_JULIAN_DAY_OF_ORDINAL_ZERO = 1721425


def reorder_batches(store: "Store", as_of: date) -> pd.DataFrame:
    """Every batch received before ``as_of`` with its on-hand at that moment (the ledger summed up to it).

    Columns: ``batch_id, product_id, expiry`` (datetime64), ``received`` (local date of its goods receipt,
    or of its first ledger row), ``received_qty, unit_cost`` (minor units), ``on_hand`` (as of ``as_of``),
    ``held`` (of those, units not for sale then: awaiting acceptance or in quarantine, see
    :func:`_held_units`), ``sellable`` (not expired on ``as_of``: a batch sells up to and including its expiry
    date).
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _local_midnight_utc(as_of)
    # On hand then = today's running total (batches.on_hand, kept with every move) less the moves since: cheap
    # when as_of is recent, where summing the whole ledger per batch is not.
    frame = _frame(store, """
        SELECT b.id AS batch_id, b.product_id, b.expiry, b.unit_cost, b.received_qty,
               COALESCE(g.received_at, (SELECT MIN(m.at) FROM stock_moves m WHERE m.batch_id = b.id)) AS arrived_at,
               b.on_hand - COALESCE(later.quantity, 0) AS on_hand
        FROM batches b
        LEFT JOIN goods_receipts g ON g.id = b.receipt_id
        LEFT JOIN (SELECT batch_id, SUM(quantity) AS quantity FROM stock_moves
                   WHERE product_id IN (SELECT id FROM products) AND at >= ?      -- the (product_id, at) index
                   GROUP BY batch_id) later ON later.batch_id = b.id
        WHERE arrived_at < ?
        ORDER BY b.product_id, b.expiry, b.id""", (cutoff, cutoff))
    frame["expiry"] = pd.to_datetime(frame["expiry"])
    frame["received"] = _utc(frame["arrived_at"]).dt.tz_convert(datetime.now().astimezone().tzinfo) \
        .dt.tz_localize(None).dt.normalize() if len(frame) else pd.Series(dtype="datetime64[ns]")
    frame["sellable"] = frame["expiry"] >= pd.Timestamp(as_of)
    held = _held_units(store, cutoff).reindex(frame["batch_id"]).fillna(0).to_numpy(dtype="int64")
    frame["held"] = np.minimum(held, np.maximum(frame["on_hand"].to_numpy(dtype="int64"), 0))
    return frame.drop(columns=["arrived_at"])


def _held_units(store: "Store", cutoff: str) -> pd.Series:
    """Units per batch held off sale at the UTC moment ``cutoff`` (GSP quality status), indexed by batch id.

    Quarantine is exact from its records (held from ``at`` until ``closed_at``). Units awaiting acceptance are
    today's ``pending_qty`` plus what was accepted since ``cutoff``, less what was received since (each receipt
    under the profile waits for acceptance), never below zero; the quantities are current when ``cutoff`` is
    now, the usual case.
    """
    quarantined = store.db.all(
        "SELECT batch_id, SUM(quantity) AS held FROM quality_quarantine "
        "WHERE at < ? AND (closed_at IS NULL OR closed_at >= ?) GROUP BY batch_id", (cutoff, cutoff))
    pending = store.db.all("""
        SELECT g.batch_id, b.pending_qty
               + COALESCE((SELECT SUM(a.quantity) FROM quality_acceptances a
                           WHERE a.batch_id = g.batch_id AND a.at >= ?), 0)
               - COALESCE((SELECT SUM(m.quantity) FROM stock_moves m
                           WHERE m.batch_id = g.batch_id AND m.reason = 'receipt' AND m.at >= ?), 0) AS held
        FROM (SELECT id AS batch_id FROM batches WHERE pending_qty > 0
              UNION SELECT batch_id FROM quality_acceptances) g JOIN batches b ON b.id = g.batch_id""",
        (cutoff, cutoff))
    rows = [(r["batch_id"], r["held"]) for r in quarantined] + [(r["batch_id"], max(r["held"], 0)) for r in pending]
    if not rows:
        return pd.Series(dtype="int64", name="held")
    return pd.DataFrame(rows, columns=["batch_id", "held"]).groupby("batch_id")["held"].sum()


def reorder_stock_history(store: "Store", as_of: date, history_days: int = 180) -> pd.DataFrame:
    """End-of-day sellable stock on hand per product over the ``history_days`` local days before ``as_of``.

    A wide frame like :func:`reorder_daily_demand`: index ``date`` (naive datetime64, every local day from
    ``as_of - history_days`` to ``as_of - 1``), one int64 column per product id (every product in the
    catalogue). The value for day D is the stock ledger summed up to local midnight at the end of D, over
    the product's batches still sellable the next morning (expiry >= D + 1; a batch sells up to and
    including its expiry date). So the last row equals the sellable ``on_hand`` of :func:`reorder_batches`
    at ``as_of``.

    Cheap on a long ledger: only the moves from the window's start on are read (one plain scan, no
    per-batch grouping of five years of history); each batch's balance before the window is its
    ``batches.on_hand`` (the ledger's running total, kept in the same transaction as every move) less those
    moves. Then one cumulative sum per batch in numpy, whatever the number of products.
    """
    import numpy as np
    from datetime import timedelta as _td
    store.require(Action.RUN_ANALYTICS)
    start = as_of - _td(days=history_days)
    index = pd.date_range(pd.Timestamp(start), periods=history_days, freq="D", name="date")
    pids = [r["id"] for r in store.db.all("SELECT id FROM products ORDER BY id")]
    day_sql = _local_day_sql("at", start, as_of)
    # day is NULL for moves on or after as_of (they are only taken back off the current balance)
    moves = _frame(store, f"""
        SELECT batch_id, CASE WHEN at < ? THEN {day_sql} END AS day, quantity FROM stock_moves NOT INDEXED
        WHERE at >= ?""", (_local_midnight_utc(as_of), _local_midnight_utc(start)))
    batches = _frame(store, "SELECT id AS batch_id, product_id, expiry, on_hand FROM batches ORDER BY id")
    batch_ids = batches["batch_id"].to_numpy()
    row = np.searchsorted(batch_ids, moves["batch_id"].to_numpy())
    inside = moves["day"].notna().to_numpy()
    qty = moves["quantity"].to_numpy(dtype="int64")
    opening = batches["on_hand"].to_numpy(dtype="int64") - np.bincount(row, qty, len(batch_ids)).astype("int64")
    keep = (opening != 0) | (np.bincount(row[inside], minlength=len(batch_ids)) > 0)
    out = np.zeros((history_days, len(pids)), dtype="int64")
    if keep.any():
        position = np.cumsum(keep) - 1                          # row of each kept batch in the matrix below
        col = (pd.to_datetime(moves.loc[inside, "day"]) - pd.Timestamp(start)).dt.days.to_numpy()
        daily = np.zeros((int(keep.sum()), history_days), dtype="int64")
        np.add.at(daily, (position[row[inside]], col), qty[inside])
        balance = np.cumsum(daily, axis=1) + opening[keep][:, None]
        expiry = pd.to_datetime(batches.loc[keep, "expiry"]).to_numpy()
        next_morning = (index + pd.Timedelta(days=1)).to_numpy()
        balance *= expiry[:, None] >= next_morning[None, :]              # sellable the next morning only
        product_col = pd.Index(pids).get_indexer(batches.loc[keep, "product_id"].to_numpy())
        np.add.at(out.T, product_col, balance)
    return pd.DataFrame(out, index=index, columns=pd.Index(pids, name="product_id"))


def reorder_on_order(store: "Store", as_of: date) -> pd.DataFrame:
    """Units on order per product at ``as_of``: lines of purchase orders sent before ``as_of`` (and not
    cancelled) less what was delivered against them before ``as_of``. Columns: ``product_id, on_order``.
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _local_midnight_utc(as_of)
    frame = _frame(store, """
        SELECT l.product_id, SUM(MAX(l.quantity - COALESCE(r.received, 0), 0)) AS on_order
        FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
        LEFT JOIN (SELECT g.order_id, m.product_id, SUM(m.quantity) AS received
                   FROM goods_receipts g JOIN stock_moves m ON m.ref_type = 'goods_receipt' AND m.ref_id = g.id
                   WHERE g.order_id IS NOT NULL AND g.received_at < ? AND m.reason = 'receipt'
                   GROUP BY g.order_id, m.product_id) r ON r.order_id = l.order_id AND r.product_id = l.product_id
        WHERE o.sent_at IS NOT NULL AND o.sent_at < ? AND o.status <> 'cancelled'
        GROUP BY l.product_id HAVING on_order > 0""", (cutoff, cutoff))
    return frame.astype({"product_id": "int64", "on_order": "int64"})


def reorder_products(store: "Store", as_of: date) -> pd.DataFrame:
    """Per product, what ordering needs: ``product_id, name, category, legal_class, supplier_id,
    supplier_name, lead_time_days, review_days, order_multiple, min_order_qty, active`` and ``unit_cost``
    (the cost of its latest batch received before ``as_of``, else of its latest order line, else the latest
    cost on its imported sales history; NaN if none). A product's history starts at its creation, its first sale
    (imported or not) or its first stock move, whichever is first: products with none of them before ``as_of``
    are left out (so a store migrated today still has its products in a backtest of last year). Pack rules and
    lead times are today's values.
    """
    store.require(Action.RUN_ANALYTICS)
    cutoff = _local_midnight_utc(as_of)
    frame = _frame(store, """
        SELECT p.id AS product_id, p.name, p.category, p.legal_class, p.supplier_id, s.name AS supplier_name,
               COALESCE(s.lead_time_days, 2) AS lead_time_days, COALESCE(s.review_days, 7) AS review_days,
               p.order_multiple, p.min_order_qty, p.active,
               COALESCE((SELECT b.unit_cost FROM batches b JOIN goods_receipts g ON g.id = b.receipt_id
                         WHERE b.product_id = p.id AND g.received_at < ? ORDER BY g.received_at DESC, b.id DESC
                         LIMIT 1),
                        (SELECT l.unit_cost FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                         WHERE l.product_id = p.id AND l.unit_cost IS NOT NULL AND o.created_at < ?
                         ORDER BY o.created_at DESC LIMIT 1),
                        (SELECT CASE WHEN l.split_unit = 1 THEN l.unit_cost * p.split_units ELSE l.unit_cost END
                         FROM sale_lines l JOIN sales x ON x.id = l.sale_id
                         WHERE l.product_id = p.id AND x.source = 'import' AND l.unit_cost > 0 AND x.at < ?
                         ORDER BY x.at DESC, l.id DESC LIMIT 1)) AS unit_cost
        FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id
        WHERE p.created_at < ?
           OR EXISTS (SELECT 1 FROM sale_lines l JOIN sales x ON x.id = l.sale_id
                      WHERE l.product_id = p.id AND x.at < ?)
           OR EXISTS (SELECT 1 FROM stock_moves m WHERE m.product_id = p.id AND m.at < ?)
        ORDER BY p.id""", (cutoff,) * 6)
    frame["supplier_id"] = frame["supplier_id"].astype("Int64")
    frame["unit_cost"] = frame["unit_cost"].astype(float)
    frame["active"] = frame["active"].astype(bool)
    return frame


# -- KPIs (the owner's numbers; segments / KPIs engineer) ----------------------------------------------------
# Periods here are the store's LOCAL calendar days, like the reorder loaders: a day runs from local midnight
# to local midnight, so the owner's daily report matches the till's day whatever the time zone.

def sales_between(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Sales with ``start <= at < end``, one row each, with their line facts aggregated in SQL.

    Columns: ``sale_id, at`` (UTC), ``member_id`` (Int64), ``source``, ``subtotal, discount, redeem_value,
    total, vat`` (minor units), ``items`` (units), ``lines``, ``cogs`` (sum of quantity x ``sale_lines.unit_cost``)
    and ``lines_without_cost`` (lines whose ``unit_cost`` is 0: imported history usually has no cost).
    """
    store.require(Action.RUN_ANALYTICS)
    frame = _frame(store, f"""
        SELECT s.id AS sale_id, s.at, s.member_id, s.source, s.subtotal, s.discount, s.redeem_value, s.total,
               s.vat, COALESCE(l.items, 0) AS items, COALESCE(l.lines, 0) AS lines, COALESCE(l.cogs, 0) AS cogs,
               COALESCE(l.without_cost, 0) AS lines_without_cost
        FROM sales s LEFT JOIN (
            SELECT l.sale_id, SUM({items_sql()}) AS items, COUNT(*) AS lines, SUM(l.quantity * l.unit_cost) AS cogs,
                   SUM(l.unit_cost = 0) AS without_cost
            FROM sale_lines l JOIN sales s2 ON s2.id = l.sale_id JOIN products p ON p.id = l.product_id
            WHERE s2.at >= ? AND s2.at < ? GROUP BY l.sale_id) l ON l.sale_id = s.id
        WHERE s.at >= ? AND s.at < ?
        ORDER BY s.at, s.id""", (_local_midnight_utc(start), _local_midnight_utc(end)) * 2)
    frame["at"] = _utc(frame["at"])
    frame["member_id"] = frame["member_id"].astype("Int64")
    for column in ["subtotal", "discount", "redeem_value", "total", "vat", "items", "lines", "cogs",
                   "lines_without_cost"]:
        frame[column] = frame[column].astype("int64")
    return frame


def refunds_between(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Returns (refunds) with ``start <= at < end``: ``return_id, at`` (UTC), ``original_sale_id, refund_total``
    (minor units), ``units`` returned and ``damaged_units``."""
    store.require(Action.RUN_ANALYTICS)
    frame = _frame(store, """
        SELECT r.id AS return_id, r.at, r.original_sale_id, r.refund_total,
               COALESCE(SUM(rl.quantity), 0) AS units,
               COALESCE(SUM(CASE WHEN rl.damaged THEN rl.quantity ELSE 0 END), 0) AS damaged_units
        FROM returns r LEFT JOIN return_lines rl ON rl.return_id = r.id
        WHERE r.at >= ? AND r.at < ?
        GROUP BY r.id ORDER BY r.at, r.id""", (_local_midnight_utc(start), _local_midnight_utc(end)))
    frame["at"] = _utc(frame["at"])
    return frame


def inventory_at(store: "Store", moments: list[date]) -> pd.DataFrame:
    """Stock on hand per batch at the start of each date in ``moments``, from the stock ledger (``stock_moves``
    with ``at`` before that date), valued at the batch's unit cost.

    One row per (``as_of``, batch) with stock > 0: ``as_of`` (the date, datetime64), ``batch_id, product_id,
    expiry`` (datetime64), ``on_hand`` (units), ``unit_cost`` and ``value`` (minor units). One SQL scan of the
    ledger whatever the number of dates.
    """
    store.require(Action.RUN_ANALYTICS)
    cutoffs = [_local_midnight_utc(m) for m in moments]
    if not cutoffs:
        raise ValueError("inventory_at needs at least one date")
    sums = ", ".join(f"SUM(CASE WHEN m.at < ? THEN m.quantity ELSE 0 END) AS q{i}" for i in range(len(cutoffs)))
    wide = _frame(store, f"""
        SELECT m.batch_id, {sums} FROM stock_moves m WHERE m.at < ? GROUP BY m.batch_id""",
                  (*cutoffs, max(cutoffs)))
    batches = _frame(store, "SELECT id AS batch_id, product_id, expiry, unit_cost FROM batches")
    parts = []
    for i in range(len(cutoffs)):
        part = wide[["batch_id", f"q{i}"]].rename(columns={f"q{i}": "on_hand"})
        part = part[part["on_hand"] > 0].assign(as_of=pd.Timestamp(moments[i]))
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True).merge(batches, on="batch_id", how="left")
    frame["expiry"] = pd.to_datetime(frame["expiry"], format="ISO8601")
    frame["on_hand"] = frame["on_hand"].astype("int64")
    frame["value"] = frame["on_hand"] * frame["unit_cost"].astype("int64")
    frame = frame[["as_of", "batch_id", "product_id", "expiry", "on_hand", "unit_cost", "value"]]
    frame.attrs["moments"] = [pd.Timestamp(m) for m in moments]   # dates loaded, even where nothing was on hand
    return frame


def member_counts(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Members registered before ``end``: ``member_id, registered_at`` (UTC; the first sale when earlier:
    :func:`joined_sql`) and ``first_purchase`` (UTC, the
    member's first sale ever before ``end``; NaT when none). No personal data is read."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _local_midnight_utc(end)
    frame = _frame(store, f"""
        SELECT * FROM (
            SELECT m.id AS member_id, {joined_sql()} AS registered_at,
                   (SELECT MIN(s.at) FROM sales s WHERE s.member_id = m.id AND s.at < ?) AS first_purchase
            FROM members m)
        WHERE registered_at < ? ORDER BY member_id""", (cutoff, cutoff))
    frame["registered_at"] = _utc(frame["registered_at"])
    frame["first_purchase"] = _utc(frame["first_purchase"])
    return frame


def kpi_frames(store: "Store", start: date, end: date, *, progress=None) -> dict[str, pd.DataFrame]:
    """Everything :func:`pharmadesk.analytics.models.kpis.owner_kpis` needs for periods inside ``[start, end)``:
    ``sales`` (:func:`sales_between`), ``refunds`` (:func:`refunds_between`), ``members``
    (:func:`member_counts`) and ``inventory`` (:func:`inventory_at` at every 30-day step from ``start`` and at
    ``end``, so any period boundary a caller uses and the average inventory are covered; pass the boundaries
    you need with ``kpis.owner_kpis``). Pass ``start`` = the previous period's start to compare periods.
    """
    if end <= start:
        raise ValueError("the period's end must be after its start")
    frames = {"sales": sales_between(store, start, end)}
    if progress:
        progress(0.4, "sales loaded")
    frames["refunds"] = refunds_between(store, start, end)
    frames["members"] = member_counts(store, start, end)
    if progress:
        progress(0.6, "members loaded")
    middle = start + (end - start) / 2
    frames["inventory"] = inventory_at(store, sorted({start, middle, end}))
    if progress:
        progress(1.0, "inventory loaded")
    return frames


def joined_kpi_frames(store: "Store", start: date, end: date, as_of: date) -> dict:
    """What :func:`pharmadesk.analytics.models.joined_kpis.for_periods` needs for periods inside ``[start,
    end)``: ``log`` (:func:`care_reminder_log`) and ``fills`` (:func:`care_fills`) up to ``as_of``, and
    ``campaigns``: ``(campaign, arms, window purchases with margin)`` of each campaign whose window ended in
    ``[start, end)`` before ``as_of``."""
    ended = []
    for campaign in store.campaigns.list():
        ends_on = date.fromisoformat(campaign["ends_on"])
        if not start <= ends_on < end or ends_on >= as_of:
            continue
        details, arms = campaign_frame(store, campaign["id"], as_of)
        window = member_purchase_days(store, ends_on + timedelta(days=1),
                                      start=date.fromisoformat(details["starts_on"]), margin=True)
        ended.append((details, arms, window))
    return {"log": care_reminder_log(store, as_of), "fills": care_fills(store, as_of), "campaigns": ended}


def member_names(store: "Store", member_ids: list[int]) -> dict[int, str]:
    """``{member_id: name}`` of the given members, for a list the owner calls from (never for notes or logs)."""
    store.require(Action.RUN_ANALYTICS)
    if not member_ids:
        return {}
    rows = store.db.all(f"SELECT id, name FROM members WHERE id IN ({','.join('?' * len(member_ids))})",
                        list(member_ids))
    return {int(r["id"]): r["name"] for r in rows}


def history_start(store: "Store", as_of: date) -> dict[str, date | None]:
    """Where the store's history begins before ``as_of`` (local calendar days): ``{"sales": first day with a
    sale, till or imported; "baskets": first day with a sale of two or more products; "stock": first stock
    move}``, None where there is none. The jobs use it to say plainly what an analysis is missing."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _local_midnight_utc(as_of)
    rows = store.db.one("""
        SELECT (SELECT MIN(at) FROM sales WHERE at < ?) AS sales,
               (SELECT s.at FROM sales s WHERE s.at < ?
                  AND (SELECT COUNT(DISTINCT l.product_id) FROM sale_lines l WHERE l.sale_id = s.id) >= 2
                ORDER BY s.at LIMIT 1) AS baskets,
               (SELECT MIN(at) FROM stock_moves WHERE at < ?) AS stock""", (cutoff,) * 3)
    out: dict[str, date | None] = {}
    for key in ("sales", "baskets", "stock"):
        value = rows[key]
        out[key] = None if value is None else datetime.fromisoformat(value).astimezone().date()
    return out


def last_sale_id(store: "Store") -> int:
    """The newest sale's id (0 when none): the panes recompute their cached results when it changes."""
    return int(store.db.scalar("SELECT COALESCE(MAX(id), 0) FROM sales"))


# -- owner's daily and monthly reports (pharmadesk.analytics.models.owner_reports) --------------------------------
# Windows are [start, end) in local calendar days, like the KPI loaders. Only counts and money: no member
# is named; staff appear by display name on day closes (the owner's own employees).

def report_product_sales(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Per product sold in the window: ``product_id, name, manufacturer, specification`` (the sales record GSP
    asks for), ``category, legal_class, units, revenue, cost``
    (minor units; cost = quantity x the FEFO unit cost recorded at the till) and ``rx_lines`` (lines
    dispensed against a prescription)."""
    store.require(Action.VIEW_REPORTS)
    frame = _frame(store, """
        SELECT l.product_id, p.name, p.manufacturer, p.specification, p.category, p.legal_class,
               SUM(l.quantity) AS units,
               SUM(l.line_total) AS revenue, SUM(l.quantity * l.unit_cost) AS cost,
               SUM(rx.id IS NOT NULL) AS rx_lines
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
        LEFT JOIN prescriptions rx ON rx.sale_line_id = l.id
        WHERE s.at >= ? AND s.at < ?
        GROUP BY l.product_id ORDER BY revenue DESC, l.product_id""",
                   (_local_midnight_utc(start), _local_midnight_utc(end)))
    for column in ("units", "revenue", "cost", "rx_lines"):
        frame[column] = frame[column].astype("int64") if len(frame) else pd.Series(dtype="int64")
    return frame


def report_sales_record(store: "Store", start: date, end: date) -> pd.DataFrame:
    """The GSP sales record of the window, one row per batch a sale line took from: ``at`` (UTC), ``receipt_no,
    name, specification, manufacturer, approval_number, batch_no, expiry, quantity, unit_price`` (minor units).
    An imported sale line, which moved no stock, is one row without batch. No member is named."""
    store.require(Action.VIEW_REPORTS)
    frame = _frame(store, """
        SELECT s.at, s.receipt_no, p.name, p.specification, p.manufacturer, p.approval_number, b.batch_no, b.expiry,
               COALESCE(a.quantity, l.quantity) AS quantity, l.unit_price
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
        LEFT JOIN sale_line_batches a ON a.sale_line_id = l.id LEFT JOIN batches b ON b.id = a.batch_id
        WHERE s.at >= ? AND s.at < ?
        ORDER BY s.at, l.id, b.expiry""", (_local_midnight_utc(start), _local_midnight_utc(end)))
    frame["at"] = _utc(frame["at"])
    return frame


def report_payments(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Money taken and refunded per payment method in the window: ``method, sales, refunds`` (minor units)."""
    store.require(Action.VIEW_REPORTS)
    lo, hi = _local_midnight_utc(start), _local_midnight_utc(end)
    return _frame(store, """
        SELECT method, SUM(CASE WHEN sale_id IS NOT NULL THEN amount ELSE 0 END) AS sales,
               SUM(CASE WHEN return_id IS NOT NULL THEN amount ELSE 0 END) AS refunds
        FROM (SELECT p.method, p.sale_id, p.return_id, p.amount FROM payments p
              JOIN sales s ON s.id = p.sale_id WHERE s.at >= ? AND s.at < ?
              UNION ALL
              SELECT p.method, p.sale_id, p.return_id, p.amount FROM payments p
              JOIN returns r ON r.id = p.return_id WHERE r.at >= ? AND r.at < ?)
        GROUP BY method ORDER BY method""", (lo, hi, lo, hi))


def report_stock_moves(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Stock ledger movements in the window per reason (receipt, sale, return, adjustment, write_off,
    stocktake): ``reason, moves, units`` (signed) and ``value`` (signed, at each batch's unit cost)."""
    store.require(Action.VIEW_REPORTS)
    return _frame(store, """
        SELECT m.reason, COUNT(*) AS moves, SUM(m.quantity) AS units, SUM(m.quantity * b.unit_cost) AS value
        FROM stock_moves m JOIN batches b ON b.id = m.batch_id
        WHERE m.at >= ? AND m.at < ? GROUP BY m.reason ORDER BY m.reason""",
                  (_local_midnight_utc(start), _local_midnight_utc(end)))


def report_day_closes(store: "Store", start: date, end: date) -> pd.DataFrame:
    """Day closes (Z reports) made in the window: ``closed_at`` (UTC), ``closed_by`` (staff display name),
    ``opening_float, expected_cash, counted_cash, variance`` (minor units)."""
    store.require(Action.VIEW_REPORTS)
    frame = _frame(store, """
        SELECT d.closed_at, u.display_name AS closed_by, d.opening_float, d.expected_cash, d.counted_cash,
               d.counted_cash - d.expected_cash AS variance
        FROM day_closes d LEFT JOIN users u ON u.id = d.user_id
        WHERE d.closed_at >= ? AND d.closed_at < ? ORDER BY d.closed_at""",
                   (_local_midnight_utc(start), _local_midnight_utc(end)))
    frame["closed_at"] = _utc(frame["closed_at"])
    return frame


def report_care_activity(store: "Store", start: date, end: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Care work in the window: ``(reminders, outcomes)`` where reminders = ``kind, count`` issued and
    outcomes = ``outcome, count`` recorded (counts only, no member)."""
    store.require(Action.VIEW_REPORTS)
    lo, hi = _local_midnight_utc(start), _local_midnight_utc(end)
    reminders = _frame(store, """SELECT kind, COUNT(*) AS count FROM care_reminders
                                 WHERE created_at >= ? AND created_at < ? GROUP BY kind ORDER BY kind""", (lo, hi))
    outcomes = _frame(store, """SELECT outcome, COUNT(*) AS count FROM care_reminder_outcomes
                                WHERE at >= ? AND at < ? GROUP BY outcome ORDER BY outcome""", (lo, hi))
    return reminders, outcomes


def report_audit_counts(store: "Store", start: date, end: date, actions: tuple[str, ...]) -> dict[str, int]:
    """How many times each audited ``action`` happened in the window (0 when never)."""
    store.require(Action.VIEW_REPORTS)
    marks = ", ".join("?" for _ in actions)
    rows = store.db.all(f"""SELECT action, COUNT(*) AS n FROM audit_log WHERE at >= ? AND at < ?
                            AND action IN ({marks}) GROUP BY action""",
                        (_local_midnight_utc(start), _local_midnight_utc(end), *actions))
    counts = {action: 0 for action in actions}
    counts.update({r["action"]: int(r["n"]) for r in rows})
    return counts


def owner_report_frames(store: "Store", start: date, end: date, compare_start: date, compare_end: date,
                        audit_actions: tuple[str, ...], *, progress=None, sales_record: bool = False) -> dict:
    """Everything :func:`pharmadesk.analytics.models.owner_reports.build_report` needs for the period
    ``[start, end)`` compared with ``[compare_start, compare_end)``: ``sales, refunds, members`` over both,
    ``inventory`` at the four boundaries, and over the period ``products, payments, stock, closes,
    reminders, outcomes`` and ``exceptions`` (counts of ``audit_actions``); with ``sales_record`` also the
    period's line-by-line ``sales_record`` (:func:`report_sales_record`)."""
    step = progress or (lambda fraction, label: None)
    step(0.05, "sales")
    data = {"sales": sales_between(store, compare_start, end), "refunds": refunds_between(store, compare_start, end),
            "members": member_counts(store, compare_start, end)}
    step(0.3, "inventory")
    data["inventory"] = inventory_at(store, sorted({compare_start, compare_end, start, end}))
    step(0.5, "products")
    data["products"] = report_product_sales(store, start, end)
    data["payments"] = report_payments(store, start, end)
    step(0.7, "stock")
    data["stock"] = report_stock_moves(store, start, end)
    data["closes"] = report_day_closes(store, start, end)
    data["reminders"], data["outcomes"] = report_care_activity(store, start, end)
    data["exceptions"] = report_audit_counts(store, start, end, audit_actions)
    if sales_record:
        data["sales_record"] = report_sales_record(store, start, end)
    step(1.0, "loaded")
    return data
