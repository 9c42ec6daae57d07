"""Promotions and coupons as use cases: ``store.promotions``. The engine (:func:`pharmadesk.core.pricing.price_cart`)
prices a cart with what this service hands it.

At the till::

    promotions = store.promotions.active(now)                      # cached; cheap enough per keystroke
    shopper = store.promotions.shopper(member_id)                  # Shopper(member_id, tier) or Shopper()
    promotions += [store.promotions.check_coupon(code, member_id, now)]   # ValidationError says why not
    priced = price_cart(lines, shopper, promotions, now)
    with store.db.transaction():                                   # the sale's transaction
        sale = store.sales.sell(...)
        store.promotions.redeem_coupon(code, sale.sale_id, now)    # raises if used meanwhile: the sale rolls back

For the owner: :meth:`Promotions.create` from a spec (:mod:`pharmadesk.core.promotion_specs`), ``pause``,
``resume``, ``end``; coupons are issued to consented members, a campaign's target group or as printed codes,
exported for SMS/WeChat sending, restored after a return when the owner says so, and counted.

Rules: managing promotions and coupons needs :attr:`Action.MANAGE_PROMOTIONS` (the owner); the till's calls
need :attr:`Action.SELL`; the coupon report needs :attr:`Action.VIEW_REPORTS`. Every change is one
transaction with its audit entry (ids, counts and amounts; never names, phones or coupon codes). Member-bound
coupons and listed audiences only take members who consented to marketing
(:meth:`pharmadesk.core.privacy.Privacy.consented_members`); a campaign gives its target arm, never its holdout.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from pharmadesk.core.permissions import Action
from pharmadesk.core.pricing import Promotion, Shopper
from pharmadesk.core.privacy import consent_filter
from pharmadesk.core.promotion_rows import PromotionRecord, insert_promotion, load_promotions
from pharmadesk.core.promotion_specs import CatalogEntry, Draft, find_conflict, parse_spec
from pharmadesk.core.catalog import whole_number
from pharmadesk.core.timeutil import from_iso, parse_date, to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.io.durable import write_atomically
from pharmadesk.io.safe_cells import csv_bytes

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

STATUSES = ("active", "paused", "ended")
STATUS_EVENTS = {"paused": "promotion.pause", "active": "promotion.resume", "ended": "promotion.end"}
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: typeable from a phone screen
CODE_LENGTH = 10                                     # 31**10 ≈ 8e14 codes: not guessable at a till
MAX_COUPONS_PER_ISSUE = 10_000
TIER_WINDOW_DAYS = 365
COUPON_LIST_HEADERS = ("Name", "Phone", "Code", "Expires")


@dataclass(frozen=True)
class Coupon:
    """One coupon. ``member_id`` None: a printed code anyone may present."""

    id: int
    promotion_id: int
    code: str
    member_id: int | None
    issued_at: str
    expires_on: str
    redeemed_at: str | None
    redeemed_sale_id: int | None
    restored_at: str | None
    voided_at: str | None


@dataclass(frozen=True)
class IssuedCoupons:
    """What :meth:`Promotions.issue_coupons` did. ``codes`` in the order issued; members left out are only counted."""

    promotion_id: int
    codes: tuple[str, ...]
    left_out_no_consent: int = 0
    already_holding: int = 0


@dataclass(frozen=True)
class CouponReport:
    """Coupons by state on a day: every issued coupon is exactly one of redeemed, voided, expired or open."""

    issued: int
    redeemed: int
    expired: int
    open: int
    voided: int


def normalise_code(code: str) -> str:
    """A code as typed (any case, spaces or dashes between groups) in its stored form."""
    return "".join(ch for ch in str(code or "").upper() if ch not in " -\t")


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


class Promotions:
    """Promotions, member tiers and coupons: ``store.promotions``."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self._cache: tuple[date, int, tuple[Promotion, ...]] | None = None   # (day, data_version, running)

    # -- creating and changing promotions ---------------------------------------------------------------

    def create(self, spec: Mapping | None = None, **fields) -> int:
        """Check a promotion described by ``spec`` and/or keyword fields (see :mod:`~pharmadesk.core.promotion_specs`),
        store it and return its id.

        Raises :class:`ValidationError` for a bad field, a spec that contradicts itself, a listed audience with
        no marketing-consented member, or a conflict with a running or paused promotion (named in the message);
        :class:`NotFound` for an unknown campaign; :class:`PermissionDenied` without MANAGE_PROMOTIONS.
        """
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        if spec is not None and not isinstance(spec, Mapping):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A promotion is described by named fields."))
        catalog = self._catalog()
        draft = parse_spec({**(spec or {}), **fields}, catalog, store.today())
        draft, left_out = self._resolve_listed(draft)
        find_conflict(draft.promotion, (record.promotion for record in self._records("status != 'ended'")), catalog,
                      store.today())
        promotion = draft.promotion
        db = store.db
        with db.transaction():
            promotion_id = insert_promotion(db, draft, to_iso(store.now()), store.user.id if store.user else None)
            store.audit.record(
                "promotion.create", "promotion", promotion_id, kind=promotion.kind, stacking=promotion.stacking,
                percent=promotion.percent, amount=promotion.amount, threshold=promotion.threshold,
                starts_on=promotion.calendar.starts_on.isoformat(),
                ends_on=promotion.calendar.ends_on.isoformat() if promotion.calendar.ends_on else None,
                audience=promotion.audience.kind, members=len(promotion.audience.member_ids),
                left_out_no_consent=left_out, campaign_id=draft.campaign_id)
        self._changed()
        log.info("promotion %d created (%s)", promotion_id, promotion.kind)
        return promotion_id

    def pause(self, promotion_id: int) -> PromotionRecord:
        """Stop an active promotion for now (the till stops applying it at once); :meth:`resume` restarts it."""
        return self._set_status(promotion_id, "paused", ("active",),
                                QT_TRANSLATE_NOOP("errors", "Only an active promotion can be paused."))

    def resume(self, promotion_id: int) -> PromotionRecord:
        """Restart a paused promotion."""
        return self._set_status(promotion_id, "active", ("paused",),
                                QT_TRANSLATE_NOOP("errors", "Only a paused promotion can be resumed."))

    def end(self, promotion_id: int) -> PromotionRecord:
        """End a promotion for good: it never applies again, and its open coupons stop being accepted."""
        return self._set_status(promotion_id, "ended", ("active", "paused"),
                                QT_TRANSLATE_NOOP("errors", "This promotion has already ended."))

    def _set_status(self, promotion_id: int, status: str, allowed_from: tuple[str, ...], refusal: str) -> PromotionRecord:
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        record = self._record(promotion_id)
        if record.status not in allowed_from:
            raise ValidationError(refusal)
        values = {"status": status}
        if status == "ended":
            values["ended_at"] = to_iso(store.now())
        with store.db.transaction():
            store.db.update("promotions", promotion_id, values)
            store.audit.record(STATUS_EVENTS[status], "promotion", promotion_id, status_before=record.status)
        self._changed()
        return self._record(promotion_id)

    # -- reading --------------------------------------------------------------------------------------------

    def list(self, status: str | None = None) -> list[PromotionRecord]:
        """Every promotion (or those with ``status``), newest first."""
        self._store.require(Action.SELL)
        if status is not None and status not in STATUSES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "status: choose one of {choices}."),
                                  choices=", ".join(STATUSES))
        records = self._records("status = ?" if status else "1", (status,) if status else ())
        return sorted(records, key=lambda r: r.id, reverse=True)

    def get(self, promotion_id: int) -> PromotionRecord:
        """One promotion; :class:`NotFound` if there is none with that id."""
        self._store.require(Action.SELL)
        return self._record(promotion_id)

    def active(self, now: datetime | None = None) -> list[Promotion]:
        """The promotions running on ``now``'s local day (default: the store's clock): status active and the
        day within their dates. Weekdays, days of the month and hours are the engine's to check.

        Coupon promotions are left out: they apply only when a coupon is presented, through :meth:`check_coupon`.
        Cached: read once per day and per change (of this store handle's promotions, or of the database by
        another connection), so calling it on every keystroke costs a dictionary lookup and one PRAGMA.
        """
        store = self._store
        store.require(Action.SELL)
        day = _local_day(now or store.now())
        version = store.db.scalar("PRAGMA data_version")
        cached = self._cache
        if cached is not None and cached[0] == day and cached[1] == version:
            return list(cached[2])
        running = tuple(record.promotion for record in self._records(
            "status = 'active' AND kind != 'coupon' AND starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)",
            (day.isoformat(), day.isoformat())))
        if not store.db.in_transaction:      # an outer transaction may still roll back what was read
            self._cache = (day, version, running)
        return list(running)

    def _changed(self) -> None:
        self._cache = None

    # -- member tiers -----------------------------------------------------------------------------------------

    def tier_of(self, member_id: int, now: datetime | None = None) -> str:
        """'standard', 'silver' or 'gold' from the member's spend in the 365 days before ``now`` (sales paid
        minus what their returns refunded) against the settings ``tier_silver_spend`` and ``tier_gold_spend``.
        One query over the ``sales_member`` index."""
        store = self._store
        store.require(Action.SELL)
        since = (now or store.now()) - timedelta(days=TIER_WINDOW_DAYS)
        spend = store.db.scalar(
            "SELECT COALESCE(SUM(s.total), 0) - COALESCE(SUM((SELECT SUM(r.refund_total) FROM returns r "
            "WHERE r.original_sale_id = s.id)), 0) FROM sales s WHERE s.member_id = ? AND s.at >= ?",
            (member_id, to_iso(since)))
        settings = store.settings
        if spend >= settings.tier_gold_spend:
            return "gold"
        return "silver" if spend >= settings.tier_silver_spend else "standard"

    def shopper(self, member_id: int | None, now: datetime | None = None) -> Shopper:
        """The engine's :class:`Shopper` for the member at the till (``None``: a walk-in customer)."""
        if member_id is None:
            self._store.require(Action.SELL)
            return Shopper()
        return Shopper(member_id=member_id, tier=self.tier_of(member_id, now))

    # -- coupons ------------------------------------------------------------------------------------------------

    def issue_coupons(self, promotion_id: int, *, expires_on: str | date, member_ids: Iterable[int] | None = None,
                      campaign_id: int | None = None, count: int | None = None) -> IssuedCoupons:
        """Issue coupons of a coupon promotion, valid until ``expires_on`` (inclusive): one per member of
        ``member_ids`` (a segment) or of ``campaign_id``'s target group, or ``count`` printed codes for anyone.

        Member-bound coupons go only to members who consent to marketing now; the others, and members who
        already hold an open coupon of this promotion, are left out and counted. Raises
        :class:`ValidationError` (not a coupon promotion, ended, bad expiry, not exactly one of the three
        sources, nobody left to receive one), :class:`NotFound`, :class:`PermissionDenied`.
        """
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        record = self._coupon_promotion(promotion_id)
        calendar = record.promotion.calendar
        expires = parse_date(expires_on, "expires_on")
        if expires < max(store.today(), calendar.starts_on):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A coupon must stay valid until at least {date}."),
                date=max(store.today(), calendar.starts_on).isoformat())
        if calendar.ends_on is not None and expires > calendar.ends_on:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A coupon cannot outlast its promotion, which ends on {date}."),
                date=calendar.ends_on.isoformat())
        if sum(source is not None for source in (member_ids, campaign_id, count)) != 1:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Issue coupons to members, to a campaign or as a number of codes: one of the three."))
        left_out = holding = 0
        if count is not None:
            owners: list[int | None] = [None] * whole_number(count, "count", 1, MAX_COUPONS_PER_ISSUE)
        else:
            requested = set(self._campaign_targets(campaign_id) if campaign_id is not None
                            else (int(i) for i in member_ids))
            consented = requested & set(store.privacy.consented_members("marketing"))
            held = {row[0] for row in store.db.execute(
                "SELECT DISTINCT member_id FROM coupons WHERE promotion_id = ? AND member_id IS NOT NULL "
                "AND redeemed_at IS NULL AND voided_at IS NULL AND expires_on >= ?",
                (promotion_id, store.today().isoformat()))}
            owners = sorted(consented - held)
            left_out, holding = len(requested) - len(consented), len(consented & held)
            if len(owners) > MAX_COUPONS_PER_ISSUE:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a whole number from {low} to {high}."),
                                      field="count", low=1, high=MAX_COUPONS_PER_ISSUE)
            if not owners:
                if not consented:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "None of these members has agreed to marketing messages."))
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Each of these members already holds an open coupon of this promotion."))
        codes = self._new_codes(len(owners))
        issued_at = to_iso(store.now())
        with store.db.transaction():
            store.db.conn.executemany(
                "INSERT INTO coupons (promotion_id, code, member_id, issued_at, expires_on) VALUES (?, ?, ?, ?, ?)",
                [(promotion_id, code, owner, issued_at, expires.isoformat()) for code, owner in zip(codes, owners)])
            store.audit.record("coupon.issue", "promotion", promotion_id, issued=len(codes),
                               member_bound=count is None, campaign_id=campaign_id, left_out_no_consent=left_out,
                               already_holding=holding, expires_on=expires.isoformat())
        log.info("promotion %d: %d coupon(s) issued", promotion_id, len(codes))
        return IssuedCoupons(promotion_id, tuple(codes), left_out, holding)

    def check_coupon(self, code: str, member_id: int | None, now: datetime | None = None) -> Promotion:
        """The engine promotion a presented coupon stands for (``coupon_code`` set), for the member at the till
        (``None``: no member). Raises a plain :class:`ValidationError` when the coupon cannot be used: unknown,
        cancelled, already used, expired, not yet valid, bound to another member, or its promotion paused or
        ended. The minimum spend is the engine's to check (it reports the coupon in ``unmet``). Writes nothing."""
        store = self._store
        store.require(Action.SELL)
        coupon = self._coupon(code)
        self._check_usable(coupon, member_id, now or store.now())
        promotion = self._record(coupon.promotion_id).promotion
        return replace(promotion, coupon_code=coupon.code)

    def redeem_coupon(self, code: str, sale_id: int, now: datetime | None = None) -> Coupon:
        """Mark a coupon used by ``sale_id``. Call it inside the sale's transaction, after the sale is written:
        it checks the coupon again for the sale's member, and a coupon used meanwhile raises
        :class:`ValidationError` (so the sale rolls back with it) and changes nothing.
        Raises :class:`RuntimeError` outside a transaction and :class:`NotFound` for an unknown sale."""
        store = self._store
        store.require(Action.SELL)
        if not store.db.in_transaction:
            raise RuntimeError("redeem_coupon must run inside the sale's transaction")
        now = now or store.now()
        sale = store.db.one("SELECT id, member_id FROM sales WHERE id = ?", (sale_id,))
        if sale is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such sale."))
        coupon = self._coupon(code)
        self._check_usable(coupon, sale["member_id"], now)
        record = self._record(coupon.promotion_id)
        with store.db.transaction():
            changed = store.db.execute(
                "UPDATE coupons SET redeemed_at = ?, redeemed_sale_id = ? "
                "WHERE id = ? AND redeemed_at IS NULL AND voided_at IS NULL", (to_iso(now), sale_id, coupon.id)).rowcount
            if changed != 1:    # another till took it between the check and here
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon has just been used."))
            store.audit.record("coupon.redeem", "coupon", coupon.id, promotion_id=record.id, sale_id=sale_id)
        return self._coupon(coupon.code)

    def restore_coupon(self, code: str) -> Coupon:
        """Give a used coupon back (the owner's decision after a return): it can be presented again until it
        expires. Raises :class:`ValidationError` if it was not used, :class:`NotFound`, :class:`PermissionDenied`."""
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        coupon = self._coupon(code)
        if coupon.redeemed_at is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon has not been used."))
        with store.db.transaction():
            store.db.execute("UPDATE coupons SET redeemed_at = NULL, redeemed_sale_id = NULL, restored_at = ? "
                             "WHERE id = ?", (to_iso(store.now()), coupon.id))
            store.audit.record("coupon.restore", "coupon", coupon.id, promotion_id=coupon.promotion_id,
                               sale_id=coupon.redeemed_sale_id)
        return self._coupon(coupon.code)

    def restore_coupons_of_sale(self, sale_id: int, return_id: int, approved_by: int) -> int:
        """Give back the coupons ``sale_id`` used, after a return the owner (``approved_by``) said restores them:
        each can be presented again until it expires. A public helper for :mod:`pharmadesk.core.returns`, called
        inside the return's transaction; it checks no permission of its own. Audited per coupon as
        ``coupon.restore``; returns how many came back."""
        store = self._store
        if not store.db.in_transaction:
            raise RuntimeError("restore_coupons_of_sale must run inside the return's transaction")
        rows = store.db.all("SELECT id, promotion_id FROM coupons WHERE redeemed_sale_id = ? ORDER BY id", (sale_id,))
        for row in rows:
            store.db.execute("UPDATE coupons SET redeemed_at = NULL, redeemed_sale_id = NULL, restored_at = ? "
                             "WHERE id = ?", (to_iso(store.now()), row["id"]))
            store.audit.record("coupon.restore", "coupon", row["id"], promotion_id=row["promotion_id"],
                               sale_id=sale_id, return_id=return_id, approved_by=approved_by)
        return len(rows)

    def void_coupon(self, code: str) -> Coupon:
        """Cancel an unused coupon for good (sent to the wrong member, leaked). Raises :class:`ValidationError`
        if it is used or already cancelled."""
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        coupon = self._coupon(code)
        if coupon.voided_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon was cancelled."))
        if coupon.redeemed_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A used coupon cannot be cancelled."))
        with store.db.transaction():
            store.db.execute("UPDATE coupons SET voided_at = ? WHERE id = ?", (to_iso(store.now()), coupon.id))
            store.audit.record("coupon.void", "coupon", coupon.id, promotion_id=coupon.promotion_id)
        return self._coupon(coupon.code)

    def coupons(self, promotion_id: int) -> list[Coupon]:
        """Every coupon of a promotion, in the order issued (codes and member ids: the owner's view)."""
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        self._record(promotion_id)
        return [Coupon(**row) for row in store.db.all(
            f"SELECT {', '.join(Coupon.__dataclass_fields__)} FROM coupons WHERE promotion_id = ? ORDER BY id",
            (promotion_id,))]

    def coupon_report(self, promotion_id: int | None = None, on: date | None = None) -> CouponReport:
        """How many coupons (of one promotion, or of all) were issued, redeemed, cancelled, expired (past their
        date, or their promotion ended) and are still open, on ``on`` (default today)."""
        store = self._store
        store.require(Action.VIEW_REPORTS)
        if promotion_id is not None:
            self._record(promotion_id)
        day = (on or store.today()).isoformat()
        row = store.db.one(
            "SELECT COUNT(*) AS issued, "
            "COALESCE(SUM(c.redeemed_at IS NOT NULL), 0) AS redeemed, "
            "COALESCE(SUM(c.redeemed_at IS NULL AND c.voided_at IS NOT NULL), 0) AS voided, "
            "COALESCE(SUM(c.redeemed_at IS NULL AND c.voided_at IS NULL "
            "    AND (c.expires_on < ? OR p.status = 'ended')), 0) AS expired "
            "FROM coupons c JOIN promotions p ON p.id = c.promotion_id "
            "WHERE (? IS NULL OR c.promotion_id = ?)", (day, promotion_id, promotion_id))
        return CouponReport(issued=row["issued"], redeemed=row["redeemed"], expired=row["expired"],
                            voided=row["voided"],
                            open=row["issued"] - row["redeemed"] - row["voided"] - row["expired"])

    def export_coupon_list(self, promotion_id: int, path: str | Path,
                           headers: tuple[str, str, str, str] = COUPON_LIST_HEADERS) -> int:
        """Write the open member-bound coupons of a promotion as a CSV for SMS/WeChat sending (name, phone,
        code, expiry), only for members who consent to marketing now; returns the number of rows.

        The owner's (MANAGE_PROMOTIONS and RUN_ANALYTICS); audited as ``coupon.export`` with the count only.
        Every cell is neutralised against spreadsheet formulas; the file appears whole or not at all.
        """
        store = self._store
        store.require(Action.MANAGE_PROMOTIONS)
        store.require(Action.RUN_ANALYTICS)          # a marketing contact list, like privacy.export_call_list
        self._coupon_promotion(promotion_id)
        path = Path(path).expanduser()
        if path.suffix.lower() != ".csv":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Export to a .csv file."))
        if not path.parent.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The folder for the export does not exist."))
        condition, params = consent_filter("marketing")
        rows = [[r[0], r[1], r[2], r[3]] for r in store.db.execute(
            "SELECT m.name, m.phone, c.code, c.expires_on FROM coupons c JOIN members m ON m.id = c.member_id "
            f"WHERE c.promotion_id = ? AND c.redeemed_at IS NULL AND c.voided_at IS NULL AND c.expires_on >= ? "
            f"AND {condition} ORDER BY c.id", (promotion_id, store.today().isoformat(), *params)).fetchall()]
        payload = csv_bytes(headers, rows)
        written = False
        try:
            with store.db.transaction():
                write_atomically(path, payload)
                written = True
                store.audit.record("coupon.export", "promotion", promotion_id, rows=len(rows))
        except BaseException:
            if written:                         # no audit entry, no list
                path.unlink(missing_ok=True)
            raise
        log.info("promotion %d: coupon list of %d exported", promotion_id, len(rows))
        return len(rows)

    # -- coupon helpers -----------------------------------------------------------------------------------------

    def _coupon(self, code: str) -> Coupon:
        text = normalise_code(code)
        row = self._store.db.one(
            f"SELECT {', '.join(Coupon.__dataclass_fields__)} FROM coupons WHERE code = ?", (text,)) if text else None
        if row is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no coupon with this code."))
        return Coupon(**row)

    def _check_usable(self, coupon: Coupon, member_id: int | None, now: datetime) -> None:
        today = _local_day(now)
        if coupon.voided_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon was cancelled."))
        if coupon.redeemed_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon was used on {date}."),
                                  date=_local_day(from_iso(coupon.redeemed_at)).isoformat())
        record = self._record(coupon.promotion_id)
        if record.status == "ended":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The promotion of this coupon has ended."))
        if record.status == "paused":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The promotion of this coupon is paused."))
        calendar = record.promotion.calendar
        last_day = min(d for d in (date.fromisoformat(coupon.expires_on), calendar.ends_on) if d is not None)
        if today > last_day:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon expired on {date}."),
                                  date=last_day.isoformat())
        if today < calendar.starts_on:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon is valid from {date}."),
                                  date=calendar.starts_on.isoformat())
        if coupon.member_id is not None and member_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This coupon belongs to a member: look the member up first."))
        if coupon.member_id is not None and coupon.member_id != member_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon belongs to another member."))

    def _coupon_promotion(self, promotion_id: int) -> PromotionRecord:
        record = self._record(promotion_id)
        if record.promotion.kind != "coupon":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Coupons belong to a coupon promotion."))
        if record.status == "ended":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This promotion has already ended."))
        return record

    def _new_codes(self, n: int) -> list[str]:
        codes: set[str] = set()
        while len(codes) < n:
            batch = {"".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for _ in range(n - len(codes))}
            batch -= codes
            taken = set()
            batch_list = sorted(batch)
            for start in range(0, len(batch_list), 500):
                chunk = batch_list[start:start + 500]
                taken |= {row[0] for row in self._store.db.execute(
                    f"SELECT code FROM coupons WHERE code IN ({','.join('?' * len(chunk))})", chunk)}
            codes |= batch - taken
        return sorted(codes, key=lambda _c: secrets.randbits(32))

    # -- storage ------------------------------------------------------------------------------------------------

    def _catalog(self) -> dict[int, CatalogEntry]:
        return {row["id"]: CatalogEntry(**row) for row in self._store.db.all(
            "SELECT id, barcode, name, category, legal_class, price FROM products WHERE active = 1")}

    def _campaign_targets(self, campaign_id: int) -> list[int]:
        self._store.campaigns.get(campaign_id)       # NotFound for an unknown campaign
        return [m for m, arm in self._store.campaigns.members(campaign_id) if arm == "target"]

    def _resolve_listed(self, draft: Draft) -> tuple[Draft, int]:
        """A listed audience frozen to its marketing-consented members (a campaign gives its target arm)."""
        audience = draft.promotion.audience
        if audience.kind != "listed":
            return draft, 0
        requested = set(self._campaign_targets(draft.campaign_id)) if draft.campaign_id is not None \
            else set(audience.member_ids)
        consented = requested & set(self._store.privacy.consented_members("marketing"))
        if not consented:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "None of these members has agreed to marketing messages."))
        promotion = replace(draft.promotion, audience=replace(audience, member_ids=frozenset(consented)))
        return replace(draft, promotion=promotion), len(requested) - len(consented)

    def _record(self, promotion_id: int) -> PromotionRecord:
        records = self._records("id = ?", (promotion_id,))
        if not records:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such promotion."))
        return records[0]

    def _records(self, where: str, params: tuple = ()) -> list[PromotionRecord]:
        return load_promotions(self._store.db, where, params)
