-- The outbox of outgoing webhooks and their delivery log: one row per event and subscription,
-- written in the transaction that changed the data. Workers on any server claim due PENDING rows
-- with SELECT ... FOR UPDATE SKIP LOCKED and a lease (platform.control.LeaseClaims), post them and
-- record the attempt (status code, latency, an excerpt of the answer). Retries back off
-- exponentially with jitter until give-up; then FAILED.
CREATE TABLE webhook_delivery (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT        NOT NULL,
  subscription_id  BIGINT        NOT NULL,
  event_id         CHAR(36)      NOT NULL,
  event_type       VARCHAR(40)   NOT NULL,
  payload          MEDIUMTEXT    NOT NULL,
  state            VARCHAR(10)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP(6)  NOT NULL,
  lease_until      TIMESTAMP(6)  NULL,
  lease_owner      VARCHAR(64)   NULL,
  last_attempt_at  TIMESTAMP(6)  NULL,
  last_status      INT           NULL,
  last_latency_ms  INT           NULL,
  last_error       VARCHAR(500)  NULL,
  last_response    VARCHAR(500)  NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  delivered_at     TIMESTAMP(6)  NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY webhook_delivery_tenant_id_uk (tenant_id, id),
  KEY webhook_delivery_due_ix (state, next_attempt_at),
  KEY webhook_delivery_log_ix (tenant_id, subscription_id, id),
  CONSTRAINT webhook_delivery_subscription_fk
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscription (tenant_id, id)
    ON DELETE CASCADE,
  CONSTRAINT webhook_delivery_state_ck CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
