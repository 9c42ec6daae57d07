"""The store's GSP quality records of a period as the plain rows the forms print (reports/quality_forms.py):
``store.quality``'s records with the names a paper form shows (supplier, product details, who did it)
in place of ids. One function per form, and :func:`quality_rows` for all of them (the inspector's export)."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache
from typing import Any

from pharmadesk.errors import NotFound
from pharmadesk.reports.quality_forms import as_date


class _Names:
    """Display names of users, suppliers and products, each read once per export."""

    def __init__(self, store) -> None:
        self.store = store
        self.user = lru_cache(maxsize=None)(self._user)
        self.supplier = lru_cache(maxsize=None)(self._supplier)
        self.product = lru_cache(maxsize=None)(self._product)
        self.approval_number = lru_cache(maxsize=None)(self._approval_number)

    def _user(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        try:
            return self.store.users.get(user_id).display_name
        except NotFound:
            return ""

    def _supplier(self, supplier_id: int | None) -> str:
        if supplier_id is None:
            return ""
        try:
            return self.store.catalog.supplier(supplier_id)["name"]
        except NotFound:
            return ""

    def _product(self, product_id: int | None):
        return None if product_id is None else self.store.catalog.get(product_id)

    def _approval_number(self, product_id: int | None) -> str | None:
        """The product master's approval number (批准文号), else the number of its registration document."""
        product = self.product(product_id)
        if product is None:
            return None
        if getattr(product, "approval_number", None):
            return product.approval_number
        documents = self.store.quality.documents(product_id=product_id)
        return documents[0].number if documents else None


def _row(record: Any, **extra) -> dict[str, Any]:
    return {**dataclasses.asdict(record), **extra}


def supplier_approval_rows(store, names: _Names | None = None) -> list[dict[str, Any]]:
    """Every supplier's documents in force with its first-time approval (首营企业审批表)."""
    names = names or _Names(store)
    rows = []
    for document in store.quality.documents():
        if document.supplier_id is None:
            continue
        approval = store.quality.approval(supplier_id=document.supplier_id)
        rows.append(_row(document, supplier=document.subject_name, document_kind=document.kind,
                         approved_on=approval.approved_at if approval else None,
                         approved_by=names.user(approval.user_id) if approval else "",
                         note=approval.note if approval else None))
    return rows


def product_approval_rows(store, names: _Names | None = None) -> list[dict[str, Any]]:
    """Every product's approval document in force with its first-time approval (首营品种审批表)."""
    names = names or _Names(store)
    rows = []
    for document in store.quality.documents():
        if document.product_id is None:
            continue
        product = names.product(document.product_id)
        approval = store.quality.approval(product_id=document.product_id)
        rows.append(_row(document, product_name=document.subject_name,
                         specification=getattr(product, "specification", None), form=getattr(product, "form", None),
                         manufacturer=getattr(product, "manufacturer", None),
                         approval_number=names.approval_number(document.product_id),
                         approved_on=approval.approved_at if approval else None,
                         approved_by=names.user(approval.user_id) if approval else ""))
    return rows


def acceptance_rows(store, start: date, end: date, names: _Names | None = None) -> list[dict[str, Any]]:
    """Acceptance records (药品验收记录) made between ``start`` and ``end``."""
    names = names or _Names(store)
    rows = []
    for record in store.quality.acceptances(start=start, end=end):
        rows.append(_row(record, receipt=record.receipt_id, supplier=names.supplier(record.supplier_id),
                         approval_number=names.approval_number(record.product_id),
                         inspector=names.user(record.user_id)))
    return rows


def storage_rows(store, start: date, end: date, names: _Names | None = None) -> list[dict[str, Any]]:
    """Temperature and humidity readings (温湿度记录) of the local days ``start`` to ``end``."""
    names = names or _Names(store)
    return [_row(reading, recorded_by=names.user(reading.user_id))
            for reading in store.quality.readings(start=start, end=end)]


def storage_areas(store) -> list[dict[str, Any]]:
    """Every storage area, those no longer in use included (an old month's log still names them)."""
    return [dataclasses.asdict(area) for area in store.quality.areas(include_inactive=True)]


def maintenance_rows(store, start: date, end: date, names: _Names | None = None) -> list[dict[str, Any]]:
    """Maintenance checks (药品养护记录) of ``start`` to ``end`` with the product and batch details."""
    names = names or _Names(store)
    rows = []
    for check in store.quality.maintenance_checks(start=start, end=end):
        product = names.product(check.product_id)
        try:
            batch = store.stock.batch(check.batch_id)
        except NotFound:
            batch = {}
        rows.append(_row(check, specification=getattr(product, "specification", None),
                         manufacturer=getattr(product, "manufacturer", None), expiry=batch.get("expiry"),
                         quantity=batch.get("on_hand"), storage_condition=getattr(product, "storage_condition", None),
                         checked_by=names.user(check.user_id)))
    return rows


def quarantine_rows(store, start: date, end: date, names: _Names | None = None) -> list[dict[str, Any]]:
    """Quarantine records (不合格药品处理记录) held or closed within the period, or still held at its start."""
    names = names or _Names(store)
    rows = []
    for record in store.quality.quarantined(status=None):
        held, closed = as_date(record.at), as_date(record.closed_at)
        if held > end or (closed is not None and closed < start):
            continue
        witnesses = [names.user(w) for w in (record.witness1_id, record.witness2_id) if w is not None]
        rows.append(_row(record, held_by=names.user(record.user_id), closed_by=names.user(record.closed_by),
                         witnesses=witnesses))
    return rows


def near_expiry_rows(store, on: date, days: int | None = None) -> list[dict[str, Any]]:
    """The near-expiry report (近效期药品催销表) as of ``on``: batches in stock expiring within ``days`` (the
    store's window), soonest first, with their storage condition."""
    names = _Names(store)
    rows = []
    for month in store.quality.near_expiry_report(on=on, days=days):
        for batch in month.batches:
            product = names.product(batch.product_id)
            rows.append(_row(batch, storage_condition=getattr(product, "storage_condition", None)))
    return rows


def sales_record_rows(store, start: date, end: date, names: _Names | None = None) -> list[dict[str, Any]]:
    """The sales record (药品销售记录) of ``start`` to ``end``: every unit sold with its maker, batch and expiry,
    and who sold it (no member data)."""
    names = names or _Names(store)
    return [_row(line, sold_by=names.user(line.user_id)) for line in store.quality.sales_record(start, end)]


def quality_rows(store, start: date, end: date) -> dict[str, list[dict[str, Any]]]:
    """Every form's rows for the period, keyed by the kinds of :data:`pharmadesk.reports.quality_forms.KINDS`;
    the near-expiry report is taken as of the period's end (or today, when that is later than today)."""
    names = _Names(store)
    return {
        "supplier_approval": supplier_approval_rows(store, names),
        "product_approval": product_approval_rows(store, names),
        "acceptance": acceptance_rows(store, start, end, names),
        "storage_log": storage_rows(store, start, end, names),
        "maintenance": maintenance_rows(store, start, end, names),
        "quarantine": quarantine_rows(store, start, end, names),
        "near_expiry": near_expiry_rows(store, min(end, store.today())),
        "sales_record": sales_record_rows(store, start, end, names),
    }
