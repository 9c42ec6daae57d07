-- Promotions and coupons (issue 14): what a promotion prices, when, for whom, and what every priced line got.
--
-- A promotion's kind-specific numbers are columns (unused ones stay 0/NULL); its scope, member prices and listed
-- members are rows of their own tables. sale_lines.discount stays the line's whole discount (manual + promotions);
-- sale_line_promotions says which promotions made up how much of it, so a return can reclaim each share and the
-- promotion report can add up discount cost. No personal data here beyond member ids.

CREATE TABLE promotions (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('member_price', 'percent_off', 'amount_off', 'nth_item',
                                                   'buy_x_get_y', 'spend_save', 'coupon', 'points_multiplier')),
    label            TEXT NOT NULL,                 -- what the till and the receipt print
    stacking         TEXT NOT NULL DEFAULT 'exclusive' CHECK (stacking IN ('exclusive', 'stackable', 'best')),
    earns_points     INTEGER NOT NULL DEFAULT 1 CHECK (earns_points IN (0, 1)),
    allow_below_cost INTEGER NOT NULL DEFAULT 0 CHECK (allow_below_cost IN (0, 1)),
    include_rx       INTEGER NOT NULL DEFAULT 0 CHECK (include_rx IN (0, 1)),
    percent          INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    amount           INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    threshold        INTEGER NOT NULL DEFAULT 0 CHECK (threshold >= 0),
    repeat           INTEGER NOT NULL DEFAULT 0 CHECK (repeat IN (0, 1)),
    nth              INTEGER NOT NULL DEFAULT 0 CHECK (nth >= 0),
    buy              INTEGER NOT NULL DEFAULT 0 CHECK (buy >= 0),
    get              INTEGER NOT NULL DEFAULT 0 CHECK (get >= 0),
    get_product_id   INTEGER REFERENCES products(id),
    multiplier       INTEGER NOT NULL DEFAULT 100 CHECK (multiplier BETWEEN 0 AND 1000),
    starts_on        TEXT NOT NULL,                 -- YYYY-MM-DD, local
    ends_on          TEXT,                          -- inclusive; NULL: until ended
    weekdays         TEXT NOT NULL DEFAULT '',      -- '5,6' (0 = Monday); '': every day
    month_days       TEXT NOT NULL DEFAULT '',      -- '8,18,28'; '': every day
    from_time        TEXT,                          -- HH:MM local; NULL: all day
    until_time       TEXT,
    audience         TEXT NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'members', 'tier', 'listed')),
    tier             TEXT CHECK (tier IS NULL OR tier IN ('standard', 'silver', 'gold')),
    campaign_id      INTEGER REFERENCES campaigns(id),  -- listed from a campaign's target arm (holdout excluded)
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
    created_at       TEXT NOT NULL,
    user_id          INTEGER REFERENCES users(id),
    ended_at         TEXT,
    note             TEXT,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX promotions_status ON promotions (status, starts_on);

CREATE TABLE promotion_scope (
    promotion_id INTEGER NOT NULL REFERENCES promotions(id),
    product_id   INTEGER REFERENCES products(id),
    category     TEXT,
    excluded     INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
    CHECK ((product_id IS NULL) <> (category IS NULL))
);
CREATE INDEX promotion_scope_promotion ON promotion_scope (promotion_id);

-- member_price: a fixed member price per product, or a percent of the price per tier.
CREATE TABLE promotion_prices (
    promotion_id INTEGER NOT NULL REFERENCES promotions(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    price        INTEGER NOT NULL CHECK (price >= 0),
    PRIMARY KEY (promotion_id, product_id)
);
CREATE TABLE promotion_tier_prices (
    promotion_id INTEGER NOT NULL REFERENCES promotions(id),
    tier         TEXT NOT NULL CHECK (tier IN ('standard', 'silver', 'gold')),
    percent      INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (promotion_id, tier)
);

-- audience 'listed': the segment's or campaign's members, frozen at creation (marketing consent only).
CREATE TABLE promotion_members (
    promotion_id INTEGER NOT NULL REFERENCES promotions(id),
    member_id    INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (promotion_id, member_id)
);
CREATE INDEX promotion_members_member ON promotion_members (member_id);

-- A coupon of a 'coupon' promotion: one code, used once; bound to a member (a voucher) or to nobody (a printed code).
-- or a voucher bound to one member. Redeemed once; a return restores it only when the owner says so.
CREATE TABLE coupons (
    id               INTEGER PRIMARY KEY,
    promotion_id     INTEGER NOT NULL REFERENCES promotions(id),
    code             TEXT NOT NULL UNIQUE,
    member_id        INTEGER REFERENCES members(id),
    issued_at        TEXT NOT NULL,
    expires_on       TEXT NOT NULL,                -- last valid day, inclusive
    redeemed_at      TEXT,
    redeemed_sale_id INTEGER REFERENCES sales(id),
    restored_at      TEXT,                         -- set when a return gave it back (the owner's decision)
    voided_at        TEXT
);
CREATE INDEX coupons_promotion ON coupons (promotion_id);
CREATE INDEX coupons_member ON coupons (member_id);

-- Which promotions priced each sold line, and by how much (the sum is part of sale_lines.discount).
CREATE TABLE sale_line_promotions (
    sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
    promotion_id INTEGER NOT NULL REFERENCES promotions(id),
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (sale_line_id, promotion_id)
);
CREATE INDEX sale_line_promotions_promotion ON sale_line_promotions (promotion_id);
