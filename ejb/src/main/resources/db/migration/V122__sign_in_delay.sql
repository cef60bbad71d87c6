-- Failed sign-ins per (client address, account), kept in the database so every server sees the
-- same count. The account is the SHA-256 of the normalised email: guesses at unknown emails are
-- throttled alike, and this table keeps no email. One client's failures delay only that client's
-- attempts at that account (security issue 15, finding 1).
CREATE TABLE sign_in_delay (
  client_address   VARCHAR(45)  NOT NULL,
  account_key      CHAR(64)     NOT NULL,
  failures         INT          NOT NULL,
  last_failure_at  TIMESTAMP(6) NOT NULL,
  next_attempt_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (client_address, account_key),
  KEY sign_in_delay_last_failure (last_failure_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
