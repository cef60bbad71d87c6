-- A conversation belongs to at most one team (the column is messaging's, set through
-- messaging.boundary.ConversationRouting). No ON DELETE action: deleting a team first takes it off
-- its conversations in the same transaction.
ALTER TABLE conversation
  ADD COLUMN team_id BIGINT NULL,
  ADD KEY conversation_team_ix (tenant_id, team_id, status, last_activity_at, id),
  ADD CONSTRAINT conversation_team_fk FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id);
