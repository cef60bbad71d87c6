-- A contact's value of a custom field, stored as validated canonical text (ISO date, plain
-- decimal, true/false).
CREATE TABLE contact_field_value (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT       NOT NULL,
  contact_id  BIGINT       NOT NULL,
  field_id    BIGINT       NOT NULL,
  value       VARCHAR(500) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY contact_field_value_uk (tenant_id, contact_id, field_id),
  CONSTRAINT contact_field_value_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT contact_field_value_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT contact_field_value_field_fk
    FOREIGN KEY (tenant_id, field_id) REFERENCES custom_field (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
