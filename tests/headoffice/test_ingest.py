"""Head-office ingest: verification, refusal of tampered/truncated bundles, idempotence, gaps, report."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from pharmadesk.cli import main as cli
from pharmadesk.headoffice import bundle as B
from pharmadesk.headoffice.hq_keys import HQKeyError, create_hq_keys, load_hq_private, trust_store
from pharmadesk.headoffice.ingest import connect, extract_bundles, ingest_bundles
from pharmadesk.headoffice.report import period_report, stock_health

from tests.conftest import FAST_KDF

T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)


def write_bundle(out: Path, store_id: str, seq: int, signing_private: bytes, hq_public: bytes,
                 tables: dict[str, list[dict]], start: datetime, end: datetime, omit: tuple[str, ...] = ()) -> Path:
    """A bundle exactly as the format says (independent of export.py, so ingest is tested alone); ``omit``:
    tables left out, as by a store older than them."""
    key, eph = B.new_bundle_key(hq_public)
    folder = Path(out) / B.bundle_name(store_id, seq)
    folder.mkdir(parents=True)
    files = {}
    for table in (t for t in B.SCHEMAS if t not in omit):
        rows = [{"store_id": store_id, **r} for r in tables.get(table, [])]
        plain = B.parquet_bytes(B.to_table(table, rows))
        nonce = B.new_nonce()
        (folder / (B.file_name(table) + B.ENCRYPTED_SUFFIX)).write_bytes(
            B.encrypt(key, nonce, plain, store_id, seq, table))
        files[B.file_name(table)] = {"rows": len(rows), "sha256": B.sha256_hex(plain), "nonce": nonce.hex()}
    manifest = {"format": 1, "store_id": store_id, "store_name": f"Store {store_id}", "sequence": seq,
                "window_start": start.isoformat(), "window_end": end.isoformat(), "schema_version": 7,
                "created_at": end.isoformat(), "files": files,
                "encryption": {"scheme": B.ENCRYPTION_SCHEME, "ephemeral_public_key": eph.hex(),
                               "recipient_key_id": B.key_id(hq_public)},
                "signing_key_id": B.key_id(B.signing_public_key(signing_private))}
    data = B.manifest_bytes(manifest)
    (folder / B.MANIFEST_NAME).write_bytes(data)
    (folder / B.SIGNATURE_NAME).write_bytes(B.sign(signing_private, data))
    return folder


def day_tables(day: int, base_id: int) -> dict[str, list[dict]]:
    at = T0 + timedelta(days=day, hours=10)
    sales = [{"sale_id": base_id + k, "receipt_no": f"R{base_id + k}", "at": at + timedelta(minutes=k),
              "member_pseudonym": f"m{k % 2}", "subtotal": 1000, "discount": 0, "redeem_value": 0,
              "total": 1000 + k, "vat": 115, "source": "till", "user_id": 1} for k in range(3)]
    lines = [{"sale_id": s["sale_id"], "line_id": s["sale_id"] * 10, "product_id": 1, "quantity": 1,
              "unit_price": 1130, "discount": 0, "line_total": 1130, "unit_cost": 600, "vat_rate_bp": 1300}
             for s in sales]
    methods = ("cash", "wechat", "alipay")
    payments = [{"payment_id": s["sale_id"], "sale_id": s["sale_id"], "return_id": None, "at": s["at"],
                 "method": methods[k], "amount": s["total"]} for k, s in enumerate(sales)]
    payments.append({"payment_id": base_id + 50, "sale_id": None, "return_id": base_id,
                     "at": at + timedelta(hours=1), "method": "cash", "amount": 100})
    return {"sales": sales, "sale_lines": lines, "payments": payments,
            "returns": [{"return_id": base_id, "return_no": f"X{base_id}", "at": at + timedelta(hours=1),
                         "original_sale_id": base_id, "refund_total": 100}],
            "return_lines": [{"return_id": base_id, "sale_line_id": base_id * 10, "product_id": 1, "quantity": 1,
                              "refund": 100, "damaged": False}],
            "stock_snapshot": [{"product_id": 1, "batch_no": "A", "expiry": date(2025, 4, 1), "on_hand": 10 - day,
                                "unit_cost": 600},
                               {"product_id": 1, "batch_no": "OLD", "expiry": date(2025, 1, 1), "on_hand": 2,
                                "unit_cost": 500}],
            "products": [{"product_id": 1, "barcode": "1", "name": "Paracetamol", "category": "otc",
                          "legal_class": "otc", "pack_size": 1, "price": 1130, "vat_rate_bp": 1300, "active": True}],
            "member_facts": [{"member_pseudonym": "m0", "registered_month": "2025-03", "care_consent": True,
                              "marketing_consent": False, "erased": False}]}


@pytest.fixture
def hq(tmp_path):
    """HQ keys, a store signing key trusted in a fresh DuckDB, and three one-day bundles of store S1."""
    create_hq_keys(tmp_path / "keys")
    hq_priv = load_hq_private(tmp_path / "keys")
    sign_priv, sign_pub = B.new_signing_key()
    (tmp_path / "S1.store.pub").write_text(json.dumps({"store_id": "S1", "store_name": "One",
                                                       "public_key": sign_pub.hex()}))
    db = tmp_path / "hq.duckdb"
    con = connect(db)
    trust_store(con, tmp_path / "S1.store.pub")
    con.close()
    bundles = tmp_path / "bundles"
    for day in range(3):
        write_bundle(bundles, "S1", day + 1, sign_priv, B.hq_public_key(hq_priv), day_tables(day, 100 * (day + 1)),
                     T0 + timedelta(days=day), T0 + timedelta(days=day + 1))

    class H:
        pass
    h = H()
    h.priv, h.sign_priv, h.db, h.bundles, h.tmp = hq_priv, sign_priv, db, bundles, tmp_path
    return h


def counts(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("bundles", "sales", "sale_lines", "returns", "return_lines", "stock_snapshot",
                          "stock_history", "products", "member_facts")}
    finally:
        con.close()


def test_ingest_loads_all_and_twice_changes_nothing(hq):
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert result.ok and len(result.loaded) == 3 and not result.warnings
    first = counts(hq.db)
    assert first["sales"] == 9 and first["bundles"] == 3 and first["stock_snapshot"] == 2
    assert first["stock_history"] == 6 and first["products"] == 1
    again = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert again.loaded == [] and len(again.skipped) == 3
    assert all("already loaded" in m for m in again.messages)
    assert counts(hq.db) == first


def _refused_and_nothing_loaded(hq, name="S1-000002.pdbundle"):
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    refused = dict(result.refused)
    assert name in refused, result.messages
    con = duckdb.connect(str(hq.db), read_only=True)
    assert con.execute("SELECT count(*) FROM sales WHERE bundle_sequence = 2").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM stock_history WHERE bundle_sequence = 2").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM bundles WHERE sequence = 2").fetchone()[0] == 0
    con.close()
    return refused[name]


def _flip(path: Path, offset: int = 40) -> None:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table", ["sales", "stock_snapshot", "member_facts"])
def test_changed_byte_in_a_data_file_is_refused(hq, table):
    _flip(hq.bundles / "S1-000002.pdbundle" / f"{table}.parquet.enc")
    assert "changed or cut" in _refused_and_nothing_loaded(hq)


def test_changed_manifest_is_refused(hq):
    path = hq.bundles / "S1-000002.pdbundle" / "manifest.json"
    path.write_bytes(path.read_bytes().replace(b'"rows": 3', b'"rows": 4', 1))
    assert "signature does not match" in _refused_and_nothing_loaded(hq)


def test_wrong_signature_is_refused(hq):
    _flip(hq.bundles / "S1-000002.pdbundle" / "manifest.sig", 5)
    assert "signature does not match" in _refused_and_nothing_loaded(hq)


def test_other_stores_key_is_refused(hq):
    """A bundle claiming to be S1 but signed by another key, even with a consistent key id."""
    other_priv, _ = B.new_signing_key()
    folder = hq.bundles / "S1-000002.pdbundle"
    manifest = json.loads((folder / "manifest.json").read_bytes())
    manifest["signing_key_id"] = B.key_id(B.signing_public_key(other_priv))
    data = B.manifest_bytes(manifest)
    (folder / "manifest.json").write_bytes(data)
    (folder / "manifest.sig").write_bytes(B.sign(other_priv, data))
    assert "not store S1's registered key" in _refused_and_nothing_loaded(hq)
    # and with the real key id but the wrong key's signature
    manifest["signing_key_id"] = B.key_id(B.signing_public_key(hq.sign_priv))
    data = B.manifest_bytes(manifest)
    (folder / "manifest.json").write_bytes(data)
    (folder / "manifest.sig").write_bytes(B.sign(other_priv, data))
    assert "signature does not match" in _refused_and_nothing_loaded(hq)


def test_untrusted_store_is_refused(hq):
    priv, _ = B.new_signing_key()
    write_bundle(hq.bundles, "S9", 1, priv, B.hq_public_key(hq.priv), day_tables(0, 900), T0, T0 + timedelta(days=1))
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert "not trusted" in dict(result.refused)["S9-000001.pdbundle"]
    assert len(result.loaded) == 3


def test_bundle_for_another_head_office_is_refused(hq):
    other_hq, other_pub = B.new_hq_key()
    import shutil
    shutil.rmtree(hq.bundles / "S1-000002.pdbundle")
    write_bundle(hq.bundles, "S1", 2, hq.sign_priv, other_pub, day_tables(1, 200), T0 + timedelta(days=1),
                 T0 + timedelta(days=2))
    assert "not ours" in _refused_and_nothing_loaded(hq)


def test_missing_file_is_refused(hq):
    (hq.bundles / "S1-000002.pdbundle" / "sale_lines.parquet.enc").unlink()
    assert "missing" in _refused_and_nothing_loaded(hq)


def test_missing_manifest_or_signature_is_refused(hq):
    (hq.bundles / "S1-000002.pdbundle" / "manifest.sig").unlink()
    assert "manifest.sig is missing" in _refused_and_nothing_loaded(hq)


def test_cut_file_is_refused(hq):
    path = hq.bundles / "S1-000002.pdbundle" / "sales.parquet.enc"
    path.write_bytes(path.read_bytes()[:-20])
    assert "changed or cut" in _refused_and_nothing_loaded(hq)


def test_cut_manifest_is_refused(hq):
    path = hq.bundles / "S1-000002.pdbundle" / "manifest.json"
    path.write_bytes(path.read_bytes()[:-30])
    reason = _refused_and_nothing_loaded(hq)
    assert "damaged" in reason or "signature" in reason


def test_renamed_bundle_folder_is_refused(hq):
    (hq.bundles / "S1-000003.pdbundle").rename(hq.bundles / "S1-000004.pdbundle")
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert "does not match its manifest" in dict(result.refused)["S1-000004.pdbundle"]


def test_gap_is_warned_and_loaded_and_late_bundle_fills_it(hq):
    import shutil
    shutil.move(hq.bundles / "S1-000002.pdbundle", hq.tmp / "late")
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert result.ok and len(result.loaded) == 2
    assert any("missing bundle(s) 2" in w for w in result.warnings)
    con = duckdb.connect(str(hq.db))
    from pharmadesk.headoffice.ingest import sequence_gaps
    assert sequence_gaps(con) == {"S1": [2]}
    con.close()
    shutil.move(hq.tmp / "late", hq.bundles / "S1-000002.pdbundle")
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert result.loaded == ["S1-000002.pdbundle"] and not result.warnings
    c = counts(hq.db)
    assert c["sales"] == 9 and c["stock_history"] == 6
    con = duckdb.connect(str(hq.db), read_only=True)
    # the late bundle did not overwrite the newer snapshot (sequence 3: on_hand 8)
    assert con.execute("SELECT on_hand, bundle_sequence FROM stock_snapshot WHERE batch_no = 'A'").fetchone() == (8, 3)
    con.close()


def test_same_sequence_with_other_content_is_refused(hq):
    ingest_bundles(hq.bundles, hq.db, hq.priv)
    import shutil
    shutil.rmtree(hq.bundles / "S1-000002.pdbundle")
    write_bundle(hq.bundles, "S1", 2, hq.sign_priv, B.hq_public_key(hq.priv), day_tables(1, 500),
                 T0 + timedelta(days=1), T0 + timedelta(days=2))
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert "different manifest" in dict(result.refused)["S1-000002.pdbundle"]


def test_overlapping_rows_refused_atomically(hq):
    """A bundle repeating a sale already loaded is refused as a whole (the transaction rolls back)."""
    ingest_bundles(hq.bundles, hq.db, hq.priv)
    tables = day_tables(3, 400)
    tables["sales"].append(day_tables(0, 100)["sales"][0])
    write_bundle(hq.bundles, "S1", 4, hq.sign_priv, B.hq_public_key(hq.priv), tables, T0 + timedelta(days=3),
                 T0 + timedelta(days=4))
    before = counts(hq.db)
    result = ingest_bundles(hq.bundles, hq.db, hq.priv)
    assert "repeats rows" in dict(result.refused)["S1-000004.pdbundle"]
    assert counts(hq.db) == before


def test_report(hq):
    ingest_bundles(hq.bundles, hq.db, hq.priv)
    con = duckdb.connect(str(hq.db), read_only=True)
    rows = period_report(con, "day", tz="UTC")
    assert [r["period"] for r in rows] == ["2025-03-01", "2025-03-02", "2025-03-03"]
    r = rows[0]
    assert r["gross_sales"] == 3003 and r["refunds"] == 100 and r["net_sales"] == 2903
    assert r["transactions"] == 3 and r["avg_ticket"] == 1001 and r["active_members"] == 2
    # margin: 3 lines × (1130 net of 13% VAT = 1000 − 600) − returned line (100/1.13 = 88 − 600)
    assert r["gross_margin"] == 3 * 400 - (88 - 600)
    month = period_report(con, "month", tz="UTC")
    assert len(month) == 1 and month[0]["transactions"] == 9 and month[0]["new_members"] == 1
    stock = stock_health(con, tz="UTC")[0]
    assert stock["as_of"] == date(2025, 3, 4)
    assert stock["stock_value"] == 8 * 600 + 2 * 500 and stock["near_expiry_value"] == 8 * 600
    assert stock["expired_value"] == 2 * 500
    con.close()


def test_extract_layout_reads_in_duckdb_with_hive_partitioning(hq):
    ingest_bundles(hq.bundles, hq.db, hq.priv)
    out = hq.tmp / "lake"
    files = extract_bundles(hq.bundles, out, hq.priv, hq.db)
    assert (out / "sales" / "store_id=S1" / "sequence=2" / "part.parquet") in files
    con = duckdb.connect()
    # the query of docs/headoffice.md (Spark SQL / Trino), run over the same layout
    got = con.execute(f"""
        SELECT store_id, CAST("at" AS DATE) AS day, count(*) AS transactions, sum(total) AS sales
        FROM read_parquet('{out}/sales/*/*/*.parquet', hive_partitioning = true, hive_types_autocast = false)
        GROUP BY store_id, CAST("at" AS DATE) ORDER BY store_id, day""").fetchall()
    hq_con = duckdb.connect(str(hq.db), read_only=True)
    want = hq_con.execute("""SELECT store_id, CAST("at" AS DATE), count(*), sum(total) FROM sales
                             GROUP BY ALL ORDER BY 1, 2""").fetchall()
    assert got == want and len(got) == 3


def test_hq_key_wrapped_by_passphrase(tmp_path):
    create_hq_keys(tmp_path, passphrase="a long hq passphrase", kdf=FAST_KDF)
    assert (tmp_path / "hq.key").stat().st_mode & 0o777 == 0o600
    assert "private_key" not in (tmp_path / "hq.key").read_text()
    raw = load_hq_private(tmp_path / "hq.key", "a long hq passphrase")
    pub = json.loads((tmp_path / "hq.pub").read_text())["public_key"]
    assert B.hq_public_key(raw).hex() == pub
    with pytest.raises(Exception):
        load_hq_private(tmp_path / "hq.key", "wrong passphrase!!")
    with pytest.raises(HQKeyError):
        create_hq_keys(tmp_path)  # never overwrites


def test_cli_keys_trust_ingest_report(hq, tmp_path, capsys):
    assert cli.main(["hq", "keys", "--out", str(tmp_path / "k2")]) == 0
    db2 = tmp_path / "cli.duckdb"
    assert cli.main(["hq", "trust-store", "--db", str(db2), "--key", str(hq.tmp / "S1.store.pub")]) == 0
    key = str(hq.tmp / "keys" / "hq.key")
    assert cli.main(["hq", "ingest", "--bundles", str(hq.bundles), "--db", str(db2), "--key", key]) == 0
    assert cli.main(["hq", "ingest", "--bundles", str(hq.bundles), "--db", str(db2), "--key", key]) == 0
    out = capsys.readouterr().out
    assert "3 loaded" in out and "3 already loaded" in out
    assert cli.main(["hq", "report", "--db", str(db2), "--period", "day", "--format", "csv", "--tz", "UTC"]) == 0
    csv_out = capsys.readouterr().out.splitlines()
    assert csv_out[0].startswith("store_id,store_name,period,gross_sales") and len(csv_out) == 4
    assert cli.main(["hq", "report", "--db", str(db2), "--view", "payments", "--format", "csv", "--tz", "UTC"]) == 0
    payments = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert payments and {"method", "taken", "refunded", "net"} <= set(payments[0])
    assert all(abs(float(r["net"]) - (float(r["taken"]) - float(r["refunded"]))) < 0.005 for r in payments)
    # money in currency units on the command line (the database keeps minor units)
    from pharmadesk.headoffice.report import payments_report
    con = duckdb.connect(str(db2), read_only=True)
    raw = payments_report(con, "day", "UTC")
    con.close()
    assert sum(float(r["taken"]) for r in payments) == pytest.approx(sum(r["taken"] for r in raw) / 100)
    assert cli.main(["hq", "report", "--db", str(db2), "--period", "day", "--tz", "UTC"]) == 0
    table = capsys.readouterr().out
    assert re.search(r"\d\.\d\d\b", table)           # amounts with two decimals, not cents
    assert {r["method"] for r in payments} == {"cash", "wechat", "alipay"}
    _flip(hq.bundles / "S1-000001.pdbundle" / "sales.parquet.enc")
    db3 = tmp_path / "cli3.duckdb"
    cli.main(["hq", "trust-store", "--db", str(db3), "--key", str(hq.tmp / "S1.store.pub")])
    assert cli.main(["hq", "ingest", "--bundles", str(hq.bundles), "--db", str(db3), "--key", key]) == 1
    assert "REFUSED" in capsys.readouterr().out


def test_bundles_with_and_without_the_promotion_tables(hq):
    """An older store's bundle has no promotion tables and still loads; a newer one's promotions show in the
    promoted_lines view, joined to the sale lines they priced."""
    bundles = hq.tmp / "mixed"
    hq_public = B.hq_public_key(hq.priv)
    write_bundle(bundles, "S1", 1, hq.sign_priv, hq_public, day_tables(0, 100), T0, T0 + timedelta(days=1),
                 omit=B.OPTIONAL_TABLES)
    newer = day_tables(1, 200)
    line = newer["sale_lines"][0]
    newer["sale_line_promotions"] = [{"sale_id": line["sale_id"], "line_id": line["line_id"], "promotion_id": 7,
                                      "amount": 113}]
    newer["promotions"] = [{"promotion_id": 7, "kind": "percent_off", "label": "10% off",
                            "starts_on": date(2025, 3, 1), "ends_on": None, "status": "active"}]
    write_bundle(bundles, "S1", 2, hq.sign_priv, hq_public, newer, T0 + timedelta(days=1), T0 + timedelta(days=2))
    assert B.file_name("promotions") not in json.loads((bundles / B.bundle_name("S1", 1) / B.MANIFEST_NAME).read_text())["files"]
    result = ingest_bundles(bundles, hq.db, hq.priv)
    assert result.ok and len(result.loaded) == 2, result.refused
    con = duckdb.connect(str(hq.db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM sales").fetchone()[0] == 6
        rows = con.execute("SELECT store_id, sale_id, promotion_id, kind, label, amount, line_total "
                           "FROM promoted_lines").fetchall()
        assert rows == [("S1", line["sale_id"], 7, "percent_off", "10% off", 113, line["line_total"])]
    finally:
        con.close()
    # a bundle lacking a table that is not optional is still refused
    broken = hq.tmp / "broken"
    write_bundle(broken, "S1", 3, hq.sign_priv, hq_public, day_tables(2, 300), T0 + timedelta(days=2),
                 T0 + timedelta(days=3), omit=("payments",))
    refused = ingest_bundles(broken, hq.db, hq.priv)
    assert not refused.ok and "missing payments.parquet" in refused.refused[0][1]
