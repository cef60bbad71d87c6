-- Issue 18 (automation): a team's own opening hours, replacing the business's for the team's
-- conversations (away message, the "business hours" rule condition, SLA counted in business hours).
-- One row per team (the unique key); week and holidays in the canonical text of
-- automation.control.WeeklyHours, checked before every save. team_id names routing's team without
-- a key (one owner per table); deleting the team deletes its row (automation's TeamHoursWatch).
CREATE TABLE team_hours (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT        NOT NULL,
  team_id     BIGINT        NOT NULL,
  time_zone   VARCHAR(64)   NOT NULL,
  week        VARCHAR(2000) NOT NULL,
  holidays    VARCHAR(4000) NOT NULL,
  updated_at  TIMESTAMP(6)  NOT NULL,
  version     BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY team_hours_team_uk (tenant_id, team_id),
  CONSTRAINT team_hours_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
