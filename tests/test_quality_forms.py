"""The GSP quality forms (pharmadesk.reports.quality_forms): each renders from plain rows with its title,
headers and rows, in English and in Chinese, red where the inspector must look, and as a real A4 PDF whose
text (English; Chinese glyphs need a CJK font a test machine may lack) is read back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtGui import QFont
from pypdf import PdfReader

from pharmadesk.i18n import install_translators
from pharmadesk.reports.quality_forms import (
    FORMS, KINDS, form_document, form_html, form_table, form_title, format_moment, save_form_pdf, storage_month_rows,
)

START, END = date(2026, 3, 1), date(2026, 3, 31)

ROWS = {
    "supplier_approval": [
        {"supplier": "康华医药有限公司", "document_kind": "drug_trading_licence", "number": "粤AA0200123",
         "issuer": "广东省药品监督管理局", "issued_on": "2022-01-05", "expires_on": "2026-04-10",
         "approved_on": "2026-03-02", "approved_by": "Paula Pharmacist"},
        {"supplier": "Medline Trading", "document_kind": "business_licence", "number": "91440101MA5CXX",
         "issuer": "AIC Guangzhou", "issued_on": "2020-06-01", "expires_on": None,
         "approved_on": "2026-03-02", "approved_by": "Paula Pharmacist"},
    ],
    "product_approval": [
        {"product_name": "阿莫西林胶囊", "specification": "0.25g×24粒", "form": "capsule",
         "manufacturer": "华北制药", "approval_number": "国药准字H13023964", "supplier": "Medline Trading",
         "number": "2021S00123", "expires_on": "2030-01-01", "approved_on": "2026-03-03",
         "approved_by": "Paula Pharmacist"},
    ],
    "acceptance": [
        {"at": "2026-03-04T02:10:00+00:00", "receipt": "GR-17", "supplier": "Medline Trading",
         "product_name": "Ramipril 5 mg", "specification": "5mg×28", "manufacturer": "Sanofi",
         "approval_number": "H20000001", "batch_no": "RAM-2403", "expiry": "2028-02-29", "quantity": 40,
         "quantity_checked": 4, "appearance": "intact", "arrival_temp_c": None, "conclusion": "accepted",
         "inspector": "Paula Pharmacist"},
        {"at": "2026-03-05T02:10:00+00:00", "receipt": "GR-18", "supplier": "Medline Trading",
         "product_name": "Insulin glargine", "specification": "3ml", "manufacturer": "Sanofi",
         "approval_number": "S20000002", "batch_no": "INS-77", "expiry": "2027-01-31", "quantity": 5,
         "quantity_checked": 5, "appearance": "box dented", "arrival_temp_c": 11.5, "conclusion": "quarantine",
         "inspector": "Paula Pharmacist"},
    ],
    "storage_log": [
        {"area_name": "Cold cabinet", "on_date": "2026-03-02", "slot": "am", "taken_at": "2026-03-02T09:05:00",
         "temperature": 5.2, "humidity": 50, "in_range": True, "recorded_by": "Carl Cashier"},
        {"area_name": "Cold cabinet", "on_date": "2026-03-02", "slot": "pm", "taken_at": "2026-03-02T15:30:00",
         "temperature": 9.4, "humidity": 52, "in_range": False, "corrective_action": "Door closed, rechecked 4.8",
         "recorded_by": "Carl Cashier"},
    ],
    "maintenance": [
        {"on_date": "2026-03-10", "product_name": "Ramipril 5 mg", "specification": "5mg×28",
         "manufacturer": "Sanofi", "batch_no": "RAM-2403", "expiry": "2028-02-29", "quantity": 36,
         "storage_condition": "ambient", "appearance": "intact", "packaging": "intact", "conclusion": "ok",
         "checked_by": "Paula Pharmacist"},
    ],
    "quarantine": [
        {"at": "2026-03-05T02:12:00+00:00", "product_name": "Insulin glargine", "batch_no": "INS-77",
         "expiry": "2027-01-31", "quantity": 5, "reason": "cold chain broken on arrival", "held_by": "Paula Pharmacist",
         "status": "destroyed", "closed_at": "2026-03-20T06:00:00+00:00", "closed_by": "Olivia Owner",
         "witnesses": ["Paula Pharmacist", "Carl Cashier"], "closing_note": "incinerated"},
    ],
    "near_expiry": [
        {"product_name": "Vitamin C 100 mg", "specification": "100 tabs", "manufacturer": "Swisse",
         "batch_no": "VC-1", "expiry": "2026-04-15", "days_left": 15, "quantity": 12, "cost_value": 4800,
         "storage_condition": "ambient", "action": "promote"},
        {"product_name": "Cough syrup", "specification": "120ml", "manufacturer": "Pipa",
         "batch_no": "CS-9", "expiry": "2026-08-30", "days_left": 152, "quantity": 3, "cost_value": 2100,
         "storage_condition": "cool", "action": ""},
    ],
    "sales_record": [
        {"sold_at": "2026-03-06T03:30:00+00:00", "receipt_no": "R-000123", "product_name": "Ramipril 5 mg",
         "generic_name": "ramipril", "specification": "5mg×28", "form": "tablet", "manufacturer": "Sanofi",
         "approval_number": "H20000001", "batch_no": "RAM-2403", "expiry": "2028-02-29", "quantity": 2,
         "unit_price": 3000, "sold_by": "Carl Cashier"},
    ],
}
AREAS = [{"name": "Cold cabinet", "condition": "cold", "temp_min": 2.0, "temp_max": 8.0,
          "humidity_min": 35.0, "humidity_max": 75.0}]
EN_TITLES = {
    "supplier_approval": "Supplier qualification record", "product_approval": "First-product approval record",
    "acceptance": "Acceptance record", "storage_log": "Storage temperature and humidity log",
    "maintenance": "Maintenance record", "quarantine": "Quarantine and disposal record",
    "near_expiry": "Near-expiry report", "sales_record": "Sales record",
}
ZH_TITLES = {
    "supplier_approval": "首营企业审批表", "product_approval": "首营品种审批表", "acceptance": "药品验收记录",
    "storage_log": "温湿度记录表", "maintenance": "药品养护记录", "quarantine": "不合格药品处理记录",
    "near_expiry": "近效期药品催销表", "sales_record": "药品销售记录",
}


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "xx_XX")           # back to the source language for the other tests


@pytest.fixture
def latin_font(qapp):
    """The application's own font without the CJK fallbacks that ``i18n.apply_fonts`` (the CLI, the program)
    adds: pypdf cannot map the digits Qt embeds from a CJK font back to text, and this test reads them."""
    saved = qapp.font()
    font = QFont(saved)
    font.setFamilies(saved.families()[:1])
    qapp.setFont(font)
    yield
    qapp.setFont(saved)


def _squash(text: str) -> str:
    """Text without spaces or line breaks and with ligatures undone: a narrow cell wraps "RAM-2403"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _pdf_text(path) -> str:
    return _squash("".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_every_kind_has_a_form_and_a_distinct_title(qapp):
    assert set(KINDS) == set(ROWS) == set(FORMS)
    assert {kind: form_title(kind) for kind in KINDS} == EN_TITLES


@pytest.mark.parametrize("kind", KINDS)
def test_each_form_prints_its_title_period_headers_and_rows_in_english(qapp, kind):
    text = form_document(kind, ROWS[kind], START, END, "Test Pharmacy", areas=AREAS).toPlainText()
    assert text.startswith(f"Test Pharmacy – {EN_TITLES[kind]}")
    assert "Period: 2026-03-01 – 2026-03-31" in text
    title, headers, rows = form_table(kind, ROWS[kind])
    assert title == EN_TITLES[kind] and len(rows) == len(ROWS[kind])
    for header in headers:
        if kind != "storage_log":                  # the log prints a month grid, not the flat list
            assert header in text, header
    for row in ROWS[kind]:
        key = "batch_no" if "batch_no" in row else ("supplier" if kind == "supplier_approval" else "product_name")
        assert str(row.get(key, row.get("area_name"))) in text


def test_rows_are_written_as_on_paper(qapp):
    _title, headers, rows = form_table("acceptance", ROWS["acceptance"])
    assert headers[:4] == ["Date", "Receipt", "Supplier", "Product"]
    second = dict(zip(headers, rows[1]))
    assert second["Expiry"] == "2027-01-31" and second["Arrival °C"] == "11.5"
    assert second["Conclusion"] == "to quarantine" and second["Quantity"] == "5"
    _t, headers, rows = form_table("quarantine", ROWS["quarantine"])
    done = dict(zip(headers, rows[0]))
    assert done["Witnesses"] == "Paula Pharmacist, Carl Cashier" and done["Outcome"] == "destroyed"
    _t, headers, rows = form_table("near_expiry", ROWS["near_expiry"])
    assert dict(zip(headers, rows[0]))["Value at cost"] == "48.00"
    _t, headers, rows = form_table("sales_record", ROWS["sales_record"])
    sale = dict(zip(headers, rows[0]))
    assert (sale["Unit price"], sale["Quantity"], sale["Sold by"]) == ("30.00", "2", "Carl Cashier")
    assert len(sale["Sold at"]) == 16 and sale["Sold at"] == format_moment("2026-03-06T03:30:00+00:00")
    # a domain dataclass is as good as a dict
    @dataclass(frozen=True)
    class Check:
        on_date: str
        product_name: str
        batch_no: str
        conclusion: str

    _t, headers, rows = form_table("maintenance", [Check("2026-03-11", "Aspirin", "ASP-1", "bad")])
    assert rows[0][headers.index("Batch")] == "ASP-1" and rows[0][headers.index("Finding")] == "defect found"


def test_what_the_inspector_must_see_is_red(qapp):
    html = form_html("supplier_approval", ROWS["supplier_approval"], START, END)
    assert '<span class="warn">2026-04-10</span>' in html          # expires within 30 days of the period's end
    assert html.count('class="warn"') == 1                      # that licence only; the other has no term
    html = form_html("acceptance", ROWS["acceptance"], START, END)
    assert '<span class="warn">to quarantine</span>' in html and '<span class="warn">accepted' not in html
    html = form_html("near_expiry", ROWS["near_expiry"], START, END)
    assert '<span class="warn">15</span>' in html and '<span class="warn">152' not in html
    html = form_html("storage_log", ROWS["storage_log"], START, END, areas=AREAS)
    assert '<span class="warn">9.4</span>' in html and '<span class="warn">5.2' not in html
    assert '<span class="warn">52' not in html                     # the humidity of that reading was in range
    unknown_area = [dict(r, area_name="Back room") for r in ROWS["storage_log"]]
    html = form_html("storage_log", unknown_area, START, END)
    assert '<span class="warn">9.4</span>' in html and '<span class="warn">52</span>' in html   # no limits known


def test_an_empty_period_says_so(qapp):
    for kind in KINDS:
        text = form_document(kind, [], START, END).toPlainText()
        assert "No records in this period." in text or kind == "storage_log"
    assert "No records in this period." in form_document("storage_log", [], START, END).toPlainText()


def test_the_storage_log_is_a_month_grid_per_area_with_gaps_left_blank(qapp):
    lines = storage_month_rows(ROWS["storage_log"], "Cold cabinet", 2026, 3, START, END)
    assert [line["day"].day for line in lines] == list(range(1, 32))
    assert lines[0]["am"] is None and lines[0]["pm"] is None            # nobody read it on the 1st: a gap
    assert lines[1]["am"]["temperature"] == 5.2 and lines[1]["pm"]["temperature"] == 9.4
    # February 20 to March 5, two areas (one only known from a reading): a page per area and month
    readings = ROWS["storage_log"] + [{"area_name": "Shelf B", "on_date": "2026-02-21", "slot": "am",
                                       "taken_at": "2026-02-21T09:00:00", "temperature": 21.0, "humidity": 40,
                                       "in_range": True, "recorded_by": "Carl Cashier"}]
    document = form_document("storage_log", readings, date(2026, 2, 20), date(2026, 3, 5), areas=AREAS)
    text = document.toPlainText()
    for heading in ("Storage area: Cold cabinet · cold chain · allowed 2.0–8.0 °C · humidity 35–75 % · Month: 2026-02",
                    "Cold cabinet · cold chain · allowed 2.0–8.0 °C · humidity 35–75 % · Month: 2026-03",
                    "Storage area: Shelf B · Month: 2026-02", "Storage area: Shelf B · Month: 2026-03"):
        assert heading in text
    assert "Door closed, rechecked 4.8" in text and "Morning" in text and "Afternoon" in text
    assert form_html("storage_log", readings, date(2026, 2, 20), date(2026, 3, 5), areas=AREAS) \
        .count("page-break-before: always") == 3


@pytest.mark.parametrize("kind", KINDS)
def test_each_form_is_a_real_a4_pdf_with_its_text(qapp, latin_font, kind, tmp_path):
    path = save_form_pdf(kind, ROWS[kind], START, END, tmp_path / f"{kind}.pdf", "Test Pharmacy", areas=AREAS)
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    size = sorted((round(float(box.width)), round(float(box.height))))
    assert size == [595, 842]                                              # A4
    assert (float(box.width) > float(box.height)) == FORMS[kind].landscape  # the wide forms lie on their side
    text = _pdf_text(path)
    assert _squash(EN_TITLES[kind]) in text and "2026-03-31" in text
    if kind == "acceptance":
        assert "RAM-2403" in text and "INS-77" in text and _squash("to quarantine") in text
    if kind == "storage_log":
        assert "9.4" in text and _squash("Door closed, rechecked 4.8") in text
        assert len(reader.pages) == 1                                  # 31 days and the signature on one page


@pytest.mark.parametrize("kind", KINDS)
def test_each_form_in_chinese(qapp, chinese, kind, tmp_path):
    text = form_document(kind, ROWS[kind], START, END, "测试药房", areas=AREAS).toPlainText()
    assert text.startswith(f"测试药房 – {ZH_TITLES[kind]}")
    assert "期间" in text
    title, headers, rows = form_table(kind, ROWS[kind])
    assert title == ZH_TITLES[kind]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in header) for header in headers), headers
    assert len(rows) == len(ROWS[kind])
    save_form_pdf(kind, ROWS[kind], START, END, tmp_path / "zh.pdf", "测试药房", areas=AREAS)
    assert (tmp_path / "zh.pdf").read_bytes().startswith(b"%PDF")


def test_chinese_codes_and_the_storage_grid(qapp, chinese):
    _t, headers, rows = form_table("acceptance", ROWS["acceptance"])
    assert headers[:4] == ["日期", "收货单", "供货单位", "药品名称"]
    assert rows[0][headers.index("验收结论")] == "合格" and rows[1][headers.index("验收结论")] == "待处理（隔离）"
    text = form_document("storage_log", ROWS["storage_log"], START, END, areas=AREAS).toPlainText()
    assert "上午" in text and "下午" in text and "采取措施" in text and "冷藏" in text
