-- Email verification, password reset and invitation links. Only a SHA-256 of the token is
-- stored, so a database reader cannot use a pending link; used_at makes each single use.
CREATE TABLE one_time_token (
  token_hash   BINARY(32)   NOT NULL,
  purpose      VARCHAR(24)  NOT NULL,
  tenant_id    BIGINT       NULL,
  user_id      BIGINT       NULL,
  email        VARCHAR(254) NOT NULL,
  role         VARCHAR(16)  NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  expires_at   TIMESTAMP(6) NOT NULL,
  used_at      TIMESTAMP(6) NULL,
  PRIMARY KEY (token_hash),
  KEY one_time_token_email_ix (email, purpose),
  CONSTRAINT one_time_token_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT one_time_token_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id),
  CONSTRAINT one_time_token_purpose_ck CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
