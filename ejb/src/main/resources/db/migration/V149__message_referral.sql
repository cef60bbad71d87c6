-- Issue 20 item 6: Click-to-WhatsApp and post referrals (messages[].referral). One row per
-- referred message (unique per tenant and wamid); the conversation's referral is its first row.
-- No foreign key to message: the retention purge removes these rows before the messages.
CREATE TABLE message_referral (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT         NOT NULL,
  message_id       BIGINT         NOT NULL,
  wamid            VARCHAR(128)   NOT NULL,
  conversation_id  BIGINT         NOT NULL,
  contact_id       BIGINT         NOT NULL,
  source_type      VARCHAR(32)    NULL,
  source_id        VARCHAR(128)   NULL,
  source_url       VARCHAR(2000)  NULL,
  headline         VARCHAR(500)   NULL,
  body             VARCHAR(2000)  NULL,
  media_type       VARCHAR(16)    NULL,
  media_url        VARCHAR(2000)  NULL,
  thumbnail_url    VARCHAR(2000)  NULL,
  ctwa_clid        VARCHAR(500)   NULL,
  created_at       DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY message_referral_wamid_uk (tenant_id, wamid),
  KEY message_referral_conversation_ix (tenant_id, conversation_id, id),
  KEY message_referral_source_ix (tenant_id, source_id),
  KEY message_referral_contact_ix (tenant_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
