-- Member phones in one form (issue 17, item 6): the same number written in full-width or Arabic-Indic digits,
-- or with +86 / 0086 before a Chinese mobile, was stored as a different text and passed the duplicate check.
-- python-step: normalize_member_phones
--
-- The Python step (registered by pharmadesk.core.members) rewrites each stored phone to normalize_phone's form.
-- Two members whose numbers become equal cannot both hold it (phone is UNIQUE): the later one keeps its phone
-- as stored and the pair is logged by member number only, for the owner to merge; the migration never fails
-- on them.
SELECT 1;
