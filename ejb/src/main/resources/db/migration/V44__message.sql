-- Messages in both directions. wamid is unique per tenant (NULL while an outbound message is
-- not sent yet), which is what makes a redelivered webhook change nothing. created_at is when
-- the message was written (Meta's timestamp for inbound ones); the inbox pages by
-- (conversation, created_at, id). status only moves forward (see inbound StatusOrder).
CREATE TABLE message (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id           BIGINT        NOT NULL,
  conversation_id     BIGINT        NOT NULL,
  contact_id          BIGINT        NOT NULL,
  connection_id       BIGINT        NOT NULL,
  wamid               VARCHAR(255)  NULL,
  direction           VARCHAR(8)    NOT NULL,
  type                VARCHAR(64)   NOT NULL,
  text                TEXT          NULL,
  payload             MEDIUMTEXT    NULL,
  context_wamid       VARCHAR(255)  NULL,
  context_message_id  BIGINT        NULL,
  forwarded           BOOLEAN       NOT NULL DEFAULT FALSE,
  status              VARCHAR(16)   NOT NULL,
  status_at           TIMESTAMP(6)  NULL,
  error_code          INT           NULL,
  error_title         VARCHAR(255)  NULL,
  error_details       VARCHAR(1000) NULL,
  pricing_category    VARCHAR(32)   NULL,
  pricing_type        VARCHAR(32)   NULL,
  pricing_model       VARCHAR(16)   NULL,
  billable            BOOLEAN       NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  received_at         TIMESTAMP(6)  NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY message_tenant_id_uk (tenant_id, id),
  UNIQUE KEY message_wamid_uk (tenant_id, wamid),
  KEY message_conversation_page_ix (tenant_id, conversation_id, created_at, id),
  KEY message_context_ix (tenant_id, context_wamid),
  CONSTRAINT message_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT message_conversation_fk
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id),
  CONSTRAINT message_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT message_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT message_context_fk
    FOREIGN KEY (tenant_id, context_message_id) REFERENCES message (tenant_id, id),
  CONSTRAINT message_direction_ck CHECK (direction IN ('INBOUND', 'OUTBOUND')),
  CONSTRAINT message_status_ck
    CHECK (status IN ('RECEIVED', 'PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
