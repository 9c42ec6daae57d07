"""Head-office exports from the desktop program, off the GUI thread, and the "last export" text.

Like backups (backup_task.py): the worker runs the domain's export on its own store handle
(``store_task``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.timeutil import from_iso
from pharmadesk.ui.widgets.worker import TaskRunner, store_task


def export_runner(store, folder: str | None = None, parent=None) -> TaskRunner:
    """A worker writing the next head-office bundle to ``folder`` (default: the setting); result: ExportResult."""

    return TaskRunner(store_task(store, lambda handle, progress: handle.headoffice.export(folder or None,
                                                                                        progress=progress)),
                      parent)


def day_close_export_runner(store, report, parent=None) -> TaskRunner:
    """A worker running the scheduled export after the day close ``report`` made with ``run_hooks=False``.
    Result: the hook's outcome (as in ``report.after_close["headoffice"]``), or None when not scheduled."""

    return TaskRunner(store_task(store, lambda handle, _progress: handle.headoffice.after_day_close(report)), parent)


def last_export_text(store) -> str:
    """ "Last export: 2026-11-23 18:02 (bundle 12)" or "Last export: never", in local time."""
    row = store.db.one("SELECT sequence, created_at FROM export_log ORDER BY sequence DESC LIMIT 1")
    if row is None:
        return QCoreApplication.translate("headoffice", "Last export: never")
    at = from_iso(row["created_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
    return QCoreApplication.translate("headoffice", "Last export: {0} (bundle {1})").format(at, row["sequence"])
