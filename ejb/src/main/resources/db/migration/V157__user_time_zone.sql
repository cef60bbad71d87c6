-- The time zone a user reads times in (an IANA id such as Asia/Kolkata). NULL until the browser
-- reported one at the first sign-in or the user chose one; pages show UTC meanwhile.
ALTER TABLE user_account ADD COLUMN time_zone VARCHAR(64) NULL;
