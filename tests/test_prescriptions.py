"""审核 / 调配 / 核对 (issue 16): an Rx line under China GSP records the prescription (institution, image) and three
signatures — reviewed and checked by two different pharmacists, dispensed by anyone, one pharmacist signing both
only when the store allows it and with a reason; prescriptions are kept, listed and printable."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.errors import PermissionDenied, PharmacistRequired, ValidationError
from pharmadesk.reports.prescription_record import prescription_html

from conftest import PINS, table_snapshot

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def gsp(open_store):
    owner = open_store("owner")
    owner.set_setting("regulatory_profile", "china_gsp")
    return owner


def rx(store, **more) -> Prescription:
    return Prescription("Dr. Lee", "RX-100", store.today().isoformat(), institution="北京协和医院", **more)


def sell_rx(store, ids, prescription):
    return store.sales.sell([CartLine(ids.rx, 1, prescription=prescription)], [Payment("cash", 3000)])


def test_a_cashier_sale_has_three_signatures_review_dispense_check(gsp, open_store, ids, tmp_path):
    cashier = open_store("cashier")
    image = tmp_path / "rx.png"
    image.write_bytes(PNG)
    review = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    check = cashier.users.approve("owner", PINS["owner"], Action.DISPENSE_RX)
    sale = sell_rx(cashier, ids, rx(cashier, approval=review, check_approval=check, image_path=str(image)))
    owner = open_store("owner")
    record = owner.prescriptions.list(owner.today(), owner.today())[0]
    assert (record.reviewed_by, record.dispensed_by, record.checked_by) == (
        "Pat Pharmacist", "Casey Cashier", "Olivia Owner")
    assert (record.institution, record.rx_number, record.receipt_no, record.has_image) == (
        "北京协和医院", "RX-100", sale.receipt_no, True)
    assert owner.prescriptions.image(record.id) == (PNG, "image/png")
    entry = owner.db.one("SELECT details FROM audit_log WHERE action = 'rx.dispense'")
    assert '"single_pharmacist":false' in entry["details"]
    html = prescription_html(owner, record)
    for part in ("RX-100", "Dr. Lee", "Pat Pharmacist", "Casey Cashier", "Olivia Owner", sale.receipt_no):
        assert part in html


@pytest.mark.parametrize("case, error, message", [
    ("no_check", PharmacistRequired, "must check"),
    ("same_pharmacist", PharmacistRequired, "second pharmacist"),
    ("no_institution", ValidationError, "institution"),
    ("cashier_checks", PharmacistRequired, "must check"),
    ("bad_image", ValidationError, "PNG or JPEG"),
])
def test_refused_signatures_change_nothing(gsp, open_store, ids, tmp_path, case, error, message):
    pharmacist = open_store("pharmacist")
    fields = {}
    if case == "no_check":              # a cashier with the reviewer's PIN but no one to check
        pharmacist = open_store("cashier")
        fields["approval"] = pharmacist.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    if case == "same_pharmacist":
        fields["check_approval"] = pharmacist.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    elif case == "cashier_checks":
        fields["check_approval"] = pharmacist.users.approve("cashier", PINS["cashier"], Action.SELL)
    elif case == "bad_image":
        (tmp_path / "rx.png").write_bytes(b"not a picture")
        fields["image_path"] = str(tmp_path / "rx.png")
        fields["check_approval"] = pharmacist.users.approve("owner", PINS["owner"], Action.DISPENSE_RX)
    prescription = rx(pharmacist, **fields)
    if case == "no_institution":
        prescription.institution = "  "
        prescription.check_approval = pharmacist.users.approve("owner", PINS["owner"], Action.DISPENSE_RX)
    before = table_snapshot(pharmacist)
    with pytest.raises(error, match=message):
        sell_rx(pharmacist, ids, prescription)
    assert table_snapshot(pharmacist) == before


def test_one_pharmacist_signs_both_only_when_allowed_and_with_a_reason(gsp, open_store, ids):
    pharmacist = open_store("pharmacist")
    before = table_snapshot(pharmacist)
    with pytest.raises(PharmacistRequired, match="second pharmacist"):
        sell_rx(pharmacist, ids, rx(pharmacist))
    gsp.set_setting("rx_single_pharmacist", 1)
    before = table_snapshot(pharmacist)
    with pytest.raises(ValidationError, match="reason"):
        sell_rx(pharmacist, ids, rx(pharmacist))
    assert table_snapshot(pharmacist) == before
    sell_rx(pharmacist, ids, rx(pharmacist, single_pharmacist_reason="only pharmacist on the night shift"))
    record = gsp.prescriptions.list(gsp.today(), gsp.today())[0]
    assert record.reviewed_by == record.checked_by == "Pat Pharmacist"
    assert record.single_reason == "only pharmacist on the night shift"


def test_without_the_profile_the_prescription_needs_no_second_signature(store, ids):
    sell_rx(store, ids, Prescription("Dr. Lee", "RX-1", store.today().isoformat()))
    row = store.db.one("SELECT checked_by, dispensed_by FROM prescriptions")
    assert row == {"checked_by": None, "dispensed_by": None}


def test_prescriptions_are_kept_and_a_cashier_cannot_read_them(gsp, open_store, ids, clock):
    check = gsp.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    sell_rx(gsp, ids, rx(gsp, check_approval=check))
    clock.advance(days=3 * 365)
    gsp.run_day_close_hooks(gsp.day_close.close_day(0))
    assert len(gsp.prescriptions.list(gsp.today() - timedelta(days=4 * 365), gsp.today())) == 1
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.prescriptions.list(cashier.today(), cashier.today())
