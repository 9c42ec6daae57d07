-- Sales history sold in part packs (拆零): a line may count split units instead of packs.
-- split_unit = 1: `quantity` counts units of the product's split pack (products.split_units per pack) and
-- `unit_price` is the price of one unit; 0 (every till line so far): `quantity` counts packs.
-- Analyses count such a line as quantity / split_units packs (docs/analytics.md, "How a unit sale counts").
ALTER TABLE sale_lines ADD COLUMN split_unit INTEGER NOT NULL DEFAULT 0 CHECK (split_unit IN (0, 1));
