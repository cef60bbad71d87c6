-- A bell notification's title as its kind's code plus arguments (a JSON array of strings), so the
-- bell words it in the reader's language; null on the rows from before, which keep showing their
-- stored English title.
ALTER TABLE agent_notification ADD COLUMN title_args VARCHAR(600) NULL;
