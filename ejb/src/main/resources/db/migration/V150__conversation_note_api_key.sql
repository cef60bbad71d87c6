-- A note written through the public API has an API key as its author, not a person: author_id
-- becomes optional and the key's id and name (as it was when the note was written) are kept.
-- Exactly one kind of author per note.
ALTER TABLE conversation_note
  MODIFY author_id BIGINT NULL,
  ADD COLUMN api_key_id BIGINT NULL AFTER author_id,
  ADD COLUMN api_key_name VARCHAR(80) NULL AFTER api_key_id,
  ADD CONSTRAINT conversation_note_one_author_ck
    CHECK ((author_id IS NULL) <> (api_key_id IS NULL)
           AND (api_key_id IS NULL) = (api_key_name IS NULL));
