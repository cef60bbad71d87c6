-- Throughput of one WhatsApp number, shared by every server: a sender locks the row, takes the
-- next free slot (slots are 1/per_second apart) and moves next_slot_at on, so the number never
-- exceeds its rate however many servers send. paused_until holds everyone back after Meta's
-- throughput errors (130429, 4, 80007). per_second NULL means the configured default.
CREATE TABLE send_pace (
  tenant_id      BIGINT        NOT NULL,
  connection_id  BIGINT        NOT NULL,
  per_second     INT           NULL,
  next_slot_at   TIMESTAMP(6)  NOT NULL,
  paused_until   TIMESTAMP(6)  NULL,
  throttled      INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, connection_id),
  CONSTRAINT send_pace_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT send_pace_rate_ck CHECK (per_second IS NULL OR per_second BETWEEN 1 AND 1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
