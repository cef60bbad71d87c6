-- Service-level targets of a business (team_id NULL) or, after the teams merge, of one team.
-- Minutes; NULL: no target of that kind. business_hours: count only the business's open hours
-- (the SlaCalendar; 24x7 until the automation feature's business hours exist).
CREATE TABLE sla_policy (
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id              BIGINT       NOT NULL,
  team_id                BIGINT       NULL,
  first_response_minutes INT          NULL,
  next_response_minutes  INT          NULL,
  resolution_minutes     INT          NULL,
  business_hours         BOOLEAN      NOT NULL DEFAULT FALSE,
  updated_at             TIMESTAMP(6) NOT NULL,
  version                BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY sla_policy_team_uk (tenant_id, team_id),
  CONSTRAINT sla_policy_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
