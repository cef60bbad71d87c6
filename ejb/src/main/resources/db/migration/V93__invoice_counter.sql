-- The next number of each invoice series. The invoice transaction locks its series' row
-- (SELECT ... FOR UPDATE) and increments it, so numbers are gapless: a rolled-back invoice rolls
-- its number back too, and two concurrent runs wait for each other here.
CREATE TABLE invoice_counter (
  series       VARCHAR(20) NOT NULL,
  next_number  BIGINT      NOT NULL,
  PRIMARY KEY (series)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
