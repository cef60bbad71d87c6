-- Issue 20: from_phone marks a message the business sent from the WhatsApp Business app on the
-- same number (coexistence, smb_message_echoes); edited_at/previous_text record a customer's
-- edit (the text before the latest edit, for agents); deleted_at a customer's revoke.
ALTER TABLE message
  ADD COLUMN from_phone     BOOLEAN       NOT NULL DEFAULT FALSE,
  ADD COLUMN edited_at      TIMESTAMP(6)  NULL,
  ADD COLUMN previous_text  TEXT          NULL,
  ADD COLUMN deleted_at     TIMESTAMP(6)  NULL;
