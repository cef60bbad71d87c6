-- One conversation per contact and business number (Meta's customer-service window is per
-- number and user). An inbound message opens it or re-opens a closed one; window_expires_at is
-- the customer's last message time + 24 h, the only time free-form replies are allowed.
CREATE TABLE conversation (
  id                        BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id                 BIGINT       NOT NULL,
  connection_id             BIGINT       NOT NULL,
  contact_id                BIGINT       NOT NULL,
  status                    VARCHAR(8)   NOT NULL,
  opened_at                 TIMESTAMP(6) NOT NULL,
  closed_at                 TIMESTAMP(6) NULL,
  last_customer_message_at  TIMESTAMP(6) NULL,
  window_expires_at         TIMESTAMP(6) NULL,
  last_activity_at          TIMESTAMP(6) NOT NULL,
  unread_count              INT          NOT NULL DEFAULT 0,
  version                   BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY conversation_tenant_id_uk (tenant_id, id),
  UNIQUE KEY conversation_contact_uk (tenant_id, connection_id, contact_id),
  KEY conversation_inbox_ix (tenant_id, status, last_activity_at, id),
  CONSTRAINT conversation_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT conversation_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT conversation_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT conversation_status_ck CHECK (status IN ('OPEN', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
