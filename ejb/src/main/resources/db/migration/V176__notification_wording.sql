-- A notification's subject and paragraphs as their sentences' codes and arguments (a JSON array,
-- platform.boundary.StoredWordings: the subject first), so the dashboard and each recipient's mail
-- word it in the reader's language; null on the rows from before, which keep their English.
ALTER TABLE notification ADD COLUMN wording TEXT NULL;
