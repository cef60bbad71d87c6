-- An invitation to join a tenant, per tenant. Only the SHA-256 of the 256-bit link token is
-- stored; it is unique across tenants because the join page finds the tenant through it. The
-- composite foreign keys keep inviter and accepted user inside the invitation's tenant.
CREATE TABLE invitation (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT       NOT NULL,
  email             VARCHAR(254) NOT NULL,
  role              VARCHAR(16)  NOT NULL,
  token_hash        BINARY(32)   NOT NULL,
  invited_by        BIGINT       NOT NULL,
  created_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at        TIMESTAMP(6) NOT NULL,
  accepted_at       TIMESTAMP(6) NULL,
  accepted_user_id  BIGINT       NULL,
  revoked_at        TIMESTAMP(6) NULL,
  version           BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY invitation_tenant_id_uk (tenant_id, id),
  UNIQUE KEY invitation_token_uk (token_hash),
  KEY invitation_tenant_email_ix (tenant_id, email),
  CONSTRAINT invitation_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT invitation_inviter_fk FOREIGN KEY (tenant_id, invited_by) REFERENCES user_account (tenant_id, id),
  CONSTRAINT invitation_user_fk FOREIGN KEY (tenant_id, accepted_user_id) REFERENCES user_account (tenant_id, id),
  CONSTRAINT invitation_role_ck CHECK (role IN ('OWNER', 'ADMIN', 'AGENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
