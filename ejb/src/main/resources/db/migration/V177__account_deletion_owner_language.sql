-- The language the owner chose when asking for the deletion, so the receipt mailed after the purge
-- (when no user row is left) reads in it; cleared with owner_email once the receipt is sent.
ALTER TABLE account_deletion ADD COLUMN owner_language VARCHAR(16) NULL;
