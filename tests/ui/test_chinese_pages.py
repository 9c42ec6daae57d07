"""In Chinese, the pages show no English word (issue 19): the program switches to zh_CN, opens every page the
owner has and the owner's dialogs, and fails on any visible ASCII-only word outside a small allow-list:
numbers, units and abbreviations, and the store's own data (product, supplier, member and user names), which
are what the owner typed in."""

from __future__ import annotations

import re

import pytest
from matplotlib.text import Text as ChartText
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTabWidget, QWidget,
)

from pharmadesk.demo.build import DEMO_USERS
from pharmadesk.i18n import install_translators
from pharmadesk.ui.panes.charts import ChartCanvas
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures

WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
#: Units, abbreviations and method names that stay in Latin letters in Chinese text.
ALLOWED = {"ADR", "mg", "ml", "mL", "kg", "cm", "OTC", "Rx", "PDF", "Excel", "CSV", "SMS", "ATC", "VAT", "PDC", "ID", "PO",
           "KPI", "BG", "NBD", "Gamma", "alpha", "Newcombe", "PIN", "USB", "WeChat", "Alipay", "ESC", "POS", "Ctrl",
           "Shift", "Alt", "Enter", "Esc", "Tab", "F1", "Del", "Backspace", "PageUp", "PageDown", "Space", "EAN",
           "GSP", "QR", "pharmadesk", "PharmaDesk", "xlsx", "pdf", "csv", "YYYY", "MM", "DD",
           "English"}   # a date format; a language in its own name
#: The pages every owner has (the till and the analytics pages among them).
PAGES = ("till", "members", "stock", "promotions", "dashboard", "reports", "segments", "value", "campaigns",
         "reorder", "care")


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "xx_XX")           # back to the source language for the other tests


def data_words(store) -> set[str]:
    """Words the owner typed in: names of products, suppliers, members, users and the store."""
    rows = []
    for sql in ("SELECT name, generic_name, strength, form, manufacturer FROM products",
                "SELECT name FROM suppliers", "SELECT name FROM members", "SELECT username, full_name FROM users",
                "SELECT name FROM promotions", "SELECT name FROM campaigns"):
        try:
            rows += [value for row in store.db.all(sql) for value in row.values() if isinstance(value, str)]
        except Exception:  # noqa: BLE001 - a table this store does not have
            continue
    rows.append(store.settings.store_name)
    return {word for text in rows for word in WORD.findall(text)}


def visible_texts(widget: QWidget) -> list[str]:
    """Every text a person sees on ``widget``: labels, buttons, fields, combo boxes, tab titles, table headers and
    the first rows of tables, chart titles, axis labels and legends."""
    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", child.text()))
        elif isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
            for r in range(min(model.rowCount(), 15)):
                texts += [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        elif isinstance(child, ChartCanvas):
            texts += [re.sub(r"\$[^$]*\$", " ", t.get_text())            # math text: numbers (10^2)
                      for t in child.figure.findobj(ChartText) if t.get_visible()]
    return texts


def english_words(texts: list[str], allowed: set[str]) -> set[str]:
    return {word for text in texts for word in WORD.findall(text)} - allowed - ALLOWED


def test_the_owner_s_pages_in_chinese_show_no_english_word(chinese, demo_window, demo_store, qtbot):
    demo_store.login("owner", DEMO_USERS["owner"][2])
    demo_store.set_setting("language", "zh_CN")          # a Chinese store: members are spoken to in Chinese
    window = demo_window("owner")
    allowed = data_words(window.store)
    found = {}
    for key in PAGES:
        if key not in window.nav_keys():
            continue
        window.show_page(key)
        page = window.pages[key]
        if hasattr(page, "result") and hasattr(page, "compute"):
            qtbot.waitUntil(lambda: page.result is not None and not page.busy, timeout=60_000)
        words = english_words(visible_texts(page), allowed)
        if words:
            found[key] = sorted(words)
            print(key, [t for t in visible_texts(page) if set(WORD.findall(t)) & words][:5])
    assert found == {}, found


def test_the_segment_dialog_and_details_in_chinese(chinese, demo_window, qtbot):
    from pharmadesk.ui.panes.segments_pane import CampaignDialog, segment_label

    window = demo_window("owner")
    allowed = data_words(window.store)
    pane = open_pane(window, "segments", qtbot)
    pane.details_button.click()
    assert english_words(visible_texts(pane), allowed) == set()
    segment = pane.selected_segment()
    assert segment_label(segment) != segment                 # the name is translated
    dialog = CampaignDialog(segment_label(segment), window.store.today(), pane)
    qtbot.addWidget(dialog)
    assert english_words(visible_texts(dialog), allowed) == set()


def test_the_member_dialog_in_chinese(chinese, demo_window, qtbot):
    from pharmadesk.ui.members.member_dialog import MemberDialog

    window = demo_window("owner")
    allowed = data_words(window.store)
    member = window.store.members.get(1)
    dialog = MemberDialog(window.store, member, window)
    qtbot.addWidget(dialog)
    words = english_words(visible_texts(dialog), allowed)
    assert words - set(WORD.findall(member.phone or "")) == set()
