"""The day close page as the cashier uses it, keys only: count the drawer, Enter, check expected, counted and
difference (and the takings per method) in the confirmation, close; print the X or Z report or save it as
PDF; switch the language without losing the Z report. The store clock is the fixed test clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.i18n import install_translators
from pharmadesk.reports.z_report import day_report_document
from pharmadesk.ui.day_close import DayCloseConfirmation
from tests.conftest import table_snapshot


def _a_day_of_sales(store, ids) -> None:
    """Cash 25.00 (two paracetamol, 30.00 handed over) and card 12.50: 25.00 cash expected without a float."""
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=3000)])
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="T-4711")])


def _day_close(window, qtbot):
    window.show_page("day_close")
    page = window.pages["day_close"]
    page.counted_cash.setFocus()
    return page


def test_the_confirmation_shows_expected_counted_and_difference(make_window, qtbot, ids, clock):
    window, store, dialogs = make_window("owner")
    _a_day_of_sales(store, ids)
    page = _day_close(window, qtbot)
    seen = {}

    def check_and_close(dialog: DayCloseConfirmation) -> bool:
        seen.update({key: label.text() for key, label in dialog.values.items()})
        seen["text"] = dialog.text()
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is dialog.cancel_button         # Enter alone would cancel
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)         # Tab to "Close the day", Enter
        assert dialog.focusWidget() is dialog.close_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(DayCloseConfirmation, check_and_close)
    qtbot.keyClicks(page.counted_cash, "24.00")
    qtbot.keyClick(page.counted_cash, Qt.Key.Key_Return)

    assert seen["expectedCash"] == "25.00"
    assert seen["countedCash"] == "24.00"
    assert seen["difference"] == "1.00 short"
    assert seen["cashTaken"] == "25.00" and seen["openingFloat"] == "0.00"
    lines = seen["text"].splitlines()
    assert "Takings by payment method" in lines
    assert lines[lines.index("Cash") + 1] == "25.00" and lines[lines.index("Card") + 1] == "12.50"
    z = page.last_report
    assert z.closed and (z.expected_cash, z.counted_cash, z.cash_variance) == (2500, 2400, -100)
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 1
    shown = page.report.toPlainText()
    assert f"Z report #{z.day_close_id}" in shown and "Test Pharmacy" in shown and "-1.00" in shown
    assert page.counted_cash.text() == ""


def test_enter_or_escape_in_the_confirmation_closes_nothing(make_window, qtbot, ids, clock):
    window, store, dialogs = make_window("owner")
    _a_day_of_sales(store, ids)
    page = _day_close(window, qtbot)
    before = table_snapshot(store)

    def press(key):
        def handler(dialog: DayCloseConfirmation) -> bool:
            dialog.show()
            qtbot.waitExposed(dialog)
            qtbot.keyClick(dialog, key)                 # Cancel is the default button: Enter cancels too
            return dialog.result() == QDialog.DialogCode.Accepted
        return handler

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        dialogs.expect(DayCloseConfirmation, press(key))
        qtbot.keyClicks(page.counted_cash, "25.00")
        qtbot.keyClick(page.counted_cash, Qt.Key.Key_Return)
        assert len(dialogs.of_type(DayCloseConfirmation)) == (1 if key == Qt.Key.Key_Return else 2)
        page.counted_cash.clear()
    assert table_snapshot(store) == before
    assert page.last_report is None and page.shown_report is None


def test_a_count_that_is_not_money_is_refused_before_any_confirmation(make_window, qtbot, ids, clock):
    window, store, dialogs = make_window("owner")
    page = _day_close(window, qtbot)
    qtbot.keyClicks(page.counted_cash, "twelve")
    qtbot.keyClick(page.counted_cash, Qt.Key.Key_Return)
    assert dialogs.of_type(DayCloseConfirmation) == []
    assert page.error.isVisible() and page.error.text()
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 0


def test_the_z_report_saves_as_pdf_and_prints(make_window, qtbot, ids, clock, tmp_path):
    window, store, dialogs = make_window("owner")
    _a_day_of_sales(store, ids)
    page = _day_close(window, qtbot)
    assert not page.pdf_button.isEnabled() and not page.print_button.isEnabled()     # nothing to print yet
    dialogs.expect(DayCloseConfirmation, lambda dialog: dialog.accept() or True)
    qtbot.keyClicks(page.counted_cash, "25.00")
    qtbot.keyClick(page.counted_cash, Qt.Key.Key_Return)
    z = page.last_report

    text = day_report_document(z, store).toPlainText()          # what goes on paper
    for figure in (f"Z report #{z.day_close_id}", "Test Pharmacy", "Net sales", "37.50", "Cash", "25.00",
                   "Card", "12.50", "Expected cash", "Counted cash", "Cash variance", "0.00"):
        assert figure in text, figure
    assert "Casey" not in text and "Olivia Owner" in text                  # made by the one who closed

    asked = []
    page.choose_pdf_path = lambda parent, caption, name: asked.append(name) or str(tmp_path / name)
    qtbot.keyClick(page.pdf_button, Qt.Key.Key_Space)
    pdf = tmp_path / f"z-report-{z.day_close_id}.pdf"
    assert asked == [pdf.name]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert str(pdf) in page.error.text()

    printed = tmp_path / "printed.pdf"

    def pdf_printer_dialog(printer, parent):             # the print dialog, with a PDF "printer" chosen
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QDialog(parent)

    page.print_dialog = pdf_printer_dialog
    dialogs.expect(QDialog, lambda dialog: dialog.accept() or True)
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    assert printed.read_bytes().startswith(b"%PDF")


def test_the_x_report_prints_the_same_way(make_window, qtbot, ids, clock, tmp_path):
    window, store, _dialogs = make_window("owner")
    _a_day_of_sales(store, ids)
    page = _day_close(window, qtbot)
    qtbot.keyClick(page.x_button, Qt.Key.Key_Space)
    assert "X report" in page.report.toPlainText() and "37.50" in page.report.toPlainText()
    page.choose_pdf_path = lambda parent, caption, name: str(tmp_path / name)
    qtbot.keyClick(page.pdf_button, Qt.Key.Key_Space)
    assert (tmp_path / "x-report.pdf").read_bytes().startswith(b"%PDF")
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 0


def test_the_z_report_survives_a_language_switch(make_window, qtbot, qapp, ids, clock):
    window, store, dialogs = make_window("owner")
    _a_day_of_sales(store, ids)
    page = _day_close(window, qtbot)
    dialogs.expect(DayCloseConfirmation, lambda dialog: dialog.accept() or True)
    qtbot.keyClicks(page.counted_cash, "24.00")
    qtbot.keyClick(page.counted_cash, Qt.Key.Key_Return)
    z = page.last_report
    try:
        window.change_language("zh_CN")
        qtbot.waitUntil(lambda: window.help_menu.title() == "帮助(&H)", timeout=2000)
        assert window.pages["day_close"] is page and page.shown_report is z
        shown = page.report.toPlainText()
        assert "Z report" not in shown and "-1.00" in shown and "24.00" in shown
        assert any("\u4e00" <= ch <= "\u9fff" for ch in shown)               # the report itself in Chinese
        assert page.z_button.text() != "&Close the day (Z report)"
        assert window.current_page_key() == "day_close"
    finally:
        install_translators(qapp, "xx_XX")
    qtbot.waitUntil(lambda: window.help_menu.title() == "&Help", timeout=2000)
    assert f"Z report #{z.day_close_id}" in page.report.toPlainText()
