-- What the media downloader needs beyond V47: the file name a document came with, when the next
-- attempt is due after a failure, the lease that keeps two servers from downloading the same row
-- (claimed with SELECT ... FOR UPDATE SKIP LOCKED) and when the file was stored. One statement, so
-- it is atomic on MariaDB.
ALTER TABLE media
  ADD COLUMN filename        VARCHAR(255) NULL AFTER mime_type,
  ADD COLUMN next_attempt_at TIMESTAMP(6) NULL AFTER last_error,
  ADD COLUMN lease_owner     VARCHAR(100) NULL AFTER next_attempt_at,
  ADD COLUMN lease_until     TIMESTAMP(6) NULL AFTER lease_owner,
  ADD COLUMN downloaded_at   TIMESTAMP(6) NULL AFTER lease_until,
  ADD KEY media_due_ix (state, next_attempt_at, id);
