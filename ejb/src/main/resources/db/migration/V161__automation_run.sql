-- Issue 18 (automation). What each rule did: one row per rule and event (or per macro run, or
-- away/greeting message; the latter also keep those from going to a contact twice within the
-- business's repeat interval): DONE with what changed, NOTHING with why not (a condition, the
-- guard's refusal), SKIPPED by the loop guard, PAUSED when a target disappeared. rule_id names the
-- rule or macro (automation_rule), null for away/greeting messages.
CREATE TABLE automation_run (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT         NOT NULL,
  rule_id          BIGINT         NULL,
  conversation_id  BIGINT         NOT NULL,
  event            VARCHAR(24)    NOT NULL,
  outcome          VARCHAR(10)    NOT NULL,
  detail           VARCHAR(2000)  NOT NULL,
  created_at       TIMESTAMP(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY automation_run_rule_ix (tenant_id, rule_id, conversation_id, created_at),
  KEY automation_run_log_ix (tenant_id, id),
  KEY automation_run_reply_ix (tenant_id, event, conversation_id, created_at),
  CONSTRAINT automation_run_outcome_ck CHECK (outcome IN ('DONE', 'NOTHING', 'SKIPPED', 'PAUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
