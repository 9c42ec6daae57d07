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

from pharmadesk.errors import Cancelled

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
