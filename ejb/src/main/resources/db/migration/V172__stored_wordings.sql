-- Issue 21: sentences the core keeps in a row, also as a code with its arguments (JSON, see
-- platform.boundary.StoredWordings), so the pages word them in the reader's language: why a rule
-- paused itself, what a rule run did, why a campaign was paused. Null on the rows from before, and
-- on a person's typed pause reason; those keep showing their stored text.
ALTER TABLE automation_rule ADD COLUMN paused_wording VARCHAR(2000) NULL;
ALTER TABLE automation_run ADD COLUMN detail_wording TEXT NULL;
ALTER TABLE campaign ADD COLUMN pause_wording VARCHAR(2000) NULL;
