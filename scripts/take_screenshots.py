"""Screenshots of the program on the demo store, for docs/screenshots/ and the README.

Run it on a real (virtual) screen so the window manager-free X server draws real windows:

    xvfb-run -s "-screen 0 1366x768x24" python scripts/take_screenshots.py --store /tmp/demo --out docs/screenshots

It builds the demo store in --store if none is there, logs in as the owner, fills a
sale in progress at the till and grabs each page (the Promotions page also with its results and the
new-promotion dialog's price preview).
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store
from pharmadesk.i18n import apply_fonts, install_translators
from pharmadesk.ui.app import load_style
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.promotions.promotion_dialog import PromotionDialog


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=Path("/tmp/pharmadesk-screenshots"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    if not (args.store / "pharmadesk.db").exists():
        build_demo_store(args.store).close()

    app = QApplication(sys.argv)
    apply_fonts(app)
    load_style(app)
    install_translators(app, args.language)
    store = Store.open(args.store, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    store.login("owner", DEMO_USERS["owner"][3])
    window = MainWindow(store)
    window.place_on_screen()                       # maximised, as the program opens on a till PC;
    window.resize(window.screen().availableGeometry().size())      # Xvfb has no window manager to maximise it
    settle(app)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"

    till = window.pages["till"]
    member = store.members.search(store.db.scalar(
        "SELECT name FROM members WHERE id IN (SELECT member_id FROM member_conditions) ORDER BY id LIMIT 1"))[0]
    till.set_member(member)
    for barcode in store.db.all(
            "SELECT p.barcode FROM products p JOIN batches b ON b.product_id = p.id "
            "WHERE p.legal_class = 'otc' AND b.on_hand > 5 AND b.expiry > date('now', '+60 days') "
            "GROUP BY p.category ORDER BY p.category LIMIT 4"):
        till.add_product(store.catalog.by_barcode(barcode["barcode"]))
    settle(app)
    window.grab().save(str(args.out / f"till{suffix}.png"))

    window.show_page("members")
    members = window.pages["members"]
    members.search(member.name)
    settle(app)
    members.select_member(member.id)
    settle(app)
    window.grab().save(str(args.out / f"members{suffix}.png"))

    members.tabs.setCurrentWidget(members.timeline)         # the member's story in one list
    settle(app)
    window.grab().save(str(args.out / f"member-timeline{suffix}.png"))
    members.tabs.setCurrentIndex(0)

    window.show_page("service")                             # complaints, calls and the ADR report
    service = window.pages["service"]
    service.status.setCurrentIndex(service.status.findData(None))
    service.records.select(lambda r: r.kind == "complaint")
    settle(app)
    window.grab().save(str(args.out / f"service{suffix}.png"))
    service.later.setChecked(True)
    service.tabs.setCurrentIndex(1)
    service.calls.select(lambda r: True)
    settle(app)
    window.grab().save(str(args.out / f"service-calls{suffix}.png"))
    service.tabs.setCurrentIndex(0)

    window.show_page("stock")
    stock = window.pages["stock"]
    for tab, name in ((stock.catalog, "stock-products"), (stock.expiry, "stock-expiry"),
                      (stock.orders, "stock-orders")):
        stock.show_tab(tab)
        settle(app)
        window.grab().save(str(args.out / f"{name}{suffix}.png"))

    if not store.db.scalar("SELECT COUNT(*) FROM campaigns"):      # a finished campaign, so its results show
        store.campaigns.create("Autumn vitamin SMS", store.privacy.consented_members("marketing"),
                        starts_on=store.today() - timedelta(days=45), ends_on=store.today() - timedelta(days=15),
                        cost=30_000, segment="all consenting members", seed=7)
    for key in ("dashboard", "reports", "care", "reorder", "segments", "value", "campaigns"):
        window.show_page(key)
        pane = window.pages[key]
        if key == "reports":
            pane.choose("daily", store.today() - timedelta(days=1))
        settle(app)
        while pane.busy or pane.result is None:
            pane.wait(200)
            settle(app)
        settle(app, 60)
        if key == "reorder" and pane.table.model.rowCount():
            pane.table.view.selectRow(0)
            settle(app, 40)
        window.grab().save(str(args.out / f"{key}{suffix}.png"))

    window.show_page("promotions")                 # the list with the coupon campaign's coupons, then its results
    promotions = window.pages["promotions"]
    coupon = next((r for r in promotions.records if r.promotion.kind == "coupon"), None)
    if coupon is not None:
        promotions.select(coupon.id)
        promotions.side.setCurrentWidget(promotions.coupons)
    settle(app, 40)
    window.grab().save(str(args.out / f"promotions{suffix}.png"))
    promotions.tabs.setCurrentWidget(promotions.results)
    settle(app)
    while promotions.results.busy or promotions.results.result is None:
        promotions.results.wait(200)
        settle(app)
    settle(app, 60)
    window.grab().save(str(args.out / f"promotions-results{suffix}.png"))
    promotions.tabs.setCurrentWidget(promotions.list_tab)
    dialog = PromotionDialog(store, window)        # a 满100减10 being written, with its price preview
    dialog.name.setText("满100减10")
    dialog.kind.setCurrentIndex(dialog.kind.findData("spend_save"))
    dialog.threshold.setText("100")
    dialog.amount.setText("10")
    dialog.stacking.setCurrentIndex(dialog.stacking.findData("stackable"))
    for product in till.model.lines[:3]:
        dialog.preview_picks.append((product.product.id, 2))
    dialog.preview_shopper.setCurrentIndex(dialog.preview_shopper.findData("gold"))
    dialog.show()
    dialog.update_preview()
    settle(app, 40)
    dialog.grab().save(str(args.out / f"promotion-dialog{suffix}.png"))
    dialog.reject()

    if not store.db.scalar("SELECT COUNT(*) FROM sales WHERE source = 'till' AND day_close_id IS NULL"):
        for method, reference in (("cash", None), ("wechat", "4200001234202612040012"), ("alipay", "2026120422001")):
            line = CartLine(till.model.lines[0].product.id, 1)          # a few of today's sales, paid three ways
            price = store.catalog.get(line.product_id).price
            store.sales.sell([line], [Payment(method, price, reference=reference,
                                              tendered=price + 500 if method == "cash" else None)])
    window.show_page("day_close")
    window.pages["day_close"].show_x_report()      # the day so far, per payment method
    settle(app)
    window.grab().save(str(args.out / f"day-close{suffix}.png"))
    till.clear_sale()
    store.logout()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
