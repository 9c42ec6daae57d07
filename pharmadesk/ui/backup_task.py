"""Backups from the desktop program, always off the GUI thread, and the status bar's "last backup" text.

The worker runs the domain's backup on its own store handle (``store_task``).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.core.timeutil import from_iso
from pharmadesk.ui.widgets.worker import TaskRunner, store_task

STALE_AFTER = timedelta(days=2)      # older than this, the status bar warns

# The backup's progress texts (plain English from pharmadesk.core.backup), marked for translation in
# context "progress", where ProgressPanel looks them up.
PROGRESS_TEXTS = (
    QT_TRANSLATE_NOOP("progress", "Copying the database"),
    QT_TRANSLATE_NOOP("progress", "Copying the key file"),
    QT_TRANSLATE_NOOP("progress", "Verifying the backup"),
    QT_TRANSLATE_NOOP("progress", "Finishing"),
    QT_TRANSLATE_NOOP("progress", "Done"),
)


def backup_runner(store, folder: str | None = None, parent=None) -> TaskRunner:
    """A worker making a manual backup to ``folder`` (default: the configured one); result: BackupResult.
    Cancel removes the unfinished copy."""

    return TaskRunner(store_task(store, lambda handle, progress: handle.backups.run(folder or None, progress)),
                      parent)


def day_close_backup_runner(store, report, parent=None) -> TaskRunner:
    """A worker running the automatic backup after the day close ``report`` made with ``run_hooks=False``.
    Result: the hook's outcome (as in ``report.after_close["backup"]``), or None without a backup folder."""

    return TaskRunner(store_task(store, lambda handle, _progress: handle.backups.after_day_close(report)), parent)


def last_backup_status(store, now: datetime | None = None) -> tuple[str, bool]:
    """The status bar text for the latest successful backup, and whether it warrants a warning
    (none yet, or older than two days)."""
    last = store.backups.last()
    if last is None:
        return QCoreApplication.translate("backup", "Last backup: never"), True
    at = from_iso(last["at"])
    now = now or store.now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    text = QCoreApplication.translate("backup", "Last backup: {0}").format(at.astimezone().strftime("%Y-%m-%d %H:%M"))
    return text, now - at > STALE_AFTER
