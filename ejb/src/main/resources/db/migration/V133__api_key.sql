-- API keys of a business for the public API (/api/v1). The secret is shown once and kept only as
-- SHA-256 of its 256 random bits (a high-entropy secret needs no salt or stretching; the lookup
-- goes by public_id, the hash is compared in constant time). public_id is unique across tenants
-- because a call names no tenant: the key decides it. scopes is a space-separated list.
CREATE TABLE api_key (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id     BIGINT        NOT NULL,
  public_id     VARCHAR(24)   NOT NULL,
  secret_sha256 BINARY(32)    NOT NULL,
  name          VARCHAR(80)   NOT NULL,
  scopes        VARCHAR(400)  NOT NULL,
  created_by    BIGINT        NULL,
  created_at    TIMESTAMP(6)  NOT NULL,
  expires_at    TIMESTAMP(6)  NULL,
  revoked_at    TIMESTAMP(6)  NULL,
  last_used_at  TIMESTAMP(6)  NULL,
  version       BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY api_key_public_uk (public_id),
  UNIQUE KEY api_key_tenant_id_uk (tenant_id, id),
  CONSTRAINT api_key_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT api_key_creator_fk FOREIGN KEY (tenant_id, created_by) REFERENCES user_account (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
