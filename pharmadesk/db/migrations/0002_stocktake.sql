-- Stocktake: a count sheet per session, variance against the ledger, posted as adjustments.

CREATE TABLE stocktakes (
    id         INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    posted_at  TEXT,
    status     TEXT NOT NULL CHECK (status IN ('open', 'posted', 'cancelled')),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    note       TEXT
);

CREATE TABLE stocktake_counts (
    stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
    batch_id     INTEGER NOT NULL REFERENCES batches(id),
    counted      INTEGER NOT NULL CHECK (counted >= 0),
    expected     INTEGER,
    counted_at   TEXT NOT NULL,
    PRIMARY KEY (stocktake_id, batch_id)
);
