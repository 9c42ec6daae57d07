"""The owner's Promotions page: the list and its status filter, the new-promotion dialog for several kinds (read
back through store.promotions.get), a refused promotion keeping its form, pause / resume / end, the price
preview, coupons issued to a campaign and as codes with their counts, the export for SMS/WeChat, and a
cashier who does not get the page."""

from __future__ import annotations

import csv
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt

from pharmadesk.ui.help_dialog import shortcut_rows
from pharmadesk.ui.promotions.promotion_dialog import PromotionDialog
from tests.ui.conftest import accepted


def _page(make_window, role: str = "owner"):
    window, store, driver = make_window(role)
    window.show_page("promotions")
    page = window.pages["promotions"]
    page.confirm = lambda *_args: True
    page.coupons.confirm = lambda *_args: True
    return window, page, store, driver


def _kind(dialog: PromotionDialog, kind: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _create_through_dialog(page, driver, fill) -> int | None:
    """Open New promotion, let ``fill(dialog)`` type into it, press Save; the new id (None if refused)."""
    seen = {}

    def handler(dialog):
        seen["dialog"] = dialog
        fill(dialog)
        return accepted(dialog)

    driver.expect(PromotionDialog, handler)
    promotion_id = page.new_promotion()
    page.last_dialog = seen["dialog"]
    return promotion_id


def _member(store, n: int, marketing: bool = True) -> int:
    return store.members.register(f"Member {n}", f"1390000{n:04d}", marketing_consent=marketing)


def test_the_page_lists_promotions_and_filters_them_by_status(make_window, ids):
    window, page, store, _driver = _page(make_window)
    first = store.promotions.create({"name": "Member day", "kind": "percent_off", "percent": 10, "label": "会员日9折",
                                     "calendar": {"month_days": [8, 18, 28]}, "audience": "members"})
    second = store.promotions.create({"name": "满100减10", "kind": "spend_save", "threshold": 10000, "amount": 1000,
                                      "stacking": "stackable"})
    store.promotions.pause(second)
    page.refresh()
    rows = {row["id"]: row for row in page.rows()}
    assert set(rows) == {first, second}
    assert page.table.model.data(page.table.model.index(
        [r["id"] for r in page.table.model.rows].index(first), 1)) == "percent off"
    assert rows[first]["label"] == "会员日9折" and "days 8, 18, 28" in rows[first]["when"]
    assert rows[first]["audience"] == "members" and rows[second]["status"] == "paused"
    _choose(page.status, "paused")
    assert [row["id"] for row in page.rows()] == [second]
    _choose(page.status, "ended")
    assert page.rows() == []
    _choose(page.status, None)
    page.select(first)
    assert "Gives: 10 % off" in page.details.text() and "For: members" in page.details.text()


def test_each_kind_shows_only_its_fields(make_window):
    _window, page, store, _driver = _page(make_window)
    dialog = PromotionDialog(store, page)
    def visible():
        return {key for key, (_t, widget) in dialog.rows.items() if dialog.offer_form.isRowVisible(widget)}
    expected = {"percent_off": {"percent"}, "amount_off": {"amount"}, "nth_item": {"nth", "percent"},
                "buy_x_get_y": {"buy", "get", "gift"}, "spend_save": {"threshold", "amount", "repeat"},
                "coupon": {"amount", "threshold"}, "points_multiplier": {"multiplier"},
                "member_price": {"member_mode", "percent"}}
    for kind, rows in expected.items():
        _kind(dialog, kind)
        assert visible() == rows, kind
    _choose(dialog.member_mode, "tier_prices")
    assert visible() == {"member_mode", "tier_prices"}
    _choose(dialog.member_mode, "prices")
    assert visible() == {"member_mode"} and not dialog.products.isColumnHidden(1)
    _kind(dialog, "spend_save")
    assert dialog.products.isColumnHidden(1)
    assert not dialog.rx_warning.isVisibleTo(dialog)
    dialog.include_rx.setChecked(True)
    assert dialog.rx_warning.isVisibleTo(dialog)
    dialog.below_cost.setChecked(True)
    assert dialog.below_cost_warning.isVisibleTo(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1300 and hint.height() <= 700          # fits a 1366×768 screen with its frame


def test_a_percent_off_with_a_calendar_and_categories_is_written_as_typed(make_window):
    _window, page, store, driver = _page(make_window)

    def fill(dialog):
        dialog.name.setText("Weekend cold care")
        dialog.label.setText("周末9折")
        _kind(dialog, "percent_off")
        dialog.percent.setValue(10)
        dialog.categories["otc"].setChecked(True)
        dialog.categories["acute"].setChecked(True)
        dialog.starts_on.setDate(dialog.starts_on.date().addDays(1))
        dialog.has_end.setChecked(True)
        dialog.ends_on.setDate(dialog.starts_on.date().addDays(60))
        dialog.weekdays[5].setChecked(True)
        dialog.weekdays[6].setChecked(True)
        dialog.has_hours.setChecked(True)
        dialog.from_time.setTime(dialog.from_time.time().fromString("09:00", "HH:mm"))
        dialog.until_time.setTime(dialog.until_time.time().fromString("12:30", "HH:mm"))
        _choose(dialog.audience, "tier")
        _choose(dialog.tier, "gold")
        _choose(dialog.stacking, "best")
        dialog.earns_points.setChecked(False)

    promotion_id = _create_through_dialog(page, driver, fill)
    record = store.promotions.get(promotion_id)
    p = record.promotion
    tomorrow = store.today() + timedelta(days=1)
    assert (p.kind, p.percent, p.label, p.stacking, p.earns_points) == ("percent_off", 10, "周末9折", "best", False)
    assert p.scope.categories == {"otc", "acute"} and not p.scope.product_ids and not p.scope.include_rx
    assert (p.calendar.starts_on, p.calendar.ends_on) == (tomorrow, tomorrow + timedelta(days=60))
    assert p.calendar.weekdays == {5, 6} and (p.calendar.from_time, p.calendar.until_time) == (time(9), time(12, 30))
    assert (p.audience.kind, p.audience.tier) == ("tier", "gold")
    assert page.selected().id == promotion_id and "saved" in page.message.text()


def test_spend_save_member_price_buy_x_get_y_and_coupon_through_the_dialog(make_window, ids):
    _window, page, store, driver = _page(make_window)
    otc = store.catalog.get(ids.otc)
    syrup = store.catalog.get(ids.expired_only)

    def spend_save(dialog):
        dialog.name.setText("满100减10")
        _kind(dialog, "spend_save")
        dialog.threshold.setText("100")
        dialog.amount.setText("10")
        dialog.repeat.setChecked(True)
        dialog.month_days.setText("8，18、28")
        _choose(dialog.stacking, "stackable")

    def member_price(dialog):
        dialog.name.setText("Paracetamol member price")
        _kind(dialog, "member_price")
        _choose(dialog.member_mode, "prices")
        dialog.add_scope_product(otc)
        dialog.set_member_price(otc.id, "11.00")
        _choose(dialog.audience, "members")

    def buy_get(dialog):
        dialog.name.setText("Buy 2 syrups, a paracetamol free")
        _kind(dialog, "buy_x_get_y")
        dialog.buy.setValue(2)
        dialog.get.setValue(1)
        dialog.product_picker.setText(syrup.barcode)
        dialog.product_picker.resolve()                  # Enter in the field adds the product
        dialog.gift.setText(otc.barcode)
        _choose(dialog.stacking, "stackable")

    def coupon(dialog):
        dialog.name.setText("Come back coupon")
        _kind(dialog, "coupon")
        dialog.amount.setText("5")
        dialog.threshold.setText("30")
        dialog.has_end.setChecked(True)

    made = {kind: _create_through_dialog(page, driver, fill)
            for kind, fill in (("spend_save", spend_save), ("member_price", member_price),
                               ("buy_x_get_y", buy_get), ("coupon", coupon))}
    assert all(made.values()), page.last_dialog.error.text()
    p = {kind: store.promotions.get(pid).promotion for kind, pid in made.items()}
    assert (p["spend_save"].threshold, p["spend_save"].amount, p["spend_save"].repeat) == (10000, 1000, True)
    assert p["spend_save"].calendar.month_days == {8, 18, 28} and p["spend_save"].stacking == "stackable"
    assert p["member_price"].prices == ((otc.id, 1100),) and p["member_price"].audience.kind == "members"
    assert (p["buy_x_get_y"].buy, p["buy_x_get_y"].get, p["buy_x_get_y"].get_product_id) == (2, 1, otc.id)
    assert p["buy_x_get_y"].scope.product_ids == {syrup.id}
    assert (p["coupon"].amount, p["coupon"].threshold) == (500, 3000)
    assert p["coupon"].calendar.ends_on == store.today() + timedelta(days=30)
    assert {row["id"] for row in page.rows()} == set(made.values())


def test_a_conflict_is_shown_in_the_dialog_and_keeps_the_form(make_window, ids):
    _window, page, store, driver = _page(make_window)
    existing = store.promotions.create({"name": "Everyday 5 %", "kind": "percent_off", "percent": 5})
    before = len(store.promotions.list())

    def fill(dialog):
        dialog.name.setText("Paracetamol 20 %")
        _kind(dialog, "percent_off")
        dialog.percent.setValue(20)
        dialog.add_scope_product(store.catalog.get(ids.otc))
        dialog.weekdays[2].setChecked(True)

    assert _create_through_dialog(page, driver, fill) is None
    dialog = page.last_dialog
    assert dialog.error.isVisibleTo(dialog)
    assert f"Overlaps with promotion “Everyday 5 %” (#{existing})" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted and len(store.promotions.list()) == before
    assert (dialog.name.text(), dialog.percent.value(), dialog.scope_product_ids()) == ("Paracetamol 20 %", 20,
                                                                                         [ids.otc])
    assert dialog.weekdays[2].isChecked() and dialog.chosen_kind() == "percent_off"
    dialog.amount.setText("12.345")                   # a field of another kind is ignored, not sent
    dialog.percent.setValue(0)                        # clamps to 1: still refused by the conflict
    dialog.accept()
    assert "Overlaps" in dialog.error.text()


def test_pause_resume_and_end_change_the_status_and_ending_asks_first(make_window):
    _window, page, store, _driver = _page(make_window)
    promotion_id = store.promotions.create({"name": "Ten off", "kind": "percent_off", "percent": 10})
    page.refresh()
    page.select(promotion_id)
    assert page.pause_button.isEnabled() and not page.resume_button.isEnabled()
    page.pause_button.click()
    assert store.promotions.get(promotion_id).status == "paused"
    assert page.resume_button.isEnabled() and not page.pause_button.isEnabled()
    page.resume_button.click()
    assert store.promotions.get(promotion_id).status == "active"
    questions = []
    page.confirm = lambda _parent, title, text: questions.append(text) or False
    page.end_button.click()
    assert store.promotions.get(promotion_id).status == "active" and "cannot be resumed" in questions[0]
    page.confirm = lambda *_args: True
    page.end_button.click()
    assert store.promotions.get(promotion_id).status == "ended"
    assert not (page.pause_button.isEnabled() or page.resume_button.isEnabled() or page.end_button.isEnabled())
    assert page.selected().status == "ended" and "ended" in page.message.text()


def _preview_rows(dialog):
    table = dialog.preview_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_preview_prices_a_percent_off_for_everyone(make_window, ids):
    _window, page, store, _driver = _page(make_window)
    dialog = PromotionDialog(store, page)
    dialog.name.setText("Ten off")
    dialog.label.setText("9折")
    _kind(dialog, "percent_off")
    dialog.percent.setValue(10)
    dialog.preview_quantity.setValue(2)
    dialog.preview_picker.setText(store.catalog.get(ids.otc).barcode)
    dialog.preview_picker.resolve()                  # Enter: added and priced at once
    assert _preview_rows(dialog) == [["Paracetamol 500mg × 2", "25.00", "25.00", "22.50", "9折"]]
    assert "25.00 → 22.50" in dialog.preview_total.text()
    assert store.promotions.list() == []             # nothing saved
    assert not dialog.preview_error.isVisibleTo(dialog)
    dialog.starts_on.setDate(dialog.starts_on.date().addDays(2))     # starts later: the preview says so
    dialog.update_preview()
    assert _preview_rows(dialog)[0][3] == "25.00" and "does not run at the chosen moment" in dialog.preview_error.text()
    dialog.preview_at.setDateTime(dialog.preview_at.dateTime().addDays(2))
    dialog.update_preview()
    assert _preview_rows(dialog)[0][3] == "22.50" and not dialog.preview_error.isVisibleTo(dialog)


def test_the_preview_shows_a_member_price_to_members_only_and_stacks_with_running_ones(make_window, ids):
    _window, page, store, _driver = _page(make_window)
    store.promotions.create({"name": "Stack 1 off", "kind": "amount_off", "amount": 100, "stacking": "stackable",
                             "label": "减1元"})
    dialog = PromotionDialog(store, page)
    dialog.name.setText("Member price")
    dialog.label.setText("会员价")
    _kind(dialog, "member_price")
    _choose(dialog.member_mode, "prices")
    dialog.add_scope_product(store.catalog.get(ids.otc))
    dialog.set_member_price(ids.otc, "11.00")
    _choose(dialog.audience, "members")
    _choose(dialog.stacking, "stackable")
    dialog.preview_picks.append((ids.otc, 1))
    dialog.update_preview()                                            # a walk-in customer: no member price
    assert _preview_rows(dialog) == [["Paracetamol 500mg × 1", "12.50", "11.50", "11.50", "减1元"]]
    _choose(dialog.preview_shopper, "silver")
    dialog.update_preview()
    assert _preview_rows(dialog) == [["Paracetamol 500mg × 1", "12.50", "11.50", "10.00", "会员价 + 减1元"]]
    dialog.set_member_price(ids.otc, "13.00")                          # above the price: the domain says so
    dialog.update_preview()
    assert "must be below its price" in dialog.preview_error.text() and dialog.preview_table.rowCount() == 0


def _wait(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: panel.runner is not None and panel.runner.done and panel.issue_button.isEnabled(),
                    timeout=20_000)


def test_coupons_are_issued_to_a_campaign_and_as_codes_and_counted(make_window, qtbot):
    _window, page, store, _driver = _page(make_window)
    members = [_member(store, n) for n in range(1, 6)]
    campaign = store.campaigns.create("Come back", members, starts_on=store.today(),
                                      ends_on=store.today() + timedelta(days=20), holdout=0.0)
    store.members.set_consent(members[0], "marketing", False, "verbal")     # withdrawn since: left out
    promotion_id = store.promotions.create({"name": "Come back 5", "kind": "coupon", "amount": 500,
                                            "threshold": 3000})
    page.refresh()
    page.select(promotion_id)
    panel = page.coupons
    assert page.side.isTabEnabled(page.side.indexOf(panel))
    _choose(panel.campaign, campaign)
    panel.issue_button.click()
    _wait(qtbot, panel)
    assert panel.message.text() == "Issued 4. Left out 1 without marketing consent."
    _choose(panel.source, "count")
    panel.count.setValue(3)
    panel.issue_button.click()
    _wait(qtbot, panel)
    assert panel.message.text() == "Issued 3."
    assert store.promotions.coupon_report(promotion_id).issued == 7
    assert "Issued 7 · redeemed 0 · expired 0 · open 7 · cancelled 0" == panel.counts.text()
    assert panel.table.model.rowCount() == 7
    printed = next(c for c in panel.table.model.rows if c.member_id is None)
    panel.table.select(lambda c: c.code == printed.code)
    panel.void_button.click()
    assert "open 6 · cancelled 1" in panel.counts.text()
    assert panel.table.current().code == printed.code and panel.table.current().voided_at is not None


def test_the_coupon_list_is_exported_on_a_worker_for_sms(make_window, qtbot, tmp_path):
    _window, page, store, _driver = _page(make_window)
    members = [_member(store, n) for n in range(1, 4)]
    promotion_id = store.promotions.create({"name": "Welcome", "kind": "coupon", "amount": 500})
    issued = store.promotions.issue_coupons(promotion_id, expires_on=store.today() + timedelta(days=10),
                                            member_ids=members)
    page.refresh()
    page.select(promotion_id)
    target = tmp_path / "coupons.csv"
    asked = []
    page.coupons.ask_save_path = lambda name: asked.append(name) or str(target)
    page.coupons.export_button.click()
    _wait(qtbot, page.coupons)
    assert asked == [f"coupons-{promotion_id}.csv"]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "Phone", "Code", "Valid until"]
    assert sorted(row[2] for row in rows[1:]) == sorted(issued.codes)
    assert page.coupons.message.text() == "3 coupons written to coupons.csv."


def test_ctrl_n_opens_the_dialog_from_the_keyboard_and_f1_lists_it(make_window, qtbot):
    window, page, _store, driver = _page(make_window)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(driver.of_type(PromotionDialog)) == 1
    assert ("Ctrl+N", "New promotion", "Promotions") in shortcut_rows(window)


def test_the_dialog_is_filled_from_the_keyboard_alone(make_window, qtbot):
    _window, page, store, _driver = _page(make_window)
    dialog = PromotionDialog(store, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Keyboard 5 off")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.kind                 # name, then kind: the form's own order
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)               # member price → percent off
    assert dialog.chosen_kind() == "percent_off"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.label
    qtbot.keyClick(dialog.label, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.percent               # hidden rows take no focus
    dialog.percent.selectAll()
    qtbot.keyClicks(dialog.percent, "5")
    qtbot.keyClick(dialog.percent, Qt.Key.Key_Return)           # Enter in a field presses Save
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert store.promotions.get(dialog.promotion_id).promotion.percent == 5


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_only_the_owner_gets_the_page(make_window, role):
    window, _store, _driver = make_window(role)
    assert "promotions" not in window.nav_keys() and "promotions" not in window.pages
