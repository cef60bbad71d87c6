-- Every assignment of a conversation, automatic or by hand, with its reason in words ("round robin
-- in team Sales", "assigned by Asha"). Names are copied: the history reads the same after a team
-- is renamed or deleted. Leaves with its conversation.
CREATE TABLE assignment_history (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT        NOT NULL,
  conversation_id  BIGINT        NOT NULL,
  team_name        VARCHAR(60)   NULL,
  assignee_id      BIGINT        NULL,
  assignee_name    VARCHAR(120)  NULL,
  reason           VARCHAR(200)  NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY assignment_history_conversation_ix (tenant_id, conversation_id, created_at),
  CONSTRAINT assignment_history_conversation_fk FOREIGN KEY (tenant_id, conversation_id)
    REFERENCES conversation (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
