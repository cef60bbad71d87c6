-- A tenant's customer on WhatsApp. identity_key is the business-scoped user id when Meta sends
-- one, else the wa_id (META-CLOUD-API.md); it is unique per tenant, never across tenants.
CREATE TABLE contact (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id     BIGINT       NOT NULL,
  identity_key  VARCHAR(160) NOT NULL,
  wa_id         VARCHAR(32)  NULL,
  user_id       VARCHAR(160) NULL,
  username      VARCHAR(100) NULL,
  profile_name  VARCHAR(200) NULL,
  display_name  VARCHAR(200) NULL,
  phone         VARCHAR(32)  NULL,
  email         VARCHAR(254) NULL,
  opted_out     BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMP(6) NOT NULL,
  updated_at    TIMESTAMP(6) NOT NULL,
  version       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY contact_tenant_id_uk (tenant_id, id),
  UNIQUE KEY contact_identity_uk (tenant_id, identity_key),
  KEY contact_tenant_name_ix (tenant_id, display_name, id),
  CONSTRAINT contact_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
