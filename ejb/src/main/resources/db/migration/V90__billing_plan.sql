-- A plan platform operators sell (Starter, Growth ...). Prices live in billing_plan_version, so
-- a price change adds a version and never rewrites what invoices already say.
CREATE TABLE billing_plan (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  code        VARCHAR(40)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at  TIMESTAMP(6) NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY billing_plan_code_uk (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
