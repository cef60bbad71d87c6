-- Issue 20 items 4 and 7: the customer's latest answer to a call permission request
-- (call_permission_reply: accept/reject, permanent or until a time), the latest
-- customer_identity_changed notice (shown as a warning on the contact).
ALTER TABLE contact
  ADD COLUMN call_permission            VARCHAR(10)   NULL,
  ADD COLUMN call_permission_permanent  BOOLEAN       NOT NULL DEFAULT FALSE,
  ADD COLUMN call_permission_expires_at DATETIME(6)   NULL,
  ADD COLUMN call_permission_at         DATETIME(6)   NULL,
  ADD COLUMN identity_changed_at        DATETIME(6)   NULL,
  ADD COLUMN identity_notice            VARCHAR(500)  NULL;
