-- Corrections of a member's details, field by field: what the field held and what it holds now.
-- It is personal data like the member row itself: a member's data export includes it and erasure deletes it.

CREATE TABLE member_history (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    at        TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id),
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX member_history_member ON member_history (member_id, id);
