"""The GSP quality records as the paper forms an inspector expects (context ``QualityForms``): 首营企业审批表,
首营品种审批表, 药品验收记录, 温湿度记录表 (a month per page, morning and afternoon), 药品养护记录,
不合格药品处理记录, 近效期药品催销表 and 药品销售记录, each an A4 rich-text document printed or saved as PDF.

Every form takes plain rows (dicts or dataclasses with the keys its :data:`FORMS` columns name) and the period
it covers, and reads no store, so it is rendered and tested on its own. :func:`form_table` gives the same
rows as plain values for CSV and Excel.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from typing import Any, Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from pharmadesk.core.money import format_money
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.printing import save_pdf

CONTEXT = "QualityForms"
EXPIRY_WARNING_DAYS = 30     # a licence or a batch this close to its expiry is printed in red

TITLES = {
    "supplier_approval": QT_TRANSLATE_NOOP("QualityForms", "Supplier qualification record"),
    "product_approval": QT_TRANSLATE_NOOP("QualityForms", "First-product approval record"),
    "acceptance": QT_TRANSLATE_NOOP("QualityForms", "Acceptance record"),
    "storage_log": QT_TRANSLATE_NOOP("QualityForms", "Storage temperature and humidity log"),
    "maintenance": QT_TRANSLATE_NOOP("QualityForms", "Maintenance record"),
    "quarantine": QT_TRANSLATE_NOOP("QualityForms", "Quarantine and disposal record"),
    "near_expiry": QT_TRANSLATE_NOOP("QualityForms", "Near-expiry report"),
    "sales_record": QT_TRANSLATE_NOOP("QualityForms", "Sales record"),
}
DOCUMENT_KIND_LABELS = {
    "drug_trading_licence": QT_TRANSLATE_NOOP("QualityForms", "Drug trading licence"),
    "business_licence": QT_TRANSLATE_NOOP("QualityForms", "Business licence"),
    "gsp_certificate": QT_TRANSLATE_NOOP("QualityForms", "GSP certificate"),
    "sales_authorisation": QT_TRANSLATE_NOOP("QualityForms", "Sales representative authorisation"),
    "product_registration": QT_TRANSLATE_NOOP("QualityForms", "Drug registration certificate"),
}
CONCLUSION_LABELS = {
    "accepted": QT_TRANSLATE_NOOP("QualityForms", "accepted"),
    "refused": QT_TRANSLATE_NOOP("QualityForms", "refused"),
    "quarantine": QT_TRANSLATE_NOOP("QualityForms", "to quarantine"),
    "ok": QT_TRANSLATE_NOOP("QualityForms", "in order"),
    "bad": QT_TRANSLATE_NOOP("QualityForms", "defect found"),
}
QUARANTINE_STATUS_LABELS = {
    "held": QT_TRANSLATE_NOOP("QualityForms", "held in quarantine"),
    "destroyed": QT_TRANSLATE_NOOP("QualityForms", "destroyed"),
    "returned": QT_TRANSLATE_NOOP("QualityForms", "returned to supplier"),
    "released": QT_TRANSLATE_NOOP("QualityForms", "released to stock"),
}
STORAGE_LABELS = {
    "ambient": QT_TRANSLATE_NOOP("QualityForms", "ambient"),
    "cool": QT_TRANSLATE_NOOP("QualityForms", "cool"),
    "cold": QT_TRANSLATE_NOOP("QualityForms", "cold chain"),
}
SLOT_LABELS = {
    "am": QT_TRANSLATE_NOOP("QualityForms", "Morning"),
    "pm": QT_TRANSLATE_NOOP("QualityForms", "Afternoon"),
}

CSS = """
body { font-size: 8pt; color: #222222; }
h1 { font-size: 13pt; margin-bottom: 2px; }
h2 { font-size: 9pt; margin-top: 8px; margin-bottom: 2px; }
p.sub { color: #555555; margin-top: 0; }
th { background-color: #eef3f7; text-align: left; }
td.num, th.num { text-align: right; }
.warn { color: #b23a48; font-weight: bold; }
p.sign { margin-top: 14px; }
"""


def tr(text: str) -> str:
    """``text`` in the program's language (context ``QualityForms``)."""
    return QCoreApplication.translate(CONTEXT, text)


def code_label(labels: Mapping[str, str], code: Any) -> str:
    """The translated name of ``code``; an unknown code is shown as it is, never dropped."""
    if code is None or code == "":
        return ""
    return tr(labels[code]) if code in labels else str(code)


def value_of(row: Any, key: str) -> Any:
    """``row[key]`` for a mapping, ``row.key`` for an object (a domain dataclass); None when absent."""
    if isinstance(row, Mapping):
        return row.get(key)
    return getattr(row, key, None)


def as_date(value: Any) -> date | None:
    """A date from a date, a datetime (its local day) or an ISO string; None for nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return (value.astimezone() if value.tzinfo else value).date()
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) > 10:
        return as_date(datetime.fromisoformat(text))
    return date.fromisoformat(text)


def format_date(value: Any) -> str:
    day = as_date(value)
    return day.isoformat() if day else ""


def format_moment(value: Any) -> str:
    """A moment as the store's local time, ``2026-03-02 09:15``; a bare date as the date."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and len(value) > 10:
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return local.strftime("%Y-%m-%d %H:%M")
    return format_date(value)


def format_time(value: Any) -> str:
    """The local clock time of a moment, ``09:15``."""
    moment = format_moment(value)
    return moment[11:16] if len(moment) > 10 else ""


def format_number(value: Any, digits: int = 1) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{float(value):.{digits}f}"


def format_int(value: Any) -> str:
    return "" if value is None or value == "" else f"{int(value):,}"


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value if v)
    return "" if value is None else str(value)


def _money(value: Any) -> str:
    return "" if value is None or value == "" else format_money(int(value))


def _yes_no(value: Any) -> str:
    if value is None or value == "":
        return ""
    return QCoreApplication.translate("QualityForms", "yes") if value else QCoreApplication.translate("QualityForms", "no")


@dataclass(frozen=True)
class Column:
    """One column of a form: the row key it shows, its header (translated when printed), how a value is
    written, and whether it is a number (right-aligned)."""

    key: str
    header: str
    write: Callable[[Any], str] = _text
    numeric: bool = False


def _labelled(labels: Mapping[str, str]) -> Callable[[Any], str]:
    return lambda code: code_label(labels, code)


SUPPLIER_COLUMNS = [
    Column("supplier", QT_TRANSLATE_NOOP("QualityForms", "Supplier")),
    Column("document_kind", QT_TRANSLATE_NOOP("QualityForms", "Licence or certificate"), _labelled(DOCUMENT_KIND_LABELS)),
    Column("number", QT_TRANSLATE_NOOP("QualityForms", "Number")),
    Column("issuer", QT_TRANSLATE_NOOP("QualityForms", "Issued by")),
    Column("issued_on", QT_TRANSLATE_NOOP("QualityForms", "Issued on"), format_date),
    Column("expires_on", QT_TRANSLATE_NOOP("QualityForms", "Valid until"), format_date),
    Column("approved_on", QT_TRANSLATE_NOOP("QualityForms", "Approved on"), format_date),
    Column("approved_by", QT_TRANSLATE_NOOP("QualityForms", "Approved by")),
    Column("note", QT_TRANSLATE_NOOP("QualityForms", "Note")),
]
PRODUCT_COLUMNS = [
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("specification", QT_TRANSLATE_NOOP("QualityForms", "Specification")),
    Column("form", QT_TRANSLATE_NOOP("QualityForms", "Dosage form")),
    Column("manufacturer", QT_TRANSLATE_NOOP("QualityForms", "Manufacturer")),
    Column("approval_number", QT_TRANSLATE_NOOP("QualityForms", "Approval number")),
    Column("supplier", QT_TRANSLATE_NOOP("QualityForms", "Supplier")),
    Column("number", QT_TRANSLATE_NOOP("QualityForms", "Registration number")),
    Column("expires_on", QT_TRANSLATE_NOOP("QualityForms", "Valid until"), format_date),
    Column("approved_on", QT_TRANSLATE_NOOP("QualityForms", "Approved on"), format_date),
    Column("approved_by", QT_TRANSLATE_NOOP("QualityForms", "Approved by")),
]
ACCEPTANCE_COLUMNS = [
    Column("at", QT_TRANSLATE_NOOP("QualityForms", "Date"), format_date),
    Column("receipt", QT_TRANSLATE_NOOP("QualityForms", "Receipt")),
    Column("supplier", QT_TRANSLATE_NOOP("QualityForms", "Supplier")),
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("specification", QT_TRANSLATE_NOOP("QualityForms", "Specification")),
    Column("manufacturer", QT_TRANSLATE_NOOP("QualityForms", "Manufacturer")),
    Column("approval_number", QT_TRANSLATE_NOOP("QualityForms", "Approval number")),
    Column("batch_no", QT_TRANSLATE_NOOP("QualityForms", "Batch")),
    Column("expiry", QT_TRANSLATE_NOOP("QualityForms", "Expiry"), format_date),
    Column("quantity", QT_TRANSLATE_NOOP("QualityForms", "Quantity"), format_int, True),
    Column("quantity_checked", QT_TRANSLATE_NOOP("QualityForms", "Checked"), format_int, True),
    Column("appearance", QT_TRANSLATE_NOOP("QualityForms", "Appearance and packaging")),
    Column("arrival_temp_c", QT_TRANSLATE_NOOP("QualityForms", "Arrival °C"), format_number, True),
    Column("conclusion", QT_TRANSLATE_NOOP("QualityForms", "Conclusion"), _labelled(CONCLUSION_LABELS)),
    Column("inspector", QT_TRANSLATE_NOOP("QualityForms", "Inspector")),
]
STORAGE_COLUMNS = [     # the flat list of readings (CSV, Excel); the printed log is a month grid per area
    Column("area_name", QT_TRANSLATE_NOOP("QualityForms", "Storage area")),
    Column("on_date", QT_TRANSLATE_NOOP("QualityForms", "Date"), format_date),
    Column("slot", QT_TRANSLATE_NOOP("QualityForms", "Slot"), _labelled(SLOT_LABELS)),
    Column("taken_at", QT_TRANSLATE_NOOP("QualityForms", "Time"), format_time),
    Column("temperature", QT_TRANSLATE_NOOP("QualityForms", "Temperature °C"), format_number, True),
    Column("humidity", QT_TRANSLATE_NOOP("QualityForms", "Humidity %"), format_number, True),
    Column("in_range", QT_TRANSLATE_NOOP("QualityForms", "In range"), _yes_no),
    Column("corrective_action", QT_TRANSLATE_NOOP("QualityForms", "Corrective action")),
    Column("recorded_by", QT_TRANSLATE_NOOP("QualityForms", "Recorded by")),
]
MAINTENANCE_COLUMNS = [
    Column("on_date", QT_TRANSLATE_NOOP("QualityForms", "Date"), format_date),
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("specification", QT_TRANSLATE_NOOP("QualityForms", "Specification")),
    Column("manufacturer", QT_TRANSLATE_NOOP("QualityForms", "Manufacturer")),
    Column("batch_no", QT_TRANSLATE_NOOP("QualityForms", "Batch")),
    Column("expiry", QT_TRANSLATE_NOOP("QualityForms", "Expiry"), format_date),
    Column("quantity", QT_TRANSLATE_NOOP("QualityForms", "Quantity"), format_int, True),
    Column("storage_condition", QT_TRANSLATE_NOOP("QualityForms", "Storage"), _labelled(STORAGE_LABELS)),
    Column("appearance", QT_TRANSLATE_NOOP("QualityForms", "Appearance")),
    Column("packaging", QT_TRANSLATE_NOOP("QualityForms", "Packaging")),
    Column("conclusion", QT_TRANSLATE_NOOP("QualityForms", "Finding"), _labelled(CONCLUSION_LABELS)),
    Column("action", QT_TRANSLATE_NOOP("QualityForms", "Action taken")),
    Column("checked_by", QT_TRANSLATE_NOOP("QualityForms", "Checked by")),
]
QUARANTINE_COLUMNS = [
    Column("at", QT_TRANSLATE_NOOP("QualityForms", "Held on"), format_date),
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("batch_no", QT_TRANSLATE_NOOP("QualityForms", "Batch")),
    Column("expiry", QT_TRANSLATE_NOOP("QualityForms", "Expiry"), format_date),
    Column("quantity", QT_TRANSLATE_NOOP("QualityForms", "Quantity"), format_int, True),
    Column("reason", QT_TRANSLATE_NOOP("QualityForms", "Reason")),
    Column("held_by", QT_TRANSLATE_NOOP("QualityForms", "Held by")),
    Column("status", QT_TRANSLATE_NOOP("QualityForms", "Outcome"), _labelled(QUARANTINE_STATUS_LABELS)),
    Column("closed_at", QT_TRANSLATE_NOOP("QualityForms", "Closed on"), format_date),
    Column("closed_by", QT_TRANSLATE_NOOP("QualityForms", "Closed by")),
    Column("witnesses", QT_TRANSLATE_NOOP("QualityForms", "Witnesses")),
    Column("closing_note", QT_TRANSLATE_NOOP("QualityForms", "Note")),
]
NEAR_EXPIRY_COLUMNS = [
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("specification", QT_TRANSLATE_NOOP("QualityForms", "Specification")),
    Column("manufacturer", QT_TRANSLATE_NOOP("QualityForms", "Manufacturer")),
    Column("batch_no", QT_TRANSLATE_NOOP("QualityForms", "Batch")),
    Column("expiry", QT_TRANSLATE_NOOP("QualityForms", "Expiry"), format_date),
    Column("days_left", QT_TRANSLATE_NOOP("QualityForms", "Days left"), format_int, True),
    Column("quantity", QT_TRANSLATE_NOOP("QualityForms", "Quantity"), format_int, True),
    Column("cost_value", QT_TRANSLATE_NOOP("QualityForms", "Value at cost"), _money, True),
    Column("storage_condition", QT_TRANSLATE_NOOP("QualityForms", "Storage"), _labelled(STORAGE_LABELS)),
    Column("action", QT_TRANSLATE_NOOP("QualityForms", "Action")),
]


SALES_COLUMNS = [
    Column("sold_at", QT_TRANSLATE_NOOP("QualityForms", "Sold at"), format_moment),
    Column("receipt_no", QT_TRANSLATE_NOOP("QualityForms", "Receipt")),
    Column("product_name", QT_TRANSLATE_NOOP("QualityForms", "Product")),
    Column("generic_name", QT_TRANSLATE_NOOP("QualityForms", "Generic name")),
    Column("specification", QT_TRANSLATE_NOOP("QualityForms", "Specification")),
    Column("form", QT_TRANSLATE_NOOP("QualityForms", "Dosage form")),
    Column("manufacturer", QT_TRANSLATE_NOOP("QualityForms", "Manufacturer")),
    Column("approval_number", QT_TRANSLATE_NOOP("QualityForms", "Approval number")),
    Column("batch_no", QT_TRANSLATE_NOOP("QualityForms", "Batch")),
    Column("expiry", QT_TRANSLATE_NOOP("QualityForms", "Expiry"), format_date),
    Column("quantity", QT_TRANSLATE_NOOP("QualityForms", "Quantity"), format_int, True),
    Column("unit_price", QT_TRANSLATE_NOOP("QualityForms", "Unit price"), _money, True),
    Column("sold_by", QT_TRANSLATE_NOOP("QualityForms", "Sold by")),
]


def _expiring(key: str) -> Callable[[Any, date], set[str]]:
    """Flags ``key`` when that date is past or within :data:`EXPIRY_WARNING_DAYS` of ``as_of``."""
    def flag(row: Any, as_of: date) -> set[str]:
        day = as_date(value_of(row, key))
        return {key} if day is not None and day <= as_of + timedelta(days=EXPIRY_WARNING_DAYS) else set()
    return flag


def _bad_conclusion(row: Any, as_of: date) -> set[str]:
    return {"conclusion"} if value_of(row, "conclusion") in ("refused", "quarantine", "bad") else set()


def _near_expiry(row: Any, as_of: date) -> set[str]:
    days = value_of(row, "days_left")
    return {"expiry", "days_left"} if days is not None and int(days) <= EXPIRY_WARNING_DAYS else set()


def _out_of_range(row: Any, as_of: date) -> set[str]:
    return {"temperature", "humidity", "in_range"} if value_of(row, "in_range") in (0, False) else set()


@dataclass(frozen=True)
class FormSpec:
    """One kind of record: its title, its columns, what is printed in red, and the paper's orientation."""

    kind: str
    columns: list[Column]
    flag: Callable[[Any, date], set[str]] = lambda row, as_of: set()
    landscape: bool = True
    signature: str = QT_TRANSLATE_NOOP("QualityForms", "Quality manager")

    @property
    def title(self) -> str:
        return tr(TITLES[self.kind])


FORMS: dict[str, FormSpec] = {
    "supplier_approval": FormSpec("supplier_approval", SUPPLIER_COLUMNS, _expiring("expires_on")),
    "product_approval": FormSpec("product_approval", PRODUCT_COLUMNS, _expiring("expires_on")),
    "acceptance": FormSpec("acceptance", ACCEPTANCE_COLUMNS, _bad_conclusion,
                           signature=QT_TRANSLATE_NOOP("QualityForms", "Acceptance inspector")),
    "storage_log": FormSpec("storage_log", STORAGE_COLUMNS, _out_of_range, landscape=False),  # a month a page
    "maintenance": FormSpec("maintenance", MAINTENANCE_COLUMNS, _bad_conclusion,
                            signature=QT_TRANSLATE_NOOP("QualityForms", "Maintenance staff")),
    "quarantine": FormSpec("quarantine", QUARANTINE_COLUMNS),
    "near_expiry": FormSpec("near_expiry", NEAR_EXPIRY_COLUMNS, _near_expiry, landscape=False),
    "sales_record": FormSpec("sales_record", SALES_COLUMNS,
                             signature=QT_TRANSLATE_NOOP("QualityForms", "Pharmacist")),
}
KINDS = tuple(FORMS)       # the order an inspector's bundle follows


def form_title(kind: str) -> str:
    """The translated title of a form, e.g. "Acceptance record" / 药品验收记录."""
    return FORMS[kind].title


def period_text(start: date, end: date) -> str:
    """"Period: 2026-03-01 – 2026-03-31" (``end`` included)."""
    text = QCoreApplication.translate("QualityForms", "Period: %1 – %2")
    return text.replace("%1", start.isoformat()).replace("%2", end.isoformat())


def form_table(kind: str, rows: Iterable[Any]) -> tuple[str, list[str], list[list[str]]]:
    """The form's title, translated headers and its rows as written on paper: what CSV and Excel carry."""
    spec = FORMS[kind]
    return (spec.title, [tr(c.header) for c in spec.columns],
            [[c.write(value_of(row, c.key)) for c in spec.columns] for row in rows])


def _header(spec: FormSpec, start: date, end: date, store_name: str, printed: str) -> str:
    heading = f"{escape(store_name)} – {escape(spec.title)}" if store_name else escape(spec.title)
    sub = escape(period_text(start, end)) + (f" · {escape(printed)}" if printed else "")
    return f'<h1>{heading}</h1><p class="sub">{sub}</p>'


def _signature(spec: FormSpec) -> str:
    who, when = escape(tr(spec.signature)), escape(QCoreApplication.translate("QualityForms", "Date"))
    return f'<p class="sign">{who}: ________________ &nbsp;&nbsp; {when}: ____________</p>'


def _grid(spec: FormSpec, rows: list[Any], as_of: date) -> str:
    def align(column: Column) -> str:
        return ' class="num"' if column.numeric else ""

    headers = [escape(tr(c.header)) for c in spec.columns]
    head = "".join(f"<th{align(c)}>{header}</th>" for c, header in zip(spec.columns, headers))
    body = []
    for row in rows:
        flagged = spec.flag(row, as_of)
        cells = []
        for c in spec.columns:
            text = escape(c.write(value_of(row, c.key)))
            if c.key in flagged and text:
                text = f'<span class="warn">{text}</span>'
            cells.append(f"<td{align(c)}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        none = escape(QCoreApplication.translate("QualityForms", "No records in this period."))
        body.append(f'<tr><td colspan="{len(spec.columns)}">{none}</td></tr>')
    return ('<table width="100%" border="1" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def form_html(kind: str, rows: Iterable[Any], start: date, end: date, store_name: str = "", printed: str = "",
              areas: Iterable[Any] = ()) -> str:
    """The page(s) of a form for :class:`QTextDocument`. ``storage_log`` prints a month grid per area (the
    areas of ``areas``, then any other area a reading names)."""
    spec, rows = FORMS[kind], list(rows)
    if kind == "storage_log":
        body = _storage_pages(rows, start, end, store_name, printed, list(areas))
    else:
        body = _header(spec, start, end, store_name, printed) + _grid(spec, rows, end) + _signature(spec)
    return f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"


# -- the temperature and humidity log: a page per area and month, a line per day, morning and afternoon -------

def _months(start: date, end: date) -> list[tuple[int, int]]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _area_line(area: Any) -> str:
    name = _text(value_of(area, "name"))
    parts = [QCoreApplication.translate("QualityForms", "Storage area: %1").replace("%1", name)]
    condition = value_of(area, "condition")
    if condition:
        parts.append(code_label(STORAGE_LABELS, condition))
    t_min, t_max = value_of(area, "temp_min"), value_of(area, "temp_max")
    if t_min is not None and t_max is not None:
        text = QCoreApplication.translate("QualityForms", "allowed %1–%2 °C")
        parts.append(text.replace("%1", format_number(t_min)).replace("%2", format_number(t_max)))
    h_min, h_max = value_of(area, "humidity_min"), value_of(area, "humidity_max")
    if h_min is not None and h_max is not None:
        text = QCoreApplication.translate("QualityForms", "humidity %1–%2 %")
        parts.append(text.replace("%1", format_number(h_min, 0)).replace("%2", format_number(h_max, 0)))
    return " · ".join(parts)


def storage_month_rows(readings: Iterable[Any], area: str, year: int, month: int, start: date,
                       end: date) -> list[dict[str, Any]]:
    """One line per day of ``year``-``month`` within [start, end] for ``area``: ``day`` and the ``am`` and
    ``pm`` readings (None when nobody took one: a gap the inspector must see)."""
    first = max(date(year, month, 1), start)
    last = min(date(year, month, calendar.monthrange(year, month)[1]), end)
    by_day: dict[tuple[date, str], Any] = {}
    for reading in readings:
        if _text(value_of(reading, "area_name")) == area:
            by_day[(as_date(value_of(reading, "on_date")), value_of(reading, "slot"))] = reading
    lines, day = [], first
    while day <= last:
        lines.append({"day": day, "am": by_day.get((day, "am")), "pm": by_day.get((day, "pm"))})
        day += timedelta(days=1)
    return lines


def _outside(value: Any, low: Any, high: Any, fallback: bool) -> bool:
    """Whether a measurement is outside [low, high]; without the area's limits, the reading's own verdict."""
    if value is None or low is None or high is None:
        return fallback
    return not (float(low) <= float(value) <= float(high))


def _slot_cells(reading: Any, area: Any) -> str:
    if reading is None:
        return "<td></td>" * 4
    failed = value_of(reading, "in_range") in (0, False)
    temperature, humidity = value_of(reading, "temperature"), value_of(reading, "humidity")

    def cell(text: str, numeric: bool = False, warn: bool = False) -> str:
        text = escape(text)
        if warn and text:
            text = f'<span class="warn">{text}</span>'
        return f'<td class="num">{text}</td>' if numeric else f"<td>{text}</td>"

    return (cell(format_time(value_of(reading, "taken_at")))
            + cell(format_number(temperature), True,
                   failed and _outside(temperature, value_of(area, "temp_min"), value_of(area, "temp_max"), True))
            + cell(format_number(humidity, 0), True,
                   failed and _outside(humidity, value_of(area, "humidity_min"), value_of(area, "humidity_max"), True))
            + cell(_text(value_of(reading, "recorded_by"))))


def _storage_pages(readings: list[Any], start: date, end: date, store_name: str, printed: str,
                   areas: list[Any]) -> str:
    spec = FORMS["storage_log"]
    known = [_text(value_of(a, "name")) for a in areas]
    extra = sorted({_text(value_of(r, "area_name")) for r in readings} - set(known))
    all_areas = areas + [{"name": name} for name in extra]
    time_h = escape(QCoreApplication.translate("QualityForms", "Time"))
    temp_h = escape(QCoreApplication.translate("QualityForms", "°C"))
    rh_h = escape(QCoreApplication.translate("QualityForms", "% RH"))
    who_h = escape(QCoreApplication.translate("QualityForms", "Recorded by"))
    day_h = escape(QCoreApplication.translate("QualityForms", "Day"))
    action_h = escape(QCoreApplication.translate("QualityForms", "Corrective action"))
    am_h, pm_h = escape(tr(SLOT_LABELS["am"])), escape(tr(SLOT_LABELS["pm"]))
    slot_head = f'<th>{time_h}</th><th class="num">{temp_h}</th><th class="num">{rh_h}</th><th>{who_h}</th>'
    pages = []
    for area in all_areas:
        name = _text(value_of(area, "name"))
        for year, month in _months(start, end):
            body = []
            for line in storage_month_rows(readings, name, year, month, start, end):
                actions = [_text(value_of(r, "corrective_action")) for r in (line["am"], line["pm"])
                           if r is not None and value_of(r, "corrective_action")]
                body.append(f"<tr><td>{line['day'].day}</td>{_slot_cells(line['am'], area)}{_slot_cells(line['pm'], area)}"
                            f"<td>{escape('; '.join(actions))}</td></tr>")
            month_text = QCoreApplication.translate("QualityForms", "Month: %1")
            month_text = month_text.replace("%1", f"{year:04d}-{month:02d}")
            page_break = ' style="page-break-before: always"' if pages else ""
            pages.append(
                f"<div{page_break}>{_header(spec, start, end, store_name, printed)}"
                f"<h2>{escape(_area_line(area))} · {escape(month_text)}</h2>"
                '<table width="100%" border="1" cellspacing="0" cellpadding="2">'
                f'<thead><tr><th rowspan="2">{day_h}</th><th colspan="4">{am_h}</th><th colspan="4">{pm_h}</th>'
                f'<th rowspan="2">{action_h}</th></tr><tr>{slot_head}{slot_head}</tr></thead>'
                f"{''.join(body)}</table>{_signature(spec)}</div>")
    if not pages:
        none = escape(QCoreApplication.translate("QualityForms", "No records in this period."))
        pages.append(_header(spec, start, end, store_name, printed) + f"<p>{none}</p>")
    return "".join(pages)


# -- documents and files ------------------------------------------------------------------------------------

def form_document(kind: str, rows: Iterable[Any], start: date, end: date, store_name: str = "", printed: str = "",
                  areas: Iterable[Any] = ()) -> QTextDocument:
    """The form ready to print: its page size and orientation are set by :func:`save_form_pdf` / the printer."""
    document = QTextDocument()
    document.setHtml(form_html(kind, rows, start, end, store_name, printed, areas))
    return document


def save_form_pdf(kind: str, rows: Iterable[Any], start: date, end: date, path, store_name: str = "",
                  printed: str = "", areas: Iterable[Any] = ()):
    """Write the form as an A4 PDF at ``path`` (landscape for the wide forms); returns ``path``."""
    document = form_document(kind, rows, start, end, store_name, printed, areas)
    save_pdf(document, path, form_title(kind), landscape=FORMS[kind].landscape)
    return path


def as_rows(records: Iterable[Any]) -> list[dict[str, Any]]:
    """Domain dataclasses (or dicts) as plain dicts, the shape the forms and the exports read."""
    return [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
