"""The proof: three demo stores, several exports each, one head office — totals per store and day
equal each store's own totals exactly."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import duckdb
import pytest

from pharmadesk.demo.build import build_demo_store
from pharmadesk.headoffice.hq_keys import create_hq_keys, load_hq_private, trust_store
from pharmadesk.headoffice.ingest import connect, extract_bundles, ingest_bundles, sequence_gaps
from pharmadesk.headoffice.report import period_report, stock_health
from pharmadesk.core.timeutil import from_iso

KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}
END = date(2025, 6, 1)


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("chain")
    create_hq_keys(tmp / "hq")
    hq_priv = load_hq_private(tmp / "hq")
    bundles, db = tmp / "shared-drive", tmp / "hq.duckdb"
    con = connect(db)
    own = {}
    for i in range(3):
        store = build_demo_store(tmp / f"store{i}", members=150, years=0.25, seed=i, end_date=END, kdf=KDF)
        try:
            doc = store.headoffice.setup_keys(tmp / "pubkeys")
            store.headoffice.trust_hq(tmp / "hq" / "hq.pub")
            trust_store(con, doc["path"])
            real_clock = store.clock
            # three cut-offs: two in the past (driven by the store clock), then now
            for cut in (datetime(2025, 4, 10, 17, tzinfo=timezone.utc), datetime(2025, 5, 15, 3, tzinfo=timezone.utc)):
                store.clock = lambda cut=cut: cut
                store.headoffice.export(bundles)
            store.clock = real_clock
            store.headoffice.export(bundles)
            sales = store.db.all("SELECT at, total FROM sales")
            returns = store.db.all("SELECT at, refund_total FROM returns")
            own[store.store_id] = (sales, returns)
        finally:
            store.close()
    con.close()
    first = ingest_bundles(bundles, db, hq_priv)
    second = ingest_bundles(bundles, db, hq_priv)
    return {"tmp": tmp, "bundles": bundles, "db": db, "priv": hq_priv, "own": own, "first": first,
            "second": second}


def _by_day(rows, value, local: bool):
    out = defaultdict(lambda: [0, 0])
    for r in rows:
        moment = from_iso(r["at"])
        day = (moment.astimezone() if local else moment.astimezone(timezone.utc)).date().isoformat()
        out[day][0] += r[value]
        out[day][1] += 1
    return out


def test_every_bundle_loaded_once(chain):
    assert chain["first"].ok and len(chain["first"].loaded) == 9, chain["first"].messages
    assert not chain["first"].warnings
    assert chain["second"].loaded == [] and len(chain["second"].skipped) == 9
    con = duckdb.connect(str(chain["db"]), read_only=True)
    assert sequence_gaps(con) == {}
    assert con.execute("SELECT store_id, list(sequence ORDER BY sequence) FROM bundles GROUP BY 1 ORDER BY 1")\
        .fetchall() == [(s, [1, 2, 3]) for s in sorted(chain["own"])]
    con.close()


@pytest.mark.parametrize("local", [True, False], ids=["local-days", "utc-days"])
def test_head_office_totals_equal_store_totals_per_store_and_day(chain, local):
    con = duckdb.connect(str(chain["db"]), read_only=True)
    rows = period_report(con, "day", tz=None if local else "UTC")
    if local:  # DuckDB's default time zone must be this computer's, as Python's astimezone() uses
        offset = datetime.now().astimezone().utcoffset()
        got = con.execute("SELECT extract(epoch FROM (now()::TIMESTAMP - timezone('UTC', now())::TIMESTAMP))").fetchall()
        if timedelta(seconds=float(got[0][0])) != offset:
            pytest.skip("DuckDB's default time zone differs from Python's here")
    con.close()
    hq = defaultdict(dict)
    for r in rows:
        hq[r["store_id"]][r["period"]] = r
    assert set(hq) == set(chain["own"])
    for store_id, (sales, returns) in chain["own"].items():
        s_days, r_days = _by_day(sales, "total", local), _by_day(returns, "refund_total", local)
        assert len(s_days) > 60
        hq_sales = {d: [r["gross_sales"], r["transactions"]] for d, r in hq[store_id].items() if r["transactions"]}
        assert hq_sales == dict(s_days), store_id
        hq_refunds = {d: r["refunds"] for d, r in hq[store_id].items() if r["refunds"]}
        assert hq_refunds == {d: v[0] for d, v in r_days.items()}, store_id
        assert sum(r["net_sales"] for r in hq[store_id].values()) == \
            sum(r["total"] for r in sales) - sum(r["refund_total"] for r in returns)


def test_stock_health_and_month_report(chain):
    con = duckdb.connect(str(chain["db"]), read_only=True)
    stock = stock_health(con)
    assert len(stock) == 3 and all(s["stock_value"] > 0 for s in stock)
    months = period_report(con, "month")
    assert {r["store_id"] for r in months} == set(chain["own"])
    assert all(r["gross_margin"] > 0 and r["active_members"] > 0 for r in months if r["transactions"] > 50)
    con.close()


def test_extracted_parquet_gives_the_same_totals(chain):
    out = chain["tmp"] / "lake"
    extract_bundles(chain["bundles"], out, chain["priv"], chain["db"])
    lake = duckdb.connect()
    got = lake.execute(f"""SELECT store_id, count(*), sum(total) FROM read_parquet('{out}/sales/*/*/*.parquet',
                           hive_partitioning = true, hive_types_autocast = false) GROUP BY 1 ORDER BY 1""").fetchall()
    want = sorted((s, len(sales), sum(r["total"] for r in sales)) for s, (sales, _) in chain["own"].items())
    assert got == want
