-- Failed sign-ins per client address, kept in the database so every server sees the same count.
CREATE TABLE sign_in_throttle (
  client_address  VARCHAR(45)  NOT NULL,
  window_start    TIMESTAMP(6) NOT NULL,
  failures        INT          NOT NULL,
  PRIMARY KEY (client_address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
