-- Things a tenant's owners and admins must know (shown on the dashboard, also mailed).
-- dedupe_key makes a notification for one event impossible to create twice, even if two servers
-- raced past every other guard.
CREATE TABLE notification (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT        NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  kind        VARCHAR(40)   NOT NULL,
  severity    VARCHAR(16)   NOT NULL,
  subject     VARCHAR(200)  NOT NULL,
  body        VARCHAR(2000) NOT NULL,
  dedupe_key  VARCHAR(120)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY notification_tenant_id_uk (tenant_id, id),
  UNIQUE KEY notification_dedupe_uk (tenant_id, dedupe_key),
  KEY notification_tenant_time_ix (tenant_id, created_at, id),
  CONSTRAINT notification_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT notification_severity_ck CHECK (severity IN ('INFO', 'WARNING', 'PROBLEM'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
