-- A customer's reaction to a message: one per customer and message, the latest by Meta's time
-- wins, an empty emoji (stored as NULL) means removed. Keyed by the target's wamid so that a
-- reaction arriving before its message is kept and linked (message_id) once the message is known.
CREATE TABLE reaction (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT       NOT NULL,
  target_wamid    VARCHAR(255) NOT NULL,
  message_id      BIGINT       NULL,
  contact_id      BIGINT       NOT NULL,
  emoji           VARCHAR(64)  NULL,
  reaction_wamid  VARCHAR(255) NOT NULL,
  reacted_at      TIMESTAMP(6) NOT NULL,
  updated_at      TIMESTAMP(6) NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY reaction_tenant_id_uk (tenant_id, id),
  UNIQUE KEY reaction_uk (tenant_id, target_wamid, contact_id),
  KEY reaction_message_ix (tenant_id, message_id),
  CONSTRAINT reaction_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT reaction_message_fk FOREIGN KEY (tenant_id, message_id) REFERENCES message (tenant_id, id),
  CONSTRAINT reaction_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
