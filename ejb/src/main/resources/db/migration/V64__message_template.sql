-- Message templates of a connection's WhatsApp Business Account, as synced from Meta or created
-- here. meta_id is Meta's template id; (connection, name, language) is what a send names.
CREATE TABLE message_template (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id      BIGINT        NOT NULL,
  connection_id  BIGINT        NOT NULL,
  waba_id        VARCHAR(32)   NOT NULL,
  meta_id        VARCHAR(64)   NULL,
  name           VARCHAR(512)  NOT NULL,
  language       VARCHAR(16)   NOT NULL,
  category       VARCHAR(16)   NOT NULL,
  status         VARCHAR(20)   NOT NULL,
  reason         VARCHAR(500)  NULL,
  components     MEDIUMTEXT    NOT NULL,
  synced_at      TIMESTAMP(6)  NULL,
  updated_at     TIMESTAMP(6)  NOT NULL,
  version        BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY message_template_tenant_id_uk (tenant_id, id),
  UNIQUE KEY message_template_name_uk (tenant_id, connection_id, name(200), language),
  KEY message_template_meta_ix (tenant_id, meta_id),
  CONSTRAINT message_template_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT message_template_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT message_template_category_ck
    CHECK (category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
