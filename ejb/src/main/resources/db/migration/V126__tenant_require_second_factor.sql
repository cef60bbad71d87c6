-- An owner can require every member of the business to sign in with a second factor.
ALTER TABLE tenant ADD COLUMN require_second_factor BOOLEAN NOT NULL DEFAULT FALSE;
