-- A user's authenticator (TOTP) second factor. The secret is encrypted with the tenant's data key
-- (purpose "totp-secret"), so crypto-shredding a tenant also destroys its users' secrets;
-- recovery codes are kept only as SHA-256 hashes. last_step refuses a code's reuse;
-- failed_codes and last_failed_at make wrong codes wait longer and longer, as wrong passwords do.
CREATE TABLE second_factor (
  user_id         BIGINT         NOT NULL,
  tenant_id       BIGINT         NOT NULL,
  secret          VARBINARY(160) NOT NULL,
  enabled_at      TIMESTAMP(6)   NOT NULL,
  last_step       BIGINT         NOT NULL DEFAULT 0,
  recovery_codes  VARCHAR(1000)  NOT NULL,
  failed_codes    INT            NOT NULL DEFAULT 0,
  last_failed_at  TIMESTAMP(6)   NULL,
  version         BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id),
  CONSTRAINT second_factor_user_fk
    FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
