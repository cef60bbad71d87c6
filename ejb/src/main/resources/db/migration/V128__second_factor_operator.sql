-- Platform operators (no tenant) may have an authenticator second factor too: their row has no
-- tenant, and their secret is sealed with a platform-level data key wrapped by the key-encryption
-- key (PlatformVault), which is longer than a tenant-key value.
ALTER TABLE second_factor
  MODIFY tenant_id BIGINT NULL,
  MODIFY secret VARBINARY(255) NOT NULL;
