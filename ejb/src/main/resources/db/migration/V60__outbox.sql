-- The outbox: one row per outbound message to send, written in the same transaction as the
-- message (status PENDING, wamid NULL). Senders on any server claim rows with
-- SELECT ... FOR UPDATE SKIP LOCKED plus a lease; a row never goes back to QUEUED once a send
-- may have reached Meta (state SENDING or UNKNOWN), so a message is never sent twice blindly.
-- idempotency_key is unique per tenant: a repeated request finds the first row. campaign_id is
-- for campaigns (a later feature) and NULL for messages an agent sends.
CREATE TABLE outbox (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id          BIGINT        NOT NULL,
  message_id         BIGINT        NOT NULL,
  connection_id      BIGINT        NOT NULL,
  contact_id         BIGINT        NOT NULL,
  conversation_id    BIGINT        NOT NULL,
  campaign_id        BIGINT        NULL,
  idempotency_key    VARCHAR(100)  NOT NULL,
  request_sha256     BINARY(32)    NOT NULL,
  category           VARCHAR(16)   NOT NULL,
  kind               VARCHAR(16)   NOT NULL,
  template_id        BIGINT        NULL,
  recipient          VARCHAR(160)  NOT NULL,
  request            MEDIUMTEXT    NOT NULL,
  state              VARCHAR(10)   NOT NULL,
  attempts           INT           NOT NULL DEFAULT 0,
  next_attempt_at    TIMESTAMP(6)  NOT NULL,
  lease_until        TIMESTAMP(6)  NULL,
  lease_owner        VARCHAR(64)   NULL,
  last_attempt_at    TIMESTAMP(6)  NULL,
  error_code         INT           NULL,
  refusal_code       VARCHAR(40)   NULL,
  outcome            VARCHAR(1000) NULL,
  created_at         TIMESTAMP(6)  NOT NULL,
  updated_at         TIMESTAMP(6)  NOT NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY outbox_tenant_id_uk (tenant_id, id),
  UNIQUE KEY outbox_idempotency_uk (tenant_id, idempotency_key),
  UNIQUE KEY outbox_message_uk (tenant_id, message_id),
  KEY outbox_due_ix (state, next_attempt_at, id),
  KEY outbox_recipient_ix (tenant_id, connection_id, recipient, state),
  KEY outbox_campaign_ix (tenant_id, campaign_id),
  CONSTRAINT outbox_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT outbox_message_fk FOREIGN KEY (tenant_id, message_id) REFERENCES message (tenant_id, id),
  CONSTRAINT outbox_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT outbox_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT outbox_conversation_fk
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id),
  CONSTRAINT outbox_state_ck
    CHECK (state IN ('QUEUED', 'RETRY', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN', 'REFUSED')),
  CONSTRAINT outbox_category_ck
    CHECK (category IN ('SERVICE', 'MARKETING', 'UTILITY', 'AUTHENTICATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
