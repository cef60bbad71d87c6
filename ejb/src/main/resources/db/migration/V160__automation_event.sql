-- Issue 18 (automation): the events rules and auto-replies react to, written in the transaction
-- that caused them (a stored customer message, a new label...), then claimed by any server
-- (FOR UPDATE SKIP LOCKED and a lease, platform.control.LeaseClaims) and handled in a transaction
-- of their own: a crash between commit and handling loses nothing, a failure in a rule never rolls
-- back the customer's message. fire_key makes the no-reply timer's claim: one firing per rule,
-- conversation and unanswered customer message, whichever server scans first (INSERT IGNORE).
CREATE TABLE automation_event (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT         NOT NULL,
  kind             VARCHAR(24)    NOT NULL,
  conversation_id  BIGINT         NOT NULL,
  message_id       BIGINT         NULL,
  detail           VARCHAR(4096)  NULL,
  first_message    BOOLEAN        NOT NULL DEFAULT FALSE,
  first_ever       BOOLEAN        NOT NULL DEFAULT FALSE,
  rule_id          BIGINT         NULL,
  fire_key         VARCHAR(80)    NULL,
  occurred_at      TIMESTAMP(6)   NOT NULL,
  lease_until      TIMESTAMP(6)   NULL,
  lease_owner      VARCHAR(64)    NULL,
  attempts         INT            NOT NULL DEFAULT 0,
  done_at          TIMESTAMP(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY automation_event_tenant_id_uk (tenant_id, id),
  UNIQUE KEY automation_event_fire_uk (tenant_id, rule_id, fire_key),
  KEY automation_event_due_ix (done_at, id),
  KEY automation_event_conversation_ix (tenant_id, conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
