-- Issue 18 (automation): a business's opening hours and its automatic away and greeting messages.
-- One row per tenant (the unique key). week holds the validated weekly intervals ("MON 09:00-12:00,13:00-17:00;TUE
-- ..."), holidays the closed dates ("2026-12-25,2027-01-01"); automation.control.WeeklyHours
-- parses and checks both before a save, so a row never holds a half-valid schedule.
CREATE TABLE business_hours (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT         NOT NULL,
  time_zone         VARCHAR(64)    NOT NULL,
  week              VARCHAR(2000)  NOT NULL,
  holidays          VARCHAR(4000)  NOT NULL,
  away_enabled      BOOLEAN        NOT NULL DEFAULT FALSE,
  away_text         VARCHAR(1024)  NULL,
  greeting_enabled  BOOLEAN        NOT NULL DEFAULT FALSE,
  greeting_text     VARCHAR(1024)  NULL,
  repeat_minutes    INT            NOT NULL DEFAULT 1440,
  updated_at        TIMESTAMP(6)   NOT NULL,
  version           BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY business_hours_tenant_uk (tenant_id),
  CONSTRAINT business_hours_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT business_hours_repeat_ck CHECK (repeat_minutes BETWEEN 1 AND 525600)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
