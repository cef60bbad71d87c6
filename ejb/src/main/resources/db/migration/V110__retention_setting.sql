-- A tenant's retention period and legal hold, and the claim of its purge run. The row is created
-- on first use (timer or settings page); no row means the configured default. lease_owner and
-- lease_until claim the tenant's purge in the database, so two servers never purge it at once.
CREATE TABLE retention_setting (
  tenant_id          BIGINT        NOT NULL,
  retention_days     INT           NULL,
  legal_hold         BOOLEAN       NOT NULL DEFAULT FALSE,
  legal_hold_reason  VARCHAR(500)  NULL,
  next_run_at        TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  last_run_at        TIMESTAMP(6)  NULL,
  lease_owner        VARCHAR(100)  NULL,
  lease_until        TIMESTAMP(6)  NULL,
  updated_at         TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id),
  KEY retention_setting_due_ix (next_run_at),
  CONSTRAINT retention_setting_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT retention_setting_days_ck CHECK (retention_days IS NULL OR retention_days > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
