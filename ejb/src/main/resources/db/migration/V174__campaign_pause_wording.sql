-- Issue 21: why a campaign was paused, also as a code with its arguments (JSON, see
-- platform.boundary.StoredWordings), so the campaign pages word it in the reader's language. Null
-- on the rows from before and on a reason a person typed; those show pause_reason as stored.
ALTER TABLE campaign ADD COLUMN pause_wording VARCHAR(2000) NULL;
