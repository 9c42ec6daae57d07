"""The domain's side of the till's keyboard flows: a prescription judged as it is entered (its date typed
as 2026-12-04 or 20261204, never in the future), and parked sales summarised for the resume list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pharmadesk.errors import PrescriptionRequired, ValidationError
from pharmadesk.core.sales import CartLine, Prescription, read_prescription_date

from conftest import table_snapshot

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize("typed, expected", [
    ("2026-12-04", date(2026, 12, 4)), ("20261204", date(2026, 12, 4)), (" 2026-02-28 ", date(2026, 2, 28)),
    (date(2025, 1, 31), date(2025, 1, 31)),
])
def test_a_prescription_date_is_typed_with_or_without_dashes(typed, expected):
    assert read_prescription_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", None, "22", "2026-13-01", "2026-02-30", "04.12.2026", "2026124", "2026-W49-5",
                                   "202612041", "tomorrow"])
def test_an_unreadable_prescription_date_says_how_to_type_it(typed):
    with pytest.raises(ValidationError) as info:
        read_prescription_date(typed, TODAY)
    assert info.value.message == "Type the prescription date as 2026-12-04 or 20261204."


def test_check_prescription_returns_it_trimmed_with_its_date(open_store, ids):
    store = open_store("cashier")
    today = store.today()
    checked = store.sales.check_prescription(ids.rx, Prescription(" Dr. Li ", " RX-9 ", today.strftime("%Y%m%d")))
    assert (checked.prescriber, checked.rx_number, checked.rx_date, checked.approval) == ("Dr. Li", "RX-9", today, None)


def test_check_prescription_refuses_a_future_date_plainly_and_writes_nothing(open_store, ids):
    store = open_store("cashier")
    before = table_snapshot(store)
    tomorrow = store.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        store.sales.check_prescription(ids.rx, Prescription("Dr. Li", "RX-9", tomorrow.isoformat()))
    assert info.value.message == (f"The prescription date {tomorrow.isoformat()} is in the future: "
                                  "check the date on the prescription.")
    with pytest.raises(PrescriptionRequired):
        store.sales.check_prescription(ids.rx, Prescription("Dr. Li", "", store.today()))
    with pytest.raises(PrescriptionRequired):
        store.sales.check_prescription(ids.rx, Prescription("Dr. Li", "RX-9", store.today() - timedelta(days=366)))
    assert table_snapshot(store) == before


def test_a_sale_refuses_the_same_dates_the_till_does(open_store, ids):
    store = open_store("pharmacist")
    before = table_snapshot(store)
    from pharmadesk.core.sales import Payment

    for rx_date in ((store.today() + timedelta(days=1)).isoformat(), "22"):
        with pytest.raises(ValidationError):
            store.sales.sell([CartLine(ids.rx, 1, prescription=Prescription("Dr. Li", "RX-9", rx_date))],
                             [Payment("cash", 3000)])
    assert table_snapshot(store) == before
    sale = store.sales.sell([CartLine(ids.rx, 1, prescription=Prescription("Dr. Li", "RX-9",
                                                                            store.today().strftime("%Y%m%d")))],
                            [Payment("cash", 3000)])
    assert store.db.scalar("SELECT rx_date FROM prescriptions WHERE sale_line_id = ?",
                           (sale.lines[0].sale_line_id,)) == store.today().isoformat()


def test_suspended_summaries_tell_the_customers_apart(open_store, ids):
    store = open_store("owner")
    member_id = store.members.register("Mei Wang", "13800138000")
    store.logout()
    store.login("cashier", "3333")
    store.sales.suspend([CartLine(ids.otc, 2), CartLine(ids.rx, 1, discount=500)], "blue coat", member_id)
    store.sales.suspend([CartLine(ids.otc, 1)])
    first, second = store.sales.suspended_summaries()
    assert (first.line_count, first.item_count, first.total) == (2, 3, 2 * 1250 + 3000 - 500)
    assert (first.member_id, first.member_name, first.member_phone_last4) == (member_id, "Mei Wang", "8000")
    assert (first.label, first.parked_by) == ("blue coat", "Casey Cashier")
    assert (second.item_count, second.total, second.member_id, second.member_name, second.label) == (1, 1250, None,
                                                                                                     None, "")
    assert "13800138000" not in repr(first)          # never more of the phone than its last four digits


def test_a_parked_sale_shows_no_member_once_the_member_was_erased(open_store, ids):
    store = open_store("owner")
    member_id = store.members.register("Mei Wang", "13800138000")
    store.sales.suspend([CartLine(ids.otc, 1)], "", member_id)
    store.privacy.erase_member(member_id)
    (summary,) = store.sales.suspended_summaries()
    assert (summary.member_id, summary.member_name, summary.member_phone_last4) == (None, None, None)
