"""Issue 15 part A in the program: the product dialog's Regulatory tab (every master field, combos with
translated labels, the approval number checked by the domain), the catalogue's master columns, and the
regulatory profile in Settings."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from pharmadesk.reports.labels import OTC_CLASS_LABELS, STORAGE_LABELS
from pharmadesk.ui.settings_dialog import SettingsDialog
from pharmadesk.ui.stock.product_dialog import ProductDialog
from tests.ui.conftest import accepted

from conftest import table_snapshot


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` as a clerk would: keys for ASCII, an input method's committed string for Chinese (QtTest
    has no keys for it)."""
    for part in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def _fill_main_tab(qtbot, dialog: ProductDialog, barcode: str = "6901234561104") -> None:
    type_text(qtbot, dialog.barcode, barcode)
    type_text(qtbot, dialog.name, "阿莫西林胶囊 0.25g×24粒")
    type_text(qtbot, dialog.price, "12.80")
    dialog.category.setCurrentIndex(dialog.category.findData("acute"))
    dialog.legal_class.setCurrentIndex(dialog.legal_class.findData("rx"))


def test_the_regulatory_tab_saves_every_master_field(open_store, qtbot):
    store = open_store("owner")
    dialog = ProductDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_main_tab(qtbot, dialog)
    assert dialog.tabs.currentIndex() == 0
    dialog.price.setFocus()
    qtbot.keyClick(dialog.price, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)     # Ctrl+Tab: the next tab
    assert dialog.tabs.currentIndex() == 1
    type_text(qtbot, dialog.manufacturer, "江南康达制药有限公司")
    type_text(qtbot, dialog.authorisation_holder, "江南康达制药有限公司")
    type_text(qtbot, dialog.approval_number, "国药准字 h20003263")      # normalised by the domain
    type_text(qtbot, dialog.specification, "0.25g×24粒")
    type_text(qtbot, dialog.form, "胶囊剂")
    dialog.storage_condition.setCurrentIndex(dialog.storage_condition.findData("cool"))
    type_text(qtbot, dialog.insurance_code, "XJ01CAA040A001010101234")
    dialog.split_units.setValue(24)
    type_text(qtbot, dialog.split_unit_name, "粒")
    type_text(qtbot, dialog.split_unit_price, "0.60")
    dialog.contains_ephedrine.setChecked(False)
    assert accepted(dialog), dialog.error.text()
    product = store.catalog.get(dialog.product_id)
    assert (product.manufacturer, product.authorisation_holder, product.approval_number) == \
        ("江南康达制药有限公司", "江南康达制药有限公司", "国药准字H20003263")
    assert (product.specification, product.form, product.storage_condition, product.insurance_code) == \
        ("0.25g×24粒", "胶囊剂", "cool", "XJ01CAA040A001010101234")
    assert (product.split_units, product.split_unit_name, product.split_unit_price, product.otc_class) == \
        (24, "粒", 60, None)


def test_the_combos_carry_translated_labels_and_an_edit_keeps_the_values(open_store, qtbot):
    store = open_store("owner")
    product_id = store.catalog.add_product(
        barcode="6901234561111", name="新康泰克", category="otc", legal_class="otc", price=1980, otc_class="b",
        storage_condition="cold", contains_ephedrine=True, approval_number="国药准字H10940184")
    dialog = ProductDialog(store, store.catalog.get(product_id))
    qtbot.addWidget(dialog)
    assert [dialog.otc_class.itemText(i) for i in range(dialog.otc_class.count())][1:] == \
        [OTC_CLASS_LABELS["a"], OTC_CLASS_LABELS["b"]]
    assert dialog.storage_condition.count() == 3 and dialog.storage_condition.currentText() == STORAGE_LABELS["cold"]
    assert dialog.otc_class.currentData() == "b" and dialog.contains_ephedrine.isChecked()
    assert dialog.approval_number.text() == "国药准字H10940184"
    dialog.otc_class.setCurrentIndex(dialog.otc_class.findData("a"))
    assert accepted(dialog)
    assert store.catalog.get(product_id).otc_class == "a"


def test_a_malformed_approval_number_shows_the_domains_message_on_its_tab(open_store, qtbot):
    store = open_store("owner")
    before = table_snapshot(store)
    dialog = ProductDialog(store)
    qtbot.addWidget(dialog)
    _fill_main_tab(qtbot, dialog)
    dialog.approval_number.setText("国药准字X123")
    assert not accepted(dialog)
    assert dialog.error.text().startswith("That approval number is not in a known form")
    assert dialog.tabs.currentIndex() == 1          # the field is on the Regulatory tab: it is shown
    assert table_snapshot(store) == before


def test_under_china_gsp_the_dialog_refuses_a_medicine_without_its_number(open_store, qtbot):
    store = open_store("owner")
    store.set_setting("regulatory_profile", "china_gsp")
    before = table_snapshot(store)
    dialog = ProductDialog(store)
    qtbot.addWidget(dialog)
    _fill_main_tab(qtbot, dialog)
    assert not accepted(dialog)
    assert "批准文号" in dialog.error.text() and dialog.tabs.currentIndex() == 1
    assert table_snapshot(store) == before
    dialog.approval_number.setText("国药准字H20003263")
    assert accepted(dialog)


def test_the_dialog_fits_a_1366_by_768_screen(open_store, qtbot):
    dialog = ProductDialog(open_store("owner"))
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 680, hint


def test_the_catalogue_shows_manufacturer_specification_and_approval_number(make_window, ids):
    window, store, _dialogs = make_window("owner")
    store.catalog.update_product(ids.otc, manufacturer="康达制药", specification="0.5g×20片",
                                 approval_number="国药准字H20013062")
    page = window.pages["stock"]
    page.show_tab(page.catalog)
    page.catalog.refresh()
    model = page.catalog.table.model
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert {"Manufacturer", "Specification", "Approval number"} <= set(titles)
    assert page.catalog.table.select(lambda row: row["id"] == ids.otc)
    row = page.catalog.table.current()
    assert (row["manufacturer"], row["specification"], row["approval_number"]) == \
        ("康达制药", "0.5g×20片", "国药准字H20013062")


def test_settings_choose_the_regulatory_profile(make_window, qtbot):
    window, store, _dialogs = make_window("owner")
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    combo = dialog.regulatory_profile
    assert [combo.itemText(i) for i in range(combo.count())] == ["None", "China GSP (零售药店)"]
    assert combo.currentData() == "none"
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("china_gsp"))
    assert dialog.save()
    assert store.settings.regulatory_profile == "china_gsp" and store.settings.china_gsp
    again = SettingsDialog(store, window)
    qtbot.addWidget(again)
    assert again.regulatory_profile.currentData() == "china_gsp"
    again.regulatory_profile.setCurrentIndex(again.regulatory_profile.findData("none"))
    assert again.save() and not store.settings.china_gsp
