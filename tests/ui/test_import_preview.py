"""The import dialog shows the first rows in the encoding detected or chosen before anything is imported
(issue 17 item 5): a cp1252 file is not guessed; choosing Windows-1252 shows 'Crème' and imports it."""

from __future__ import annotations

from pharmadesk.ui.stock.import_dialog import ImportDialog

PRODUCTS = ("barcode,name,category,legal_class,price\n"
            "6901234560015,Crème hydratante,otc,otc,12.50\n"
            "6901234560022,Pâte à l'eau,otc,otc,3.00\n")


def _dialog(store, qtbot, path) -> ImportDialog:
    dialog = ImportDialog(store, "products")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.path.editingFinished.emit()
    return dialog


def _cells(dialog) -> list[list[str]]:
    table = dialog.preview
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_preview_shows_the_first_rows_of_a_utf8_file(store, qtbot, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("name,phone\n" + "".join(f"陈美 {i},1380013{i:04d}\n" for i in range(9)), encoding="utf-8")
    dialog = _dialog(store, qtbot, path)
    assert not dialog.preview.isHidden()
    assert dialog.preview.horizontalHeaderItem(0).text() == "name"
    assert _cells(dialog) == [[f"陈美 {i}", f"1380013{i:04d}"] for i in range(5)]
    assert "detected" in dialog.preview_note.text()


def test_an_unsure_encoding_is_asked_for_and_the_choice_is_previewed_and_imported(store, qtbot, tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes(PRODUCTS.encode("cp1252"))
    dialog = _dialog(store, qtbot, path)
    assert dialog.preview.isHidden() and "--encoding" in dialog.preview_note.text()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    assert not dialog.preview.isHidden()
    assert [row[1] for row in _cells(dialog)] == ["Crème hydratante", "Pâte à l'eau"]
    assert store.db.scalar("SELECT count(*) FROM products WHERE barcode = '6901234560015'") == 0   # not yet
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.applied and dialog.report.imported == 2
    assert store.catalog.by_barcode("6901234560015").name == "Crème hydratante"
