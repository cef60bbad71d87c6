-- A tenant's data keys for the token vault (crypto feature). The data key is stored only wrapped
-- (AES-256-GCM) by a key-encryption key that lives outside the database; kek_id names it. Destroying
-- a key sets wrapped_key to NULL and keeps the row as a tombstone (crypto-shredding). kek_id is NULL
-- only on a tombstone for a tenant that never had a key. kek_id is ascii_bin because the application
-- compares key ids case-sensitively; a case-insensitive collation would make 'K1' equal 'k1'.
-- Deleting the tenant deletes its keys: they are worthless without it.
CREATE TABLE tenant_data_key (
  tenant_id     BIGINT         NOT NULL,
  key_version   INT            NOT NULL,
  kek_id        VARCHAR(40)    CHARACTER SET ascii COLLATE ascii_bin NULL,
  wrapped_key   VARBINARY(128) NULL,
  created_at    TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  destroyed_at  TIMESTAMP(6)   NULL DEFAULT NULL,
  version       BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, key_version),
  CONSTRAINT tenant_data_key_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
  CONSTRAINT tenant_data_key_version_ck CHECK (key_version > 0),
  CONSTRAINT tenant_data_key_state_ck CHECK (
    (destroyed_at IS NULL AND wrapped_key IS NOT NULL AND kek_id IS NOT NULL)
    OR (destroyed_at IS NOT NULL AND wrapped_key IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
