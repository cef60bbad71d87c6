-- A tenant-defined contact attribute and its type, which decides how a value is validated.
CREATE TABLE custom_field (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT       NOT NULL,
  name        VARCHAR(40)  NOT NULL,
  type        VARCHAR(8)   NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY custom_field_tenant_id_uk (tenant_id, id),
  UNIQUE KEY custom_field_name_uk (tenant_id, name),
  CONSTRAINT custom_field_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT custom_field_type_ck CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
