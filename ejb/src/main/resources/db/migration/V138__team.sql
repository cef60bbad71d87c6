-- Teams of a business (routing feature). A name is unique per business whatever the capitals
-- (the collation ignores case). assignment_mode: OFF, ROUND_ROBIN or LEAST_LOADED; capacity is the
-- most open conversations least-loaded gives one member; last_assignee_id is the round-robin
-- pointer, read and moved only under the business's routing lock (routing_setting FOR UPDATE).
CREATE TABLE team (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT        NOT NULL,
  name              VARCHAR(60)   NOT NULL,
  description       VARCHAR(300)  NULL,
  assignment_mode   VARCHAR(16)   NOT NULL DEFAULT 'OFF',
  capacity          INT           NOT NULL DEFAULT 10,
  last_assignee_id  BIGINT        NULL,
  created_at        TIMESTAMP(6)  NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY team_tenant_id_uk (tenant_id, id),
  UNIQUE KEY team_name_uk (tenant_id, name),
  CONSTRAINT team_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT team_mode_ck CHECK (assignment_mode IN ('OFF', 'ROUND_ROBIN', 'LEAST_LOADED')),
  CONSTRAINT team_capacity_ck CHECK (capacity BETWEEN 1 AND 1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
