-- Head-office export watermark (pharmadesk/headoffice/export.py): one row per bundle written.
-- A bundle covers [window_start, window_end) (UTC ISO-8601); the next one starts at the last window_end, so
-- consecutive bundles have no gap and no overlap. The row is written only after the bundle folder was
-- fsynced and renamed into place: a crash before it leaves no row, and the same window is exported again.
-- No personal data here.

CREATE TABLE export_log (
    sequence        INTEGER PRIMARY KEY CHECK (sequence >= 1),
    window_start    TEXT NOT NULL,
    window_end      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    bundle_name     TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    CHECK (window_end >= window_start)
);
