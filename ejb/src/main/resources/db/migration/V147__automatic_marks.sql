-- Issue 18 (automation): a message KretaNote sent by itself (away, greeting, a rule's or a macro's
-- send) is marked automatic in the history and in the outbox, whose sender checks the customer's
-- objection to automated processing again right before the call. priority is a conversation's
-- mark set by rules (messaging owns the table; automation sets it through Conversations).
ALTER TABLE message ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE outbox ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversation ADD COLUMN priority VARCHAR(8) NULL;
