-- Care reminders issued to members, and what came of each (pharmadesk/care.py).
-- kind: refill_due / overdue / low_adherence name a maintenance product (product_id set);
--       med_sync / lapsed / birthday are about the member (product_id NULL).
-- due_date is the day the reminder is about (run-out, sync day, birthday); reason is the short text shown
-- to staff (product name and dates, never the member's name or phone). Times are UTC ISO-8601.
-- Like sales, these rows belong to the member's record (privacy.member_data should list them; an erased
-- member's reminders stay, linked to the anonymous member row, and no new one can be issued).

CREATE TABLE care_reminders (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    kind       TEXT NOT NULL CHECK (kind IN ('refill_due', 'overdue', 'low_adherence', 'med_sync', 'lapsed',
                                             'birthday')),
    product_id INTEGER REFERENCES products(id),
    due_date   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    channel    TEXT NOT NULL CHECK (channel IN ('phone', 'sms')),
    created_at TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),
    CHECK ((product_id IS NOT NULL) = (kind IN ('refill_due', 'overdue', 'low_adherence')))
);
CREATE INDEX care_reminders_member ON care_reminders (member_id, created_at);
CREATE INDEX care_reminders_created ON care_reminders (created_at);

CREATE TABLE care_reminder_outcomes (
    id          INTEGER PRIMARY KEY,
    reminder_id INTEGER NOT NULL REFERENCES care_reminders(id),
    outcome     TEXT NOT NULL CHECK (outcome IN ('called', 'no_answer', 'refilled', 'declined')),
    channel     TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'in_person')),
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id)
);
CREATE INDEX care_reminder_outcomes_reminder ON care_reminder_outcomes (reminder_id, id);
