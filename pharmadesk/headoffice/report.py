"""Head office's cross-store report, in DuckDB SQL over the ingested bundles.

Per store and period (local day or month, in the session time zone — DuckDB's default is this
computer's; pass ``tz`` to choose):

- ``gross_sales``: Σ sales.total (after discounts and points, VAT included) of sales in the period;
- ``refunds``: Σ returns.refund_total of returns made in the period; ``net_sales`` = gross − refunds,
  computed by :func:`pharmadesk.core.payments.net_sales` (VAT in, refunds out), the store's own definition;
- ``transactions``: number of sales; ``avg_ticket`` = gross_sales / transactions (minor units, rounded);
- ``gross_margin``: Σ over sale lines of (line_total net of VAT − unit_cost × quantity), minus the same
  for returned lines (refund net of VAT − unit_cost × returned quantity) in the period. Net of VAT =
  round(amount × 10000 / (10000 + vat_rate_bp)): shelf prices include VAT. Sale-level discounts and
  points redeemed are NOT spread over lines, so margin is on line prices;
- ``active_members``: distinct member pseudonyms with a sale in the period;
- ``new_members``: members whose ``registered_month`` is the period's month (month periods only —
  member facts carry the month, not the day, so it is NULL for day periods);
- stock health per store, from the latest stock snapshot (as of that bundle's window_end):
  ``stock_value`` = Σ on_hand × unit_cost; ``near_expiry_value``: batches expiring within 90 days
  of that date; ``expired_value``: expired batches still on hand.

Per store, period and payment method (:func:`payments_report`, from the bundles' ``payments`` table:
method and amount only, never a transaction reference): ``taken`` (sales paid by the method), ``refunded``
(refunds paid back by it, by the date of the return) and ``net`` = :func:`~pharmadesk.core.payments.net_sales`
of the two. Summed over the methods, ``taken`` is ``gross_sales`` and ``refunded`` is ``refunds``.

Money is integer minor units throughout.
"""

from __future__ import annotations

import csv
import io

from pharmadesk.core.payments import PAYMENT_METHODS, net_sales
from pharmadesk.io.safe_cells import neutralise

PERIOD_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m"}
NEAR_EXPIRY_DAYS = 90


def _period_sql(period: str) -> str:
    fmt = PERIOD_FORMATS[period]
    new_members = ("(SELECT count(*) FROM member_facts f WHERE f.store_id = k.store_id "
                   "AND f.registered_month = k.period)" if period == "month" else "CAST(NULL AS BIGINT)")
    return f"""
WITH s AS (
    SELECT store_id, strftime(CAST("at" AS DATE), '{fmt}') AS period, count(*) AS transactions,
           sum(total) AS gross_sales, count(DISTINCT member_pseudonym) AS active_members
    FROM sales GROUP BY ALL
), lm AS (
    SELECT s.store_id, strftime(CAST(s."at" AS DATE), '{fmt}') AS period,
           sum(round(l.line_total * 10000.0 / (10000 + l.vat_rate_bp)) - l.unit_cost * l.quantity) AS margin
    FROM sale_lines l JOIN sales s USING (store_id, sale_id) GROUP BY ALL
), r AS (
    SELECT store_id, strftime(CAST("at" AS DATE), '{fmt}') AS period, sum(refund_total) AS refunds
    FROM returns GROUP BY ALL
), rm AS (
    SELECT r.store_id, strftime(CAST(r."at" AS DATE), '{fmt}') AS period,
           sum(round(rl.refund * 10000.0 / (10000 + l.vat_rate_bp)) - l.unit_cost * rl.quantity) AS margin
    FROM return_lines rl JOIN returns r USING (store_id, return_id)
    JOIN sale_lines l ON l.store_id = rl.store_id AND l.line_id = rl.sale_line_id GROUP BY ALL
), k AS (
    SELECT store_id, period FROM s UNION SELECT store_id, period FROM r
)
SELECT k.store_id, (SELECT any_value(store_name ORDER BY sequence DESC) FROM bundles b
                    WHERE b.store_id = k.store_id) AS store_name,
       k.period,
       coalesce(s.gross_sales, 0)::BIGINT AS gross_sales,
       coalesce(r.refunds, 0)::BIGINT AS refunds,
       CAST(NULL AS BIGINT) AS net_sales,
       coalesce(s.transactions, 0)::BIGINT AS transactions,
       CASE WHEN s.transactions > 0 THEN round(s.gross_sales / s.transactions)::BIGINT END AS avg_ticket,
       (coalesce(lm.margin, 0) - coalesce(rm.margin, 0))::BIGINT AS gross_margin,
       coalesce(s.active_members, 0)::BIGINT AS active_members,
       {new_members} AS new_members
FROM k LEFT JOIN s USING (store_id, period) LEFT JOIN r USING (store_id, period)
     LEFT JOIN lm USING (store_id, period) LEFT JOIN rm USING (store_id, period)
ORDER BY k.store_id, k.period
"""


STOCK_SQL = f"""
WITH snap_date AS (
    SELECT store_id, CAST(max(window_end) AS DATE) AS as_of FROM bundles
    WHERE (store_id, sequence) IN (SELECT (store_id, max(bundle_sequence)) FROM stock_snapshot GROUP BY store_id)
    GROUP BY store_id
)
SELECT a.store_id, a.as_of,
       coalesce(sum(t.on_hand * t.unit_cost), 0)::BIGINT AS stock_value,
       coalesce(sum(t.on_hand * t.unit_cost) FILTER (WHERE t.expiry >= a.as_of
                AND t.expiry < a.as_of + INTERVAL {NEAR_EXPIRY_DAYS} DAY), 0)::BIGINT AS near_expiry_value,
       coalesce(sum(t.on_hand * t.unit_cost) FILTER (WHERE t.expiry < a.as_of), 0)::BIGINT AS expired_value
FROM snap_date a LEFT JOIN stock_snapshot t ON t.store_id = a.store_id AND t.on_hand > 0
GROUP BY ALL ORDER BY a.store_id
"""


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _tz(con, tz: str | None) -> None:
    if tz:
        con.execute(f"SET TimeZone = '{tz.replace(chr(39), '')}'")


def period_report(con, period: str = "day", tz: str | None = None) -> list[dict]:
    """One row per store and period (see the module docstring for each column)."""
    if period not in PERIOD_FORMATS:
        raise ValueError(f"period must be one of {', '.join(PERIOD_FORMATS)}")
    _tz(con, tz)
    rows = _rows(con, _period_sql(period))
    for row in rows:
        row["net_sales"] = net_sales(row["gross_sales"], row["refunds"])
    return rows


def payments_report(con, period: str = "day", tz: str | None = None) -> list[dict]:
    """One row per store, period and payment method used: ``taken, refunded, net`` (see the module docstring)."""
    if period not in PERIOD_FORMATS:
        raise ValueError(f"period must be one of {', '.join(PERIOD_FORMATS)}")
    _tz(con, tz)
    rows = _rows(con, f"""
        SELECT store_id, strftime(CAST("at" AS DATE), '{PERIOD_FORMATS[period]}') AS period, method,
               coalesce(sum(amount) FILTER (WHERE sale_id IS NOT NULL), 0)::BIGINT AS taken,
               coalesce(sum(amount) FILTER (WHERE return_id IS NOT NULL), 0)::BIGINT AS refunded
        FROM payments GROUP BY ALL""")
    order = {method: n for n, method in enumerate(PAYMENT_METHODS)}
    rows.sort(key=lambda r: (r["store_id"], r["period"], order.get(r["method"], len(order)), r["method"]))
    for row in rows:
        row["net"] = net_sales(row["taken"], row["refunded"])
    return rows


def stock_health(con, tz: str | None = None) -> list[dict]:
    """One row per store: stock value at cost, near-expiry and expired value, from the latest snapshot."""
    _tz(con, tz)
    return _rows(con, STOCK_SQL)


def cross_store_report(con, period: str = "day", tz: str | None = None) -> list[dict]:
    """The period rows with each store's stock health columns joined on (same for all its periods)."""
    stock = {r["store_id"]: r for r in stock_health(con, tz)}
    rows = []
    for row in period_report(con, period, tz):
        s = stock.get(row["store_id"], {})
        rows.append({**row, **{k: s.get(k) for k in ("as_of", "stock_value", "near_expiry_value",
                                                      "expired_value")}})
    return rows


def format_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
    return buf.getvalue()


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "(no data)\n"
    cols = list(rows[0])
    text = [[("" if r[c] is None else str(r[c])) for c in cols] for r in rows]
    widths = [max(len(c), *(len(t[i]) for t in text)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.rjust(w) if v.lstrip("-").replace(",", "").replace(".", "", 1).isdigit() else v.ljust(w) for v, w in zip(t, widths))
              for t in text]
    return "\n".join(lines) + "\n"
