"""What every analytics job returns: the main table, the parameters it was computed with, and short notes.

    result = jobs.run_segments(store, as_of, SegmentParams(k=4))
    result.frame          # the table the CLI prints (here: one row per segment)
    result.params         # SegmentParams(k=4, resamples=5): what produced it
    result.notes          # ("k = 4, fixed by the user", ...): method lines, never personal data

An analysis with more to show (the dashboard's daily series, care's conversion table) subclasses
:class:`Result` with typed, keyword-only fields. Results are frozen: a pane caches them and shares them
between threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd

from pharmadesk.errors import QT_TRANSLATE_NOOP, Cancelled

#: The plain step labels jobs and models report (``steps(0.3, "demand history")``), marked here so lupdate
#: collects them: a progress panel translates a plain label in context ``"progress"``. A label with a
#: number in it is a :class:`~pharmadesk.wording.Text` instead.
STEP_LABELS = (
    QT_TRANSLATE_NOOP("progress", "KPIs"),
    QT_TRANSLATE_NOOP("progress", "KPIs ready"),
    QT_TRANSLATE_NOOP("progress", "backtest"),
    QT_TRANSLATE_NOOP("progress", "baskets"),
    QT_TRANSLATE_NOOP("progress", "baskets loaded"),
    QT_TRANSLATE_NOOP("progress", "care and campaigns"),
    QT_TRANSLATE_NOOP("progress", "conversion"),
    QT_TRANSLATE_NOOP("progress", "current period"),
    QT_TRANSLATE_NOOP("progress", "demand history"),
    QT_TRANSLATE_NOOP("progress", "dispensings"),
    QT_TRANSLATE_NOOP("progress", "dispensings loaded"),
    QT_TRANSLATE_NOOP("progress", "done"),
    QT_TRANSLATE_NOOP("progress", "fitting"),
    QT_TRANSLATE_NOOP("progress", "holdouts"),
    QT_TRANSLATE_NOOP("progress", "in-scope sales"),
    QT_TRANSLATE_NOOP("progress", "inventory loaded"),
    QT_TRANSLATE_NOOP("progress", "loading"),
    QT_TRANSLATE_NOOP("progress", "member features loaded"),
    QT_TRANSLATE_NOOP("progress", "member purchase days loaded"),
    QT_TRANSLATE_NOOP("progress", "member sales loaded"),
    QT_TRANSLATE_NOOP("progress", "member spend loaded"),
    QT_TRANSLATE_NOOP("progress", "member transactions loaded"),
    QT_TRANSLATE_NOOP("progress", "members loaded"),
    QT_TRANSLATE_NOOP("progress", "products"),
    QT_TRANSLATE_NOOP("progress", "promoted lines"),
    QT_TRANSLATE_NOOP("progress", "promotions"),
    QT_TRANSLATE_NOOP("progress", "purchase days"),
    QT_TRANSLATE_NOOP("progress", "reminders"),
    QT_TRANSLATE_NOOP("progress", "sale lines loaded"),
    QT_TRANSLATE_NOOP("progress", "sales loaded"),
    QT_TRANSLATE_NOOP("progress", "status"),
    QT_TRANSLATE_NOOP("progress", "stock history"),
    QT_TRANSLATE_NOOP("progress", "suggestions"),
    QT_TRANSLATE_NOOP("progress", "visits loaded"),
    QT_TRANSLATE_NOOP("progress", "FP-growth"),
    QT_TRANSLATE_NOOP("progress", "adherence"),
    QT_TRANSLATE_NOOP("progress", "classifying demand"),
    QT_TRANSLATE_NOOP("progress", "fitting purchase model (BG/NBD)"),
    QT_TRANSLATE_NOOP("progress", "fitting spend model (Gamma-Gamma)"),
    QT_TRANSLATE_NOOP("progress", "forecasting"),
    QT_TRANSLATE_NOOP("progress", "inventory"),
    QT_TRANSLATE_NOOP("progress", "lapsed members and birthdays"),
    QT_TRANSLATE_NOOP("progress", "loaded"),
    QT_TRANSLATE_NOOP("progress", "medication synchronisation"),
    QT_TRANSLATE_NOOP("progress", "mining the training baskets"),
    QT_TRANSLATE_NOOP("progress", "one-hot baskets"),
    QT_TRANSLATE_NOOP("progress", "promotions scored"),
    QT_TRANSLATE_NOOP("progress", "reminder list"),
    QT_TRANSLATE_NOOP("progress", "rules"),
    QT_TRANSLATE_NOOP("progress", "run-out dates"),
    QT_TRANSLATE_NOOP("progress", "sales"),
    QT_TRANSLATE_NOOP("progress", "scoring campaign"),
    QT_TRANSLATE_NOOP("progress", "scoring held-out baskets"),
    QT_TRANSLATE_NOOP("progress", "scoring members"),
    QT_TRANSLATE_NOOP("progress", "stock"),
    QT_TRANSLATE_NOOP("progress", "stock and orders"),
    QT_TRANSLATE_NOOP("progress", "summarising purchases"),
)

Progress = Callable[[float, str], None] | None
Cancel = Callable[[], bool] | None


@dataclass(frozen=True)
class Result:
    """The main table, the (frozen) parameters dataclass it was computed with and the notes under it."""

    frame: pd.DataFrame
    params: Any
    notes: tuple[str, ...] = ()


class Steps:
    """A job's progress and cancel in one callable: ``steps(0.3, "label")`` stops with :class:`Cancelled`
    when ``cancel()`` says so, then reports; ``steps.part(a, b)`` is a model's progress callback mapped
    onto ``[a, b]`` of the job, so the cancel check also runs between the model's own steps."""

    def __init__(self, progress: Progress = None, cancel: Cancel = None) -> None:
        self.progress = progress
        self.cancel = cancel

    def __call__(self, fraction: float, label: str) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(fraction, label)

    def part(self, start: float, end: float) -> Callable[[float, str], None]:
        return lambda fraction, label: self(start + (end - start) * fraction, label)
