-- Issue 21: why a rule paused itself, also as a code with its arguments (JSON, see
-- platform.boundary.StoredWordings), so the automation page words it in the reader's language.
-- Null on the rows from before and on a pause by a person; those show paused_reason as stored.
ALTER TABLE automation_rule ADD COLUMN paused_wording VARCHAR(2000) NULL;
