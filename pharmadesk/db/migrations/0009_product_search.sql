-- Find a product by any word and by pinyin initials (issue 13).
-- python-step: product_search
--
-- products.manufacturer is typed by the owner; products.pinyin_initials is derived from the name (the
-- 助记码 counter staff type, e.g. 'blfhsjn' for 布洛芬缓释胶囊) and never edited by hand.
-- product_search_terms holds every word a product can be found by (lower case): the words of the brand name,
-- the generic name and the manufacturer, the barcode, and for Chinese text the characters, the pinyin initials
-- and the full pinyin from each character on. A typed word matches a term it is a prefix of, through the
-- index on (term, product_id): a range scan that never reads the table, so a keystroke never reads the
-- whole catalogue.
-- product_sales_rank caches the units each product sold in the 90 days before as_of, so the type-ahead can put
-- the best sellers first without summing sale lines on every keystroke.
-- The Python step (registered by pharmadesk.core) fills pinyin_initials and the terms of existing products.

ALTER TABLE products ADD COLUMN manufacturer TEXT COLLATE NOCASE;
ALTER TABLE products ADD COLUMN pinyin_initials TEXT;

CREATE TABLE product_search_terms (
    term       TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products(id),
    UNIQUE (term, product_id)
);
CREATE INDEX product_search_terms_product ON product_search_terms (product_id);

CREATE TABLE product_sales_rank (
    product_id INTEGER PRIMARY KEY REFERENCES products(id),
    units_90d  INTEGER NOT NULL CHECK (units_90d >= 0),
    as_of      TEXT NOT NULL
);
