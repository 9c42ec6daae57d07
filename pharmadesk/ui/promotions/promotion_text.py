"""A stored promotion in words for the owner's list and details: what it gives, when it runs, for whom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.money import format_money
from pharmadesk.core.pricing import Promotion
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.labels import (
    CATEGORY_LABELS, MEMBER_TIER_LABELS, PROMOTION_KIND_LABELS, PROMOTION_STACKING_LABELS, label,
)

translate = QCoreApplication.translate       # lupdate finds the translate("context", "text") calls
WEEKDAY_NAMES = (QT_TRANSLATE_NOOP("PromotionText", "Mon"), QT_TRANSLATE_NOOP("PromotionText", "Tue"),
                 QT_TRANSLATE_NOOP("PromotionText", "Wed"), QT_TRANSLATE_NOOP("PromotionText", "Thu"),
                 QT_TRANSLATE_NOOP("PromotionText", "Fri"), QT_TRANSLATE_NOOP("PromotionText", "Sat"),
                 QT_TRANSLATE_NOOP("PromotionText", "Sun"))


def _fill(template: str, *values) -> str:
    """``template`` with %1, %2... replaced by ``values`` (highest number first, so %1 never eats %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def weekday_name(day: int) -> str:
    """0 (Monday) .. 6 as a short translated name."""
    return translate("PromotionText", WEEKDAY_NAMES[day])


def calendar_text(promotion: Promotion) -> str:
    """"2026-12-01 → 2026-12-31 · Sat, Sun · days 8, 18, 28 · 09:00–12:00" (open end: "from 2026-12-01")."""
    calendar = promotion.calendar
    if calendar.ends_on is None:
        parts = [_fill(translate("PromotionText", "from %1"), calendar.starts_on.isoformat())]
    else:
        parts = [f"{calendar.starts_on.isoformat()} → {calendar.ends_on.isoformat()}"]
    if calendar.weekdays:
        parts.append(", ".join(weekday_name(d) for d in sorted(calendar.weekdays)))
    if calendar.month_days:
        days = ", ".join(str(d) for d in sorted(calendar.month_days))
        parts.append(_fill(translate("PromotionText", "days %1"), days))
    if calendar.from_time is not None:
        parts.append(f"{calendar.from_time:%H:%M}–{calendar.until_time:%H:%M}")
    return " · ".join(parts)


def audience_text(promotion: Promotion, campaign_name: str | None = None) -> str:
    """Everyone, members, "gold members", or a campaign's / a list's size."""
    audience = promotion.audience
    if audience.kind == "everyone":
        return translate("PromotionText", "everyone")
    if audience.kind == "members":
        return translate("PromotionText", "members")
    if audience.kind == "tier":
        return _fill(translate("PromotionText", "%1 members"), label(MEMBER_TIER_LABELS, audience.tier))
    if campaign_name:
        return _fill(translate("PromotionText", "%1 members of “%2”"), len(audience.member_ids), campaign_name)
    return _fill(translate("PromotionText", "%1 listed members"), len(audience.member_ids))


def offer_text(promotion: Promotion) -> str:
    """What the promotion gives, in numbers: "10 % off", "spend 100.00 save 10.00 (repeats)"..."""
    p = promotion
    if p.kind == "percent_off":
        return _fill(translate("PromotionText", "%1 % off"), p.percent)
    if p.kind == "amount_off":
        return _fill(translate("PromotionText", "%1 off each"), format_money(p.amount))
    if p.kind == "nth_item":
        return _fill(translate("PromotionText", "item no. %1 at %2 % of its price"), p.nth, p.percent)
    if p.kind == "buy_x_get_y":
        return _fill(translate("PromotionText", "buy %1 get %2 free"), p.buy, p.get)
    if p.kind == "spend_save":
        text = _fill(translate("PromotionText", "spend %1 save %2"), format_money(p.threshold), format_money(p.amount))
        return text + (translate("PromotionText", " (repeats)") if p.repeat else "")
    if p.kind == "coupon":
        if p.threshold:
            return _fill(translate("PromotionText", "%1 off from %2"), format_money(p.amount),
                         format_money(p.threshold))
        return _fill(translate("PromotionText", "%1 off"), format_money(p.amount))
    if p.kind == "points_multiplier":
        return _fill(translate("PromotionText", "%1 % points"), p.multiplier)
    if p.prices:
        return _fill(translate("PromotionText", "member prices for %1 products"), len(p.prices))
    if p.tier_prices:
        return ", ".join(_fill(translate("PromotionText", "%1 pays %2 %"), label(MEMBER_TIER_LABELS, tier), percent)
                         for tier, percent in p.tier_prices)
    return _fill(translate("PromotionText", "%1 % off for members"), p.percent)


def scope_text(promotion: Promotion, product_names: dict[int, str]) -> str:
    """The products and categories priced ("all products" when neither is listed), and whether Rx is in."""
    scope = promotion.scope
    name = lambda pid: product_names.get(pid, f"#{pid}")       # noqa: E731
    parts = [name(pid) for pid in sorted(scope.product_ids)]
    parts += [label(CATEGORY_LABELS, category) for category in sorted(scope.categories)]
    text = ", ".join(parts) if parts else translate("PromotionText", "all products")
    if scope.exclude_product_ids:
        excluded = ", ".join(name(pid) for pid in sorted(scope.exclude_product_ids))
        text += _fill(translate("PromotionText", "; except %1"), excluded)
    if scope.include_rx:
        text += translate("PromotionText", "; includes prescription-only items")
    return text


def details_text(promotion: Promotion, status_label: str, product_names: dict[int, str],
                 campaign_name: str | None = None, note: str | None = None) -> str:
    """Every fact about a promotion, one per line, for the details panel."""
    p = promotion
    yes_no = translate("PromotionText", "yes") if p.earns_points else translate("PromotionText", "no")
    lines = [
        f"{p.name} (#{p.id}) · {status_label}",
        _fill(translate("PromotionText", "Kind: %1 · printed as “%2”"), label(PROMOTION_KIND_LABELS, p.kind), p.label),
        _fill(translate("PromotionText", "Gives: %1"), offer_text(p)),
        _fill(translate("PromotionText", "Products: %1"), scope_text(p, product_names)),
        _fill(translate("PromotionText", "When: %1"), calendar_text(p)),
        _fill(translate("PromotionText", "For: %1"), audience_text(p, campaign_name)),
        _fill(translate("PromotionText", "Stacking: %1"), label(PROMOTION_STACKING_LABELS, p.stacking)),
        _fill(translate("PromotionText", "Earns points: %1"), yes_no),
    ]
    if p.get_product_id is not None:
        lines.append(_fill(translate("PromotionText", "Gift: %1"),
                           product_names.get(p.get_product_id, f"#{p.get_product_id}")))
    if p.allow_below_cost:
        lines.append(translate("PromotionText", "May sell below cost (owner approved)"))
    if note:
        lines.append(_fill(translate("PromotionText", "Note: %1"), note))
    return "\n".join(lines)
