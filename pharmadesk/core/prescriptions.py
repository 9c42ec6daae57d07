"""Prescriptions behind Rx lines: the record, and under China GSP the three signatures 审核 / 调配 / 核对.

Every Rx or controlled line records its prescription (prescriber, institution, number, date, an optional scanned
image kept inside the encrypted store) and the pharmacist who reviewed it (审核). Under China GSP the line also
records who dispensed it (调配, any member of staff) and who checked it (核对, a pharmacist). The reviewer and the
checker are two different pharmacists, and the checker is not the dispenser — unless the store allows one
pharmacist to sign both (``rx_single_pharmacist``, when only one is on duty) and a reason is given. Prescriptions
are never deleted (not even by a member's erasure, which removes the member, not the dispensing record); they are
listed and printable. Rules and sources: docs/counter-controls.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import Product
from pharmadesk.core.permissions import Action
from pharmadesk.core.users import Approval, User
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, PharmacistRequired, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_TEXT = 80


@dataclass(frozen=True)
class RxSignatures:
    """Who signed an Rx line under China GSP, checked; ``image`` the prescription's scan (bytes, type)."""

    reviewer: User
    dispenser: User
    checker: User
    single_reason: str = ""
    image: tuple[bytes, str] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PrescriptionRecord:
    """A kept prescription as the pharmacist and the inspector read and print it."""

    id: int
    sale_line_id: int
    receipt_no: str
    sold_at: str
    product_name: str
    specification: str
    quantity: int
    prescriber: str
    institution: str
    rx_number: str
    rx_date: str
    reviewed_by: str
    dispensed_by: str
    checked_by: str
    single_reason: str
    has_image: bool


def read_image(path: str | Path) -> tuple[bytes, str]:
    """A prescription's scanned image (PNG or JPEG, at most 5 MB) from ``path``; a plain refusal otherwise."""
    try:
        file = Path(path).expanduser()
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The prescription image is larger than 5 MB: scan it at a lower resolution."))
        data = file.read_bytes()
    except OSError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The prescription image cannot be read.")) from None
    for magic, kind in IMAGE_TYPES.items():
        if data.startswith(magic):
            return data, kind
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "The prescription image must be a PNG or JPEG picture."))


class Prescriptions:
    """``store.prescriptions``: the three signatures of an Rx line and the kept prescriptions."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- inside the sale -----------------------------------------------------------------------------------

    def check_signatures(self, product: Product, rx, reviewer: User) -> RxSignatures | None:
        """Under China GSP, the dispenser and checker of an Rx line (``rx`` a sales.Prescription, ``reviewer``
        the pharmacist the sale already accepted), checked; None without the profile. A helper for
        :meth:`Sales.sell`; reads only (the image file too)."""
        store = self._store
        if not store.settings.china_gsp:
            return None
        self._check_texts(rx)
        dispenser = self._signer(rx.dispense_approval, Action.SELL) if rx.dispense_approval else store.require_user()
        try:
            checker = (self._signer(rx.check_approval, Action.DISPENSE_RX) if rx.check_approval
                       else store.require(Action.DISPENSE_RX))
        except PermissionDenied:
            raise PharmacistRequired(QT_TRANSLATE_NOOP(
                "errors", "{product}: a pharmacist must check the dispensed medicine."), product=product.name) from None
        reason = " ".join((rx.single_pharmacist_reason or "").split())
        if checker.id in (reviewer.id, dispenser.id):
            if not store.settings.rx_single_pharmacist:
                raise PharmacistRequired(QT_TRANSLATE_NOOP(
                    "errors", "{product}: the check must be signed by a second pharmacist, not by whoever reviewed "
                              "or dispensed it."), product=product.name)
            if not reason or len(reason) > 200:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Give the reason one pharmacist signs both the review and the check."))
        else:
            reason = ""
        image = read_image(rx.image_path) if rx.image_path else None
        return RxSignatures(reviewer, dispenser, checker, reason, image)

    def check(self, product_id: int, rx) -> RxSignatures | None:
        """The till's check of a prescription with its signatures before the sale (the same checks :meth:`sell`
        makes): the institution, the image, a reviewer and a checker who may sign and are two people (or the
        allowed single pharmacist with a reason). Writes nothing and spends no approval."""
        store = self._store
        store.require(Action.SELL)
        product = store.catalog.get(product_id)
        try:
            reviewer = store.require(Action.DISPENSE_RX, rx.approval)
        except PermissionDenied:
            raise PharmacistRequired(QT_TRANSLATE_NOOP(
                "errors", "{product} is prescription-only: a pharmacist must confirm it."),
                product=product.name) from None
        return self.check_signatures(product, rx, reviewer)

    def _signer(self, approval: Approval, action: Action) -> User:
        """The colleague behind a second signature's approval (never the logged-in user in their place)."""
        signer = self._store.approver(approval, action)
        if signer is None:
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "That approval is not valid here: ask again."))
        return signer

    @staticmethod
    def _check_texts(rx) -> None:
        for value in (rx.prescriber, rx.rx_number, rx.institution or ""):
            if len(value.strip()) > MAX_TEXT or any(not ch.isprintable() for ch in value.strip()):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Prescription fields: at most {n} characters on one line."), n=MAX_TEXT)
        if not (rx.institution or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Enter the institution that issued the prescription."))

    def record(self, sale_line_id: int, rx, rx_date: str, reviewer: User, signatures: RxSignatures | None,
               at: str) -> int:
        """Keep an Rx line's prescription (and its image). A helper inside the sale's transaction."""
        store = self._store
        row = {"sale_line_id": sale_line_id, "prescriber": rx.prescriber.strip(), "rx_number": rx.rx_number.strip(),
               "rx_date": rx_date, "pharmacist_id": reviewer.id, "confirmed_at": at,
               "institution": (rx.institution or "").strip() or None}
        if signatures is not None:
            row.update({"dispensed_by": signatures.dispenser.id, "checked_by": signatures.checker.id,
                        "single_reason": signatures.single_reason or None})
        prescription_id = store.db.insert("prescriptions", row)
        if signatures is not None and signatures.image is not None:
            data, kind = signatures.image
            store.db.insert("prescription_images", {"prescription_id": prescription_id, "content_type": kind,
                                                    "data": data})
        if signatures is not None:
            store.audit.record("rx.dispense", "sale_line", sale_line_id, reviewed_by=reviewer.id,
                               dispensed_by=signatures.dispenser.id, checked_by=signatures.checker.id,
                               single_pharmacist=bool(signatures.single_reason))
        return prescription_id

    # -- reading ------------------------------------------------------------------------------------------

    def list(self, start: date, end: date) -> list[PrescriptionRecord]:
        """The prescriptions dispensed from ``start`` to ``end`` (local days): the register the inspector reads.
        Pharmacist and owner (health data: VIEW_MEMBER_FULL)."""
        store = self._store
        store.require(Action.VIEW_MEMBER_FULL)
        from pharmadesk.core.timeutil import local_day_start, to_iso
        from datetime import timedelta

        if end < start:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The end date is before the start date."))
        ids = [row["id"] for row in store.db.all(
            "SELECT id FROM prescriptions WHERE confirmed_at >= ? AND confirmed_at < ? ORDER BY confirmed_at, id",
            (to_iso(local_day_start(start)), to_iso(local_day_start(end + timedelta(days=1)))))]
        return [self._record(prescription_id) for prescription_id in ids]

    def get(self, prescription_id: int) -> PrescriptionRecord:
        """One kept prescription, to read or print. Pharmacist and owner."""
        self._store.require(Action.VIEW_MEMBER_FULL)
        return self._record(prescription_id)

    def image(self, prescription_id: int) -> tuple[bytes, str] | None:
        """The prescription's scanned image and its type, or None. Pharmacist and owner."""
        self._store.require(Action.VIEW_MEMBER_FULL)
        row = self._store.db.one("SELECT data, content_type FROM prescription_images WHERE prescription_id = ?",
                                 (prescription_id,))
        return (bytes(row["data"]), row["content_type"]) if row else None

    def _record(self, prescription_id: int) -> PrescriptionRecord:
        row = self._store.db.one(
            "SELECT r.*, l.quantity, p.name AS product_name, COALESCE(p.specification, '') AS spec, s.receipt_no, "
            "s.at AS sold_at, rv.display_name AS reviewer, dp.display_name AS dispenser, ck.display_name AS checker, "
            "EXISTS (SELECT 1 FROM prescription_images i WHERE i.prescription_id = r.id) AS has_image "
            "FROM prescriptions r JOIN sale_lines l ON l.id = r.sale_line_id JOIN sales s ON s.id = l.sale_id "
            "JOIN products p ON p.id = l.product_id JOIN users rv ON rv.id = r.pharmacist_id "
            "LEFT JOIN users dp ON dp.id = r.dispensed_by LEFT JOIN users ck ON ck.id = r.checked_by "
            "WHERE r.id = ?", (prescription_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such prescription."))
        return PrescriptionRecord(
            row["id"], row["sale_line_id"], row["receipt_no"], row["sold_at"], row["product_name"], row["spec"],
            row["quantity"], row["prescriber"], row["institution"] or "", row["rx_number"], row["rx_date"],
            row["reviewer"], row["dispenser"] or "", row["checker"] or "", row["single_reason"] or "",
            bool(row["has_image"]))
