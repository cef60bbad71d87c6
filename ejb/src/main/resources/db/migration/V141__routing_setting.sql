-- One row per business: the assignment of conversations without a team, whether agents see only
-- their teams' conversations, and the row every automatic assignment of the business locks
-- (SELECT ... FOR UPDATE), so two servers never assign at once and capacity holds across teams.
CREATE TABLE routing_setting (
  tenant_id         BIGINT       NOT NULL,
  assignment_mode   VARCHAR(16)  NOT NULL DEFAULT 'OFF',
  capacity          INT          NOT NULL DEFAULT 10,
  last_assignee_id  BIGINT       NULL,
  restrict_agents   BOOLEAN      NOT NULL DEFAULT FALSE,
  version           BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id),
  CONSTRAINT routing_setting_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT routing_setting_mode_ck CHECK (assignment_mode IN ('OFF', 'ROUND_ROBIN', 'LEAST_LOADED')),
  CONSTRAINT routing_setting_capacity_ck CHECK (capacity BETWEEN 1 AND 1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
