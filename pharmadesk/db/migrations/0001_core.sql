-- PharmaDesk core schema: settings, users, audit, catalog, stock ledger, members, sales.
-- Money is integer minor units (cents/fen); times are UTC ISO-8601 text; dates are YYYY-MM-DD.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'pharmacist', 'cashier')),
    password_hash   TEXT NOT NULL,
    pin_hash        TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL
);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical entry).
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    details   TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TABLE suppliers (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    lead_time_days   INTEGER NOT NULL DEFAULT 2 CHECK (lead_time_days >= 0),
    review_days      INTEGER NOT NULL DEFAULT 7 CHECK (review_days >= 1),
    min_order_value  INTEGER NOT NULL DEFAULT 0 CHECK (min_order_value >= 0),
    phone            TEXT,
    email            TEXT,
    active           INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    barcode        TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL COLLATE NOCASE,
    generic_name   TEXT COLLATE NOCASE,
    strength       TEXT,
    form           TEXT,
    atc_code       TEXT,
    category       TEXT NOT NULL CHECK (category IN ('chronic', 'acute', 'otc', 'supplement', 'mother_baby', 'personal_care', 'device')),
    legal_class    TEXT NOT NULL CHECK (legal_class IN ('otc', 'rx', 'controlled')),
    pack_size      INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
    price          INTEGER NOT NULL CHECK (price >= 0),
    vat_rate_bp    INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    days_supply    INTEGER CHECK (days_supply IS NULL OR days_supply > 0),
    supplier_id    INTEGER REFERENCES suppliers(id),
    order_multiple INTEGER NOT NULL DEFAULT 1 CHECK (order_multiple >= 1),
    min_order_qty  INTEGER NOT NULL DEFAULT 1 CHECK (min_order_qty >= 1),
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX products_name ON products (name COLLATE NOCASE);
CREATE INDEX products_generic ON products (generic_name COLLATE NOCASE);
CREATE INDEX products_atc ON products (atc_code);

CREATE TABLE price_history (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    at         TEXT NOT NULL,
    old_price  INTEGER NOT NULL,
    new_price  INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users(id)
);

CREATE TABLE purchase_orders (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
    status      TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partial', 'received', 'cancelled')),
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    expected_on TEXT,
    user_id     INTEGER REFERENCES users(id),
    note        TEXT
);
CREATE TABLE purchase_order_lines (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES purchase_orders(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    received_qty INTEGER NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
    unit_cost    INTEGER,
    UNIQUE (order_id, product_id)
);

CREATE TABLE goods_receipts (
    id            INTEGER PRIMARY KEY,
    supplier_id   INTEGER NOT NULL REFERENCES suppliers(id),
    order_id      INTEGER REFERENCES purchase_orders(id),
    delivery_note TEXT,
    received_at   TEXT NOT NULL,
    user_id       INTEGER REFERENCES users(id)
);

CREATE TABLE batches (
    id           INTEGER PRIMARY KEY,
    product_id   INTEGER NOT NULL REFERENCES products(id),
    batch_no     TEXT NOT NULL,
    expiry       TEXT NOT NULL,
    unit_cost    INTEGER NOT NULL CHECK (unit_cost >= 0),
    supplier_id  INTEGER REFERENCES suppliers(id),
    receipt_id   INTEGER REFERENCES goods_receipts(id),
    received_qty INTEGER NOT NULL CHECK (received_qty > 0),
    on_hand      INTEGER NOT NULL CHECK (on_hand >= 0),
    UNIQUE (product_id, batch_no)
);
CREATE INDEX batches_fefo ON batches (product_id, expiry, id) WHERE on_hand > 0;
CREATE INDEX batches_expiry ON batches (expiry) WHERE on_hand > 0;

-- The stock ledger. batches.on_hand is a cache of SUM(quantity) per batch, kept in the same transaction.
CREATE TABLE stock_moves (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    batch_id   INTEGER NOT NULL REFERENCES batches(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity   INTEGER NOT NULL CHECK (quantity <> 0),
    reason     TEXT NOT NULL CHECK (reason IN ('receipt', 'sale', 'return', 'adjustment', 'write_off', 'stocktake')),
    ref_type   TEXT,
    ref_id     INTEGER,
    user_id    INTEGER REFERENCES users(id),
    note       TEXT
);
CREATE INDEX stock_moves_batch ON stock_moves (batch_id);
CREATE INDEX stock_moves_product_at ON stock_moves (product_id, at);

CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    card_no       TEXT UNIQUE,
    name          TEXT COLLATE NOCASE,
    phone         TEXT UNIQUE,
    birth_date    TEXT,
    sex           TEXT CHECK (sex IS NULL OR sex IN ('F', 'M', 'X')),
    allergies     TEXT,
    notes         TEXT,
    points        INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
    registered_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    anon_id       TEXT NOT NULL UNIQUE,
    erased_at     TEXT
);
CREATE INDEX members_name ON members (name COLLATE NOCASE);

CREATE TABLE member_conditions (
    member_id INTEGER NOT NULL REFERENCES members(id),
    condition TEXT NOT NULL,
    PRIMARY KEY (member_id, condition)
);

-- Consent history: the latest row per member and kind is the member's current answer.
CREATE TABLE member_consents (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    kind      TEXT NOT NULL CHECK (kind IN ('care', 'marketing')),
    granted   INTEGER NOT NULL CHECK (granted IN (0, 1)),
    at        TEXT NOT NULL,
    source    TEXT NOT NULL CHECK (source IN ('paper_form', 'verbal', 'app', 'sms', 'email', 'import')),
    user_id   INTEGER REFERENCES users(id)
);
CREATE INDEX member_consents_member ON member_consents (member_id, kind, id);

CREATE TABLE points_ledger (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    at        TEXT NOT NULL,
    delta     INTEGER NOT NULL,
    reason    TEXT NOT NULL CHECK (reason IN ('earn', 'redeem', 'return', 'adjust')),
    sale_id   INTEGER REFERENCES sales(id),
    return_id INTEGER REFERENCES returns(id)
);
CREATE INDEX points_ledger_member ON points_ledger (member_id);

CREATE TABLE sales (
    id              INTEGER PRIMARY KEY,
    receipt_no      TEXT NOT NULL UNIQUE,
    at              TEXT NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    member_id       INTEGER REFERENCES members(id),
    subtotal        INTEGER NOT NULL,
    discount        INTEGER NOT NULL DEFAULT 0,
    points_redeemed INTEGER NOT NULL DEFAULT 0,
    redeem_value    INTEGER NOT NULL DEFAULT 0,
    total           INTEGER NOT NULL CHECK (total >= 0),
    vat             INTEGER NOT NULL DEFAULT 0,
    points_earned   INTEGER NOT NULL DEFAULT 0,
    day_close_id    INTEGER REFERENCES day_closes(id)
);
CREATE INDEX sales_at ON sales (at);
CREATE INDEX sales_member ON sales (member_id, at);

CREATE TABLE sale_lines (
    id          INTEGER PRIMARY KEY,
    sale_id     INTEGER NOT NULL REFERENCES sales(id),
    product_id  INTEGER NOT NULL REFERENCES products(id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
    discount    INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    line_total  INTEGER NOT NULL CHECK (line_total >= 0),
    vat_rate_bp INTEGER NOT NULL DEFAULT 0,
    unit_cost   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sale_lines_sale ON sale_lines (sale_id);
CREATE INDEX sale_lines_product ON sale_lines (product_id);

-- Which batches each line took its units from (FEFO).
CREATE TABLE sale_line_batches (
    sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
    batch_id     INTEGER NOT NULL REFERENCES batches(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (sale_line_id, batch_id)
);

CREATE TABLE prescriptions (
    id            INTEGER PRIMARY KEY,
    sale_line_id  INTEGER NOT NULL UNIQUE REFERENCES sale_lines(id),
    prescriber    TEXT NOT NULL,
    rx_number     TEXT NOT NULL,
    rx_date       TEXT NOT NULL,
    pharmacist_id INTEGER NOT NULL REFERENCES users(id),
    confirmed_at  TEXT NOT NULL
);

-- Register of controlled items dispensed, as the law asks.
CREATE TABLE controlled_register (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    sale_line_id  INTEGER REFERENCES sale_lines(id),
    return_line_id INTEGER REFERENCES return_lines(id),
    product_id    INTEGER NOT NULL REFERENCES products(id),
    batch_id      INTEGER NOT NULL REFERENCES batches(id),
    quantity      INTEGER NOT NULL,
    member_id     INTEGER REFERENCES members(id),
    pharmacist_id INTEGER NOT NULL REFERENCES users(id),
    rx_number     TEXT
);

CREATE TABLE payments (
    id       INTEGER PRIMARY KEY,
    sale_id  INTEGER REFERENCES sales(id),
    return_id INTEGER REFERENCES returns(id),
    method   TEXT NOT NULL CHECK (method IN ('cash', 'card')),
    amount   INTEGER NOT NULL,
    tendered INTEGER,
    change   INTEGER NOT NULL DEFAULT 0,
    CHECK ((sale_id IS NULL) <> (return_id IS NULL))
);
CREATE INDEX payments_sale ON payments (sale_id);
CREATE INDEX payments_return ON payments (return_id);

CREATE TABLE returns (
    id               INTEGER PRIMARY KEY,
    return_no        TEXT NOT NULL UNIQUE,
    at               TEXT NOT NULL,
    original_sale_id INTEGER NOT NULL REFERENCES sales(id),
    user_id          INTEGER NOT NULL REFERENCES users(id),
    approved_by      INTEGER NOT NULL REFERENCES users(id),
    reason           TEXT NOT NULL,
    refund_total     INTEGER NOT NULL CHECK (refund_total >= 0),
    points_reversed  INTEGER NOT NULL DEFAULT 0,
    day_close_id     INTEGER REFERENCES day_closes(id)
);
CREATE INDEX returns_sale ON returns (original_sale_id);
CREATE INDEX returns_at ON returns (at);

CREATE TABLE return_lines (
    id           INTEGER PRIMARY KEY,
    return_id    INTEGER NOT NULL REFERENCES returns(id),
    sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
    batch_id     INTEGER NOT NULL REFERENCES batches(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    refund       INTEGER NOT NULL CHECK (refund >= 0),
    damaged      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX return_lines_sale_line ON return_lines (sale_line_id);

CREATE TABLE suspended_sales (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    label      TEXT NOT NULL,
    cart       TEXT NOT NULL
);

CREATE TABLE day_closes (
    id            INTEGER PRIMARY KEY,
    closed_at     TEXT NOT NULL,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    opening_float INTEGER NOT NULL DEFAULT 0,
    expected_cash INTEGER NOT NULL,
    counted_cash  INTEGER NOT NULL,
    report        TEXT NOT NULL
);
