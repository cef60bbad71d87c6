-- What a purge deleted: one row per table (or file set) per run. Platform-level evidence that
-- outlives the tenant, so it holds the tenant's number (tenant_ref, no foreign key, NULL for the
-- platform's webhook event log) and counts, never content.
CREATE TABLE purge_record (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  run_id         CHAR(36)     NOT NULL,
  tenant_ref     BIGINT       NULL,
  kind           VARCHAR(16)  NOT NULL,
  item           VARCHAR(64)  NOT NULL,
  deleted_count  BIGINT       NOT NULL,
  cutoff         TIMESTAMP(6) NULL,
  recorded_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY purge_record_tenant_ix (tenant_ref, recorded_at),
  KEY purge_record_time_ix (recorded_at, id),
  CONSTRAINT purge_record_kind_ck CHECK (kind IN ('RETENTION', 'ACCOUNT', 'WEBHOOK_EVENTS', 'ERASURE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
