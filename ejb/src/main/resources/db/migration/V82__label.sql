-- A tenant's labels for conversations ("billing", "VIP"); the name is unique per tenant.
CREATE TABLE label (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT       NOT NULL,
  name        VARCHAR(40)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY label_tenant_id_uk (tenant_id, id),
  UNIQUE KEY label_name_uk (tenant_id, name),
  CONSTRAINT label_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
