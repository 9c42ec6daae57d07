-- Sales history migrated from an earlier till is kept apart from sales rung up here.
-- source 'till': sold at this till (moved stock, earned points, belongs in a day close).
-- source 'import': history from `pharmadesk import sales`; it moved no stock, earned no points,
-- and legacy_receipt keeps the old till's receipt id so the same receipt is never imported twice.

ALTER TABLE sales ADD COLUMN source TEXT NOT NULL DEFAULT 'till' CHECK (source IN ('till', 'import'));
ALTER TABLE sales ADD COLUMN legacy_receipt TEXT;

CREATE INDEX sales_legacy_receipt ON sales (legacy_receipt) WHERE legacy_receipt IS NOT NULL;
