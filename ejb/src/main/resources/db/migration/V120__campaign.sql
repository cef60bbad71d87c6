-- A campaign: one approved template with its body values sent to a segment of contacts (a tag
-- and/or everyone with marketing consent) through one number. The campaign timer on any server
-- claims RUNNING/due SCHEDULED rows with SELECT ... FOR UPDATE SKIP LOCKED plus a lease.
-- materialised_to is the contact id up to which recipients were written (keyset cursor);
-- resumed_at starts a fresh count for the automatic pause after a person resumed.
CREATE TABLE campaign (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id          BIGINT        NOT NULL,
  connection_id      BIGINT        NOT NULL,
  name               VARCHAR(120)  NOT NULL,
  template_name      VARCHAR(512)  NOT NULL,
  template_language  VARCHAR(16)   NOT NULL,
  body_values        TEXT          NOT NULL,
  segment_tag        VARCHAR(40)   NULL,
  segment_marketing  BOOLEAN       NOT NULL DEFAULT FALSE,
  state              VARCHAR(10)   NOT NULL,
  scheduled_at       TIMESTAMP(6)  NULL,
  started_at         TIMESTAMP(6)  NULL,
  finished_at        TIMESTAMP(6)  NULL,
  resumed_at         TIMESTAMP(6)  NULL,
  pause_reason       VARCHAR(500)  NULL,
  materialised       BOOLEAN       NOT NULL DEFAULT FALSE,
  materialised_to    BIGINT        NOT NULL DEFAULT 0,
  recipient_count    INT           NOT NULL DEFAULT 0,
  lease_until        TIMESTAMP(6)  NULL,
  lease_owner        VARCHAR(64)   NULL,
  created_by         BIGINT        NULL,
  created_at         TIMESTAMP(6)  NOT NULL,
  updated_at         TIMESTAMP(6)  NOT NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY campaign_tenant_id_uk (tenant_id, id),
  KEY campaign_due_ix (state, scheduled_at),
  CONSTRAINT campaign_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT campaign_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id),
  CONSTRAINT campaign_state_ck
    CHECK (state IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
