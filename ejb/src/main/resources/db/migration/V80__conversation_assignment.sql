-- Inbox work state of a conversation: who in the team handles it (a user of the same tenant, by
-- composite key) and until when it is snoozed (it counts as open again once that time passes or
-- the customer writes). The indexes serve the inbox's keyset pages: all of a tenant's
-- conversations by last activity, and one agent's by status and last activity.
ALTER TABLE conversation
  ADD COLUMN assignee_id BIGINT NULL,
  ADD COLUMN snoozed_until TIMESTAMP(6) NULL,
  ADD KEY conversation_activity_ix (tenant_id, last_activity_at, id),
  ADD KEY conversation_assignee_ix (tenant_id, assignee_id, status, last_activity_at, id),
  ADD CONSTRAINT conversation_assignee_fk
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES user_account (tenant_id, id);
