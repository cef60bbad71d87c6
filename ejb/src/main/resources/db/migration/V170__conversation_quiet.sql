-- A conversation a campaign opened stays out of the team's inbox lists and counters (quiet) until
-- the customer writes. quiet follows tenant_id in the inbox indexes, so the lists still read one
-- keyset range of visible rows and never step over thousands of a big campaign's quiet ones.
ALTER TABLE conversation
  ADD COLUMN quiet BOOLEAN NOT NULL DEFAULT FALSE,
  DROP KEY conversation_inbox_ix,
  ADD KEY conversation_inbox_ix (tenant_id, quiet, status, last_activity_at, id),
  DROP KEY conversation_activity_ix,
  ADD KEY conversation_activity_ix (tenant_id, quiet, last_activity_at, id),
  DROP KEY conversation_assignee_ix,
  ADD KEY conversation_assignee_ix (tenant_id, assignee_id, quiet, status, last_activity_at, id),
  DROP KEY conversation_team_ix,
  ADD KEY conversation_team_ix (tenant_id, team_id, quiet, status, last_activity_at, id);
