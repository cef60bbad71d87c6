-- A failed signup step's reason as its sentences' codes and arguments (a JSON array of
-- {"code": ConnectionWords constant, "args": [...]}), so the settings page words it in the reader's
-- language; null on the rows from before, which keep showing their stored English reason.
ALTER TABLE whatsapp_connection ADD COLUMN failure_wording VARCHAR(1000) NULL;
