"""Finding a product at the till by typing, keyboard only: any word, pinyin initials, Enter on a name,
and the message when nothing matches (ui/till/scan_field.py over Catalog.search and Catalog.find); the
product dialog's manufacturer and pinyin initials (ui/stock/product_dialog.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.ui.stock.product_dialog import ProductDialog
from tests.ui.conftest import accepted

IBUPROFEN_SR = "布洛芬缓释胶囊"


@pytest.fixture
def thermometers(open_store, ids):
    """Two thermometers and 布洛芬缓释胶囊 in stock, added by the owner."""
    owner = open_store("owner")
    found = {}
    for barcode, name, maker in (("6900000000014", "Digital Thermometer", "Thermia"),
                                 ("6900000000021", "Ear Thermometer", "Medilite"),
                                 ("6900000000038", f"{IBUPROFEN_SR} 300 mg", "Kangda")):
        found[name] = owner.catalog.add_product(barcode=barcode, name=name, manufacturer=maker, category="otc",
                                                legal_class="otc", price=2900)
    owner.stock.receive(ids.supplier, [ReceiptLine(pid, f"L{pid}", owner.today() + timedelta(days=300), 10, 1000)
                                       for pid in found.values()])
    return found


def _popup(till):
    return till.scan.completer_.popup()


def test_typing_thermo_and_choosing_a_result_adds_the_line(make_window, qtbot, thermometers):
    window, store, _dialogs = make_window("cashier")
    till = window.till
    qtbot.keyClicks(till.scan, "thermo")
    assert [label.split(" · ")[0] for label in till.scan.suggestions()] == ["Digital Thermometer", "Ear Thermometer"]
    popup = _popup(till)
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [line.product.id for line in till.model.lines] == [thermometers["Ear Thermometer"]]
    assert till.scan.text() == "" and not popup.isVisible()


def test_blf_finds_the_chinese_name_and_enter_adds_the_only_match(make_window, qtbot, thermometers):
    window, _store, _dialogs = make_window("cashier")
    till = window.till
    qtbot.keyClicks(till.scan, "blf")
    assert [label.split(" · ")[0] for label in till.scan.suggestions()] == [f"{IBUPROFEN_SR} 300 mg"]
    qtbot.keyClicks(till.scan, "hs")
    assert till.scan.suggestions()[0].startswith(IBUPROFEN_SR)
    qtbot.keyClick(_popup(till), Qt.Key.Key_Return)      # nothing chosen in the list: Enter on the text itself
    assert [line.product.id for line in till.model.lines] == [thermometers[f"{IBUPROFEN_SR} 300 mg"]]
    assert till.scan.text() == ""


def test_chinese_characters_from_an_input_method_find_the_product(make_window, qtbot, thermometers):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    window, _store, _dialogs = make_window("cashier")
    till = window.till
    event = QInputMethodEvent()
    event.setCommitString("布洛")            # what a pinyin IME commits after the clerk picks the characters
    QApplication.sendEvent(till.scan, event)
    assert till.scan.text() == "布洛"
    assert [label.split(" · ")[0] for label in till.scan.suggestions()] == [f"{IBUPROFEN_SR} 300 mg"]


def test_enter_on_a_name_with_several_matches_opens_the_list(make_window, qtbot, thermometers):
    window, _store, _dialogs = make_window("cashier")
    till = window.till
    qtbot.keyClicks(till.scan, "thermometer")
    qtbot.keyClick(_popup(till), Qt.Key.Key_Escape)  # the list closes; Enter searches the typed name again
    assert not _popup(till).isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.model.rowCount() == 0
    assert _popup(till).isVisible() and len(till.scan.suggestions()) == 2
    assert till.message.text() == ""
    qtbot.keyClick(_popup(till), Qt.Key.Key_Down)
    qtbot.keyClick(_popup(till), Qt.Key.Key_Return)
    assert [line.product.id for line in till.model.lines] == [thermometers["Digital Thermometer"]]


def test_unknown_text_says_no_product_matches_not_barcode(make_window, qtbot, thermometers):
    window, store, _dialogs = make_window("cashier")
    till = window.till
    qtbot.keyClicks(till.scan, "xyzzy")
    assert till.scan.suggestions() == []
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.model.rowCount() == 0
    assert till.message.text() == "No product matches “xyzzy”."
    assert till.scan.selectedText() == "xyzzy"          # selected: the next typing replaces it
    qtbot.keyClicks(till.scan, "0000000000000")
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.message.text() == "No product has this barcode."


def test_product_dialog_edits_the_manufacturer_and_shows_the_pinyin_initials(make_window, qtbot, ids):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    window, store, dialogs = make_window("owner")
    page = window.pages["stock"]
    page.show_tab(page.catalog)
    assert page.catalog.table.select(lambda row: row["id"] == ids.otc)
    shown = []

    def edit(dialog: ProductDialog) -> bool:
        qtbot.keyClicks(dialog.manufacturer, "Kangda")
        dialog.name.selectAll()
        event = QInputMethodEvent()
        event.setCommitString("对乙酰氨基酚片")      # paracetamol tablets, committed by a pinyin IME
        QApplication.sendEvent(dialog.name, event)
        shown.append(dialog.initials.text())
        assert dialog.initials.isReadOnly()
        return accepted(dialog)

    dialogs.expect(ProductDialog, edit)
    page.catalog.edit_product()
    assert shown == ["dyxajfp"]
    product = store.catalog.get(ids.otc)
    assert (product.name, product.manufacturer, product.pinyin_initials) == ("对乙酰氨基酚片", "Kangda", "dyxajfp")
    assert [p.id for p in store.catalog.search("kangda")] == [ids.otc]
    assert [p.id for p in store.catalog.search("dyx")] == [ids.otc]


def test_no_match_message_in_chinese(make_window, qapp, qtbot):
    from pharmadesk.i18n import install_translators

    try:
        assert install_translators(qapp, "zh_CN")
        window, _store, _dialogs = make_window("cashier")
        qtbot.keyClicks(window.till.scan, "xyzzy")
        qtbot.keyClick(window.till.scan, Qt.Key.Key_Return)
        assert window.till.message.text() == "没有与“xyzzy”匹配的商品。"
    finally:
        install_translators(qapp, "xx_XX")        # back to the source language for the other tests


def test_stock_pages_product_picker_finds_by_any_word(qtbot, open_store, thermometers):
    from pharmadesk.ui.stock.product_picker import ProductPicker

    picker = ProductPicker(open_store("owner"))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "thermo")
    popup = picker.completer().popup()
    assert popup.isVisible()
    assert [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())] == [
        "Digital Thermometer", "Ear Thermometer"]
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.product.id == thermometers["Digital Thermometer"]
    picker.clear()
    failures = []
    picker.failed.connect(failures.append)
    qtbot.keyClicks(picker, "xyzzy")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.product is None and failures[0].message == "No product matches “xyzzy”."
