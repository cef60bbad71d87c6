-- Issue 18 (automation): a conversation's priority (LOW, NORMAL, HIGH, URGENT), set by rules
-- through messaging's ConversationFacts (messaging owns the table).
ALTER TABLE conversation ADD COLUMN priority VARCHAR(8) NULL;
