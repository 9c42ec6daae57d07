-- Chinese payment types and refunds to the original payment (issue 13).
-- SQLite cannot change a CHECK constraint, so the payments table is rebuilt: every row is copied with its id,
-- then both indexes are made again. New columns:
--   reference  the transaction id the terminal, phone or insurer showed (card, wechat, alipay, insurance;
--              optional for voucher; never for cash). Stored at the store only: not sent to head office.
--   refund_of  on a refund row, the sale payment it gives back (NULL for refunds made before this version).
-- Nothing references payments, so dropping the old table breaks no foreign key.

CREATE TABLE payments_new (
    id        INTEGER PRIMARY KEY,
    sale_id   INTEGER REFERENCES sales(id),
    return_id INTEGER REFERENCES returns(id),
    method    TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay', 'insurance', 'voucher')),
    amount    INTEGER NOT NULL,
    tendered  INTEGER,
    change    INTEGER NOT NULL DEFAULT 0,
    reference TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 4 AND 64),
    refund_of INTEGER REFERENCES payments_new(id),
    CHECK ((sale_id IS NULL) <> (return_id IS NULL)),
    CHECK (refund_of IS NULL OR return_id IS NOT NULL)
);

INSERT INTO payments_new (id, sale_id, return_id, method, amount, tendered, change)
    SELECT id, sale_id, return_id, method, amount, tendered, change FROM payments;

DROP TABLE payments;
ALTER TABLE payments_new RENAME TO payments;

CREATE INDEX payments_sale ON payments (sale_id);
CREATE INDEX payments_return ON payments (return_id);
CREATE INDEX payments_refund_of ON payments (refund_of) WHERE refund_of IS NOT NULL;
