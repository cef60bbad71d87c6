-- What remains of an erased contact who had said STOP: a SHA-256 of tenant id and WhatsApp id,
-- so the number cannot be read back but a send to it can still be refused.
CREATE TABLE suppression (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id      BIGINT       NOT NULL,
  identity_hash  BINARY(32)   NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY suppression_tenant_id_uk (tenant_id, id),
  UNIQUE KEY suppression_identity_uk (tenant_id, identity_hash),
  CONSTRAINT suppression_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
