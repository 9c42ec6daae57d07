-- Member service records (issue 20): complaints, follow-up calls (回访), enquiries, adverse drug reaction reports
-- (ADR, 药品不良反应) and return / quality feedback, each with its handling steps.
-- The account, resolution, notes and the ADR's reaction are personal health data: erased with the member
-- (set to NULL, the row kept for the counts), never logged, never in the head-office bundle (counts by kind only).
CREATE TABLE service_records (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('complaint', 'follow_up', 'enquiry', 'adr', 'quality_feedback')),
    member_id   INTEGER REFERENCES members(id),                -- NULL for a walk-in
    sale_id     INTEGER REFERENCES sales(id),
    account     TEXT,                                          -- what the member said; NULL once erased
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
    due_date    TEXT,                                          -- complaints: the day they must be closed by; calls: the day to call
    outcome     TEXT,                                          -- the code it closed with (service.OUTCOMES[kind])
    resolution  TEXT,                                          -- how it was resolved; NULL once erased
    reason      TEXT NOT NULL DEFAULT 'manual'
                CHECK (reason IN ('manual', 'first_chronic_purchase', 'complaint')),
    origin_id   INTEGER REFERENCES service_records(id),        -- the complaint a follow-up call follows up
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES users(id),
    closed_at   TEXT,
    closed_by   INTEGER REFERENCES users(id)
);
CREATE INDEX service_records_member ON service_records (member_id, created_at);
CREATE INDEX service_records_queue ON service_records (kind, status, due_date);

CREATE TABLE service_record_products (
    record_id  INTEGER NOT NULL REFERENCES service_records(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    batch_id   INTEGER REFERENCES batches(id),
    PRIMARY KEY (record_id, product_id)
);

-- Every handling step: a status change, a call attempt and its outcome, a note, a correction.
CREATE TABLE service_notes (
    id        INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES service_records(id),
    at        TEXT NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    status    TEXT NOT NULL,                                   -- the record's status after this step
    outcome   TEXT,                                            -- a call's outcome
    text      TEXT                                             -- NULL once erased
);
CREATE INDEX service_notes_record ON service_notes (record_id, id);

-- The facts of an ADR report (国家药品不良反应报告表): the suspect product and batch, the reaction and its course.
CREATE TABLE adr_reports (
    record_id    INTEGER PRIMARY KEY REFERENCES service_records(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    batch_id     INTEGER REFERENCES batches(id),
    reaction     TEXT,                                         -- NULL once erased
    usage        TEXT,                                         -- dose, route, frequency, dates taken; NULL once erased
    onset_date   TEXT NOT NULL,
    seriousness  TEXT NOT NULL CHECK (seriousness IN ('general', 'serious')),
    adr_outcome  TEXT NOT NULL CHECK (adr_outcome IN ('recovered', 'improving', 'not_recovered', 'sequelae',
                                                      'death', 'unknown')),
    reporter     TEXT NOT NULL,                                -- the reporting staff member's name and title
    quality_hold INTEGER NOT NULL DEFAULT 0                    -- 1: the batch was put on quality hold
);
CREATE INDEX adr_reports_product ON adr_reports (product_id);
