"""The new-promotion dialog: one form for every kind, showing only the fields the chosen kind uses, and a price
preview of chosen products. Saving builds the spec :mod:`~pharmadesk.core.promotion_specs` reads and calls
``store.promotions.create``; a refusal (a bad field, a conflict naming the other promotion) is shown in the
dialog and the form keeps everything typed."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox,
    QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout, QWidget,
)

from pharmadesk.core.catalog import CATEGORIES
from pharmadesk.core.money import parse_money
from pharmadesk.core.permissions import Action
from pharmadesk.core.pricing import KINDS, STACKING, TIERS
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.labels import (
    CATEGORY_LABELS, MEMBER_TIER_LABELS, PROMOTION_KIND_LABELS, label,
)
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.ui.promotions.price_preview import preview_prices
from pharmadesk.ui.promotions.promotion_text import weekday_name
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.widgets.search_field import no_auto_default

# Which optional form rows each kind shows (the rest are hidden and left out of the spec).
KIND_ROWS = {
    "member_price": {"member_mode"},
    "percent_off": {"percent"},
    "amount_off": {"amount"},
    "nth_item": {"nth", "percent"},
    "buy_x_get_y": {"buy", "get", "gift"},
    "spend_save": {"threshold", "amount", "repeat"},
    "coupon": {"amount", "threshold"},
    "points_multiplier": {"multiplier"},
}
MEMBER_MODES = ("percent", "prices", "tier_prices")
MAX_PREVIEW_PRODUCTS = 5
MONTH_DAY_SEPARATORS = re.compile(r"[\s,，、;/]+")


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


class PromotionDialog(QDialog):
    """On a successful save :attr:`promotion_id` is the new promotion's id."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.promotion_id: int | None = None
        self.setWindowTitle(self.tr("New promotion"))
        self.resize(1300, 680)          # inside a 1366×768 screen; the form scrolls when smaller
        today = _qdate(store.today())

        # -- the offer -----------------------------------------------------------------------------------
        self.name = QLineEdit()
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("printed on the receipt, e.g. 满100减10 (default: the name)"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(label(PROMOTION_KIND_LABELS, kind), kind)
        self.member_mode = QComboBox()
        self.member_mode.addItem(self.tr("a percent off for members"), "percent")
        self.member_mode.addItem(self.tr("a member price per product (in the product list)"), "prices")
        self.member_mode.addItem(self.tr("a percent of the price per tier"), "tier_prices")
        self.percent = QSpinBox()
        self.percent.setSuffix(" %")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.threshold = QLineEdit()
        self.threshold.setPlaceholderText("0.00")
        self.repeat = QCheckBox(self.tr("Repeats (save again for each further threshold)"))
        self.nth = QSpinBox()
        self.nth.setRange(2, 100)
        self.buy = QSpinBox()
        self.buy.setRange(1, 1000)
        self.get = QSpinBox()
        self.get.setRange(1, 1000)
        self.gift = ProductPicker(store)
        self.gift.setPlaceholderText(self.tr("the same product, or scan / type another one and Enter"))
        self.multiplier = QSpinBox()
        self.multiplier.setRange(0, 1000)
        self.multiplier.setSingleStep(50)
        self.multiplier.setValue(200)
        self.multiplier.setSuffix(" %")
        self.tier_percents = {}
        tiers = QWidget()
        tiers_row = QHBoxLayout(tiers)
        tiers_row.setContentsMargins(0, 0, 0, 0)
        for tier in TIERS:
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setSpecialValueText("—")
            self.tier_percents[tier] = spin
            tiers_row.addWidget(QLabel(label(MEMBER_TIER_LABELS, tier)))
            tiers_row.addWidget(spin)
        self.tier_box = tiers

        offer = QFormLayout()
        offer.addRow(self.tr("&Name"), self.name)
        offer.addRow(self.tr("&Kind"), self.kind)
        offer.addRow(self.tr("Receipt label"), self.label)
        self.percent_label = QLabel()
        self.rows = {
            "member_mode": (self.tr("Member price as"), self.member_mode),
            "tier_prices": (self.tr("Pays (percent of price)"), self.tier_box),
            "percent": (self.percent_label, self.percent),
            "nth": (self.tr("Every Nth item"), self.nth),
            "buy": (self.tr("Buy (units)"), self.buy),
            "get": (self.tr("Get free (units)"), self.get),
            "gift": (self.tr("Free product"), self.gift),
            "threshold": (self.tr("Spend at least"), self.threshold),
            "amount": (self.tr("Amount off"), self.amount),
            "repeat": ("", self.repeat),
            "multiplier": (self.tr("Points (100 % = usual)"), self.multiplier),
        }
        for title, widget in self.rows.values():
            offer.addRow(title, widget)
        self.offer_form = offer
        offer_box = QGroupBox(self.tr("Offer"))
        offer_box.setLayout(offer)

        # -- the products --------------------------------------------------------------------------------
        self.product_picker = ProductPicker(store)
        self.product_picker.productChosen.connect(self.add_scope_product)
        self.products = QTableWidget(0, 2)
        self.products.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Member price")])
        self.products.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.products.verticalHeader().hide()
        self.products.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.products.setMaximumHeight(110)
        self.products.setTabKeyNavigation(False)
        self.remove_product_button = QPushButton(self.tr("Remove product"))
        self.remove_product_button.clicked.connect(self.remove_scope_product)
        self.categories = {}
        categories = QGridLayout()
        for index, category in enumerate(CATEGORIES):
            box = QCheckBox(label(CATEGORY_LABELS, category).replace("&", "&&"))    # "mother & baby": no mnemonic
            self.categories[category] = box
            categories.addWidget(box, index // 4, index % 4)
        self.include_rx = QCheckBox(self.tr("Include prescription-only and controlled items"))
        self.rx_warning = QLabel(self.tr("Warning: discounting prescription medicines may break the rules on "
                                         "advertising them. Only if you are sure."))
        self.rx_warning.setWordWrap(True)
        self.rx_warning.setObjectName("warningLabel")
        self.rx_warning.setStyleSheet("color: #c0392b;")
        self.rx_warning.setVisible(False)
        self.include_rx.toggled.connect(self.rx_warning.setVisible)
        scope_box = QGroupBox(self.tr("Products (none chosen: all products)"))
        scope = QVBoxLayout(scope_box)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.product_picker, 1)
        pick_row.addWidget(self.remove_product_button)
        scope.addLayout(pick_row)
        scope.addWidget(self.products)
        scope.addWidget(QLabel(self.tr("Categories")))
        scope.addLayout(categories)
        scope.addWidget(self.include_rx)
        scope.addWidget(self.rx_warning)

        # -- the calendar --------------------------------------------------------------------------------
        self.starts_on = QDateEdit(today)
        self.starts_on.setCalendarPopup(True)
        self.starts_on.setDisplayFormat("yyyy-MM-dd")
        self.starts_on.setMinimumDate(today)
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.ends_on = QDateEdit(today.addDays(30))
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat("yyyy-MM-dd")
        self.ends_on.setEnabled(False)
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.ends_on, 1)
        self.weekdays = []
        weekday_row = QHBoxLayout()
        for day in range(7):
            box = QCheckBox(weekday_name(day))
            self.weekdays.append(box)
            weekday_row.addWidget(box)
        self.month_days = QLineEdit()
        self.month_days.setPlaceholderText(self.tr("e.g. 8, 18, 28 (empty: every day)"))
        self.has_hours = QCheckBox(self.tr("Only from"))
        self.from_time = QTimeEdit(QTime(9, 0))
        self.until_time = QTimeEdit(QTime(21, 0))
        for edit in (self.from_time, self.until_time):
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(False)
            self.has_hours.toggled.connect(edit.setEnabled)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.has_hours)
        hours_row.addWidget(self.from_time)
        hours_row.addWidget(QLabel(self.tr("until")))
        hours_row.addWidget(self.until_time)
        hours_row.addStretch(1)
        when = QFormLayout()
        when.addRow(self.tr("Starts on"), self.starts_on)
        when.addRow("", end_row)
        when.addRow(self.tr("Weekdays (none: every day)"), weekday_row)
        when.addRow(self.tr("Days of the month"), self.month_days)
        when.addRow(self.tr("Hours"), hours_row)
        when_box = QGroupBox(self.tr("When"))
        when_box.setLayout(when)

        # -- who and the rules ---------------------------------------------------------------------------
        self.audience = QComboBox()
        self.audience.addItem(self.tr("everyone"), "everyone")
        self.audience.addItem(self.tr("members"), "members")
        self.audience.addItem(self.tr("members of a tier"), "tier")
        self.audience.addItem(self.tr("a campaign's target group (members who agreed to marketing)"), "campaign")
        self.tier = QComboBox()
        for tier in TIERS:
            self.tier.addItem(label(MEMBER_TIER_LABELS, tier), tier)
        self.campaign = QComboBox()
        for campaign in store.campaigns.list() if store.may(Action.RUN_ANALYTICS) else []:
            self.campaign.addItem(self.tr("%1 (%2 contacted)").replace("%1", campaign["name"])
                                  .replace("%2", str(campaign["target"])), campaign["id"])
        self.stacking = QComboBox()
        explained = {"exclusive": self.tr("exclusive: alone on its items"),
                     "stackable": self.tr("stacks with other stackable promotions"),
                     "best": self.tr("best for customer: the one saving most of its kind")}
        for stacking in STACKING:
            self.stacking.addItem(explained[stacking], stacking)
        self.earns_points = QCheckBox(self.tr("Discounted items earn points"))
        self.earns_points.setChecked(True)
        self.below_cost = QCheckBox(self.tr("Allow selling below cost (owner approval)"))
        self.below_cost_warning = QLabel(self.tr("Warning: items may then sell for less than they cost you."))
        self.below_cost_warning.setStyleSheet("color: #c0392b;")
        self.below_cost_warning.setVisible(False)
        self.below_cost.toggled.connect(self.below_cost_warning.setVisible)
        self.note = QLineEdit()
        who = QFormLayout()
        who.addRow(self.tr("For"), self.audience)
        who.addRow(self.tr("Tier"), self.tier)
        who.addRow(self.tr("Campaign"), self.campaign)
        who.addRow(self.tr("Stacking"), self.stacking)
        who.addRow("", self.earns_points)
        who.addRow("", self.below_cost)
        who.addRow("", self.below_cost_warning)
        who.addRow(self.tr("Note"), self.note)
        self.who_form = who
        who_box = QGroupBox(self.tr("Who and how"))
        who_box.setLayout(who)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for box in (offer_box, scope_box, when_box, who_box):
            form_layout.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # -- the preview ---------------------------------------------------------------------------------
        self.preview_picker = ProductPicker(store)
        self.preview_picker.productChosen.connect(self.add_preview_product)
        self.preview_quantity = QSpinBox()
        self.preview_quantity.setRange(1, 99)
        self.preview_quantity.setPrefix("× ")
        self.preview_picks: list[tuple[int, int]] = []
        self.preview_clear_button = QPushButton(self.tr("Clear"))
        self.preview_clear_button.clicked.connect(self.clear_preview)
        self.preview_shopper = QComboBox()
        self.preview_shopper.addItem(self.tr("walk-in customer"), None)
        for tier in TIERS:
            self.preview_shopper.addItem(self.tr("%1 member").replace("%1", label(MEMBER_TIER_LABELS, tier)), tier)
        self.preview_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.preview_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.preview_at.setDateTime(self._now_local())
        self.preview_button = QPushButton(self.tr("&Preview prices"))
        self.preview_button.clicked.connect(self.update_preview)
        self.preview_table = QTableWidget(0, 5)
        self.preview_table.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("Price"), self.tr("Today"), self.tr("With this promotion"),
            self.tr("Printed as")])
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setTabKeyNavigation(False)
        self.preview_total = QLabel()
        self.preview_total.setWordWrap(True)
        self.preview_error = ErrorLabel()
        preview_box = QGroupBox(self.tr("Price preview (nothing is saved)"))
        preview = QVBoxLayout(preview_box)
        pick = QHBoxLayout()
        pick.addWidget(self.preview_picker, 1)
        pick.addWidget(self.preview_quantity)
        pick.addWidget(self.preview_clear_button)
        preview.addLayout(pick)
        settings = QFormLayout()
        settings.addRow(self.tr("Customer"), self.preview_shopper)
        settings.addRow(self.tr("At"), self.preview_at)
        preview.addLayout(settings)
        preview.addWidget(self.preview_button)
        preview.addWidget(self.preview_table, 1)
        preview.addWidget(self.preview_total)
        preview.addWidget(self.preview_error)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(scroll, 5)
        body.addWidget(preview_box, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self.update_kind_rows())
        self.member_mode.currentIndexChanged.connect(lambda _i: self.update_kind_rows())
        self.audience.currentIndexChanged.connect(lambda _i: self.update_audience_rows())
        self.update_kind_rows()
        self.update_audience_rows()
        no_auto_default(self)
        self.name.setFocus()

    def _now_local(self) -> QDateTime:
        now = self.store.now().astimezone()
        return QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))

    # -- which fields show -------------------------------------------------------------------------------

    def chosen_kind(self) -> str:
        return self.kind.currentData()

    def visible_rows(self) -> set[str]:
        """The optional rows the chosen kind (and member-price mode) uses."""
        kind = self.chosen_kind()
        rows = set(KIND_ROWS[kind])
        if kind == "member_price":
            mode = self.member_mode.currentData()
            rows |= {"percent"} if mode == "percent" else ({"tier_prices"} if mode == "tier_prices" else set())
        return rows

    def update_kind_rows(self) -> None:
        kind, rows = self.chosen_kind(), self.visible_rows()
        for key, (_title, widget) in self.rows.items():
            self.offer_form.setRowVisible(widget, key in rows)
        if kind == "nth_item":
            self.percent_label.setText(self.tr("That item pays (percent of price)"))
            self.percent.setRange(0, 99)
        else:
            self.percent_label.setText(self.tr("Percent off"))
            self.percent.setRange(1, 100)
        self.products.setColumnHidden(1, not (kind == "member_price" and self.member_mode.currentData() == "prices"))

    def update_audience_rows(self) -> None:
        chosen = self.audience.currentData()
        self.who_form.setRowVisible(self.tier, chosen == "tier")
        self.who_form.setRowVisible(self.campaign, chosen == "campaign")

    # -- products ----------------------------------------------------------------------------------------

    def scope_product_ids(self) -> list[int]:
        return [self.products.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.products.rowCount())]

    def add_scope_product(self, product) -> None:
        if product.id not in self.scope_product_ids():
            row = self.products.rowCount()
            self.products.insertRow(row)
            name = QTableWidgetItem(product.name)
            name.setData(Qt.ItemDataRole.UserRole, product.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.products.setItem(row, 0, name)
            self.products.setItem(row, 1, QTableWidgetItem(""))
        self.product_picker.clear()

    def remove_scope_product(self) -> None:
        row = self.products.currentRow()
        if row >= 0:
            self.products.removeRow(row)

    def set_member_price(self, product_id: int, text: str) -> None:
        """Type the member price of a listed product (what editing its cell does)."""
        row = self.scope_product_ids().index(product_id)
        self.products.item(row, 1).setText(text)

    # -- the spec ---------------------------------------------------------------------------------------

    def spec(self) -> dict:
        """The spec the form describes (only the chosen kind's fields); ValidationError for a bad amount."""
        kind, rows = self.chosen_kind(), self.visible_rows()
        spec: dict = {"name": self.name.text(), "kind": kind, "label": self.label.text() or None,
                      "stacking": self.stacking.currentData(), "earns_points": self.earns_points.isChecked(),
                      "allow_below_cost": self.below_cost.isChecked(), "note": self.note.text() or None}
        if "percent" in rows:
            spec["percent"] = self.percent.value()
        if "amount" in rows:
            spec["amount"] = parse_money(self.amount.text() or "0", "amount")
        if "threshold" in rows:
            spec["threshold"] = parse_money(self.threshold.text() or "0", "threshold")
        if "repeat" in rows:
            spec["repeat"] = self.repeat.isChecked()
        if "nth" in rows:
            spec["nth"] = self.nth.value()
        if "buy" in rows:
            spec["buy"], spec["get"] = self.buy.value(), self.get.value()
            gift = self.gift.product if self.gift.text().strip() else None
            if self.gift.text().strip() and gift is None:
                gift = self.gift.resolve()
                if gift is None:
                    spec["get_product_id"] = self.gift.text().strip()    # the domain names the unknown product
            if gift is not None:
                spec["get_product_id"] = gift.id
        if "multiplier" in rows:
            spec["multiplier"] = self.multiplier.value()
        if "tier_prices" in rows:
            spec["tier_prices"] = {tier: spin.value() for tier, spin in self.tier_percents.items() if spin.value()}
        if kind == "member_price" and self.member_mode.currentData() == "prices":
            spec["prices"] = [(pid, parse_money(self.products.item(row, 1).text() or "0", "prices"))
                              for row, pid in enumerate(self.scope_product_ids())]
        spec["scope"] = {"products": self.scope_product_ids(),
                         "categories": [c for c, box in self.categories.items() if box.isChecked()],
                         "include_rx": self.include_rx.isChecked()}
        calendar = {"starts_on": self.starts_on.date().toString("yyyy-MM-dd"),
                    "ends_on": self.ends_on.date().toString("yyyy-MM-dd") if self.has_end.isChecked() else None,
                    "weekdays": [day for day, box in enumerate(self.weekdays) if box.isChecked()],
                    "month_days": [part for part in MONTH_DAY_SEPARATORS.split(self.month_days.text()) if part]}
        if self.has_hours.isChecked():
            calendar["from_time"] = self.from_time.time().toString("HH:mm")
            calendar["until_time"] = self.until_time.time().toString("HH:mm")
        spec["calendar"] = calendar
        audience = self.audience.currentData()
        if audience == "tier":
            spec["audience"] = {"kind": "tier", "tier": self.tier.currentData()}
        elif audience == "campaign":
            spec["audience"] = {"kind": "listed", "campaign_id": self.campaign.currentData()}
        else:
            spec["audience"] = audience
        return spec

    def accept(self) -> None:
        self.error.clear_message()
        try:
            self.promotion_id = self.store.promotions.create(self.spec())
        except PharmaDeskError as exc:
            self.error.show_error(exc)          # everything typed stays as it was
            return
        super().accept()

    # -- the preview ------------------------------------------------------------------------------------

    def add_preview_product(self, product) -> None:
        if len(self.preview_picks) < MAX_PREVIEW_PRODUCTS:
            self.preview_picks.append((product.id, self.preview_quantity.value()))
        self.preview_picker.clear()
        self.update_preview()

    def clear_preview(self) -> None:
        self.preview_picks.clear()
        self.preview_table.setRowCount(0)
        self.preview_total.clear()
        self.preview_error.clear_message()

    def preview_moment(self) -> datetime:
        return self.preview_at.dateTime().toPython().astimezone()

    def update_preview(self) -> None:
        """Price the chosen products with today's promotions, then with this one too."""
        self.preview_error.clear_message()
        self.preview_table.setRowCount(0)
        self.preview_total.clear()
        if not self.preview_picks:
            self.preview_error.show_info(self.tr("Choose a product to preview its price."))
            return
        try:
            preview = preview_prices(self.store, self.spec(), self.preview_picks,
                                     self.preview_shopper.currentData(), self.preview_moment())
        except PharmaDeskError as exc:
            self.preview_error.show_error(exc)
            return
        for row in preview.rows:
            index = self.preview_table.rowCount()
            self.preview_table.insertRow(index)
            cells = [f"{row.name} × {row.quantity}", money(row.gross), money(row.running_only), money(row.with_new),
                     row.labels]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.preview_table.setItem(index, column, item)
        after = preview.with_new
        self.preview_total.setText(
            self.tr("Total %1 → %2 (saves %3; today's promotions alone: %4).")
            .replace("%1", money(after.gross)).replace("%2", money(after.total)).replace("%3", money(after.saved))
            .replace("%4", money(preview.running_only.total)))
        if not preview.new_runs:
            self.preview_error.show_info(self.tr("This promotion does not run at the chosen moment: change “At” to "
                                                 "a day and hour it runs."))
