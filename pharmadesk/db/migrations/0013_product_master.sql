-- The product master a Chinese retail pharmacy keeps (issue 15) and the counter controls build on (issue 16):
-- who holds the marketing authorisation, the approval number (批准文号), the specification (规格), the OTC
-- class (甲类 / 乙类), the storage condition, the national insurance code (医保编码), the ephedrine flag
-- (含麻黄碱) and the split-pack ratio (拆零: units per pack, the unit's name and price).
-- The existing columns keep their meaning: `form` is the dosage form (剂型), `manufacturer` the maker.
ALTER TABLE products ADD COLUMN authorisation_holder TEXT;
ALTER TABLE products ADD COLUMN approval_number TEXT;
ALTER TABLE products ADD COLUMN specification TEXT;
ALTER TABLE products ADD COLUMN otc_class TEXT CHECK (otc_class IS NULL OR otc_class IN ('a', 'b'));
ALTER TABLE products ADD COLUMN storage_condition TEXT NOT NULL DEFAULT 'ambient'
    CHECK (storage_condition IN ('ambient', 'cool', 'cold'));
ALTER TABLE products ADD COLUMN insurance_code TEXT;
ALTER TABLE products ADD COLUMN contains_ephedrine INTEGER NOT NULL DEFAULT 0 CHECK (contains_ephedrine IN (0, 1));
ALTER TABLE products ADD COLUMN split_units INTEGER CHECK (split_units IS NULL OR split_units >= 2);
ALTER TABLE products ADD COLUMN split_unit_name TEXT;
ALTER TABLE products ADD COLUMN split_unit_price INTEGER CHECK (split_unit_price IS NULL OR split_unit_price >= 0);
CREATE INDEX products_approval ON products (approval_number);
