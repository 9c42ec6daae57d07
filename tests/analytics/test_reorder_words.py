"""The reorder "Why" in the owner's words: each fact of a suggestion row becomes a part of one sentence,
translatable, with no method names or class codes."""

from __future__ import annotations

import pytest

from pharmadesk.analytics.models.reorder_words import reorder_reason
from pharmadesk.wording import render

ROW = {"demand_class": "smooth", "method": "ses", "forecast_daily": 12 / 7, "on_hand": 5, "on_order": 0,
       "lead_time_days": 7, "review_days": 7, "raw_qty": 20, "rounded_qty": 24, "suggested_qty": 24,
       "capped": False, "order_multiple": 12, "min_order_qty": 12, "position": 5, "reorder_point": 30}


def test_the_issue_s_sentence():
    assert reorder_reason(ROW) == ("Sells most days, about 12 a week; 2 days of stock left; the supplier needs "
                                   "7 days; order 24 (whole packs of 12).")


@pytest.mark.parametrize("changes, expected", [
    ({"demand_class": "intermittent"}, "Sells on some days only, about 12 a week"),
    ({"demand_class": "lumpy", "forecast_daily": 0.05}, "Sells now and then, in uneven amounts, less than 1 a week"),
    ({"on_hand": 0}, "; out of stock;"),
    ({"on_order": 36}, "; 36 already on order;"),
    ({"raw_qty": 0, "suggested_qty": 0}, "; no need to order yet."),
    ({"capped": True, "suggested_qty": 12}, "order only 12: more would expire before it sells."),
    ({"capped": True, "suggested_qty": 0}, "do not order: the supplier's minimum would expire before it sells."),
    ({"raw_qty": 3, "suggested_qty": 12, "order_multiple": 1, "min_order_qty": 12}, "order 12 (the supplier's "
                                                                                     "minimum order)."),
    ({"forecast_daily": 0.0, "raw_qty": 0, "suggested_qty": 0}, "No sales expected; 5 in stock;"),
])
def test_each_fact_in_words(changes, expected):
    sentence = reorder_reason({**ROW, **changes})
    assert expected in sentence
    assert "ses" not in sentence.split() and "intermittent" not in sentence and "demand" not in sentence


def test_the_sentence_translates_part_by_part():
    """Every part, the separator and the full stop go through the translator (here a marker function)."""
    shown = render(reorder_reason(ROW), lambda context, text: f"<{text}>" if context == "reorder" else text)
    assert shown.startswith("<Sells most days, {week}>".replace("{week}", "<about {n} a week>".replace("{n}", "12")))
    assert "<; >" in shown and shown.endswith("<.>")
