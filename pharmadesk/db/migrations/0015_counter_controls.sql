-- Counter controls of a Chinese retail pharmacy (issue 16), used when regulatory_profile = 'china_gsp'.

-- 药品追溯码: one row per pack code the store has seen, received (linked to its batch) or captured at sale.
-- status: in_stock (received, not sold), sold, quarantine (back from a quality return).
CREATE TABLE trace_codes (
    code             TEXT PRIMARY KEY,
    product_id       INTEGER NOT NULL REFERENCES products(id),
    batch_id         INTEGER REFERENCES batches(id),
    status           TEXT NOT NULL CHECK (status IN ('in_stock', 'sold', 'quarantine')),
    receipt_id       INTEGER REFERENCES goods_receipts(id),
    sale_line_id     INTEGER REFERENCES sale_lines(id),
    captured_at_sale INTEGER NOT NULL DEFAULT 0 CHECK (captured_at_sale IN (0, 1))
);
CREATE INDEX trace_codes_product ON trace_codes (product_id, status);
CREATE INDEX trace_codes_sale_line ON trace_codes (sale_line_id);

-- What happened to each code, for the traceability report: received, sold, returned.
CREATE TABLE trace_code_events (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    code     TEXT NOT NULL REFERENCES trace_codes(code),
    event    TEXT NOT NULL CHECK (event IN ('received', 'sold', 'returned')),
    ref_type TEXT NOT NULL,
    ref_id   INTEGER NOT NULL,
    user_id  INTEGER REFERENCES users(id)
);
CREATE INDEX trace_code_events_at ON trace_code_events (at);

-- 含麻黄碱类复方制剂: the buyer of each ephedrine line. The resident ID is kept sealed (AES-GCM under a purpose
-- key) and matched only through its keyed hash; both and the sealed name are blanked after the retention period.
CREATE TABLE ephedrine_register (
    id           INTEGER PRIMARY KEY,
    sale_line_id INTEGER NOT NULL UNIQUE REFERENCES sale_lines(id),
    at           TEXT NOT NULL,
    packs        INTEGER NOT NULL CHECK (packs > 0),
    id_hash      TEXT,
    id_sealed    BLOB,
    name_sealed  BLOB,
    erased_at    TEXT
);
CREATE INDEX ephedrine_register_buyer ON ephedrine_register (id_hash, at);
CREATE INDEX ephedrine_register_at ON ephedrine_register (at);

-- 拆零: a pack opened to sell by the unit is an open sub-batch of its batch, with its own unit ledger. Opening
-- posts the pack out of the batch (stock_moves reason 'sale', ref_type 'open_pack': one pack consumed) and the
-- units into open_pack_moves; units_left is a cache of that ledger, kept in the same transaction.
CREATE TABLE open_packs (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    batch_id   INTEGER NOT NULL REFERENCES batches(id),
    units      INTEGER NOT NULL CHECK (units >= 2),
    units_left INTEGER NOT NULL CHECK (units_left >= 0),
    unit_cost  INTEGER NOT NULL CHECK (unit_cost >= 0),
    opened_at  TEXT NOT NULL,
    opened_by  INTEGER NOT NULL REFERENCES users(id),
    checked_by INTEGER NOT NULL REFERENCES users(id),
    trace_code TEXT
);
CREATE INDEX open_packs_open ON open_packs (product_id, id) WHERE units_left > 0;

CREATE TABLE open_pack_moves (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    open_pack_id INTEGER NOT NULL REFERENCES open_packs(id),
    quantity     INTEGER NOT NULL CHECK (quantity <> 0),
    reason       TEXT NOT NULL CHECK (reason IN ('open', 'sale', 'return', 'write_off')),
    ref_type     TEXT,
    ref_id       INTEGER,
    user_id      INTEGER REFERENCES users(id)
);
CREATE INDEX open_pack_moves_pack ON open_pack_moves (open_pack_id);

-- A sale line sold by the unit: its quantity is in units (units_per_pack to a pack), with the directions printed
-- on its split-pack label; which open packs its units came from.
CREATE TABLE split_sale_lines (
    sale_line_id   INTEGER PRIMARY KEY REFERENCES sale_lines(id),
    units_per_pack INTEGER NOT NULL CHECK (units_per_pack >= 2),
    unit_name      TEXT,
    directions     TEXT
);
CREATE TABLE sale_line_units (
    sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
    open_pack_id INTEGER NOT NULL REFERENCES open_packs(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (sale_line_id, open_pack_id)
);

-- 审核 / 调配 / 核对: a prescription line's institution, who dispensed it and who checked it (China GSP; pharmacist_id
-- stays the reviewer), and the reason when one pharmacist signed both review and check. A scanned prescription is
-- kept inside the encrypted store.
ALTER TABLE prescriptions ADD COLUMN institution TEXT;
ALTER TABLE prescriptions ADD COLUMN dispensed_by INTEGER REFERENCES users(id);
ALTER TABLE prescriptions ADD COLUMN checked_by INTEGER REFERENCES users(id);
ALTER TABLE prescriptions ADD COLUMN single_reason TEXT;
CREATE INDEX prescriptions_confirmed ON prescriptions (confirmed_at);
CREATE TABLE prescription_images (
    prescription_id INTEGER PRIMARY KEY REFERENCES prescriptions(id),
    content_type    TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    data            BLOB NOT NULL
);
