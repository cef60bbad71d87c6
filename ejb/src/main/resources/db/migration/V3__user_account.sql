-- People who sign in. Email is unique across the platform (sign-in asks for no tenant);
-- tenant_id is NULL only for platform operators. (tenant_id, id) is unique so tenant-owned
-- tables can reference a user together with its tenant.
CREATE TABLE user_account (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id          BIGINT       NULL,
  email              VARCHAR(254) NOT NULL,
  display_name       VARCHAR(120) NOT NULL,
  password_hash      VARCHAR(512) NOT NULL,
  role               VARCHAR(16)  NOT NULL,
  status             VARCHAR(24)  NOT NULL,
  email_verified_at  TIMESTAMP(6) NULL,
  failed_attempts    INT          NOT NULL DEFAULT 0,
  last_failed_at     TIMESTAMP(6) NULL,
  locked_until       TIMESTAMP(6) NULL,
  last_sign_in_at    TIMESTAMP(6) NULL,
  created_at         TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  version            BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY user_account_email_uk (email),
  UNIQUE KEY user_account_tenant_id_uk (tenant_id, id),
  CONSTRAINT user_account_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT user_account_role_ck CHECK (role IN ('OWNER', 'ADMIN', 'AGENT', 'OPERATOR')),
  CONSTRAINT user_account_operator_ck CHECK ((role = 'OPERATOR') = (tenant_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
