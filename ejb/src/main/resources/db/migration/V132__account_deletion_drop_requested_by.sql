-- The deletion receipt keeps no identifier of a person: the requesting owner's user id goes
-- (the audit log of the request is purged with the account).
ALTER TABLE account_deletion DROP COLUMN requested_by_ref;
