-- The audit chain gets a secret (issue 17 item 2).
-- python-step: audit_hmac_chain
--
-- Until now each entry's hash was SHA-256 over the previous hash and the entry: anyone holding the database
-- key could edit an entry and recompute the chain. From here on audit_log.hash (and prev_hash) hold
-- HMAC-SHA256 under a key derived from the database key (pharmadesk.core.audit). The Python step, registered
-- by pharmadesk.core.audit, checks the old chain, re-chains every existing entry under the HMAC, appends an
-- 'audit.rechain' entry saying how many entries it re-chained and whether the old chain was intact, and
-- creates the append-only triggers again (their SQL lives in pharmadesk.core.audit, which `audit verify`
-- compares against). The triggers are dropped here so the step may rewrite the hashes.

DROP TRIGGER IF EXISTS audit_log_no_update;
DROP TRIGGER IF EXISTS audit_log_no_delete;
