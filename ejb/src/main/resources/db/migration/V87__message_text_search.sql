-- Inbox search over message text. A FULLTEXT index cannot lead with tenant_id, so the query
-- filters by tenant itself after the match.
CREATE FULLTEXT INDEX message_text_ft ON message (text);
