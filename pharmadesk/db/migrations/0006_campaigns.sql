-- Marketing campaigns: who was targeted and who was held out at random, so that the campaign's effect
-- can be measured afterwards (conversion in the target group against the holdout group).
-- A campaign's member list is drawn once, at creation, from the members who had consented to marketing
-- then (privacy.consent_filter); the row says which arm each member fell in. No personal data here.

CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    segment     TEXT,                       -- what was targeted, in the owner's words ("at risk", ...)
    created_at  TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    starts_on   TEXT NOT NULL,              -- first day of the window (YYYY-MM-DD)
    ends_on     TEXT NOT NULL,              -- last day of the window, inclusive
    cost        INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),            -- minor units
    holdout_bp  INTEGER NOT NULL CHECK (holdout_bp BETWEEN 0 AND 9000),  -- holdout share, basis points
    seed        INTEGER NOT NULL,           -- of the random holdout draw: the split can be re-derived
    note        TEXT,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    arm         TEXT NOT NULL CHECK (arm IN ('target', 'holdout')),
    PRIMARY KEY (campaign_id, member_id)
);
CREATE INDEX campaign_members_member ON campaign_members (member_id);
