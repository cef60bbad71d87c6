-- Issue 18 (automation), the loop guard across servers: a rule about to act on a conversation first
-- claims the minute's slot with INSERT IGNORE in a transaction of its own, so of two servers that
-- evaluate the rule at once only one acts (the run log is written after the actions, too late to
-- stop the other). Ages with the run log.
CREATE TABLE automation_slot (
  tenant_id        BIGINT        NOT NULL,
  rule_id          BIGINT        NOT NULL,
  conversation_id  BIGINT        NOT NULL,
  slot_minute      BIGINT        NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (tenant_id, rule_id, conversation_id, slot_minute),
  KEY automation_slot_age_ix (tenant_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
