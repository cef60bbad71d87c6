-- Issue 18 (automation condition "language is"): the language detected in the customer's latest
-- text message that could be told (platform.boundary.TextLanguage; ISO 639-1 code), NULL while none
-- could. Messaging writes it when it stores the message; automation reads it on the conversation.
ALTER TABLE conversation ADD COLUMN customer_language VARCHAR(8) NULL;
