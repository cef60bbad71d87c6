-- Which labels a conversation carries; both ends belong to the same tenant (composite keys).
CREATE TABLE conversation_label (
  id               BIGINT NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT NOT NULL,
  conversation_id  BIGINT NOT NULL,
  label_id         BIGINT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY conversation_label_uk (tenant_id, conversation_id, label_id),
  KEY conversation_label_label_ix (tenant_id, label_id),
  CONSTRAINT conversation_label_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT conversation_label_conversation_fk
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id),
  CONSTRAINT conversation_label_label_fk
    FOREIGN KEY (tenant_id, label_id) REFERENCES label (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
