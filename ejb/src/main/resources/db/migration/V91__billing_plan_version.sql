-- One price sheet of a plan. Money is integer minor units of an ISO 4217 currency; rows are
-- never updated once a subscription points at them.
CREATE TABLE billing_plan_version (
  id                          BIGINT       NOT NULL AUTO_INCREMENT,
  plan_id                     BIGINT       NOT NULL,
  version_no                  INT          NOT NULL,
  currency                    CHAR(3)      NOT NULL,
  monthly_price_minor         BIGINT       NOT NULL,
  yearly_price_minor          BIGINT       NOT NULL,
  included_seats              INT          NOT NULL,
  seat_price_minor            BIGINT       NOT NULL,
  max_seats                   INT          NOT NULL,
  message_allowance           BIGINT       NOT NULL,
  overage_per_thousand_minor  BIGINT       NOT NULL,
  features                    VARCHAR(500) NOT NULL DEFAULT '',
  created_at                  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY billing_plan_version_uk (plan_id, version_no),
  CONSTRAINT billing_plan_version_plan_fk FOREIGN KEY (plan_id) REFERENCES billing_plan (id),
  CONSTRAINT billing_plan_version_money_ck CHECK (monthly_price_minor >= 0 AND yearly_price_minor >= 0
    AND seat_price_minor >= 0 AND overage_per_thousand_minor >= 0 AND included_seats >= 1
    AND max_seats >= included_seats AND message_allowance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
