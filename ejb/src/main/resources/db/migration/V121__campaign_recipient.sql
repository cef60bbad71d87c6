-- One row per contact of a campaign (unique per tenant, campaign and contact, so materialising
-- twice writes nobody twice). QUEUED until handed to the outbox (then SENT with message_id; the
-- message's status says delivered/read/failed), or SKIPPED/FAILED with the reason. Erasing a
-- contact (data-subject request) removes its recipient rows with it.
CREATE TABLE campaign_recipient (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id    BIGINT        NOT NULL,
  campaign_id  BIGINT        NOT NULL,
  contact_id   BIGINT        NOT NULL,
  state        VARCHAR(10)   NOT NULL,
  reason       VARCHAR(500)  NULL,
  error_code   INT           NULL,
  message_id   BIGINT        NULL,
  created_at   TIMESTAMP(6)  NOT NULL,
  updated_at   TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY campaign_recipient_uk (tenant_id, campaign_id, contact_id),
  KEY campaign_recipient_state_ix (tenant_id, campaign_id, state, id),
  KEY campaign_recipient_message_ix (tenant_id, message_id),
  CONSTRAINT campaign_recipient_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT campaign_recipient_campaign_fk
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaign (tenant_id, id),
  CONSTRAINT campaign_recipient_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT campaign_recipient_state_ck
    CHECK (state IN ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
