"""CSV import of products, members and sales history: ``pharmadesk import products|members|sales FILE.csv``.

    report = store.imports.csv("members", "members.csv")                     # all or nothing
    report = store.imports.csv("members", "members.csv", skip_invalid=True)  # good rows only

Rules every import follows:

- Only the owner may import (:attr:`Action.IMPORT_DATA`).
- The file is UTF-8 (with or without BOM) or UTF-16 with BOM; another encoding (GB18030 from Chinese
  Excel, cp1252, ...) is detected only when the guess is safe, else ``encoding=`` must say it
  (io/csv_source.py). The delimiter (comma, semicolon or tab) is read from the header line. Header names are
  case-insensitive and a few aliases are accepted (``ean`` for ``barcode``, ``mobile`` for
  ``phone``, ...); unknown columns are ignored. Excel's ``="0123"`` text wrapper is unwrapped.
- Products take every field of the product master under its English or Chinese name (``approval_number`` /
  ``批准文号``, ``specification`` / ``规格``, ``otc_class`` / ``OTC类别`` with 甲类/乙类/A/B, ``storage_condition`` /
  ``储存条件`` with 常温/阴凉/冷藏 or ambient/cool/cold, ``含麻黄碱`` yes/no, ``拆零数量``, ``拆零单位``, ``拆零单价`` in
  currency units like the price); see ``_COLUMNS`` and :mod:`pharmadesk.io.master_words`. Under the China GSP
  profile the catalogue refuses a medicine without its approval number, and that row is reported.
- Every bad row is reported as a :class:`RowError` with its physical line number (the
  header is line 1) and column. Messages say what is wrong, never what the cell held, so a
  report can be shown or logged without personal data.
- The file is read as a stream, row by row. Every error is written to ``NAME.errors.csv`` as it is
  found (the report keeps the first 1,000); at ``max_errors`` errors (default 1,000) the import stops
  and nothing is imported. Sales history alone keeps its checked rows in memory until it writes them,
  because rows of one receipt are grouped across the file.
- Nothing is written unless the whole file is clean, or ``skip_invalid`` asks to import the
  good rows. Either way the import is one transaction: an error, a crash or a ``progress``
  callback that raises (how the UI cancels) leaves the database exactly as it was.
- Products and members go through the catalogue's and the members' own use cases (each row
  a savepoint), so the domain's rules, price history and audit entries apply. Sales history
  is checked in memory and written in bulk (50,000 rows in seconds): it is marked
  ``source = 'import'``, gets receipt numbers ``H00000001``..., moves no stock, earns no
  points and is paid by one cash payment of its total.
- Each import writes one ``import.<kind>`` audit entry with its counts and the file's SHA-256.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from pharmadesk.core.catalog import whole_number
from pharmadesk.db.connection import IntegrityError
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.core.members import Members, normalize_phone
from pharmadesk.core.money import parse_money, vat_included
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso
from pharmadesk.io.csv_source import PREVIEW_ROWS, CsvPreview, CsvSource, FileProblem, RowError, preview
from pharmadesk.io import master_words
from pharmadesk.io.import_errors import ErrorSink, LineSet, errors_file_for, remove_stale

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

KINDS = ("products", "members", "sales")
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELL_CHARS = 1000
MAX_QUANTITY = 100_000
MAX_PRICE = 100_000_000          # 1,000,000 in major units
PROGRESS_EVERY = 500
DEFAULT_MAX_ERRORS = 1000       # a file with more errors than this is not worth reading to the end
REPORTED_ERRORS = 1000          # errors kept in the report; every error is in the errors file
EARLIEST_SALE = date(1980, 1, 1)

# canonical column -> accepted header spellings (after lower-casing, spaces and dashes to "_")
_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "products": {
        "barcode": ("ean", "ean13", "gtin", "upc", "code", "product_code", "条码", "条形码"),
        "name": ("product_name", "brand_name", "brand", "名称", "商品名称", "品名"),
        "generic_name": ("generic", "inn", "通用名"),
        "strength": (),
        "form": ("dosage_form", "剂型"),
        "atc_code": ("atc",),
        "category": ("类别", "分类", "商品分类"),
        "legal_class": ("legal", "class", "schedule", "处方分类", "处方类别"),
        "pack_size": ("pack", "units_per_pack"),
        "price": ("sale_price", "retail_price", "售价", "零售价"),
        "vat_rate": ("vat", "vat_percent", "vat_rate_percent", "tax_rate", "税率"),
        "days_supply": ("days_of_supply",),
        "supplier": ("supplier_name", "供应商"),
        "supplier_lead_time_days": ("lead_time_days", "lead_time", "supplier_lead_time", "到货天数"),
        "supplier_review_days": ("review_days", "review_period", "supplier_review_period", "订货周期"),
        "supplier_min_order_value": ("min_order_value", "supplier_minimum_order", "起订金额"),
        "manufacturer": ("maker", "producer", "brand_owner", "生产厂家", "生产企业", "厂家"),
        "order_multiple": ("pack_multiple", "case_size"),
        "min_order_qty": ("moq", "min_order", "minimum_order_qty"),
        # the master a Chinese pharmacy keeps (core.catalog.Product; master_words reads the codes)
        "authorisation_holder": ("authorization_holder", "marketing_authorisation_holder",
                                 "marketing_authorization_holder", "mah", "上市许可持有人", "持有人"),
        "approval_number": ("approval_no", "approval", "registration_number", "registration_no", "批准文号",
                            "注册证号", "批准文号/注册证号", "注册证号/备案号"),
        "specification": ("spec", "package_specification", "规格", "包装规格"),
        "otc_class": ("otc", "otc_category", "otc_type", "otc类别", "otc分类", "甲乙类"),
        "storage_condition": ("storage", "storage_conditions", "储存条件", "贮藏", "存储条件", "储藏条件"),
        "insurance_code": ("medical_insurance_code", "national_insurance_code", "nhsa_code", "医保编码", "医保代码",
                           "国家医保编码"),
        "contains_ephedrine": ("ephedrine", "含麻黄碱", "含麻", "含麻黄碱类"),
        "split_units": ("units_per_split_pack", "split_pack_units", "units_per_split", "拆零数量", "拆零系数",
                        "拆零比例"),
        "split_unit_name": ("split_unit", "拆零单位"),
        "split_unit_price": ("split_price", "拆零单价", "拆零价", "拆零售价"),
    },
    "members": {
        "name": ("member_name", "full_name", "姓名"),
        "phone": ("mobile", "mobile_phone", "cell", "tel", "telephone", "phone_number", "手机", "手机号", "电话"),
        "birth_date": ("birthdate", "date_of_birth", "dob", "birthday", "出生日期", "生日"),
        "sex": ("gender", "性别"),
        "card_no": ("card", "card_number", "member_card", "会员卡号", "卡号"),
        "care_consent": ("consent_care",),
        "marketing_consent": ("consent_marketing",),
        "conditions": ("chronic_conditions", "慢病"),
        "allergies": ("allergy", "过敏"),
    },
    "sales": {
        "date": ("datetime", "date_time", "time", "sold_at", "sale_date", "日期", "销售日期", "时间"),
        "barcode": ("product_code", "code", "ean", "product", "条码"),
        "quantity": ("qty", "数量"),
        "unit_price": ("price", "单价"),
        "card_no": ("member_card", "card", "member", "card_number", "会员卡号", "卡号"),
        "receipt": ("receipt_no", "receipt_id", "receipt_number", "ticket", "ticket_no", "小票号", "单号"),
        "unit_cost": ("cost",),
    },
}
_REQUIRED = {
    "products": ("barcode", "name", "category", "legal_class", "price"),
    "members": ("name", "phone"),
    "sales": ("date", "barcode", "quantity", "unit_price"),
}

_SEXES = {"f": "F", "female": "F", "w": "F", "woman": "F", "女": "F", "女性": "F",
          "m": "M", "male": "M", "man": "M", "男": "M", "男性": "M",
          "x": "X", "other": "X", "diverse": "X", "其他": "X"}
_UNKNOWN = {"u", "unknown", "未知"}
_YES = {"yes", "y", "1", "true", "t", "是", "同意"}
_NO = {"no", "n", "0", "false", "f", "否", "不同意"}
_LEGAL_ALIASES = {"rx_only": "rx", "prescription": "rx", "pom": "rx", "cd": "controlled"}
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
                   r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")
_AMOUNT = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_INTEGRAL_FLOAT = re.compile(r"^\d+\.0+$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_CARD = re.compile(r"^[A-Za-z0-9-]{1,32}$")


@dataclass(frozen=True)
class ImportReport:
    kind: str
    total_rows: int           # data rows in the file (blank lines not counted)
    imported: int             # rows written (0 unless applied)
    skipped: int              # rows left out because of errors, when applied with skip_invalid
    errors: list[RowError]    # the first REPORTED_ERRORS errors, by line; all of them are in ``errors_file``
    applied: bool             # False: the database was not changed at all
    error_count: int = 0      # every error found, also those only in the errors file
    errors_file: str | None = None      # the CSV holding every error (line, column, problem), when any
    stopped: bool = False     # True: the import stopped at ``max_errors`` errors, nothing imported
    encoding: str | None = field(default=None, compare=False)   # how the file was read ('gb18030', ...)


def _text(template: str, **params) -> str:
    return template.format(**params) if params else template


class _Rollback(Exception):
    """Raised inside the import transaction to undo it when rows had errors."""


class _TooManyErrors(Exception):
    """Raised at the ``max_errors``-th error: the import stops and undoes itself."""


# -- reading the file ---------------------------------------------------------------------------------

def _norm_header(name: str) -> str:
    name = name.replace("\ufeff", "").strip().strip('"').strip().lower()
    return re.sub(r"[\s\-.]+", "_", name).strip("_*")


def _clean_cell(value: str) -> str:
    value = value.strip()
    if value.startswith('="') and value.endswith('"') and len(value) >= 3:
        value = value[2:-1].strip()         # Excel's way to keep leading zeros: ="0123"
    return value


@dataclass
class _Table:
    columns: dict[str, int]                 # canonical name -> position
    labels: dict[str, str]                  # canonical name -> header as written
    rows: Iterator[tuple[int, list[str]]]   # (line, cells), read from the file as they are used
    width: int                              # fields in the header line


def _read_table(source: CsvSource, kind: str) -> _Table:
    """The header of ``source`` understood as ``kind``'s columns; the data rows are left in the stream."""
    rows = source.rows()
    header_line, header = next(rows, (1, None))
    if header is None:
        raise FileProblem(1, QT_TRANSLATE_NOOP("import", "The file is empty."))
    aliases = {}
    for canonical, spellings in _COLUMNS[kind].items():
        for spelling in (canonical, *spellings):
            aliases[spelling] = canonical
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for position, raw in enumerate(header or []):
        canonical = aliases.get(_norm_header(raw))
        if canonical is None:
            continue                        # unknown columns are ignored
        if canonical in columns:
            raise FileProblem(header_line, _text(QT_TRANSLATE_NOOP(
                "import", "Two columns mean {column}; keep one."), column=canonical), raw.strip())
        columns[canonical] = position
        labels[canonical] = raw.strip()
    missing = [name for name in _REQUIRED[kind] if name not in columns]
    if missing:
        raise FileProblem(header_line, _text(QT_TRANSLATE_NOOP(
            "import", "Required column(s) missing: {columns}. The first line must name the columns."),
            columns=", ".join(missing)))
    return _Table(columns, labels, rows, len(header))


# -- parsing cells ----------------------------------------------------------------------------------------

def _amount(value: str, field_name: str, maximum: int = MAX_PRICE) -> int:
    """'12.50', '12,50', '1,250.00', '1.250,00', '¥12.5' -> minor units."""
    text = value.lstrip("¥￥$€£").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+,\d{1,2}", text):
        text = text.replace(".", "").replace(",", ".")
    if not _AMOUNT.match(text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter an amount such as 12.50."), field=field_name)
    minor = parse_money(text, field_name)
    if minor > maximum:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: the amount is too large."), field=field_name)
    return minor


def _whole(value: str, field_name: str, low: int, high: int) -> int:
    return whole_number(value.split(".")[0] if _INTEGRAL_FLOAT.match(value) else value, field_name, low, high)


def _percent_bp(value: str, field_name: str) -> int:
    try:
        percent = Decimal(value.rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        percent = Decimal(-1)
    if not percent.is_finite():         # 'NaN', 'Infinity', and 'sNaN', which raises in arithmetic
        percent = Decimal(-1)
    bp = percent * 100
    if not percent.is_finite() or bp != bp.to_integral_value() or not 0 <= bp <= 10000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a percentage from 0 to 100, e.g. 13."),
                              field=field_name)
    return int(bp)


def _code(value: str) -> str:
    if _SCIENTIFIC.match(value):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The code was turned into a number like 4.0E+12 by the spreadsheet; format that column as text."))
    return value.split(".")[0] if _INTEGRAL_FLOAT.match(value) else value


def _date_parts(value: str, field_name: str) -> tuple[date, time | None]:
    match = _DATE.match(value)
    try:
        if match:
            day = date(int(match[1]), int(match[2]), int(match[3]))
            if match[4] is None:
                return day, None
            return day, time(int(match[4]), int(match[5]), int(match[6] or 0))
    except ValueError:
        pass
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a date as YYYY-MM-DD."), field=field_name)


def _yes_no(value: str, field_name: str) -> bool:
    lowered = value.lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter yes or no."), field=field_name)


# -- one run ------------------------------------------------------------------------------------------------

@dataclass
class _Run:
    store: "Store"
    kind: str
    table: _Table
    skip_invalid: bool
    progress: Callable[[float, str], None] | None
    digest: str
    estimated_rows: int
    encoding: str
    errors_path: Path
    max_errors: int | None
    errors: list[RowError] = field(default_factory=list)
    bad_lines: LineSet = field(default_factory=LineSet)
    error_count: int = 0
    rows_read: int = 0
    stopped_at: int | None = None
    errors_dir_given: bool = False
    _sink: ErrorSink | None = None

    def error(self, line: int, column: str | None, message: str) -> None:
        """Record an error: the first REPORTED_ERRORS in the report, every one in the errors file; the
        ``max_errors``-th stops the import."""
        label = self.table.labels.get(column, column) if column else None
        error = RowError(line, label, message)
        self.error_count += 1
        self.bad_lines.add(line)
        if len(self.errors) < REPORTED_ERRORS:
            self.errors.append(error)
        self.sink().write(error)
        if self.max_errors is not None and self.error_count >= self.max_errors:
            self.stopped_at = line
            raise _TooManyErrors

    def fatal(self, error: RowError) -> None:
        """Record the problem that stopped the reading (beyond any limit)."""
        self.error_count += 1
        self.errors.append(error)
        self.sink().write(error)

    def sink(self) -> ErrorSink:
        """The errors file, opened at the first error (beside the file, else in the temporary folder)."""
        if self._sink is None:
            self._sink = ErrorSink(self.errors_path, fall_back=not self.errors_dir_given)
            self.errors_path = self._sink.path
        return self._sink

    def close(self) -> None:
        if self._sink is not None:
            self._sink.close()

    def data_rows(self) -> Iterator[tuple[int, list[str]]]:
        """The data rows, counted as they are read."""
        for row in self.table.rows:
            self.rows_read += 1
            yield row

    def cells(self, cells: list[str], line: int) -> dict[str, str]:
        """The row's known columns, cleaned; records an error for extra fields or too-long cells
        (a too-long cell is left out of the result, so it is reported only once)."""
        if len(cells) > self.table.width and any(cell.strip() for cell in cells[self.table.width:]):
            self.error(line, None, QT_TRANSLATE_NOOP(
                "import", "This line has more fields than the header: is a delimiter inside an unquoted value?"))
        values = {}
        for name, position in self.table.columns.items():
            value = _clean_cell(cells[position]) if position < len(cells) else ""
            if len(value) > MAX_CELL_CHARS:
                self.error(line, name, _text(QT_TRANSLATE_NOOP(
                    "import", "The value is too long (more than {n} characters)."), n=MAX_CELL_CHARS))
                continue                    # reported; the row's parser treats the column as absent
            values[name] = value
        return values

    def tick(self, done: int, start: float = 0.0, span: float = 1.0, what: str = "Importing") -> None:
        if self.progress is not None and done % PROGRESS_EVERY == 0:
            total = max(1, self.estimated_rows, done)
            self.progress(start + span * done / total, f"{what}: row {done:,} of {total:,}")

    def report(self, imported: int, applied: bool) -> ImportReport:
        self.close()
        self.errors.sort(key=lambda e: e.line)
        log.info("import %s %s: %d row(s) in the file, %d imported, %d with errors%s", self.kind,
                 "applied" if applied else "not applied", self.rows_read, imported if applied else 0,
                 len(self.bad_lines), f"; stopped at {self.error_count} errors" if self.stopped_at else "")
        return ImportReport(self.kind, self.rows_read, imported if applied else 0,
                            len(self.bad_lines) if applied else 0, self.errors, applied, self.error_count,
                            str(self.errors_path) if self.error_count else None, self.stopped_at is not None,
                            self.encoding)

    def audit(self, imported: int, **details) -> None:
        self.store.audit.record(f"import.{self.kind}", "import", None, rows=imported, skipped=len(self.bad_lines),
                                file_sha256=self.digest, **details)


class Imports:
    """CSV imports as use cases: ``store.imports``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def preview(self, path: str | Path, encoding: str | None = None, rows: int = PREVIEW_ROWS) -> CsvPreview:
        """The header and first rows of ``path`` as the import would read them (encoding chosen or detected),
        so the owner sees 'Crème' or 'Cr鑝e' before importing. Reads the first megabyte only."""
        self._store.require(Action.IMPORT_DATA)
        try:
            return preview(path, encoding, rows)
        except OSError:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "import", "The file cannot be read; check its name and location.")) from None

    def csv(self, kind: str, path: str | Path, *, skip_invalid: bool = False,
            progress: Callable[[float, str], None] | None = None, encoding: str | None = None,
            max_errors: int | None = DEFAULT_MAX_ERRORS, errors_dir: str | Path | None = None) -> ImportReport:
        """Import ``path`` as ``kind`` ('products', 'members' or 'sales'); see the module docstring.

        ``encoding`` overrides the detection (needed when it cannot tell). Every error goes to
        ``NAME.errors.csv`` beside the file (or in ``errors_dir``); at ``max_errors`` errors (None: no limit)
        the import stops and imports nothing. ``progress(fraction, message)`` is called every 500 rows;
        raising from it cancels the import and leaves the database untouched.
        """
        store = self._store
        store.require(Action.IMPORT_DATA)
        kind = (kind or "").strip().lower()
        if kind not in KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("import", "Import products, members or sales."))
        if max_errors is not None and max_errors < 1:
            raise ValidationError(QT_TRANSLATE_NOOP("import", "The error limit must be at least 1."))
        path = Path(path)
        if errors_dir is not None and not Path(errors_dir).is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("import", "The folder for the errors file does not exist."))
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValidationError(QT_TRANSLATE_NOOP("import", "The file is larger than 200 MB; split it."))
            source = CsvSource(path, encoding)
            if progress is not None:
                progress(0.0, "Reading the file")
            digest, estimated_rows = source.scan()
            errors_path = errors_file_for(path, errors_dir)
            remove_stale(errors_path)
        except OSError:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "import", "The file cannot be read; check its name and location.")) from None
        except FileProblem as problem:
            log.info("import %s not applied: the file cannot be read (line %d)", kind, problem.error.line)
            return ImportReport(kind, 0, 0, 0, [problem.error], False, 1, None, False, None)
        run = None
        with source:
            try:
                table = _read_table(source, kind)
                run = _Run(store, kind, table, skip_invalid, progress, digest, estimated_rows, source.encoding,
                           errors_path, max_errors, errors_dir_given=errors_dir is not None)
                return {"products": _import_products, "members": _import_members, "sales": _import_sales}[kind](run)
            except _TooManyErrors:
                return run.report(0, applied=False)
            except FileProblem as problem:
                log.info("import %s not applied: the file cannot be read (line %d)", kind, problem.error.line)
                if run is None:
                    return ImportReport(kind, 0, 0, 0, [problem.error], False, 1, None, False, source.encoding)
                run.fatal(problem.error)
                return run.report(0, applied=False)
            finally:
                if run is not None:
                    run.close()


_CONFLICT = QT_TRANSLATE_NOOP("import", "This row conflicts with data already in the store (a number that must be "
                                        "unique is already used).")


def _write_row(run: _Run, line: int, write: Callable[[], None]) -> bool:
    """Run one row's use cases in a savepoint; a rule they break becomes this row's error."""
    try:
        with run.store.db.transaction():
            write()
        return True
    except (ValidationError, NotFound) as exc:
        run.error(line, None, exc.message)
    except IntegrityError:
        run.error(line, None, _CONFLICT)
    return False


def _in_transaction(run: _Run, body: Callable[[], tuple[int, dict]]) -> ImportReport:
    """Run ``body`` in the import's one transaction; undo it all when rows had errors and none may be skipped."""
    try:
        with run.store.db.transaction():
            imported, details = body()
            if run.errors and not run.skip_invalid:
                raise _Rollback
            run.audit(imported, **details)
            if run.progress is not None:
                run.progress(1.0, "Saving")     # still inside: a cancel here undoes the import too
    except _Rollback:
        return run.report(0, applied=False)
    return run.report(imported, applied=True)


def _required(run: _Run, line: int, values: dict[str, str], columns, message: str) -> None:
    for column in columns:
        if values.get(column) == "":      # absent from ``values``: already reported as too long
            run.error(line, column, message)


# -- products -------------------------------------------------------------------------------------------------

_PRODUCT_INTS = {"pack_size": 1, "order_multiple": 1, "min_order_qty": 1, "days_supply": 0, "split_units": 2}


_SUPPLIER_TERMS = {"supplier_lead_time_days": ("lead_time_days", "lead time", 0, 365),
                   "supplier_review_days": ("review_days", "review period", 1, 365)}


def _product_values(run: _Run, line: int, values: dict[str, str]) -> tuple[dict, str | None, dict]:
    """Parse the row's non-empty cells and check each through the catalogue's own rules. Returns the product's
    fields, the supplier's name and the supplier's terms given on the row (lead time, review period, minimum
    order value: the supplier columns set them on the named supplier)."""
    catalog = run.store.catalog
    clean: dict = {}
    supplier = None
    terms: dict = {}
    for column, value in values.items():
        if value == "":
            continue
        try:
            if column == "supplier":
                if len(value) > 120:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the supplier's name."))
                supplier = value
                continue
            if column in _SUPPLIER_TERMS:
                key, label, low, high = _SUPPLIER_TERMS[column]
                terms[key] = _whole(value, label, low, high)
                continue
            if column == "supplier_min_order_value":
                terms["min_order_value"] = _amount(value, "minimum order value", 10**10)
                continue
            key = column
            if column == "barcode":
                parsed = _code(value)
            elif column in ("price", "split_unit_price"):
                parsed = _amount(value, column.replace("_", " "))
            elif column == "otc_class":
                parsed = master_words.otc_class(value)
            elif column == "storage_condition":
                parsed = master_words.storage_condition(value)
            elif column == "contains_ephedrine":
                parsed = _yes_no(value, "contains ephedrine")
            elif column == "split_units":
                parsed = _whole(value, "units per pack", 2, 10000)
            elif column == "vat_rate":
                key, parsed = "vat_rate_bp", _percent_bp(value, "VAT rate")
            elif column in _PRODUCT_INTS:
                high = 366 if column == "days_supply" else 100_000
                parsed = _whole(value, column.replace("_", " "), _PRODUCT_INTS[column], high)
            elif column == "category":
                parsed = re.sub(r"[\s\-&]+", "_", value.lower())
            elif column == "legal_class":
                lowered = re.sub(r"[\s\-]+", "_", value.lower())
                parsed = _LEGAL_ALIASES.get(lowered, lowered)
            else:
                parsed = value
            # The catalogue's own field rules (barcode check digit, ATC pattern, categories, ranges).
            clean.update(catalog.clean_product({key: parsed}, partial=True))
        except ValidationError as exc:
            run.error(line, column, exc.message)
    if terms and supplier is None:
        run.error(line, next(c for c in _SUPPLIER_TERMS | {"supplier_min_order_value": 0} if values.get(c)),
                  QT_TRANSLATE_NOOP("import", "A supplier's terms need the supplier column on the same row."))
    return clean, supplier, terms


def _import_products(run: _Run) -> ImportReport:
    db, catalog = run.store.db, run.store.catalog
    existing = {product.barcode: product for product in catalog.products(include_inactive=True)}
    suppliers = {row["name"].casefold(): row["id"] for row in db.all("SELECT id, name FROM suppliers")}
    seen: dict[str, int] = {}
    counts = {"created": 0, "updated": 0, "unchanged": 0, "suppliers_created": 0, "suppliers_updated": 0}
    terms_of = {row["id"]: {k: row[k] for k in ("lead_time_days", "review_days", "min_order_value")}
                for row in db.all("SELECT id, lead_time_days, review_days, min_order_value FROM suppliers")}

    def write(clean: dict, supplier: str | None, terms: dict, current, created_suppliers: dict) -> None:
        fields = dict(clean)
        if supplier is not None:
            supplier_id = suppliers.get(supplier.casefold()) or created_suppliers.get(supplier.casefold())
            if supplier_id is None:
                supplier_id = created_suppliers[supplier.casefold()] = catalog.add_supplier(supplier, **terms)
                terms_of[supplier_id] = dict(terms)
            else:
                changed = {k: v for k, v in terms.items() if terms_of.get(supplier_id, {}).get(k) != v}
                if changed:     # the supplier's own audited use case; later rows win
                    catalog.update_supplier(supplier_id, **changed)
                    terms_of.setdefault(supplier_id, {}).update(changed)
                    counts["suppliers_updated"] += 1
            fields["supplier_id"] = supplier_id
        if current is None:
            catalog.add_product(**fields)
            counts["created"] += 1
            return
        changes = {key: value for key, value in fields.items() if getattr(current, key) != value}
        if changes:      # a price change goes through the catalogue's audited price path
            catalog.update_product(current.id, **changes)
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1

    def body() -> tuple[int, dict]:
        imported = 0
        for done, (line, cells) in enumerate(run.data_rows()):
            run.tick(done)
            values = run.cells(cells, line)
            clean, supplier, terms = _product_values(run, line, values)
            barcode = clean.get("barcode")
            if barcode in seen:
                run.error(line, "barcode", _text(QT_TRANSLATE_NOOP(
                    "import", "This barcode is already on line {n}."), n=seen[barcode]))
            elif barcode:
                seen[barcode] = line
            _required(run, line, values, ("barcode",), QT_TRANSLATE_NOOP("import", "A value is required."))
            current = existing.get(barcode)
            if current is None and barcode:
                _required(run, line, values, ("name", "category", "legal_class", "price"),
                          QT_TRANSLATE_NOOP("import", "A new product needs a value here."))
            if line in run.bad_lines:
                continue
            created: dict[str, int] = {}
            before = dict(counts)
            if _write_row(run, line, lambda: write(clean, supplier, terms, current, created)):
                suppliers.update(created)
                counts["suppliers_created"] += len(created)
                imported += 1
            else:
                counts.update(before)
        return imported, counts

    return _in_transaction(run, body)


# -- members ------------------------------------------------------------------------------------------------

def _member_values(run: _Run, line: int, values: dict[str, str]) -> dict:
    """Parse the row through the members' own validation rules; errors name the column, never the value."""
    members = run.store.members
    out: dict = {}
    for column, value in values.items():
        try:
            if column == "name":
                out["name"] = Members.validate_name(value)
            elif column == "phone":
                out["phone"] = normalize_phone(value) if value else None
            elif value == "":
                continue
            elif column == "birth_date":
                day, clock = _date_parts(value, "birth date")
                if clock is not None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a date as YYYY-MM-DD."),
                                          field="birth date")
                out["birth_date"] = members.validate_birth_date(day)
            elif column == "sex":
                lowered = value.lower()
                if lowered not in _UNKNOWN:
                    out["sex"] = Members.validate_sex(_SEXES.get(lowered, value))
            elif column == "card_no":
                card = _code(value)
                if not _CARD.match(card):
                    raise ValidationError(QT_TRANSLATE_NOOP("import", "A card number is 1 to 32 letters and digits."))
                out["card_no"] = card
            elif column in ("care_consent", "marketing_consent"):
                out[column] = _yes_no(value, column.replace("_", " "))
            elif column == "conditions":
                out["conditions"] = Members.clean_conditions(re.split(r"[;；,，|]", value))
            elif column == "allergies":
                out["allergies"] = value
        except ValidationError as exc:
            run.error(line, column, exc.message)
    return out


def _import_members(run: _Run) -> ImportReport:
    db, members = run.store.db, run.store.members
    phones = {row["phone"] for row in db.all("SELECT phone FROM members WHERE phone IS NOT NULL")}
    cards = {row["card_no"] for row in db.all("SELECT card_no FROM members WHERE card_no IS NOT NULL")}
    seen_phones: dict[str, int] = {}
    seen_cards: dict[str, int] = {}

    def unique(line: int, column: str, value, existing: set, seen: dict, taken: str) -> None:
        if not value:
            return
        if value in existing:
            run.error(line, column, taken)
        elif value in seen:
            run.error(line, column, _text(QT_TRANSLATE_NOOP(
                "import", "The same {what} is already on line {n}."), what=column.replace("_no", " number"),
                n=seen[value]))
        else:
            seen[value] = line

    def body() -> tuple[int, dict]:
        imported = 0
        for done, (line, cells) in enumerate(run.data_rows()):
            run.tick(done)
            values = run.cells(cells, line)
            member = _member_values(run, line, values)
            unique(line, "phone", member.get("phone"), phones, seen_phones,
                   QT_TRANSLATE_NOOP("errors", "A member with this phone number already exists."))
            unique(line, "card_no", member.get("card_no"), cards, seen_cards,
                   QT_TRANSLATE_NOOP("errors", "That card number is already in use."))
            _required(run, line, values, ("phone",), QT_TRANSLATE_NOOP("import", "A value is required."))
            if line in run.bad_lines:
                continue
            if _write_row(run, line, lambda: members.register(**member, consent_source="import")):
                imported += 1
        return imported, {}

    return _in_transaction(run, body)


# -- sales history ---------------------------------------------------------------------------------------------

@dataclass
class _SaleRow:
    line: int
    key: tuple                      # what groups rows into one sale: (moment or raw date, card as written)
    receipt: str
    moment: datetime | None = None
    product_id: int = 0
    vat_rate_bp: int = 0
    split_units: int | None = None      # the product's units per pack (拆零), None when it has no split pack
    quantity: int = 0                   # packs, or split units when ``split_unit``
    packs: Decimal | None = None        # the quantity as written, when it is a part pack
    split_unit: bool = False
    unit_price: int = 0                 # per pack as written; per split unit once converted
    unit_cost: int = 0
    line_total: int = 0
    member_id: int | None = None
    ok: bool = True


def _sale_row(run: _Run, line: int, values: dict[str, str], products: dict, cards: dict) -> _SaleRow:
    now, today = run.store.now(), run.store.today()
    row = _SaleRow(line, (values.get("date", ""), values.get("card_no", "")), values.get("receipt", ""))
    _required(run, line, values, _REQUIRED["sales"], QT_TRANSLATE_NOOP("import", "A value is required."))
    for column, value in values.items():
        if value == "":
            continue
        try:
            if column == "date":
                day, clock = _date_parts(value, "date")
                if day < EARLIEST_SALE:
                    raise ValidationError(QT_TRANSLATE_NOOP("import", "The date is too far in the past."))
                if clock is None:   # a day without a time: local noon, the same calendar day in UTC too
                    if day > today:
                        raise ValidationError(QT_TRANSLATE_NOOP("import", "The date is in the future."))
                    row.moment = min(datetime.combine(day, time(12)).astimezone(), now)
                else:
                    row.moment = datetime.combine(day, clock).astimezone()
                    if row.moment > now:
                        raise ValidationError(QT_TRANSLATE_NOOP("import", "The date is in the future."))
                row.key = (to_iso(row.moment), row.key[1])
            elif column == "barcode":
                code = _code(value)
                found = products.get(code) or (products.get("0" + code) if len(code) == 12 else None)
                if found is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("import", "No product has this code."))
                row.product_id, row.vat_rate_bp, row.split_units = found
            elif column == "quantity":
                row.packs = _pack_quantity(value)
                if row.packs == row.packs.to_integral_value():
                    row.quantity, row.packs = _whole(str(int(row.packs)), "quantity", 1, MAX_QUANTITY), None
            elif column == "unit_price":
                row.unit_price = _amount(value, "unit price")
            elif column == "unit_cost":
                row.unit_cost = _amount(value, "unit cost")
            elif column == "card_no":
                row.member_id = cards.get(_code(value))
                if row.member_id is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("import", "No member has this card number."))
            elif column == "receipt":
                row.receipt = _code(value)
                if len(row.receipt) > 64:
                    raise ValidationError(QT_TRANSLATE_NOOP("import", "A receipt id has at most 64 characters."))
        except ValidationError as exc:
            run.error(line, column, exc.message)
    if row.packs is not None and row.product_id and line not in run.bad_lines:
        try:
            _to_split_units(row)
        except ValidationError as exc:
            run.error(line, "quantity", exc.message)
    row.line_total = row.line_total or row.quantity * row.unit_price
    row.ok = line not in run.bad_lines
    return row


def _pack_quantity(value: str) -> Decimal:
    """A quantity of packs as written: whole ('2', '2.0') or a part pack ('0.5', '1,5')."""
    try:
        packs = Decimal(value.replace(",", "."))
    except InvalidOperation:
        packs = Decimal(-1)
    if not packs.is_finite() or not 0 < packs <= MAX_QUANTITY:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a number of packs from {low} to {high}, "
                                                          "e.g. 2 or 0.5."), field="quantity", low=0, high=MAX_QUANTITY)
    return packs


def _to_split_units(row: _SaleRow) -> None:
    """A part pack becomes a line of split units (拆零): quantity = packs × split_units, which must be whole;
    prices become per unit, and the line total is what the row's packs cost at its pack price (rounded half up)."""
    n = row.split_units
    if not n:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "import", "A part pack needs the product's split-pack ratio: set split_units (units per pack) on the "
                      "product, e.g. by importing products with a split_units column, or enter whole packs."))
    units = row.packs * n
    if units != units.to_integral_value():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "import", "The quantity is not a whole number of units ({n} per pack): enter a multiple of 1/{n} "
                      "pack."), n=n)
    units = int(units)
    row.line_total = (units * row.unit_price * 2 + n) // (2 * n)
    row.unit_price = (row.unit_price * 2 + n) // (2 * n)
    row.unit_cost = (row.unit_cost * 2 + n) // (2 * n)
    row.quantity, row.split_unit, row.packs = units, True, None


def _group_sales(run: _Run, rows: list[_SaleRow], imported_receipts: set[str]) -> list[list[_SaleRow]]:
    """Rows with the same receipt form one sale; rows without one join the previous row's sale when
    they have the same date and member card."""
    groups: list[list[_SaleRow]] = []
    by_receipt: dict[str, list[_SaleRow]] = {}
    last_key = None
    for row in rows:
        if row.receipt:
            group = by_receipt.get(row.receipt)
            if group is None:
                group = by_receipt[row.receipt] = []
                groups.append(group)
                if row.receipt in imported_receipts:
                    run.error(row.line, "receipt", QT_TRANSLATE_NOOP(
                        "import", "This receipt was imported before; it is not imported twice."))
                    row.ok = False
            elif row.key != group[0].key:
                run.error(row.line, None, _text(QT_TRANSLATE_NOOP(
                    "import", "Same receipt as line {n} but a different date or member card."), n=group[0].line))
                row.ok = False
            group.append(row)
            last_key = None
        elif last_key is not None and row.key == last_key:
            groups[-1].append(row)
        else:
            groups.append([row])
            last_key = row.key
    return groups


def _import_sales(run: _Run) -> ImportReport:
    store, db = run.store, run.store.db
    products = {r["barcode"]: (r["id"], r["vat_rate_bp"], r["split_units"])
                for r in db.all("SELECT id, barcode, vat_rate_bp, split_units FROM products")}
    cards = {r["card_no"]: r["id"] for r in db.all(
        "SELECT id, card_no FROM members WHERE card_no IS NOT NULL AND erased_at IS NULL")}
    imported_receipts = {r["legacy_receipt"] for r in db.all(
        "SELECT legacy_receipt FROM sales WHERE legacy_receipt IS NOT NULL")}
    rows = []
    for done, (line, cells) in enumerate(run.data_rows()):
        run.tick(done, 0.0, 0.5, "Checking")
        rows.append(_sale_row(run, line, run.cells(cells, line), products, cards))
    good: list[list[_SaleRow]] = []
    for group in _group_sales(run, rows, imported_receipts):
        bad = [row.line for row in group if not row.ok]
        if not bad:
            good.append(group)
        elif run.skip_invalid:     # a sale is imported whole or not at all
            for row in group:
                if row.ok:
                    run.error(row.line, None, _text(QT_TRANSLATE_NOOP(
                        "import", "Not imported: line {n} of the same sale has an error."), n=bad[0]))
    if run.errors and not run.skip_invalid:
        return run.report(0, applied=False)

    def body() -> tuple[int, dict]:
        user_id = store.require_user().id
        first_id = (db.scalar("SELECT COALESCE(MAX(id), 0) FROM sales") or 0) + 1
        chunk = PROGRESS_EVERY
        for start in range(0, len(good), chunk):
            if run.progress is not None:
                run.progress(0.5 + 0.5 * start / max(1, len(good)), f"Writing sale {start:,} of {len(good):,}")
            sales, lines, payments = [], [], []
            for offset, group in enumerate(good[start:start + chunk]):
                sale_id = first_id + start + offset
                subtotal = vat = 0
                for row in group:
                    subtotal += row.line_total
                    vat += vat_included(row.line_total, row.vat_rate_bp)
                    lines.append((sale_id, row.product_id, row.quantity, row.unit_price, row.line_total,
                                  row.vat_rate_bp, row.unit_cost, int(row.split_unit)))
                head = group[0]
                sales.append((sale_id, f"H{sale_id:08d}", to_iso(head.moment), user_id, head.member_id, subtotal,
                              subtotal, vat, head.receipt or None))
                payments.append((sale_id, subtotal))
            db.conn.executemany(
                "INSERT INTO sales (id, receipt_no, at, user_id, member_id, subtotal, total, vat, source, "
                "legacy_receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)", sales)
            db.conn.executemany(
                "INSERT INTO sale_lines (sale_id, product_id, quantity, unit_price, line_total, vat_rate_bp, "
                "unit_cost, split_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines)
            db.conn.executemany("INSERT INTO payments (sale_id, method, amount) VALUES (?, 'cash', ?)", payments)
        return sum(len(group) for group in good), {"sales": len(good)}

    return _in_transaction(run, body)
