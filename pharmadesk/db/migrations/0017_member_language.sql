-- The language a member is spoken to in (issue 19): the care worklist shows the call script in it.
-- NULL means the store's own language (the `language` setting); the values are the program's languages.
ALTER TABLE members ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'zh_CN'));
