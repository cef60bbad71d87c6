-- Issue 21: what a rule run did, also as a code with its arguments (JSON, see
-- platform.boundary.StoredWordings), so the run log reads in the reader's language. Null on the
-- rows from before, which show their English detail.
ALTER TABLE automation_run ADD COLUMN detail_wording TEXT NULL;
