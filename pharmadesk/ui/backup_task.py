"""Backups from the desktop program, always off the GUI thread, and the status bar's "last backup" text.

The worker opens its own handle with ``store.open_for_thread()`` (SQLite connections belong to the
thread that made them), runs the domain's backup there and closes it again.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.core.timeutil import from_iso
from pharmadesk.ui.widgets.worker import TaskRunner

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

    def task(progress):
        handle = store.open_for_thread()
        try:
            return handle.backups.run(folder or None, progress)
        finally:
            handle.close()

    return TaskRunner(task, parent)


def day_close_backup_runner(store, report, parent=None) -> TaskRunner:
    """A worker running the automatic backup after the day close ``report`` made with ``run_hooks=False``.
    Result: the hook's outcome (as in ``report.after_close["backup"]``), or None without a backup folder."""

    def task(_progress):
        handle = store.open_for_thread()
        try:
            return handle.backups.after_day_close(report)
        finally:
            handle.close()

    return TaskRunner(task, parent)


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
