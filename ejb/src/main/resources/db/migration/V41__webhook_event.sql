-- The inbound event log: every signature-valid webhook body exactly as Meta sent it, written
-- before the 200 and applied afterwards. Platform-level (a body may carry several tenants'
-- numbers), so no tenant_id. The body is never changed; state, lease and counters are.
-- body_sha256 collapses exact redeliveries into one row; deliveries counts every POST that was
-- acknowledged with it. state RECEIVED + an expired or empty lease is what appliers claim.
CREATE TABLE webhook_event (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  body_sha256       BINARY(32)   NOT NULL,
  body              MEDIUMBLOB   NOT NULL,
  body_bytes        INT          NOT NULL,
  received_at       TIMESTAMP(6) NOT NULL,
  last_received_at  TIMESTAMP(6) NOT NULL,
  deliveries        INT          NOT NULL DEFAULT 1,
  state             VARCHAR(16)  NOT NULL DEFAULT 'RECEIVED',
  lease_owner       VARCHAR(100) NULL,
  lease_until       TIMESTAMP(6) NULL,
  attempts          INT          NOT NULL DEFAULT 0,
  applied_at        TIMESTAMP(6) NULL,
  reason            VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY webhook_event_body_uk (body_sha256),
  KEY webhook_event_state_ix (state, id),
  CONSTRAINT webhook_event_state_ck
    CHECK (state IN ('RECEIVED', 'APPLIED', 'UNROUTABLE', 'REJECTED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
