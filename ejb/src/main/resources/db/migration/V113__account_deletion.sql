-- An owner's request to delete the tenant, and its progress. Platform-level and kept after the
-- purge as the deletion receipt (tenant_ref has no foreign key because the tenant row goes).
-- owner_email is needed to mail the receipt and is cleared once it is sent. At most one PENDING
-- request per tenant (pending_tenant is NULL otherwise). lease_* claim the purge in the database.
CREATE TABLE account_deletion (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_ref       BIGINT        NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  owner_email      VARCHAR(254)  NULL,
  requested_by_ref BIGINT        NULL,
  requested_at     TIMESTAMP(6)  NOT NULL,
  purge_after      TIMESTAMP(6)  NOT NULL,
  cancelled_at     TIMESTAMP(6)  NULL,
  purged_at        TIMESTAMP(6)  NULL,
  receipt_sent_at  TIMESTAMP(6)  NULL,
  summary          VARCHAR(2000) NULL,
  lease_owner      VARCHAR(100)  NULL,
  lease_until      TIMESTAMP(6)  NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  pending_tenant   BIGINT AS (IF(status = 'PENDING', tenant_ref, NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY account_deletion_pending_uk (pending_tenant),
  KEY account_deletion_due_ix (status, purge_after),
  KEY account_deletion_tenant_ix (tenant_ref, id),
  CONSTRAINT account_deletion_status_ck CHECK (status IN ('PENDING', 'CANCELLED', 'PURGED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
