-- Issue 20 item 4: WhatsApp calls (the calls webhook field) as entries of the conversation. One
-- row per call id (wacid), unique per tenant: connect, status and terminate events of the same
-- call update the row, so a redelivered or replayed event changes nothing.
CREATE TABLE call_log (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT        NOT NULL,
  connection_id    BIGINT        NOT NULL,
  conversation_id  BIGINT        NOT NULL,
  contact_id       BIGINT        NOT NULL,
  call_id          VARCHAR(128)  NOT NULL,
  direction        VARCHAR(10)   NOT NULL,
  state            VARCHAR(12)   NOT NULL,
  meta_status      VARCHAR(32)   NULL,
  started_at       DATETIME(6)   NOT NULL,
  answered_at      DATETIME(6)   NULL,
  ended_at         DATETIME(6)   NULL,
  duration_seconds INT           NULL,
  event_id         BIGINT        NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY call_log_call_uk (tenant_id, call_id),
  KEY call_log_conversation_ix (tenant_id, conversation_id, started_at),
  KEY call_log_contact_ix (tenant_id, contact_id),
  CONSTRAINT call_log_conversation_fk
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
