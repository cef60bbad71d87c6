-- Bumped whenever a user's access changes (password reset, role change, disabled). A session
-- remembers the value it signed in with and ends at its next request once they differ, on every
-- server, because the check reads this column.
ALTER TABLE user_account ADD COLUMN session_generation INT NOT NULL DEFAULT 0;
