"""Issue 17, items 1, 7, 11 and 13: the attacks of a hostile test on who may read what, on sessions that
outlived their account, on approvals, and on erasure — each kept as a test (docs/security.md lists them).

The walk at the top calls every public method of every service hung on the Store, as each role and as nobody,
and checks the outcome against one expectation table with the reason for each decision. A new public method
fails the walk until it is put in the table.
"""

from __future__ import annotations

import inspect
import re
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Callable

import pytest

from pharmadesk.core import privacy
from pharmadesk.core.permissions import Action
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store
from pharmadesk.core.timeutil import to_iso
from pharmadesk.db.connection import DB_FILE_NAME, connect
from pharmadesk.errors import NotLoggedIn, PermissionDenied, PrescriptionRequired, ValidationError

from conftest import PINS, decrypted_pages, table_snapshot

ROOT = Path(__file__).resolve().parents[2]
NAME, PHONE = "Xanthippe Quarrington", "+86 139-8765-4321"

OWNER, PHARMACIST, CASHIER, NOBODY = "owner", "pharmacist", "cashier", None
STAFF = frozenset({OWNER, PHARMACIST, CASHIER})          # any logged-in user
FULL_VIEW = frozenset({OWNER, PHARMACIST})               # Action.VIEW_MEMBER_FULL, DAY_CLOSE, CARE_REMINDERS
OWNER_ONLY = frozenset({OWNER})
EVERYONE = STAFF | {NOBODY}                              # open before login


@dataclass(frozen=True)
class Read:
    """A read walked as every role: ``allowed`` roles get past the permission check, the others are refused."""

    allowed: frozenset
    reason: str
    call: Callable


@dataclass(frozen=True)
class NotWalked:
    """A public method the walk does not call, and why: ``write`` (a use case with its own refusal tests),
    ``helper`` (a building block for use cases that made their check; the UI, CLI and reports must not call
    it — checked below) or ``pure`` (works on its arguments, reads no store data)."""

    kind: str
    reason: str


def W(reason: str = "a use case that writes; refused calls are tested with its subject") -> NotWalked:
    return NotWalked("write", reason)


def H(reason: str) -> NotWalked:
    return NotWalked("helper", reason)


def P(reason: str = "validates or computes from its arguments; reads no store data") -> NotWalked:
    return NotWalked("pure", reason)


# d: the ids the setup made (member, receipt, line, batch, order, stocktake, campaign, reminder, tmp, ...)
EXPECTED: dict[str, Read | NotWalked] = {
    # -- audit
    "audit.entries": Read(OWNER_ONLY, "who did what to whom: the owner's log", lambda s, d: s.audit.entries()),
    "audit.record": H("writes the entry of the use case that calls it"),
    "audit.head": H("the newest entry's number and MAC, for the anchors written by backups, bundles and close"),
    "audit.write_anchor": H("writes the log's head into the key file at backup, day close and close"),
    "audit.anchors": Read(EVERYONE, "part of `audit verify`, which runs with the store key and no user: sequence "
                          "numbers and MACs, no content", lambda s, d: s.audit.anchors()),
    "audit.verify": Read(EVERYONE, "`pharmadesk audit verify` runs with the store key and no user; it reports only "
                         "problems (sequence numbers), no content", lambda s, d: s.audit.verify()),
    # -- users
    "users.approve": W("a colleague's PIN check: the approval itself (refusals in tests/test_users.py)"),
    "users.authenticate": W("the login itself: open by nature, failures counted and locked out"),
    "users.change_password": W(), "users.create": W(), "users.deactivate": W(), "users.set_pin": W(),
    "users.set_role": W(),
    "users.check_password_strength": P(), "users.check_pin_format": P(),
    "users.count": Read(EVERYONE, "the first-run check before any account exists; a number, no names",
                        lambda s, d: s.users.count()),
    "users.get": Read(STAFF, "a colleague's name and role, as shown on receipts and approvals; after login",
                      lambda s, d: s.users.get(d["owner_id"])),
    "users.list": Read(OWNER_ONLY, "every account with its role and lock-out state: the owner's staff list",
                       lambda s, d: s.users.list()),
    # -- catalog: the till shows it only after login, and a closed till shows nothing
    "catalog.add_product": W(), "catalog.add_supplier": W(), "catalog.update_product": W(),
    "catalog.update_supplier": W(), "catalog.set_price": W(),
    "catalog.clean_product": P(),
    "catalog.refresh_sales_rank": H("the day-close hook that refreshes the type-ahead's order"),
    "catalog.by_barcode": Read(STAFF, "selling needs the catalogue; not before login",
                               lambda s, d: s.catalog.by_barcode("4006381333931")),
    "catalog.find": Read(STAFF, "the till's scan field", lambda s, d: s.catalog.find("para")),
    "catalog.get_many": Read(STAFF, "selling needs the catalogue", lambda s, d: s.catalog.get_many([d["otc"]])),
    "catalog.get": Read(STAFF, "selling needs the catalogue", lambda s, d: s.catalog.get(d["otc"])),
    "catalog.products": Read(STAFF, "the product list", lambda s, d: s.catalog.products()),
    "catalog.search": Read(STAFF, "the till's type-ahead", lambda s, d: s.catalog.search("para")),
    "catalog.supplier": Read(STAFF, "suppliers are businesses; after login",
                             lambda s, d: s.catalog.supplier(d["supplier"])),
    "catalog.suppliers": Read(STAFF, "suppliers are businesses; after login", lambda s, d: s.catalog.suppliers()),
    # -- stock: figures without personal data; anyone at work may see them, nobody before login
    # -- quality (GSP records, issue 15): business records without personal data, read by any staff member
    "quality.accept": W(), "quality.add_area": W(), "quality.add_document": W(), "quality.add_gsp_areas": W(),
    "quality.approve_product": W(), "quality.approve_supplier": W(), "quality.dispose": W(),
    "quality.flag_key_product": W(), "quality.import_readings": W(), "quality.quarantine": W(),
    "quality.record_maintenance": W(), "quality.record_reading": W(), "quality.release_quarantine": W(),
    "quality.set_area_active": W(),
    "quality.refuse_unqualified": H("stock.receive's qualification check under china_gsp"),
    "quality.hold_for_acceptance": H("stock.receive keeps received units pending under china_gsp"),
    "quality.post_quarantine": H("the quarantine posting returns and acceptance share, like stock.post_move"),
    "quality.approval": Read(STAFF, "qualification records", lambda s, d: s.quality.approval(supplier_id=d["supplier"])),
    "quality.qualifications": Read(STAFF, "qualification records", lambda s, d: s.quality.qualifications()),
    "quality.documents": Read(STAFF, "qualification records", lambda s, d: s.quality.documents()),
    "quality.expiring_documents": Read(STAFF, "qualification records", lambda s, d: s.quality.expiring_documents()),
    "quality.pending_acceptance": Read(STAFF, "stock figures", lambda s, d: s.quality.pending_acceptance()),
    "quality.acceptances": Read(STAFF, "acceptance records", lambda s, d: s.quality.acceptances()),
    "quality.quarantine_record": Read(STAFF, "stock figures", lambda s, d: s.quality.quarantine_record(1)),
    "quality.quarantined": Read(STAFF, "stock figures", lambda s, d: s.quality.quarantined()),
    "quality.batch_quality": Read(STAFF, "stock figures", lambda s, d: s.quality.batch_quality(d["batch"])),
    "quality.near_expiry_warning": Read(STAFF, "the till warns before it sells a near-expiry batch",
                                        lambda s, d: s.quality.near_expiry_warning(d["otc"])),
    "quality.near_expiry_report": Read(STAFF, "stock figures", lambda s, d: s.quality.near_expiry_report()),
    "quality.areas": Read(STAFF, "any staff member logs readings", lambda s, d: s.quality.areas()),
    "quality.readings": Read(STAFF, "storage log", lambda s, d: s.quality.readings()),
    "quality.due_readings": Read(STAFF, "any staff member logs readings", lambda s, d: s.quality.due_readings()),
    "quality.key_products": Read(STAFF, "maintenance plan", lambda s, d: s.quality.key_products()),
    "quality.maintenance_due": Read(STAFF, "maintenance plan", lambda s, d: s.quality.maintenance_due()),
    "quality.maintenance_checks": Read(STAFF, "maintenance records", lambda s, d: s.quality.maintenance_checks()),
    "quality.sales_record": Read(FULL_VIEW, "quantities and prices of every sale: the owner and the quality "
                                 "manager (pharmacist), not the counter", lambda s, d: s.quality.sales_record(
                                     d["start"][:10], d["end"][:10])),
    "stock.adjust": W(), "stock.cancel_order": W(), "stock.create_order": W(), "stock.post_stocktake": W(),
    "stock.receive": W(), "stock.record_count": W(), "stock.send_order": W(), "stock.start_stocktake": W(),
    "stock.write_off": W(), "stock.write_off_expired": W(),
    "stock.post_move": H("the stock ledger's posting"),
    "stock.fefo_unit_costs": Read(STAFF, "the till's below-cost guard: what the units would cost",
                                  lambda s, d: s.stock.fefo_unit_costs([(d["otc"], 1)])),
    "stock.allocate": Read(STAFF, "the till's FEFO preview of which batches a line takes",
                           lambda s, d: s.stock.allocate(d["otc"], 1)),
    "stock.batch": Read(STAFF, "stock figures", lambda s, d: s.stock.batch(d["batch"])),
    "stock.batch_count": Read(STAFF, "stock figures", lambda s, d: s.stock.batch_count()),
    "stock.batch_page": Read(STAFF, "stock figures", lambda s, d: s.stock.batch_page()),
    "stock.batches": Read(STAFF, "stock figures", lambda s, d: s.stock.batches(d["otc"])),
    "stock.expired": Read(STAFF, "stock figures", lambda s, d: s.stock.expired()),
    "stock.moves": Read(STAFF, "the ledger names sales by id only; a receipt shows no member to a cashier",
                        lambda s, d: s.stock.moves(d["otc"])),
    "stock.near_expiry": Read(STAFF, "stock figures", lambda s, d: s.stock.near_expiry()),
    "stock.on_hand": Read(STAFF, "the till shows what is on the shelf", lambda s, d: s.stock.on_hand(d["otc"])),
    "stock.on_order": Read(STAFF, "stock figures", lambda s, d: s.stock.on_order(d["otc"])),
    "stock.order": Read(STAFF, "a purchase order: supplier business data", lambda s, d: s.stock.order(d["order"])),
    "stock.orders": Read(STAFF, "purchase orders", lambda s, d: s.stock.orders()),
    "stock.product_levels": Read(STAFF, "stock figures", lambda s, d: s.stock.product_levels()),
    "stock.product_levels_count": Read(STAFF, "stock figures", lambda s, d: s.stock.product_levels_count()),
    "stock.stocktake_variance": Read(STAFF, "counting staff see their sheet",
                                     lambda s, d: s.stock.stocktake_variance(d["stocktake"])),
    "stock.stocktakes": Read(STAFF, "counting staff see their sheets", lambda s, d: s.stock.stocktakes()),
    "stock.verify_ledger": Read(EVERYONE, "a consistency check run on a freshly opened or restored store, like "
                                "audit.verify; it returns batch ids and totals only", lambda s, d: s.stock.verify_ledger()),
    # -- members: the member view's rule — a cashier sees name, last four digits of phone and card
    "members.adjust_points": W(), "members.register": W(), "members.set_conditions": W(),
    "members.set_consent": W(), "members.update": W(),
    "members.clean_conditions": P(), "members.validate_birth_date": P(), "members.validate_name": P(),
    "members.validate_sex": P(), "members.validate_language": P(),
    "members.row": H("the unmasked row for use cases (sale, return, erasure); refuses nobody"),
    "members.live_row": H("the unmasked row, refusing an erased member; refuses nobody"),
    "members.post_points": H("the points ledger's posting inside a sale or return"),
    "members.by_card": Read(STAFF, "the till attaches a member by card; masked view for a cashier",
                            lambda s, d: s.members.by_card(d["card"])),
    "members.by_phone": Read(STAFF, "the till attaches a member by phone; masked view for a cashier",
                             lambda s, d: s.members.by_phone(PHONE)),
    "members.consent_history": Read(FULL_VIEW, "personal data history: full view only",
                                    lambda s, d: s.members.consent_history(d["member"])),
    "members.correction_history": Read(FULL_VIEW, "old values of personal data: full view only",
                                       lambda s, d: s.members.correction_history(d["member"])),
    "members.count": Read(STAFF, "how many members the club has: after login",
                          lambda s, d: s.members.count()),
    "members.get": Read(STAFF, "the member view, masked for a cashier", lambda s, d: s.members.get(d["member"])),
    "members.has_consent": Read(STAFF, "the consent flags are part of every role's member view",
                                lambda s, d: s.members.has_consent(d["member"], "care")),
    "members.page": Read(STAFF, "the member list, masked for a cashier", lambda s, d: s.members.page()),
    "members.page_count": Read(STAFF, "the member list's size", lambda s, d: s.members.page_count()),
    "members.points_history": Read(FULL_VIEW, "its sale ids lead to what the member bought: health data",
                                   lambda s, d: s.members.points_history(d["member"])),
    "members.purchase_history": Read(FULL_VIEW, "what a member buys is health data",
                                     lambda s, d: s.members.purchase_history(d["member"])),
    "members.search": Read(STAFF, "finding a member at the till, masked for a cashier",
                           lambda s, d: s.members.search("Xan")),
    # -- sales
    "sales.resume": W(), "sales.sell": W(), "sales.suspend": W(),
    "sales.resume_cart": W("takes a parked cart off the list (with its coupons): selling"),
    "sales.quote": Read(STAFF, "the till re-prices the cart with the promotions; writes nothing",
                        lambda s, d: s.sales.quote([CartLine(d["otc"], 1)])),
    "sales.redeem_value": P("points times a setting's value"), "sales.clean_label": P(),
    "sales.sale_record": H("the unmasked sale for returns, after their check"),
    "sales.require_receipt_access": H("the return-window check itself"),
    "sales.approvals_needed": Read(STAFF, "the till asks before paying",
                                   lambda s, d: s.sales.approvals_needed([CartLine(d["otc"], 1)])),
    "sales.check_prescription": Read(STAFF, "the till checks a prescription as it is typed",
                                     lambda s, d: s.sales.check_prescription(d["rx"], Prescription(
                                         "Dr. Lee", "RX-1", s.today().isoformat()))),
    "sales.receipt": Read(STAFF, "returns and reprints; without the member for a cashier, who is limited to the "
                          "return window and audited", lambda s, d: s.sales.receipt(d["receipt"])),
    "sales.suspended": Read(STAFF, "the parked carts at the till", lambda s, d: s.sales.suspended()),
    "sales.suspended_summaries": Read(STAFF, "the parked carts with the member's name and last 4 digits",
                                      lambda s, d: s.sales.suspended_summaries()),
    # -- returns
    "returns.return_items": W(),
    "returns.refund_preview": Read(STAFF, "the return dialog's preview; the return window applies",
                                   lambda s, d: s.returns.refund_preview(d["receipt"], [ReturnItem(d["line"], 1)])),
    # -- day close
    "day_close.close_day": W(),
    "day_close.day_closes": Read(FULL_VIEW, "the till's takings: who may close the day",
                                 lambda s, d: s.day_close.day_closes()),
    "day_close.x_report": Read(FULL_VIEW, "the till's takings: who may close the day",
                               lambda s, d: s.day_close.x_report()),
    # -- backups
    "backups.after_day_close": H("the day-close hook"), "backups.finish": W(), "backups.prepare": W(),
    "backups.run": W(),
    "backups.folder": Read(EVERYONE, "a folder path from the settings; no personal data",
                           lambda s, d: s.backups.folder()),
    "backups.last": Read(EVERYONE, "the last backup's time and size for the status bar; no personal data",
                         lambda s, d: s.backups.last()),
    "backups.list": Read(OWNER_ONLY, "backups hold everything: the owner's", lambda s, d: s.backups.list(d["tmp"])),
    # -- privacy
    "privacy.apply_retention": W(), "privacy.erase_member": W(),
    "privacy.finish_erasure_checkpoint": Read(EVERYONE, "runs at open, before login; reads and returns no data",
                                              lambda s, d: s.privacy.finish_erasure_checkpoint()),
    "privacy.consented_members": Read(FULL_VIEW, "who may get care reminders: care staff",
                                      lambda s, d: s.privacy.consented_members("care")),
    "privacy.export_call_list": Read(OWNER_ONLY, "names and phones to a file: marketing (the owner)",
                                     lambda s, d: s.privacy.export_call_list(
                                         [d["member"]], d["tmp"] / f"calls-{s.user.role if s.user else 'x'}.csv")),
    "privacy.export_member": Read(OWNER_ONLY, "a member's whole record to a file: a privacy request",
                                  lambda s, d: s.privacy.export_member(
                                      d["member"], d["tmp"] / f"member-{s.user.role if s.user else 'x'}.json")),
    "privacy.member_data": Read(OWNER_ONLY, "a member's whole record: a privacy request",
                                lambda s, d: s.privacy.member_data(d["member"])),
    "privacy.retention_due": Read(OWNER_ONLY, "the members due for erasure", lambda s, d: s.privacy.retention_due()),
    "privacy.verify_export": Read(OWNER_ONLY, "checks a privacy export against the audit log",
                                  lambda s, d: s.privacy.verify_export(d["tmp"] / "no-such-export.json")),
    # -- care
    "care.issue_reminder": W(), "care.issue_reminders": W(), "care.record_outcome": W(),
    "care.may_contact": Read(STAFF, "a consent flag, part of every role's member view",
                             lambda s, d: s.care.may_contact(d["member"], "refill_due")),
    "care.member_reminders": Read(FULL_VIEW, "reminders name medicines: care staff",
                                  lambda s, d: s.care.member_reminders(d["member"])),
    "care.reminder": Read(FULL_VIEW, "reminders name medicines: care staff",
                          lambda s, d: s.care.reminder(d["reminder"])),
    # -- campaigns
    # -- promotions (issue 14)
    "promotions.active": Read(STAFF, "the till prices every cart with them; no personal data",
                              lambda s, d: s.promotions.active()),
    "promotions.list": Read(STAFF, "the till and the owner show what runs; no personal data",
                            lambda s, d: s.promotions.list()),
    "promotions.get": Read(STAFF, "one promotion, as listed", lambda s, d: s.promotions.get(10**6)),
    "promotions.tier_of": Read(STAFF, "the till prices a member's tier; the tier is a spend band, not a history",
                               lambda s, d: s.promotions.tier_of(d["member"])),
    "promotions.shopper": Read(STAFF, "the member at the till as the pricing engine needs it (id and tier)",
                               lambda s, d: s.promotions.shopper(d["member"])),
    "promotions.check_coupon": Read(STAFF, "the till checks a presented coupon; says only whether it is valid",
                                    lambda s, d: s.promotions.check_coupon("NOSUCHCODE", None)),
    "promotions.coupons": Read(OWNER_ONLY, "which members hold which codes: the owner's marketing data",
                               lambda s, d: s.promotions.coupons(10**6)),
    "promotions.coupon_report": Read(OWNER_ONLY, "counts of issued and redeemed coupons: a report",
                                     lambda s, d: s.promotions.coupon_report()),
    "promotions.create": W(), "promotions.pause": W(), "promotions.resume": W(), "promotions.end": W(),
    "promotions.issue_coupons": W(), "promotions.restore_coupon": W(), "promotions.void_coupon": W(),
    "promotions.restore_coupons_of_sale": H("called inside a return the owner approved to give coupons back"),
    "promotions.redeem_coupon": W("called inside the sale's transaction by the till's sale"),
    "promotions.export_coupon_list": W("a marketing contact list: the owner's, refusals in tests/test_promotions.py"),
    "members.timeline": Read(STAFF, "a member's story; health items (what they bought, reminders, service records) "
                             "only for care staff, checked by tests/test_service.py",
                             lambda s, d: s.members.timeline(d["member"])),
    # -- service records: anyone takes a complaint at the counter; accounts are health data (care staff)
    "service.record": W(), "service.report_adr": W(), "service.start": W(), "service.add_note": W(),
    "service.close": W(), "service.record_call": W(), "service.reopen": W(), "service.correct": W(),
    "service.schedule_follow_ups": W(),
    "service.get": Read(FULL_VIEW, "a complaint's account is health data: care staff",
                        lambda s, d: s.service.get(d["complaint"])),
    "service.records": Read(FULL_VIEW, "accounts are health data: care staff", lambda s, d: s.service.records()),
    "service.follow_ups": Read(FULL_VIEW, "whom to call about which medicine: care staff",
                               lambda s, d: s.service.follow_ups()),
    "service.overdue_complaints": Read(OWNER_ONLY, "a count on the owner's dashboard",
                                       lambda s, d: s.service.overdue_complaints()),
    "campaigns.create": W(),
    "campaigns.get": Read(OWNER_ONLY, "marketing analytics", lambda s, d: s.campaigns.get(d["campaign"])),
    "campaigns.list": Read(OWNER_ONLY, "marketing analytics", lambda s, d: s.campaigns.list()),
    "campaigns.members": Read(OWNER_ONLY, "which members a campaign targets: marketing analytics",
                              lambda s, d: s.campaigns.members(d["campaign"])),
    # -- traceability codes (issue 16)
    "trace.identify": Read(STAFF, "the till's scan of a pack's code: the product it is; writes nothing",
                           lambda s, d: s.trace.identify("81000010000000010000")),
    "trace.codes_of_line": Read(STAFF, "a sale line's pack codes, for a return or a reprint",
                                lambda s, d: s.trace.codes_of_line(d["line"])),
    "trace.report": Read(OWNER_ONLY, "codes received, sold and returned: a report (VIEW_REPORTS)",
                         lambda s, d: s.trace.report(s.today(), s.today())),
    "trace.sales_with_codes": Read(OWNER_ONLY, "the upload's rows: a report (VIEW_REPORTS)",
                                   lambda s, d: s.trace.sales_with_codes(s.today(), s.today())),
    "trace.export_sales": W("writes the upload file (VIEW_REPORTS); audited"),
    "trace.receive_codes": W("codes of a received batch: RECEIVE_GOODS (tests/test_trace_codes.py)"),
    "trace.check_sale_line": H("the sale's check of a line's codes, inside sell"),
    "trace.link_sold": H("marks a sold line's codes, inside sell"),
    "trace.link_received": H("puts received codes on file, inside a goods receipt"),
    "trace.quarantine_returned": H("puts a quality return's codes in quarantine, inside a return"),
    # -- ephedrine buyers (issue 16)
    "ephedrine.check_buyer": Read(STAFF, "the till checks the ID the buyer shows; writes nothing, says nothing back",
                                  lambda s, d: s.ephedrine.check_buyer(None)),
    "ephedrine.needs_buyer": Read(STAFF, "the till asks whether the cart needs the buyer's ID",
                                  lambda s, d: s.ephedrine.needs_buyer([(d["otc"], 1)])),
    "ephedrine.frequent_buyers": W("lists buyers (masked ID, name) for the pharmacist: REVIEW_REGISTERS; audited"),
    "ephedrine.purchases_by": Read(frozenset({OWNER, PHARMACIST}), "a buyer's purchase count: REVIEW_REGISTERS",
                                   lambda s, d: s.ephedrine.purchases_by("11010519491231002X")),
    "ephedrine.erase_expired": W("erases buyers past the retention period: PRIVACY_REQUESTS"),
    "ephedrine.after_day_close": H("the day-close hook that erases buyers past the retention period"),
    "ephedrine.check_sale": H("the sale's check of its ephedrine lines, inside sell"),
    "ephedrine.register": H("registers an ephedrine line's buyer, inside sell"),
    # -- split packs (issue 16)
    "split.open_pack": W("opens a pack for sale by the unit: SELL, checked by DISPENSE_RX (tests/test_split_packs.py)"),
    "split.allocate_units": Read(STAFF, "the till's preview of which opened packs the units come from",
                                 lambda s, d: s.split.allocate_units(d["otc"], 1)),
    "split.open_units": Read(STAFF, "the till shows the units in opened packs", lambda s, d: s.split.open_units(d["otc"])),
    "split.open_packs": Read(STAFF, "the opened packs on the shelf", lambda s, d: s.split.open_packs()),
    "split.label": Read(STAFF, "the split-pack label printed with the receipt", lambda s, d: s.split.label(d["line"])),
    "split.split_lines_of": Read(STAFF, "which receipt lines get a label",
                                 lambda s, d: s.split.split_lines_of(1)),
    "split.verify": Read(EVERYONE, "part of stock.verify_ledger: open pack ids and totals only",
                         lambda s, d: s.split.verify()),
    "split.check_product": Read(STAFF, "the till asks whether a product sells by the unit",
                                lambda s, d: s.split.check_product(d["otc"])),
    "split.unit_price": H("the unit's catalogue price, for the sale's pricing"),
    "split.book_units": H("takes a split line's units, inside sell"),
    "split.return_units": H("writes off returned units, inside a return"),
    "split.clean_directions": P(),
    "trace.link_opened": H("the code of a pack opened by the unit, inside open_pack"),
    # -- prescriptions (issue 16): health data, like the member's full record
    "prescriptions.list": Read(FULL_VIEW, "the prescription register: health data (VIEW_MEMBER_FULL)",
                               lambda s, d: s.prescriptions.list(s.today(), s.today())),
    "prescriptions.get": Read(FULL_VIEW, "one kept prescription: health data", lambda s, d: s.prescriptions.get(1)),
    "prescriptions.image": Read(FULL_VIEW, "the prescription's scan: health data",
                                lambda s, d: s.prescriptions.image(1)),
    "prescriptions.check": Read(STAFF, "the till checks the prescription it is entering; writes nothing",
                                lambda s, d: s.prescriptions.check(-1, None)),
    "prescriptions.check_signatures": H("the sale's check of an Rx line's signatures, inside sell"),
    "prescriptions.record": H("keeps an Rx line's prescription, inside sell"),
    # -- medication safety (issue 16)
    "safety.check": Read(STAFF, "the till's allergy warning and duplicate notice; a cashier's names no past "
                         "purchase and no allergy note", lambda s, d: s.safety.check(d["member"], [d["otc"]])),
    "safety.confirm_for_sale": H("the sale's allergy confirmation, inside sell"),
    # -- imports
    "imports.csv": W(),
    "imports.preview": Read(OWNER_ONLY, "the first rows of a file about to be imported: the import right",
                            lambda s, d: s.imports.preview(d["tmp"] / "none.csv")),
    # -- head office: keys and the export log hold no personal data
    "headoffice.after_day_close": H("the day-close hook"), "headoffice.export": W(),
    "headoffice.bundle_anchor": Read(EVERYONE, "`audit verify --against` runs with no user: a signed sequence "
                                     "number and MAC", lambda s, d: s.headoffice.bundle_anchor(d["tmp"] / "none")),
    "headoffice.record_failure": W("records a failed scheduled export"), "headoffice.setup_keys": W(),
    "headoffice.trust_hq": W(), "headoffice.store_pub_document": P("formats a given public key"),
    "headoffice.build_tables": Read(OWNER_ONLY, "the export's tables (members pseudonymous): the export right",
                                    lambda s, d: s.headoffice.build_tables(d["start"], d["end"])),
    "headoffice.daily_due": Read(EVERYONE, "the scheduler's question; no data", lambda s, d: s.headoffice.daily_due()),
    "headoffice.export_folder": Read(EVERYONE, "a folder path", lambda s, d: s.headoffice.export_folder()),
    "headoffice.export_log": Read(EVERYONE, "bundle names and windows; no personal data",
                                  lambda s, d: s.headoffice.export_log()),
    "headoffice.hq_public_key": Read(EVERYONE, "a public key", lambda s, d: s.headoffice.hq_public_key()),
    "headoffice.last_export": Read(EVERYONE, "the last bundle's name and time",
                                   lambda s, d: s.headoffice.last_export()),
    "headoffice.ready": Read(EVERYONE, "whether keys are set up", lambda s, d: s.headoffice.ready()),
    "headoffice.store_public_key": Read(EVERYONE, "a public key", lambda s, d: s.headoffice.store_public_key()),
}


def services(store: Store) -> dict[str, object]:
    """Every service hung on the store: the public attributes (and lazy properties) that hold the store."""
    found = {}
    for name in dir(store):
        if name.startswith("_"):
            continue
        value = getattr(store, name)
        if getattr(value, "_store", None) is store:
            found[name] = value
    return found


def public_methods(store: Store) -> set[str]:
    return {f"{name}.{method}" for name, service in services(store).items()
            for method, member in inspect.getmembers(type(service))
            if not method.startswith("_") and callable(member)}


def _setup(store: Store, ids, tmp_path: Path) -> dict:
    today = store.today()
    member = store.members.register(NAME, PHONE, care_consent=True, marketing_consent=True,
                                    conditions=["asthma"])
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member)
    store.sales.suspend([CartLine(ids.otc, 1)], "blue coat", member)
    return {
        "member": member, "card": store.members.get(member).card_no, "receipt": sale.receipt_no,
        "line": sale.lines[0].sale_line_id, "otc": ids.otc, "rx": ids.rx, "supplier": ids.supplier,
        "batch": store.db.scalar("SELECT id FROM batches WHERE batch_no = 'P-LATE'"),
        "order": store.stock.create_order(ids.supplier, [(ids.otc, 5)]),
        "stocktake": store.stock.start_stocktake(),
        "campaign": store.campaigns.create("spring", [member], starts_on=today, ends_on=today + timedelta(days=7)),
        "reminder": store.care.issue_reminder(member, "birthday", today, "birthday", "phone"),
        "complaint": store.service.record("complaint", "Queue was long", member_id=member),
        "owner_id": store.user.id, "tmp": tmp_path,
        "start": to_iso(store.now() - timedelta(days=1)), "end": to_iso(store.now() + timedelta(seconds=1)),
    }


def test_the_expectation_table_names_every_public_method_of_every_service(store):
    found = public_methods(store)
    assert sorted(found - EXPECTED.keys()) == [], "new public methods: decide who may call them, in EXPECTED"
    assert sorted(EXPECTED.keys() - found) == [], "EXPECTED names methods that no longer exist"


@pytest.mark.parametrize("role", [OWNER, PHARMACIST, CASHIER, NOBODY])
def test_every_read_method_as_every_role_matches_the_table(open_store, ids, tmp_path, role):
    store = open_store("owner")
    data = _setup(store, ids, tmp_path)
    store.logout()
    if role is not None:
        store.login(role, PINS[role])
    wrong = []
    for name, expected in sorted(EXPECTED.items()):
        if not isinstance(expected, Read):
            continue
        try:
            expected.call(store, data)
            outcome = "allowed"
        except NotLoggedIn:
            outcome = "refused" if role is None else "NotLoggedIn for a user"
        except PermissionDenied:
            outcome = "refused" if role is not None else "PermissionDenied for nobody"
        except Exception:  # noqa: BLE001 - got past the permission check; the arguments are the test's business
            outcome = "allowed"
        want = "allowed" if role in expected.allowed else "refused"
        if outcome != want:
            wrong.append(f"{name}: {outcome}, expected {want} ({expected.reason})")
    assert wrong == []


def test_helpers_are_not_called_from_the_ui_the_cli_or_the_reports():
    """A helper has no permission check of its own: only domain use cases, which made theirs, call it."""
    helpers = [name for name, expected in EXPECTED.items()
               if isinstance(expected, NotWalked) and expected.kind == "helper"
               and not name.endswith(("after_day_close", "refresh_sales_rank"))]
    calls = []
    for folder in ("ui", "cli", "reports", "analytics"):
        for path in (ROOT / "pharmadesk" / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            calls += [f"{path.relative_to(ROOT)}: {name}" for name in helpers
                      if re.search(r"\." + re.escape(name) + r"\(", text)]
    assert calls == []


# -- item 1: a cashier rebuilds a named member's prescription history ---------------------------------------------


def _member_with_rx_history(store: Store, ids) -> tuple[int, list[str]]:
    member = store.members.register(NAME, PHONE, conditions=["hypertension"])
    receipts = []
    for number in ("RX-1", "RX-2"):
        rx = Prescription("Dr. Lee", number, store.today().isoformat())
        receipts.append(store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)],
                                         member_id=member).receipt_no)
    return member, receipts


def test_a_cashier_walking_receipts_learns_no_member(open_store, ids):
    owner = open_store("owner")
    member, receipts = _member_with_rx_history(owner, ids)
    cashier = open_store("cashier")
    for receipt_no in receipts:
        sale = cashier.sales.receipt(receipt_no)
        assert "member_id" not in sale                      # who bought it is not a cashier's business
        assert sale["member_attached"] is True              # but a return reverses points: it says one was
        assert [line["product_name"] for line in sale["lines"]] == ["Ramipril 5mg"]   # the lines, for a return
    with pytest.raises(PermissionDenied):
        cashier.members.points_history(member)              # its sale ids would lead back to the receipts
    with pytest.raises(PermissionDenied):
        cashier.members.purchase_history(member)
    pharmacist = open_store("pharmacist")
    assert pharmacist.sales.receipt(receipts[0])["member_id"] == member
    assert [row["sale_id"] for row in pharmacist.members.points_history(member)] == [1, 2]


def test_a_cashiers_receipt_look_up_is_limited_to_the_return_window_and_audited(open_store, ids, clock):
    owner = open_store("owner")
    member, receipts = _member_with_rx_history(owner, ids)
    cashier = open_store("cashier")
    cashier.sales.receipt(receipts[0])
    audit = cashier.db.all("SELECT user_id, entity, entity_id, details FROM audit_log WHERE action = 'receipt.view'")
    assert audit == [{"user_id": cashier.user.id, "entity": "sale", "entity_id": "1",
                      "details": '{"receipt_no":"S00000001"}'}]              # the number only, no member
    window = owner.settings.return_window_days
    assert window == 30
    clock.advance(days=window + 1)
    before = table_snapshot(cashier)
    with pytest.raises(PermissionDenied, match="more than 30 days old"):
        cashier.sales.receipt(receipts[0])
    with pytest.raises(PermissionDenied):
        cashier.returns.refund_preview(receipts[0], [ReturnItem(1, 1)])
    assert table_snapshot(cashier) == before
    assert open_store("pharmacist").sales.receipt(receipts[0])["receipt_no"] == receipts[0]


def test_a_cashiers_return_still_reverses_the_members_points(open_store, ids):
    owner = open_store("owner")
    member = owner.members.register(NAME, PHONE)
    cashier = open_store("cashier")
    sale = cashier.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=member)
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND, subject=sale.receipt_no)
    result = cashier.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 2)],
                                          "changed mind", approval=approval)
    assert result.points_reversed == sale.points_earned > 0


# -- item 11: reads before login, unmasked card numbers ------------------------------------------------------------


def test_nothing_about_staff_members_or_stock_is_readable_before_login(open_store, ids):
    store = open_store(None)
    for read in (store.users.list, store.members.count, lambda: store.stock.moves(ids.otc),
                 lambda: store.catalog.get(ids.otc), lambda: store.catalog.search("para"),
                 lambda: store.users.get(1), lambda: store.members.row(1)):
        with pytest.raises(NotLoggedIn):
            read()
    assert store.users.count() == 3                         # the first-run check only


def test_only_the_owner_lists_the_staff(open_store):
    for role in (PHARMACIST, CASHIER):
        with pytest.raises(PermissionDenied):
            open_store(role).users.list()
    assert {row["username"] for row in open_store(OWNER).users.list()} == {"owner", "pharmacist", "cashier"}


def test_a_cashier_sees_card_numbers_masked_like_phones(open_store):
    owner = open_store("owner")
    member = owner.members.register(NAME, PHONE)
    card = owner.members.get(member).card_no
    cashier = open_store("cashier")
    for seen in (cashier.members.get(member), cashier.members.by_card(card), cashier.members.search("Xan")[0],
                 cashier.members.page()[0]):
        assert seen.card_no == "•" * (len(card) - 4) + card[-4:]
    assert open_store("pharmacist").members.get(member).card_no == card


# -- item 7: sessions outlive their user; approvals reused ---------------------------------------------------------


def _user_id(store: Store, username: str) -> int:
    return store.db.scalar("SELECT id FROM users WHERE username = ?", (username,))


def test_a_deactivated_cashier_stops_selling_at_once(open_store, ids):
    till = open_store("cashier")
    open_store("owner").users.deactivate(_user_id(till, "cashier"))
    before = table_snapshot(till)
    with pytest.raises(NotLoggedIn, match="log in again"):
        till.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    assert till.user is None
    assert table_snapshot(till) == before


def test_a_demoted_pharmacist_stops_reading_purchase_history(open_store, ids):
    owner = open_store("owner")
    member, _receipts = _member_with_rx_history(owner, ids)
    pharmacist = open_store("pharmacist")
    assert pharmacist.members.purchase_history(member)
    owner.users.set_role(_user_id(owner, "pharmacist"), "cashier")
    with pytest.raises(PermissionDenied):
        pharmacist.members.purchase_history(member)
    assert pharmacist.members.get(member).masked
    assert pharmacist.user.role == "cashier"


def test_a_locked_out_pharmacist_stops_dispensing(open_store, ids):
    pharmacist = open_store("pharmacist")
    other = open_store(None)
    for _attempt in range(5):                               # someone guesses the PIN at another till
        with pytest.raises(Exception):
            other.login("pharmacist", "0000")
    before = table_snapshot(pharmacist)
    rx = Prescription("Dr. Lee", "RX-9", pharmacist.today().isoformat())
    with pytest.raises(NotLoggedIn):
        pharmacist.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)])
    assert table_snapshot(pharmacist) == before


def test_an_approval_from_a_since_deactivated_pharmacist_is_not_honoured(open_store, ids):
    cashier = open_store("cashier")
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    open_store("owner").users.deactivate(_user_id(cashier, "pharmacist"))
    rx = Prescription("Dr. Lee", "RX-9", cashier.today().isoformat(), approval=approval)
    before = table_snapshot(cashier)
    with pytest.raises(PrescriptionRequired):
        cashier.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)])
    assert table_snapshot(cashier) == before


def test_one_refund_approval_refunds_one_receipt_once(open_store, ids):
    cashier = open_store("cashier")
    first = cashier.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
    second = cashier.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND, subject=first.receipt_no)
    before = table_snapshot(cashier)
    with pytest.raises(PermissionDenied):                   # bound to the first receipt
        cashier.returns.return_items(second.receipt_no, [ReturnItem(second.lines[0].sale_line_id, 1)], "x",
                                     approval=approval)
    unbound = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND)
    with pytest.raises(PermissionDenied):                   # a refund approval must name its receipt
        cashier.returns.return_items(second.receipt_no, [ReturnItem(second.lines[0].sale_line_id, 1)], "x",
                                     approval=unbound)
    assert table_snapshot(cashier) == {**before, "audit_log": table_snapshot(cashier)["audit_log"]}
    cashier.returns.return_items(first.receipt_no, [ReturnItem(first.lines[0].sale_line_id, 1)], "x",
                                 approval=approval)
    with pytest.raises(PermissionDenied):                   # and it is spent
        cashier.returns.return_items(first.receipt_no, [ReturnItem(first.lines[0].sale_line_id, 1)], "x",
                                     approval=approval)


def test_a_discount_approval_is_spent_by_the_sale_it_allowed(open_store, ids):
    cashier = open_store("cashier")
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    with pytest.raises(ValidationError):                    # a refused sale does not spend it
        cashier.sales.sell([CartLine(ids.otc, 1, discount=100)], [Payment("cash", 1)], approval=approval)
    cashier.sales.sell([CartLine(ids.otc, 1, discount=100)], [Payment("cash", 1150)], approval=approval)
    with pytest.raises(PermissionDenied):
        cashier.sales.sell([CartLine(ids.otc, 1, discount=100)], [Payment("cash", 1150)], approval=approval)


# -- item 13: erasure under a reader; names in parked-cart labels ---------------------------------------------------


class Reader:
    """Another connection (a report in a worker thread) holding a read snapshot until released."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self.holding, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, args=(directory, key), daemon=True)
        self.thread.start()
        assert self.holding.wait(30)

    def _run(self, directory, key) -> None:
        conn = connect(directory / DB_FILE_NAME, key)       # a plain connection: its close checkpoints nothing
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM members").fetchone()
            self.holding.set()
            self.release.wait(30)
            conn.execute("COMMIT")
        finally:
            conn.close()

    def stop(self) -> None:
        self.release.set()
        self.thread.join(30)


def test_an_erasure_under_a_reader_is_reported_and_finished_at_the_next_open(
        open_store, store_dir, template_store, clock, monkeypatch):
    monkeypatch.setattr(privacy, "CHECKPOINT_ATTEMPTS", 2)
    monkeypatch.setattr(privacy, "CHECKPOINT_WAIT_MS", 50)
    key = template_store[1]
    store = open_store("owner")
    member = store.members.register(NAME, PHONE)
    reader = Reader(store_dir, key)
    try:
        result = store.privacy.erase_member(member)
        assert result.wal_cleared is False                  # reported, not silently skipped
        wal = store_dir / (DB_FILE_NAME + "-wal")
        assert b"Quarrington" in decrypted_pages(wal, key)  # the old page images are still in the WAL
    finally:
        reader.stop()
    open_store(None)                                        # the next start (the erasing till still running)
    assert not wal.exists() or wal.stat().st_size == 0
    files = decrypted_pages(store_dir / DB_FILE_NAME, key) + decrypted_pages(wal, key)
    assert b"Quarrington" not in files
    assert store.db.scalar("SELECT count(*) FROM settings WHERE key = ?", (privacy.CHECKPOINT_PENDING,)) == 0


def test_an_erasure_waits_for_a_short_reader(open_store, store_dir, template_store, clock):
    key = template_store[1]
    store = open_store("owner")
    member = store.members.register(NAME, PHONE)
    reader = Reader(store_dir, key)
    timer = threading.Timer(0.3, reader.stop)
    timer.start()
    try:
        result = store.privacy.erase_member(member)
    finally:
        timer.join()
        reader.stop()
    assert result.wal_cleared is True
    wal = store_dir / (DB_FILE_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_parked_carts_label_holds_no_phone_and_is_blanked_at_day_close(open_store, ids):
    cashier = open_store("cashier")
    before = table_snapshot(cashier)
    for label in ("Xanthippe 139 8765 4321", "card 2900000000019"):
        with pytest.raises(ValidationError, match="phone or card number"):
            cashier.sales.suspend([CartLine(ids.otc, 1)], label)
    assert table_snapshot(cashier) == before
    parked = cashier.sales.suspend([CartLine(ids.otc, 1)], "Mrs Quarrington, blue coat")
    pharmacist = open_store("pharmacist")
    pharmacist.day_close.close_day(counted_cash=0, run_hooks=False)
    assert pharmacist.db.scalar("SELECT label FROM suspended_sales WHERE id = ?", (parked,)) == ""
    lines, _member = cashier.sales.resume(parked)           # the cart itself is still there
    assert [line.product_id for line in lines] == [ids.otc]
