-- STUB until the connection branch (issue 4) lands: the least of whatsapp_connection that
-- webhook routing needs. IF NOT EXISTS so that, merged behind the real table's migration, this is
-- a no-op; the real migration must create at least these columns and keys (phone_number_id unique
-- platform-wide, because it is what routes a webhook to exactly one tenant).
CREATE TABLE IF NOT EXISTS whatsapp_connection (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id             BIGINT       NOT NULL,
  waba_id               VARCHAR(64)  NOT NULL,
  phone_number_id       VARCHAR(64)  NOT NULL,
  display_phone_number  VARCHAR(32)  NULL,
  created_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY whatsapp_connection_tenant_id_uk (tenant_id, id),
  UNIQUE KEY whatsapp_connection_phone_number_uk (phone_number_id),
  CONSTRAINT whatsapp_connection_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
