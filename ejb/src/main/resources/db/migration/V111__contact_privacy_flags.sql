-- Per-contact privacy switches: legal_hold keeps the contact's messages from every purge;
-- automation_opt_out is the data subject's objection to automated processing, which campaigns,
-- automations and bots must respect (DataSubjectRequests.automatedProcessingAllowed).
ALTER TABLE contact
  ADD COLUMN legal_hold          BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN automation_opt_out  BOOLEAN NOT NULL DEFAULT FALSE;
