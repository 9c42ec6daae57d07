"""A stored promotion in words for the owner's list and details: what it gives, when it runs, for whom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.money import format_money
from pharmadesk.core.pricing import Promotion
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.labels import (
    CATEGORY_LABELS, MEMBER_TIER_LABELS, PROMOTION_KIND_LABELS, PROMOTION_STACKING_LABELS, label,
)

CONTEXT = "PromotionText"
WEEKDAY_NAMES = (QT_TRANSLATE_NOOP("PromotionText", "Mon"), QT_TRANSLATE_NOOP("PromotionText", "Tue"),
                 QT_TRANSLATE_NOOP("PromotionText", "Wed"), QT_TRANSLATE_NOOP("PromotionText", "Thu"),
                 QT_TRANSLATE_NOOP("PromotionText", "Fri"), QT_TRANSLATE_NOOP("PromotionText", "Sat"),
                 QT_TRANSLATE_NOOP("PromotionText", "Sun"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def weekday_name(day: int) -> str:
    """0 (Monday) .. 6 as a short translated name."""
    return _tr(WEEKDAY_NAMES[day])


def calendar_text(promotion: Promotion) -> str:
    """"2026-12-01 → 2026-12-31 · Sat, Sun · days 8, 18, 28 · 09:00–12:00" (open end: "from 2026-12-01")."""
    calendar = promotion.calendar
    if calendar.ends_on is None:
        parts = [_tr("from %1").replace("%1", calendar.starts_on.isoformat())]
    else:
        parts = [f"{calendar.starts_on.isoformat()} → {calendar.ends_on.isoformat()}"]
    if calendar.weekdays:
        parts.append(", ".join(weekday_name(d) for d in sorted(calendar.weekdays)))
    if calendar.month_days:
        parts.append(_tr("days %1").replace("%1", ", ".join(str(d) for d in sorted(calendar.month_days))))
    if calendar.from_time is not None:
        parts.append(f"{calendar.from_time:%H:%M}–{calendar.until_time:%H:%M}")
    return " · ".join(parts)


def audience_text(promotion: Promotion, campaign_name: str | None = None) -> str:
    """Everyone, members, "gold members", or a campaign's / a list's size."""
    audience = promotion.audience
    if audience.kind == "everyone":
        return _tr("everyone")
    if audience.kind == "members":
        return _tr("members")
    if audience.kind == "tier":
        return _tr("%1 members").replace("%1", label(MEMBER_TIER_LABELS, audience.tier))
    if campaign_name:
        return _tr("%1 members of “%2”").replace("%1", str(len(audience.member_ids))).replace("%2", campaign_name)
    return _tr("%1 listed members").replace("%1", str(len(audience.member_ids)))


def offer_text(promotion: Promotion) -> str:
    """What the promotion gives, in numbers: "10 % off", "spend 100.00 save 10.00 (repeats)"..."""
    p = promotion
    if p.kind == "percent_off":
        return _tr("%1 % off").replace("%1", str(p.percent))
    if p.kind == "amount_off":
        return _tr("%1 off each").replace("%1", format_money(p.amount))
    if p.kind == "nth_item":
        return _tr("item no. %1 at %2 % of its price").replace("%1", str(p.nth)).replace("%2", str(p.percent))
    if p.kind == "buy_x_get_y":
        return _tr("buy %1 get %2 free").replace("%1", str(p.buy)).replace("%2", str(p.get))
    if p.kind == "spend_save":
        text = _tr("spend %1 save %2").replace("%1", format_money(p.threshold)).replace("%2", format_money(p.amount))
        return text + (_tr(" (repeats)") if p.repeat else "")
    if p.kind == "coupon":
        if p.threshold:
            return _tr("%1 off from %2").replace("%1", format_money(p.amount)).replace("%2", format_money(p.threshold))
        return _tr("%1 off").replace("%1", format_money(p.amount))
    if p.kind == "points_multiplier":
        return _tr("%1 % points").replace("%1", str(p.multiplier))
    if p.prices:
        return _tr("member prices for %1 products").replace("%1", str(len(p.prices)))
    if p.tier_prices:
        return ", ".join(_tr("%1 pays %2 %").replace("%1", label(MEMBER_TIER_LABELS, tier)).replace("%2", str(pct))
                         for tier, pct in p.tier_prices)
    return _tr("%1 % off for members").replace("%1", str(p.percent))


def scope_text(promotion: Promotion, product_names: dict[int, str]) -> str:
    """The products and categories priced ("all products" when neither is listed), and whether Rx is in."""
    scope = promotion.scope
    parts = [product_names.get(pid, f"#{pid}") for pid in sorted(scope.product_ids)]
    parts += [label(CATEGORY_LABELS, category) for category in sorted(scope.categories)]
    text = ", ".join(parts) if parts else _tr("all products")
    if scope.exclude_product_ids:
        text += _tr("; except %1").replace("%1", ", ".join(product_names.get(pid, f"#{pid}")
                                                             for pid in sorted(scope.exclude_product_ids)))
    if scope.include_rx:
        text += _tr("; includes prescription-only items")
    return text


def details_text(promotion: Promotion, status_label: str, product_names: dict[int, str],
                 campaign_name: str | None = None, note: str | None = None) -> str:
    """Every fact about a promotion, one per line, for the details panel."""
    p = promotion
    lines = [
        f"{p.name} (#{p.id}) · {status_label}",
        _tr("Kind: %1 · printed as “%2”").replace("%1", label(PROMOTION_KIND_LABELS, p.kind)).replace("%2", p.label),
        _tr("Gives: %1").replace("%1", offer_text(p)),
        _tr("Products: %1").replace("%1", scope_text(p, product_names)),
        _tr("When: %1").replace("%1", calendar_text(p)),
        _tr("For: %1").replace("%1", audience_text(p, campaign_name)),
        _tr("Stacking: %1").replace("%1", label(PROMOTION_STACKING_LABELS, p.stacking)),
        _tr("Earns points: %1").replace("%1", _tr("yes") if p.earns_points else _tr("no")),
    ]
    if p.get_product_id is not None:
        lines.append(_tr("Gift: %1").replace("%1", product_names.get(p.get_product_id, f"#{p.get_product_id}")))
    if p.allow_below_cost:
        lines.append(_tr("May sell below cost (owner approved)"))
    if note:
        lines.append(_tr("Note: %1").replace("%1", note))
    return "\n".join(lines)
