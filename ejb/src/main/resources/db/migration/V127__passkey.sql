-- A user's passkeys (WebAuthn credentials), a second factor beside the authenticator app. Only
-- public data: the credential id and the attested credential data (public key) as the
-- authenticator gave them, the sign counter (a counter that does not grow marks a cloned
-- authenticator) and the user's name for it. Per user and tenant: the composite foreign key keeps a
-- passkey inside its user's tenant, and deleting the user deletes it.
CREATE TABLE passkey (
  id                  BIGINT          NOT NULL AUTO_INCREMENT,
  tenant_id           BIGINT          NOT NULL,
  user_id             BIGINT          NOT NULL,
  credential_id       VARBINARY(255)  NOT NULL,
  public_key          VARBINARY(2048) NOT NULL,
  sign_count          BIGINT          NOT NULL DEFAULT 0,
  user_verified       BOOLEAN         NOT NULL DEFAULT FALSE,
  backup_eligible     BOOLEAN         NOT NULL DEFAULT FALSE,
  backed_up           BOOLEAN         NOT NULL DEFAULT FALSE,
  name                VARCHAR(60)     NOT NULL,
  created_at          TIMESTAMP(6)    NOT NULL,
  last_used_at        TIMESTAMP(6)    NULL,
  version             BIGINT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY passkey_credential_uk (credential_id),
  KEY passkey_user_ix (tenant_id, user_id),
  CONSTRAINT passkey_user_fk
    FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
