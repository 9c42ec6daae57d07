"""The log file: rotating, in the platform's log folder, useful to support, and free of personal data.

The first line of defence is that the code never logs personal data (checked on the raw records);
the second is the redacting filter on the file handler (checked on the file).
"""

from __future__ import annotations

import csv
import logging
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from pharmadesk import env
from pharmadesk import logs
from pharmadesk.cli.main import main as cli_main
from pharmadesk.demo.build import DEMO_USERS, build_demo_store
from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

from conftest import FAST_KDF, PASSPHRASE, Clock

SESSION_DAY = date(2026, 3, 10)          # a Tuesday: the full session below runs on it, not on today


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    yield folder
    logs.stop_logging()
    logging.getLogger("pharmadesk").setLevel(logging.NOTSET)


class _Raw(logging.Handler):
    """Every record of the pharmadesk loggers as the code wrote it, before any redaction."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def log_text(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob(logs.LOG_FILE_NAME + "*")))


# -- the redaction filter ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("secret", [
    "13987654321", "+8613987654321", "+86 139-8765-4321", "139 8765 4321", "(010) 6552-9988", "2900000000018",
    "6901234567892", "anna.lee+shop@example.com.cn", "李娜@例子.中国", "110105199003071234",
])
def test_redact_hides_phones_cards_and_emails(secret):
    text = logs.redact(f"member said {secret}, twice: {secret}.")
    assert secret not in text and text.count(logs.REDACTED) == 2


@pytest.mark.parametrize("kept", [
    "sale committed: S00000042, total 12,345,678, 3 line(s)", "login failed: user 3, wrong password or PIN",
    "day closed: day close 12, 310 transactions, net 1,234,567", "backup done: (manual), 475.2 MB in 9.1 s",
    "store opened: schema version 4", "backup done: pharmadesk-1a2b3c4d-20250101T200000Z",
    "store 12a2e6cf-b13f-41c3-880a-d0b1ce041200", "import members applied: 1200 row(s) in the file",
])
def test_redact_keeps_what_support_needs(kept):
    assert logs.redact(kept) == kept


def test_filter_redacts_arguments_and_tracebacks(log_folder):
    path = logs.setup_logging(log_folder)
    log = logging.getLogger("pharmadesk.test")
    log.info("lookup of %s for %s", "+86 139-8765-4321", "anna@example.com")
    try:
        raise ValueError("phone 13987654321 is wrong")
    except ValueError:
        log.exception("something broke for card %s", "2900000000018")
    logging.getLogger("some.library").warning("library saw 13912345678")     # other libraries' records too
    logs.stop_logging()
    text = path.read_text(encoding="utf-8")
    for secret in ("8765", "anna@example.com", "13987654321", "2900000000018", "13912345678"):
        assert secret not in text
    assert "Traceback" in text and "ValueError: phone [redacted] is wrong" in text
    assert text.count(logs.REDACTED) == 6          # the traceback's source line is redacted too


def test_setup_logging_rotates_in_the_platform_log_folder(log_folder, monkeypatch, tmp_path):
    monkeypatch.delenv(env.LOG_DIR, raising=False)
    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "platform")
    path = logs.setup_logging()
    assert path == tmp_path / "platform" / "pharmadesk.log" and path.exists()
    monkeypatch.setenv(env.LOG_DIR, str(log_folder))
    path = logs.setup_logging(level=logging.DEBUG)                 # again: replaces, never duplicates
    assert path == log_folder / "pharmadesk.log"
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs._Handler)]
    assert len(ours) == 1 and ours[0].maxBytes == 1_000_000 and ours[0].backupCount == 5
    log = logging.getLogger("pharmadesk.test")
    for i in range(12_000):
        log.debug("line %d of a long support session, padded to about a hundred bytes ..........", i)
    logs.stop_logging()
    rotated = sorted(p.name for p in log_folder.iterdir())
    assert rotated == ["pharmadesk.log", "pharmadesk.log.1"]
    assert all((log_folder / name).stat().st_size <= 1_000_000 for name in rotated)


def test_cli_commands_log_to_the_log_folder(store_dir, log_folder, monkeypatch, capsys):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, "not the password")
    monkeypatch.setenv(env.LOG_DIR, str(log_folder))
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    assert cli_main(["info", "--store", str(store_dir)]) == 0
    assert cli_main(["member", "erase", "1", "--yes", "--store", str(store_dir)]) == 1     # wrong password
    text = log_text(log_folder)
    assert "store opened: schema version" in text
    assert "login failed: user 1, wrong password or PIN" in text
    assert "command member failed: AuthenticationError" in text
    assert "not the password" not in text
    assert not [h for h in logging.getLogger().handlers if isinstance(h, logs._Handler)]   # closed at exit


# -- a whole session at DEBUG, grepped for every member's personal data ---------------------------------------------


def test_a_full_session_logs_no_personal_data(tmp_path, log_folder):
    path = logs.setup_logging(log_folder, level=logging.DEBUG)
    raw = _Raw()
    logging.getLogger("pharmadesk").addHandler(raw)
    errors: list[str] = []

    def refused(call) -> None:
        """Run a call that must fail with a clear PharmaDesk error; keep its message."""
        with pytest.raises(PharmaDeskError) as info:
            call()
        errors.append(str(info.value))

    try:
        # A pinned day: the demo's history (and so its stock that day) is the same whatever today's date is.
        store = build_demo_store(tmp_path / "demo", members=200, years=0.3, kdf=FAST_KDF, end_date=SESSION_DAY)
        store.close()
        opened_at = datetime.combine(SESSION_DAY, time(10, 30)).astimezone().astimezone(timezone.utc)
        store = Store.open(tmp_path / "demo", passphrase="pharmadesk demo store", use_keyring=False,
                           clock=Clock(opened_at))
        people = store.db.all("SELECT id, name, phone, card_no FROM members")
        refused(lambda: store.login("cashier", "Sesame-Hunter-42"))
        refused(lambda: store.login("13912345678", "typed the phone as user name"))
        refused(lambda: store.login("Zebedee Quillfeather", "a customer's name as user name"))
        store.login("owner", DEMO_USERS["owner"][2])

        # New members with distinctive names and phones, health data and consents.
        new = []
        for i in range(12):
            name, phone = f"Zebedee Quillfeather {i:02d}", f"+86 139-7000-{i:04d}"
            member_id = store.members.register(name, phone, birth_date="1950-01-0%d" % (i % 9 + 1), sex="M",
                                               conditions=["asthma"], allergies="sulfa drugs",
                                               care_consent=True, marketing_consent=bool(i % 2))
            new.append(member_id)
        people += store.db.all("SELECT id, name, phone, card_no FROM members WHERE id IN (%s)"
                               % ",".join(map(str, new)))
        refused(lambda: store.members.register("Zebedee Again", "+86 139-7000-0001"))      # duplicate phone
        refused(lambda: store.members.register("Bad Phone", "call 139 me"))
        refused(lambda: store.members.by_phone("+86 139-7000-9999"))
        refused(lambda: store.members.by_card("2999999999999"))
        store.members.update(new[0], name="Zebedee Quillfeather-Corrected", phone="+86 139-7000-0100",
                             notes="ring after 6pm on 13970000100")
        people.append(store.db.one("SELECT id, name, phone, card_no FROM members WHERE id = ?", (new[0],)))
        store.members.set_consent(new[1], "marketing", False, "sms")

        # Sales to new and to demo members, found by card and by phone as at the till; a return.
        # A fresh delivery of one OTC product, so the sales below never depend on the demo's stock that day.
        product = store.db.one("SELECT id, price FROM products WHERE legal_class = 'otc' AND active = 1 "
                               "ORDER BY id LIMIT 1")
        supplier_id = store.db.scalar("SELECT min(id) FROM suppliers")
        store.stock.receive(supplier_id, [ReceiptLine(product["id"], "LOGTEST-1", store.today() + timedelta(days=400),
                                                      40, max(1, product["price"] // 2))])
        receipts = []
        for person in people[:5] + people[-5:]:
            member = store.members.by_card(person["card_no"])
            sale = store.sales.sell([CartLine(product["id"], 1)], [Payment("cash", product["price"])],
                                    member_id=member.id)
            receipts.append(sale)
        store.members.by_phone(people[3]["phone"])
        store.members.search(people[4]["name"][:3])
        store.returns.return_items(receipts[0].receipt_no, [ReturnItem(receipts[0].lines[0].sale_line_id, 1)],
                                 "wrong size")

        # Privacy requests: export (JSON and PDF), erasure, retention.
        store.privacy.export_member(new[8], tmp_path / "member.json")
        store.privacy.export_member(new[8], tmp_path / "member.pdf")
        store.privacy.erase_member(new[9])
        refused(lambda: store.sales.sell([CartLine(product["id"], 1)], [Payment("cash", product["price"])],
                                         member_id=new[9]))
        store.set_setting("retention_years", "1")
        store.privacy.apply_retention()

        # An import of members with good and bad rows (duplicate phone, bad date), then with --skip-invalid.
        csv_path = tmp_path / "members.csv"
        with open(csv_path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["name", "phone", "birth_date", "email"])
            rows = [[f"Imogen Importwell {i:02d}", f"136{i:02d}839271", "1980-02-03", f"imogen{i}@example.com"]
                    for i in range(8)]
            rows.append(["Duplicate Dora", "+86 139-7000-0005", "1980-02-03", "dora@example.com"])
            rows.append(["Datey McBadDate", "13699839271", "03/02/1980", "datey@example.com"])
            writer.writerows(rows)
        report = store.imports.csv("members", csv_path)
        errors.extend(error.message for error in report.errors)
        assert not report.applied and len(report.errors) == 2
        report = store.imports.csv("members", csv_path, skip_invalid=True)
        assert report.applied and report.imported == 8
        people += store.db.all("SELECT id, name, phone, card_no FROM members WHERE name LIKE 'Imogen%'")
        people += [{"name": "Duplicate Dora", "phone": "13970000005", "card_no": None},
                   {"name": "Datey McBadDate", "phone": "13699839271", "card_no": None}]

        # A backup and the day close.
        (tmp_path / "usb").mkdir()
        store.backups.run(tmp_path / "usb")
        store.day_close.close_day(counted_cash=0)
        store.logout()
        store.close()
    finally:
        logging.getLogger("pharmadesk").removeHandler(raw)
        logs.stop_logging()

    text = log_text(log_folder)
    # The log is useful: what support asks about is there.
    for expected in (
        "store opened: schema version", "login failed: user 3, wrong password or PIN",
        "login failed: unknown user name", "login: user 1 (owner)",
        f"sale committed: {receipts[1].receipt_no}, total {product['price']:,}, 1 line(s), member attached",
        "return committed: R00000", "member data exported:", f"member erased: member {new[9]} (1 sale(s) kept)",
        "retention applied:", "backup done: pharmadesk-",
        "import members not applied: 10 row(s) in the file, 0 imported, 2 with errors",
        "import members applied: 10 row(s) in the file, 8 imported, 2 with errors", "day closed:",
    ):
        assert expected in text, expected
    assert "(now locked out)" not in text and path.name == "pharmadesk.log"
    # ... and holds no member's name, phone (any spelling) or card number, nor did the code log any.
    needles = set()
    for person in people:
        needles.add(person["name"])
        if person["phone"]:
            needles |= {person["phone"], person["phone"].lstrip("+"), person["phone"][-8:]}
        if person["card_no"]:
            needles.add(person["card_no"])
    needles |= {"13912345678", "Zebedee Quillfeather", "Zebedee Again", "sulfa", "asthma", "13970000100",
                "example.com", "typed the phone", "a customer's name", "Sesame-Hunter-42"}
    assert len(people) > 200
    raw_text = "\n".join(raw.messages)
    assert raw.messages and "sale committed" in raw_text
    for needle in sorted(needles):
        assert needle not in text, f"the log file holds {needle!r}"
        assert needle not in raw_text, f"the code logged {needle!r}"
        for message in errors:
            assert needle not in message, f"an error message holds {needle!r}: {message}"
    assert len(errors) >= 10
