-- Conversations waiting for automatic assignment, written in the transaction that opened or
-- re-opened them (so a crash after commit loses none) and deleted by the assignment, under the
-- business's routing lock. Oldest first.
CREATE TABLE routing_wait (
  tenant_id        BIGINT        NOT NULL,
  conversation_id  BIGINT        NOT NULL,
  waiting_since    TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id),
  KEY routing_wait_age_ix (tenant_id, waiting_since),
  CONSTRAINT routing_wait_conversation_fk FOREIGN KEY (tenant_id, conversation_id)
    REFERENCES conversation (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
