-- Issue 18 (automation): "when <event> and <conditions> then <actions>". A macro (a named list
-- of actions an agent runs with one click, event MACRO) is a row here too, without conditions. definition is the
-- validated JSON {"conditions": [{"type", ...}], "actions": [{"type", ...}]}
-- (automation.control.RuleDefinition checks every part against the registry before a save).
-- position orders the rules of a tenant; paused_reason says why the rule stopped by itself
-- (a label, template, canned response or agent it names disappeared). updated_by, the manager
-- who saved it last, authors the rule's private notes.
CREATE TABLE automation_rule (
  id             BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id      BIGINT         NOT NULL,
  name           VARCHAR(100)   NOT NULL,
  position       INT            NOT NULL,
  event          VARCHAR(24)    NOT NULL,
  wait_minutes   INT            NULL,
  definition     TEXT           NOT NULL,
  paused         BOOLEAN        NOT NULL DEFAULT FALSE,
  paused_reason  VARCHAR(500)   NULL,
  updated_by     BIGINT         NOT NULL,
  created_at     TIMESTAMP(6)   NOT NULL,
  updated_at     TIMESTAMP(6)   NOT NULL,
  version        BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY automation_rule_tenant_id_uk (tenant_id, id),
  KEY automation_rule_event_ix (tenant_id, event, position),
  CONSTRAINT automation_rule_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT automation_rule_definition_ck CHECK (JSON_VALID(definition)),
  CONSTRAINT automation_rule_event_ck CHECK (event IN ('CONVERSATION_CREATED',
    'CUSTOMER_MESSAGE', 'CONVERSATION_RESOLVED', 'MESSAGE_FAILED', 'LABEL_ADDED', 'NO_REPLY', 'MACRO'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
