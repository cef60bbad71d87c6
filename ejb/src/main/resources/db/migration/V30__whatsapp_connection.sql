-- A WhatsApp number a tenant connected, is connecting, or once connected (history stays).
-- Inbound webhooks find the tenant by phone_number_id, so at most one tenant may hold a number
-- that is not DISCONNECTED: live_phone_number_id is NULL for disconnected rows and UNIQUE
-- otherwise. access_token and registration_pin are TokenVault ciphertexts; a disconnected row
-- never keeps a token (checked here, not only in code). A FAILED row names the step that failed.
CREATE TABLE whatsapp_connection (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id             BIGINT         NOT NULL,
  waba_id               VARCHAR(32)    NOT NULL,
  phone_number_id       VARCHAR(32)    NOT NULL,
  business_id           VARCHAR(32)    NULL,
  display_phone_number  VARCHAR(40)    NULL,
  verified_name         VARCHAR(200)   NULL,
  status                VARCHAR(20)    NOT NULL,
  failed_step           VARCHAR(20)    NULL,
  failure_reason        VARCHAR(500)   NULL,
  access_token          VARBINARY(2300) NULL,
  token_expires_at      TIMESTAMP(6)   NULL,
  registration_pin      VARBINARY(200) NULL,
  quality_rating        VARCHAR(16)    NULL,
  number_status         VARCHAR(32)    NULL,
  name_status           VARCHAR(40)    NULL,
  messaging_limit       VARCHAR(40)    NULL,
  throughput_level      VARCHAR(32)    NULL,
  can_send_message      VARCHAR(16)    NULL,
  health_problems       VARCHAR(1000)  NULL,
  last_checked_at       TIMESTAMP(6)   NULL,
  next_probe_at         TIMESTAMP(6)   NULL,
  last_webhook_at       TIMESTAMP(6)   NULL,
  connected_at          TIMESTAMP(6)   NULL,
  disconnected_at       TIMESTAMP(6)   NULL,
  created_at            TIMESTAMP(6)   NOT NULL,
  updated_at            TIMESTAMP(6)   NOT NULL,
  version               BIGINT         NOT NULL DEFAULT 0,
  live_phone_number_id  VARCHAR(32) AS (IF(status = 'DISCONNECTED', NULL, phone_number_id)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY whatsapp_connection_tenant_id_uk (tenant_id, id),
  UNIQUE KEY whatsapp_connection_tenant_number_uk (tenant_id, phone_number_id),
  UNIQUE KEY whatsapp_connection_live_number_uk (live_phone_number_id),
  KEY whatsapp_connection_probe_ix (status, next_probe_at),
  CONSTRAINT whatsapp_connection_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT whatsapp_connection_status_ck
    CHECK (status IN ('PENDING', 'CONNECTED', 'RECONNECT_NEEDED', 'DISCONNECTED', 'FAILED')),
  CONSTRAINT whatsapp_connection_failed_step_ck CHECK ((status = 'FAILED') = (failed_step IS NOT NULL)),
  CONSTRAINT whatsapp_connection_no_token_when_disconnected_ck
    CHECK (status <> 'DISCONNECTED' OR access_token IS NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
