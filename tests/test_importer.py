"""CSV import: products, members and sales history (pharmadesk/io/importer.py)."""

from __future__ import annotations

import time as timer
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pharmadesk.db.connection import Database, connect
from pharmadesk.db.migrate import available_migrations, latest_version, migrate, schema_version
from pharmadesk.errors import PermissionDenied, ValidationError
from pharmadesk.io.importer import ImportReport, RowError
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.timeutil import to_iso

DATA = Path(__file__).parent / "data"


def dump(store) -> dict:
    """Every row of every table, to prove an import that failed left the database exactly as it was."""
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def counts(store, *tables) -> dict:
    return {t: store.db.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def lines_of(report: ImportReport) -> list[int]:
    return sorted({e.line for e in report.errors})


def register_card_members(store) -> dict[str, int]:
    return {
        "2900000009011": store.members.register("Alice Zhang", "13800138001", card_no="2900000009011"),
        "2900000009028": store.members.register("Carol Wang", "13800138003", card_no="2900000009028"),
    }


# -- schema -----------------------------------------------------------------------------------------------------

def test_store_is_at_latest_schema_with_sale_source(store):
    assert schema_version(store.db) == latest_version() >= 3
    assert any(name == "0003_imported_sales.sql" for _v, name, _sql in available_migrations())
    columns = {r["name"]: r for r in store.db.all("PRAGMA table_info(sales)")}
    assert columns["source"]["dflt_value"] == "'till'"
    assert "legacy_receipt" in columns


def test_till_sales_are_marked_till(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    assert store.db.scalar("SELECT source FROM sales WHERE id = ?", (sale.sale_id,)) == "till"


def test_migration_0003_upgrades_an_existing_store(tmp_path):
    db = Database(connect(tmp_path / "old.db", None))
    assert migrate(db, target=2) == [1, 2]
    db.execute("INSERT INTO users (id, username, display_name, role, password_hash, created_at) "
               "VALUES (1, 'o', 'O', 'owner', 'x', '2024-01-01')")
    db.execute("INSERT INTO sales (id, receipt_no, at, user_id, subtotal, total) "
               "VALUES (1, 'S00000001', '2024-01-01', 1, 100, 100)")
    assert migrate(db, target=3) == [3]
    assert db.one("SELECT source, legacy_receipt FROM sales") == {"source": "till", "legacy_receipt": None}
    with pytest.raises(Exception):
        db.execute("UPDATE sales SET source = 'other'")
    db.close()


# -- permissions and arguments ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_only_the_owner_may_import(open_store, role):
    store = open_store(role)
    before = dump(store)
    for kind, name in (("products", "products_clean.csv"), ("members", "members_clean.csv"),
                       ("sales", "sales_history.csv")):
        with pytest.raises(PermissionDenied):
            store.imports.csv(kind, DATA / name)
    assert dump(store) == before


def test_unknown_kind_and_missing_file_are_clear_errors(store, tmp_path):
    with pytest.raises(ValidationError):
        store.imports.csv("batches", DATA / "products_clean.csv")
    with pytest.raises(ValidationError, match="cannot be read"):
        store.imports.csv("products", tmp_path / "nope.csv")


# -- products -----------------------------------------------------------------------------------------------------

def test_clean_product_import_creates_updates_and_audits(store, ids):
    before_products = store.db.scalar("SELECT count(*) FROM products")
    report = store.imports.csv("products", DATA / "products_clean.csv")
    assert report == ImportReport("products", 6, 6, 0, [], True)
    assert store.db.scalar("SELECT count(*) FROM products") == before_products + 3

    amlo = store.catalog.by_barcode("6901234560015")
    assert (amlo.name, amlo.generic_name, amlo.strength, amlo.form, amlo.atc_code) == \
        ("Amlodipine 5mg", "amlodipine", "5 mg", "tablet", "C08CA01")
    assert (amlo.category, amlo.legal_class, amlo.pack_size, amlo.price, amlo.vat_rate_bp, amlo.days_supply) == \
        ("chronic", "rx", 28, 2450, 1300, 28)
    assert (amlo.supplier_id, amlo.order_multiple, amlo.min_order_qty) == (ids.supplier, 10, 10)
    vitamin = store.catalog.by_barcode("6901234560022")
    lotion = store.catalog.by_barcode("6901234560039")
    assert (vitamin.legal_class, vitamin.vat_rate_bp, vitamin.days_supply) == ("otc", 900, None)
    assert (lotion.category, lotion.price, lotion.order_multiple) == ("mother_baby", 125000, 1)
    # one new supplier, matched case-insensitively on the second row
    assert vitamin.supplier_id == lotion.supplier_id != ids.supplier
    assert store.db.scalar("SELECT count(*) FROM suppliers") == 2

    # the existing barcode was updated; its price change went through the audited price path
    para = store.catalog.get(ids.otc)
    assert (para.price, para.pack_size, para.strength) == (1350, 20, "500 mg")
    assert store.db.all("SELECT product_id, old_price, new_price FROM price_history") == \
        [{"product_id": ids.otc, "old_price": 1250, "new_price": 1350}]
    actions = [r["action"] for r in store.db.all("SELECT action FROM audit_log ORDER BY id")]
    assert "price.change" in actions and actions[-1] == "import.products"
    entry = store.audit.entries(limit=1)[0]
    assert '"rows":6' in entry["details"] and '"created":3' in entry["details"] and '"updated":1' in entry["details"]
    assert store.audit.verify() == []


def test_importing_the_same_products_again_changes_nothing(store):
    store.imports.csv("products", DATA / "products_clean.csv")
    prices = store.db.scalar("SELECT count(*) FROM price_history")
    report = store.imports.csv("products", DATA / "products_clean.csv")
    assert report.applied and report.imported == 6
    assert store.db.scalar("SELECT count(*) FROM price_history") == prices
    assert '"unchanged":6' in store.audit.entries(limit=1)[0]["details"]


def test_bad_product_rows_are_reported_by_line_and_nothing_is_imported(store):
    before = dump(store)
    report = store.imports.csv("products", DATA / "products_bad.csv")
    assert not report.applied and report.imported == 0 and report.total_rows == 7
    # line 6 is blank; line 2 was valid and was written, then rolled back with the rest
    assert lines_of(report) == [3, 4, 5, 7, 8]
    by_line = {e.line: e for e in report.errors}
    assert by_line[3].column == "barcode" and "check digit" in by_line[3].message
    assert by_line[4].column == "category"
    assert by_line[5].column == "price"
    assert by_line[7].column == "barcode" and "line 2" in by_line[7].message
    assert by_line[8].column == "legal_class"
    assert dump(store) == before


def test_skip_invalid_imports_only_the_good_product_rows(store):
    report = store.imports.csv("products", DATA / "products_bad.csv", skip_invalid=True)
    assert report.applied and (report.imported, report.skipped) == (2, 5)
    assert lines_of(report) == [3, 4, 5, 7, 8]
    assert store.catalog.by_barcode("6901234560015").name == "Amlodipine 5mg"     # the first of the duplicates
    assert store.catalog.by_barcode("6901234560053").category == "device"
    assert store.db.scalar("SELECT count(*) FROM products WHERE barcode IN "
                           "('6901234560022', '6901234560039', '6901234560046')") == 0
    assert '"rows":2' in store.audit.entries(limit=1)[0]["details"]


def test_missing_required_columns_is_one_error_on_line_1(store, tmp_path):
    path = write(tmp_path, "p.csv", "EAN,Name,Price\n6901234560015,Amlodipine,1.00\n")
    report = store.imports.csv("products", path)
    assert not report.applied and len(report.errors) == 1
    error = report.errors[0]
    assert error.line == 1 and "category" in error.message and "legal_class" in error.message


def test_excel_quirks_are_understood(store, tmp_path):
    text = ('Barcode;Product Name;Category;Legal Class;Price;VAT;Pack Size;Days Supply;Unknown Column\n'
            '="06901234560015";Zero Kept;otc;OTC;12,50;13;10.0;0;x\n'
            '4.00638E+12;Mangled;otc;otc;1,00;0;1;;\n')
    # "06901234560015" is a GTIN-14 with a leading zero: Excel's ="..." wrapper keeps it
    report = store.imports.csv("products", write(tmp_path, "p.csv", text))
    assert lines_of(report) == [3] and report.errors[0].column == "Barcode"
    assert "text" in report.errors[0].message
    report = store.imports.csv("products", write(tmp_path, "p.csv", text), skip_invalid=True)
    product = store.catalog.by_barcode("06901234560015")
    assert (product.price, product.vat_rate_bp, product.pack_size, product.days_supply) == (1250, 1300, 10, None)


def test_sanity_limits_on_products(store, tmp_path):
    long_name = "x" * 1001
    text = ("barcode,name,category,legal_class,price,vat_rate,pack_size\n"
            f"6901234560015,{long_name},otc,otc,1.00,13,1\n"
            "6901234560022,Too Dear,otc,otc,1000000.01,13,1\n"
            "6901234560039,Odd VAT,otc,otc,1.00,13.333,1\n"
            "6901234560046,Extra Field,otc,otc,1.00,13,1,surprise\n"
            "6901234560053,Negative,otc,otc,-1,13,0\n"
            "6901234560060,=Formula Name,otc,otc,1000000,13,1\n")
    report = store.imports.csv("products", write(tmp_path, "p.csv", text))
    assert lines_of(report) == [2, 3, 4, 5, 6]
    columns = {(e.line, e.column) for e in report.errors}
    assert {(2, "name"), (3, "price"), (4, "vat_rate"), (5, None), (6, "price"), (6, "pack_size")} <= columns
    report = store.imports.csv("products", write(tmp_path, "p.csv", text), skip_invalid=True)
    assert report.imported == 1
    assert store.catalog.by_barcode("6901234560060").name == "=Formula Name"   # text stays text


# -- members -------------------------------------------------------------------------------------------------------

def test_clean_member_import(store):
    report = store.imports.csv("members", DATA / "members_clean.csv")
    assert report == ImportReport("members", 3, 3, 0, [], True)
    alice = store.members.by_card("2900000009011")
    assert (alice.name, alice.phone, alice.birth_date, alice.sex) == ("Alice Zhang", "13800138001", "1960-04-12", "F")
    assert alice.conditions == ("diabetes", "hypertension") and alice.allergies == "penicillin"
    assert alice.care_consent and not alice.marketing_consent
    assert {r["source"] for r in store.members.consent_history(alice.id)} == {"import"}
    bob = store.members.by_phone("+8613800138002")
    assert (bob.birth_date, bob.sex, bob.care_consent) == ("1975-11-03", "M", True)
    assert bob.card_no and bob.card_no.startswith("29")            # issued by the members' club
    carol = store.members.by_card("2900000009028")
    assert (carol.sex, carol.birth_date) == ("X", None)
    assert store.members.consent_history(carol.id) == []              # no answer given, none recorded
    assert store.audit.entries(limit=1)[0]["action"] == "import.members"


def test_members_with_bom_and_semicolons(store):
    report = store.imports.csv("members", DATA / "members_bom_semicolon.csv")
    assert report.applied and report.imported == 2, report.errors
    dora = store.members.by_card("2900000009035")
    assert (dora.name, dora.phone, dora.sex, dora.birth_date) == ("Dora Müller", "+491701234567", "F", "1980-02-29")
    assert dora.conditions == ("asthma", "copd") and dora.care_consent
    emil = store.members.by_phone("01707654321")
    assert (emil.birth_date, emil.sex, emil.care_consent) == ("1991-07-04", "M", False)


def test_members_from_a_gb18030_excel_export(store):
    data = (DATA / "members_gb18030.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = store.imports.csv("members", DATA / "members_gb18030.csv")
    assert report.applied and report.imported == 2, report.errors
    zhang = store.members.by_card("2900000009042")
    assert (zhang.name, zhang.sex, zhang.birth_date, zhang.conditions) == ("张伟", "M", "1958-08-08", ("高血压",))
    assert zhang.care_consent and not zhang.marketing_consent
    wang = store.members.by_phone("13900139002")
    assert (wang.name, wang.sex, wang.marketing_consent) == ("王芳", "F", True)


def test_utf16_export_is_read(store, tmp_path):
    text = "name\tphone\r\nLena Roth\t0171 1112233\r\n"
    path = tmp_path / "m.txt"
    path.write_bytes(text.encode("utf-16"))
    report = store.imports.csv("members", path)
    assert report.applied and report.imported == 1


def test_duplicate_phones_and_cards_are_reported_without_personal_data(store):
    store.members.register("Existing Person", "13700137000", card_no="2900000009998")
    text = ("name,phone,card_no,birth_date,sex\n"
            "Hanna Schulz,13600136001,2900000001001,1970-01-01,F\n"
            "Ivo Novak,136-0013-6001,2900000001002,1970-01-01,M\n"        # same phone as line 2
            "Jana Kral,13600136003,2900000001001,1970-01-01,F\n"          # same card as line 2
            "Karl Ruf,13700137000,2900000001004,1970-01-01,M\n"           # phone already a member
            "Lea Vogt,13600136005,2900000009998,1970-01-01,F\n"           # card already in use
            "Mia Graf,12ab,2900000001006,1970-13-01,Q\n"                  # bad phone, date and sex
            ",13600136007,,2999-01-01,F\n"                                 # no name, future birth date
            "Nora Lind,13600136008,29 00,,\n")                             # bad card
    path = write(Path(store.directory), "members_dups.csv", text)
    before = dump(store)
    report = store.imports.csv("members", path)
    assert not report.applied and dump(store) == before
    assert lines_of(report) == [3, 4, 5, 6, 7, 8, 9]
    by_line = {}
    for error in report.errors:
        by_line.setdefault(error.line, set()).add(error.column)
    assert by_line[3] == {"phone"} and by_line[4] == {"card_no"} and by_line[5] == {"phone"}
    assert by_line[6] == {"card_no"} and by_line[7] == {"phone", "birth_date", "sex"}
    assert by_line[8] == {"name", "birth_date"} and by_line[9] == {"card_no"}
    assert "line 2" in next(e.message for e in report.errors if e.line == 3)
    # nothing from the cells leaks into the report: no names, phones, card numbers or dates
    leaks = ["Hanna", "Schulz", "Ivo", "Novak", "Jana", "Karl", "Lea", "Mia", "Nora", "Existing", "1360013",
             "136-", "1370013", "29000000", "1970", "2999", "12ab", "29 00"]
    for error in report.errors:
        for leak in leaks:
            assert leak not in error.message and leak not in (error.column or ""), (error, leak)

    report = store.imports.csv("members", path, skip_invalid=True)
    assert report.applied and (report.imported, report.skipped) == (1, 7)
    assert store.members.by_phone("13600136001").card_no == "2900000001001"


# -- sales history ---------------------------------------------------------------------------------------------------

def stock_state(store) -> tuple:
    return (store.db.all("SELECT id, on_hand FROM batches ORDER BY id"),
            counts(store, "stock_moves", "sale_line_batches", "points_ledger", "controlled_register"),
            store.db.all("SELECT id, points FROM members ORDER BY id"))


def test_sales_history_import(store, ids):
    members = register_card_members(store)
    before = stock_state(store)
    report = store.imports.csv("sales", DATA / "sales_history.csv")
    assert report == ImportReport("sales", 4, 4, 0, [], True)

    sales = store.db.all("SELECT * FROM sales WHERE source = 'import' ORDER BY id")
    assert [s["legacy_receipt"] for s in sales] == ["1001", "1002", "1003"]
    assert [s["receipt_no"] for s in sales] == [f"H{s['id']:08d}" for s in sales]
    first = sales[0]
    assert first["member_id"] == members["2900000009011"] and sales[1]["member_id"] is None
    assert (first["subtotal"], first["total"], first["discount"], first["points_earned"]) == (5500, 5500, 0, 0)
    assert first["vat"] == 288                   # 13 % contained in 25.00 (paracetamol); ramipril has no VAT
    assert first["user_id"] == store.user.id and first["day_close_id"] is None
    assert first["at"] == to_iso(datetime(2024, 3, 1, 9, 15).astimezone())
    assert sales[1]["at"] == to_iso(datetime(2024, 3, 1, 10, 2, 30).astimezone())
    assert sales[2]["at"] == to_iso(datetime(2024, 3, 2, 12, 0).astimezone())   # a day alone: noon local
    lines = store.db.all("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY id", (first["id"],))
    assert [(l["product_id"], l["quantity"], l["unit_price"], l["line_total"], l["vat_rate_bp"], l["unit_cost"])
            for l in lines] == [(ids.otc, 2, 1250, 2500, 1300, 0), (ids.rx, 1, 3000, 3000, 0, 0)]
    payments = store.db.all("SELECT p.sale_id, p.method, p.amount, p.tendered, p.change, s.total FROM payments p "
                            "JOIN sales s ON s.id = p.sale_id WHERE s.source = 'import' ORDER BY p.id")
    assert [(p["method"], p["amount"], p["tendered"], p["change"]) for p in payments] == \
        [("cash", s["total"], None, 0) for s in sales]

    # history moves no stock and earns no points
    assert stock_state(store) == before
    assert store.stock.verify_ledger() == []
    assert store.stock.on_hand(ids.otc) == 15
    assert store.members.purchase_history(members["2900000009011"])[0]["receipt_no"] == first["receipt_no"]
    assert store.audit.entries(limit=1)[0]["action"] == "import.sales"
    assert '"sales":3' in store.audit.entries(limit=1)[0]["details"]
    # the till carries on numbering after the imported sales
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    assert sale.sale_id == sales[-1]["id"] + 1 and store.stock.verify_ledger() == []


def test_sales_without_receipts_group_consecutive_rows_of_same_date_and_member(store, ids, tmp_path):
    register_card_members(store)
    text = ("date,code,qty,price,card\n"
            "2024-05-01 10:00,4006381333931,1,12.50,2900000009011\n"
            "2024-05-01 10:00,TRAM50,1,20.00,2900000009011\n"          # same sale as line 2
            "2024-05-01 10:00,TRAM50,1,20.00,\n"                       # no member: a new sale
            "2024-05-01 10:00,OLDSYRUP,1,18.00,\n"                     # same sale as line 4
            "2024-05-01 10:00,4006381333931,1,12.50,2900000009011\n"   # not consecutive: a new sale
            "2024-05-02,4006381333931,1,12.50,2900000009028\n"
            "2024-05-02,4006381333931,3,12.50,2900000009028\n")       # same sale as line 7
    report = store.imports.csv("sales", write(tmp_path, "s.csv", text))
    assert report.applied and report.imported == 7
    sizes = [r["n"] for r in store.db.all(
        "SELECT count(l.id) AS n FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.source = 'import' GROUP BY s.id ORDER BY s.id")]
    assert sizes == [2, 2, 1, 2]
    assert store.db.scalar("SELECT max(total) FROM sales WHERE source = 'import'") == 5000


def test_bad_sales_rows_are_reported_and_nothing_is_imported(store, ids, tmp_path):
    register_card_members(store)
    future = (store.now() + timedelta(days=2)).astimezone().strftime("%Y-%m-%d %H:%M")
    text = ("receipt,date,barcode,quantity,unit_price,member_card\n"
            "1,2024-03-01 09:00,4006381333931,1,12.50,\n"                # fine
            f"2,{future},4006381333931,1,12.50,\n"                      # future
            "3,2024-03-01,9999999999994,1,12.50,\n"                     # unknown product
            "4,2024-03-01,4006381333931,1,12.50,2900000000000\n"        # unknown card
            "5,2024-03-01,4006381333931,0,12.50,\n"                     # quantity 0
            "6,2024-03-01,4006381333931,100001,12.50,\n"                # quantity too big
            "7,2024-03-01,4006381333931,1,1000000.01,\n"                # price too big
            "8,31.12.2023,4006381333931,1,12.50,\n"                     # not an ISO date
            "1,2024-03-02 09:00,4006381333931,1,12.50,\n"               # receipt 1 with another date
            "9,2024-03-01,,1,12.50,\n")                                 # product missing
    before = dump(store)
    report = store.imports.csv("sales", write(tmp_path, "s.csv", text))
    assert not report.applied and dump(store) == before
    assert lines_of(report) == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    columns = {e.line: e.column for e in report.errors}
    assert columns == {3: "date", 4: "barcode", 5: "member_card", 6: "quantity", 7: "quantity", 8: "unit_price",
                       9: "date", 10: None, 11: "barcode"}
    assert "line 2" in next(e.message for e in report.errors if e.line == 10)

    report = store.imports.csv("sales", write(tmp_path, "s.csv", text), skip_invalid=True)
    # receipt 1 (lines 2 and 10) is one sale with a bad line: it is skipped whole
    assert report.applied and (report.imported, report.skipped) == (0, 10)
    assert next(e for e in report.errors if e.line == 2).message.startswith("Not imported: line 10")
    assert store.db.scalar("SELECT count(*) FROM sales WHERE source = 'import'") == 0


def test_skip_invalid_sales_keeps_good_sales(store, ids, tmp_path):
    text = ("receipt,date,barcode,quantity,unit_price\n"
            "A1,2024-03-01 09:00,4006381333931,1,12.50\n"
            "A1,2024-03-01 09:00,NOSUCHCODE,1,12.50\n"
            "A2,2024-03-01 09:05,4006381333931,2,12.50\n")
    report = store.imports.csv("sales", write(tmp_path, "s.csv", text), skip_invalid=True)
    assert (report.imported, report.skipped) == (1, 2) and lines_of(report) == [2, 3]
    assert store.db.all("SELECT legacy_receipt, total FROM sales WHERE source = 'import'") == \
        [{"legacy_receipt": "A2", "total": 2500}]


def test_a_receipt_is_not_imported_twice(store):
    assert store.imports.csv("sales", DATA / "sales_history.csv").errors[0].column == "member_card"
    register_card_members(store)
    assert store.imports.csv("sales", DATA / "sales_history.csv").applied
    again = store.imports.csv("sales", DATA / "sales_history.csv")
    assert not again.applied and lines_of(again) == [2, 4, 5]
    assert all("imported before" in e.message for e in again.errors)
    assert store.db.scalar("SELECT count(*) FROM sales WHERE source = 'import'") == 3


def test_imported_history_stays_out_of_the_day_close(store):
    register_card_members(store)
    store.imports.csv("sales", DATA / "sales_history.csv")
    assert store.day_close.x_report().transactions == 0


def test_fifty_thousand_sales_rows_import_quickly(store, tmp_path):
    base = datetime(2023, 1, 1, 8, 0)
    rows = ["receipt,date,barcode,quantity,unit_price"]
    codes = ["4006381333931", "6901234567892", "TRAM50", "OLDSYRUP"]
    for i in range(50_000):
        moment = base + timedelta(minutes=7 * (i // 2))
        rows.append(f"R{i // 2},{moment:%Y-%m-%d %H:%M},{codes[i % 4]},{1 + i % 3},{10 + i % 50}.50")
    path = write(tmp_path, "big.csv", "\n".join(rows) + "\n")
    calls = []
    started = timer.perf_counter()
    report = store.imports.csv("sales", path, progress=lambda f, m: calls.append(f))
    elapsed = timer.perf_counter() - started
    assert report.applied and report.imported == 50_000, report.errors[:3]
    assert store.db.scalar("SELECT count(*) FROM sales WHERE source = 'import'") == 25_000
    assert elapsed < 30, elapsed
    assert len(calls) >= 100 and calls == sorted(calls) and calls[-1] == 1.0
    assert store.stock.verify_ledger() == []


# -- files and transactions --------------------------------------------------------------------------------------------

def test_a_cancelled_import_leaves_the_database_exactly_as_it_was(store, tmp_path):
    rows = ["barcode,name,category,legal_class,price,supplier"]
    rows += [f"CODE{i:05d},Product {i},otc,otc,{i}.00,Supplier {i % 7}" for i in range(1, 1201)]
    path = write(tmp_path, "p.csv", "\n".join(rows))
    before = dump(store)

    class Cancelled(Exception):
        pass

    def progress(fraction, message):
        if fraction > 0.5:
            raise Cancelled

    with pytest.raises(Cancelled):
        store.imports.csv("products", path, progress=progress)
    assert dump(store) == before
    report = store.imports.csv("products", path)                 # the store is still usable
    assert report.applied and report.imported == 1200
    assert store.db.scalar("SELECT count(*) FROM suppliers") == 8


def test_line_numbers_are_physical_lines(store, tmp_path):
    text = ('name,phone,allergies\n'
            '\n'
            'Olga Berg,13500135001,"penicillin\nand aspirin"\n'     # lines 3-4
            'Paul Frey,bad,\n')                                       # line 5
    report = store.imports.csv("members", write(tmp_path, "m.csv", text))
    assert [(e.line, e.column) for e in report.errors] == [(5, "phone")]


def test_unreadable_files(store, tmp_path):
    report = store.imports.csv("members", write(tmp_path, "e.csv", ""))
    assert not report.applied and report.errors[0].line == 1
    bad_bytes = b"name,phone\nAnna,123456789\n\xff\xfe\xfa broken,1\n"
    (tmp_path / "b.csv").write_bytes(bad_bytes)
    report = store.imports.csv("members", tmp_path / "b.csv")
    assert not report.applied and [(e.line, e.column) for e in report.errors] == [(3, None)]
    assert "UTF-8" in report.errors[0].message
    report = store.imports.csv("members", write(tmp_path, "q.csv", 'name,phone\n"Anna,123456789\n'))
    assert not report.applied and report.errors[0].line == 2
    report = store.imports.csv("members", write(tmp_path, "d.csv", "name,phone,mobile\nA,1234567,1234567\n"))
    assert not report.applied and report.errors == [RowError(1, "mobile", report.errors[0].message)]


def test_header_only_imports_nothing(store, tmp_path):
    report = store.imports.csv("members", write(tmp_path, "h.csv", "name,phone\n"))
    assert report == ImportReport("members", 0, 0, 0, [], True)


def test_progress_reports_every_500_rows(store, tmp_path):
    rows = ["name,phone"] + [f"Member {i},1380000{i:04d}" for i in range(1200)]
    calls = []
    report = store.imports.csv("members", write(tmp_path, "m.csv", "\n".join(rows)),
                        progress=lambda fraction, message: calls.append((fraction, message)))
    assert report.imported == 1200
    assert [round(f, 3) for f, _ in calls] == [0.0, 0.0, round(500 / 1200, 3), round(1000 / 1200, 3), 1.0]


def test_a_cancel_at_the_very_end_still_undoes_the_import(store):
    before = dump(store)

    def progress(fraction, message):
        if fraction == 1.0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.imports.csv("products", DATA / "products_clean.csv", progress=progress)
    assert dump(store) == before


def test_a_return_against_imported_history_is_refused(store, ids):
    history = "date,product,quantity,unit price,receipt\n2025-03-01,4006381333931,2,12.50,OLD-7\n"
    path = store.directory.parent / "history.csv"
    path.write_text(history, encoding="utf-8")
    report = store.imports.csv("sales", path)
    assert report.applied and report.imported == 1
    receipt_no = store.db.scalar("SELECT receipt_no FROM sales WHERE legacy_receipt = 'OLD-7'")
    line_id = store.db.scalar("SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                              "WHERE s.receipt_no = ?", (receipt_no,))
    on_hand = store.stock.on_hand(ids.otc)
    with pytest.raises(ValidationError):
        store.returns.return_items(receipt_no, [ReturnItem(line_id, 1)], "changed mind")
    assert store.stock.on_hand(ids.otc) == on_hand
    assert store.db.scalar("SELECT count(*) FROM returns") == 0


# -- part packs and supplier terms (issue 18) ------------------------------------------------------------------

def test_part_packs_become_split_unit_lines_when_the_product_has_a_split_ratio(store, ids, tmp_path):
    store.catalog.update_product(ids.otc, split_units=10, split_unit_name="tablet", split_unit_price=130)
    text = ("receipt,date,barcode,quantity,unit_price,unit_cost\n"
            "A,2024-03-01,4006381333931,0.5,12.50,5.00\n"          # 5 of 10 units
            "A,2024-03-01,OLDSYRUP,2,18.00,\n"                       # whole packs stay packs
            "B,2024-03-02,4006381333931,1.3,12.50,\n")              # 13 units
    report = store.imports.csv("sales", write(tmp_path, "s.csv", text))
    assert report.applied and report.imported == 3
    lines = store.db.all("SELECT product_id, quantity, unit_price, line_total, unit_cost, split_unit FROM sale_lines "
                         "JOIN sales s ON s.id = sale_id WHERE s.source = 'import' ORDER BY sale_lines.id")
    assert [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in lines] == [
        (ids.otc, 5, 125, 625, 50, 1), (ids.expired_only, 2, 1800, 3600, 0, 0), (ids.otc, 13, 125, 1625, 0, 1)]
    assert store.db.scalar("SELECT total FROM sales WHERE legacy_receipt = 'A'") == 625 + 3600


def test_part_packs_without_a_split_ratio_or_of_no_whole_unit_are_refused_with_the_fix(store, ids, tmp_path):
    store.catalog.update_product(ids.otc, split_units=3, split_unit_name="sachet", split_unit_price=450)
    text = ("date,barcode,quantity,unit_price\n"
            "2024-03-01,OLDSYRUP,0.5,18.00\n"
            "2024-03-02,4006381333931,0.5,12.50\n")
    before = dump(store)
    report = store.imports.csv("sales", write(tmp_path, "s.csv", text))
    assert not report.applied and dump(store) == before
    messages = {e.line: e.message for e in report.errors}
    assert "split_units" in messages[2] and "whole packs" in messages[2]
    assert "1/3" in messages[3]


def test_product_csv_sets_the_suppliers_lead_time_review_period_and_minimum_order(store, ids, tmp_path):
    text = ("barcode,name,category,legal_class,price,supplier,supplier_lead_time_days,review_days,min_order_value\n"
            "4006381333931,Paracetamol 500mg,otc,otc,12.50,MedSupply,5,14,300.00\n"
            "4260107220015,Vitamin D,supplement,otc,30.00,NewCo,3,10,\n")
    report = store.imports.csv("products", write(tmp_path, "p.csv", text))
    assert report.applied, report.errors
    med = store.catalog.supplier(ids.supplier)
    assert (med["lead_time_days"], med["review_days"], med["min_order_value"]) == (5, 14, 30000)
    new = next(s for s in store.catalog.suppliers() if s["name"] == "NewCo")
    assert (new["lead_time_days"], new["review_days"], new["min_order_value"]) == (3, 10, 0)
    bad = store.imports.csv("products", write(tmp_path, "q.csv",
                                              "barcode,name,category,legal_class,price,review_days\n"
                                              "4006381333931,Paracetamol 500mg,otc,otc,12.50,0\n"))
    assert not bad.applied and {e.column for e in bad.errors} == {"review_days"}


def test_the_sample_files_import_into_a_new_store_in_order(tmp_path):
    """The samples fit together (issue 19): products_clean.csv, then members_clean.csv, then
    sales_history.csv import into a new store with no products, every sale finding its product and member."""
    from pharmadesk.core.store import Store
    from tests.conftest import FAST_KDF, PASSPHRASE

    new = Store.create(tmp_path / "fresh", passphrase=PASSPHRASE, store_name="Sample", owner_username="owner",
                       owner_name="Olivia Owner", owner_password="owner-pass-1234", owner_pin="1234",
                       use_keyring=False, kdf=FAST_KDF)
    try:
        products = new.imports.csv("products", DATA / "products_clean.csv")
        members = new.imports.csv("members", DATA / "members_clean.csv")
        sales = new.imports.csv("sales", DATA / "sales_history.csv")
        assert products.applied and not products.errors
        assert members.applied and not members.errors
        assert sales.applied and not sales.errors, [e.message for e in sales.errors]
        assert new.db.scalar("SELECT count(*) FROM sales WHERE source = 'import'") == 3
        assert new.db.scalar("SELECT count(*) FROM sales s JOIN members m ON m.id = s.member_id "
                             "WHERE m.card_no = '2900000009011'") == 1
    finally:
        new.close()
