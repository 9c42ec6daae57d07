-- The GSP quality records of a Chinese retail pharmacy (issue 15): qualifications and first-time approvals
-- (首营企业 / 首营品种), acceptance at receipt (验收), storage-condition logs (温湿度), maintenance checks (养护)
-- and the quarantine of failed or suspect stock (不合格药品). See docs/quality.md.
--
-- Batch quality status is stored as quantities held on the batch row, not as split rows:
--   pending_qty     units received but not yet accepted (china_gsp only): not sellable
--   quarantine_qty  units in quarantine (open quality_quarantine rows): not sellable
--   sellable        on_hand - pending_qty - quarantine_qty
-- One batch number stays one row (batches keeps UNIQUE (product_id, batch_no), which SQLite cannot drop without
-- rebuilding a table that the ledger, sale lines and counts reference), and the stock ledger changes only when
-- units physically leave or arrive: holding units in quarantine posts no move; disposing of them posts a
-- 'write_off' move and lowers quarantine_qty in the same transaction, so stock.verify_ledger keeps agreeing.
ALTER TABLE batches ADD COLUMN pending_qty INTEGER NOT NULL DEFAULT 0 CHECK (pending_qty >= 0);
ALTER TABLE batches ADD COLUMN quarantine_qty INTEGER NOT NULL DEFAULT 0 CHECK (quarantine_qty >= 0);
CREATE TRIGGER batches_held_within_on_hand BEFORE UPDATE OF on_hand, pending_qty, quarantine_qty ON batches
WHEN NEW.pending_qty + NEW.quarantine_qty > NEW.on_hand
BEGIN SELECT RAISE(ABORT, 'held units (pending, quarantine) exceed the batch on hand'); END;

-- Licences and certificates, of a supplier or of a product; a renewal is a new row (the newest of a kind counts).
CREATE TABLE quality_documents (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER REFERENCES suppliers(id),
    product_id  INTEGER REFERENCES products(id),
    kind        TEXT NOT NULL CHECK (kind IN ('drug_trading_licence', 'business_licence', 'gsp_certificate',
                                              'sales_authorisation', 'product_registration')),
    number      TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 80),
    issuer      TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 120),
    issued_on   TEXT,
    expires_on  TEXT,                       -- NULL: valid without a term (长期)
    recorded_at TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    CHECK ((supplier_id IS NULL) <> (product_id IS NULL))
);
CREATE INDEX quality_documents_supplier ON quality_documents (supplier_id, kind, id) WHERE supplier_id IS NOT NULL;
CREATE INDEX quality_documents_product ON quality_documents (product_id, kind, id) WHERE product_id IS NOT NULL;
CREATE INDEX quality_documents_expiry ON quality_documents (expires_on);

-- The quality manager's first-time approval of a supplier (首营企业) or a product (首营品种); one per subject.
CREATE TABLE quality_approvals (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER UNIQUE REFERENCES suppliers(id),
    product_id  INTEGER UNIQUE REFERENCES products(id),
    approved_at TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    note        TEXT,
    CHECK ((supplier_id IS NULL) <> (product_id IS NULL))
);

-- Quarantined units of a batch (不合格 / 待处理) and how they left: destroyed before two witnesses, returned to
-- the supplier, or released back to sellable stock after investigation.
CREATE TABLE quality_quarantine (
    id            INTEGER PRIMARY KEY,
    batch_id      INTEGER NOT NULL REFERENCES batches(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    ref_type      TEXT,
    ref_id        INTEGER,
    at            TEXT NOT NULL,
    user_id       INTEGER REFERENCES users(id),
    status        TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'destroyed', 'returned', 'released')),
    closed_at     TEXT,
    closed_by     INTEGER REFERENCES users(id),
    witness1_id   INTEGER REFERENCES users(id),
    witness2_id   INTEGER REFERENCES users(id),
    closing_note  TEXT,
    CHECK (status <> 'destroyed' OR (witness1_id IS NOT NULL AND witness2_id IS NOT NULL
                                     AND witness1_id <> witness2_id))
);
CREATE INDEX quality_quarantine_batch ON quality_quarantine (batch_id);
CREATE INDEX quality_quarantine_held ON quality_quarantine (status) WHERE status = 'held';

-- Acceptance (验收) of a goods receipt's batch: several rows may split one line's units between conclusions.
CREATE TABLE quality_acceptances (
    id               INTEGER PRIMARY KEY,
    receipt_id       INTEGER NOT NULL REFERENCES goods_receipts(id),
    batch_id         INTEGER NOT NULL REFERENCES batches(id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    quantity_checked INTEGER NOT NULL CHECK (quantity_checked >= 0),
    appearance       TEXT NOT NULL CHECK (length(appearance) BETWEEN 1 AND 200),
    arrival_temp_c   REAL,
    conclusion       TEXT NOT NULL CHECK (conclusion IN ('accepted', 'refused', 'quarantine')),
    note             TEXT,
    at               TEXT NOT NULL,
    user_id          INTEGER NOT NULL REFERENCES users(id),
    quarantine_id    INTEGER REFERENCES quality_quarantine(id)
);
CREATE INDEX quality_acceptances_receipt ON quality_acceptances (receipt_id, batch_id);

-- Storage areas with their allowed ranges, and the twice-daily temperature / humidity readings (温湿度记录).
CREATE TABLE storage_areas (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
    condition    TEXT NOT NULL CHECK (condition IN ('ambient', 'cool', 'cold')),
    temp_min     REAL NOT NULL,
    temp_max     REAL NOT NULL,
    humidity_min REAL NOT NULL,
    humidity_max REAL NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (temp_min < temp_max),
    CHECK (humidity_min < humidity_max)
);

CREATE TABLE storage_readings (
    id                INTEGER PRIMARY KEY,
    area_id           INTEGER NOT NULL REFERENCES storage_areas(id),
    taken_at          TEXT NOT NULL,        -- UTC
    on_date           TEXT NOT NULL,        -- the store's local day
    slot              TEXT NOT NULL CHECK (slot IN ('am', 'pm')),
    temperature       REAL NOT NULL,
    humidity          REAL NOT NULL,
    in_range          INTEGER NOT NULL CHECK (in_range IN (0, 1)),
    corrective_action TEXT,
    source            TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'logger')),
    user_id           INTEGER REFERENCES users(id),
    CHECK (in_range = 1 OR length(corrective_action) > 0)
);
CREATE INDEX storage_readings_area_day ON storage_readings (area_id, on_date, slot);

-- Products the owner flags as key items for maintenance (besides cold, cool, near-expiry and ephedrine ones).
CREATE TABLE quality_key_products (
    product_id INTEGER PRIMARY KEY REFERENCES products(id),
    flagged_at TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id)
);

-- Maintenance checks (养护记录), per batch.
CREATE TABLE maintenance_checks (
    id            INTEGER PRIMARY KEY,
    batch_id      INTEGER NOT NULL REFERENCES batches(id),
    checked_at    TEXT NOT NULL,
    on_date       TEXT NOT NULL,
    appearance    TEXT NOT NULL CHECK (length(appearance) BETWEEN 1 AND 200),
    packaging     TEXT NOT NULL CHECK (length(packaging) BETWEEN 1 AND 200),
    conclusion    TEXT NOT NULL CHECK (conclusion IN ('ok', 'bad')),
    action        TEXT,
    user_id       INTEGER REFERENCES users(id),
    quarantine_id INTEGER REFERENCES quality_quarantine(id)
);
CREATE INDEX maintenance_checks_batch ON maintenance_checks (batch_id, on_date);
