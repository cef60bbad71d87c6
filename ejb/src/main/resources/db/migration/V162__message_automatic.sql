-- Issue 18 (automation): a message KretaNote sent by itself for an automation (away, greeting, a
-- rule's or a macro's send) is marked automatic: the history shows it, and the sender asks again
-- right before the call whether the customer objected to automated processing.
ALTER TABLE message ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE;
