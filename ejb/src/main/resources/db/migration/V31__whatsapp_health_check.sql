-- What each health probe of a connection saw (history for the tenant and for support).
-- problems is the sorted list of problem codes; state_changed marks the probes that notified.
CREATE TABLE whatsapp_health_check (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id              BIGINT        NOT NULL,
  connection_id          BIGINT        NOT NULL,
  checked_at             TIMESTAMP(6)  NOT NULL,
  quality_rating         VARCHAR(16)   NULL,
  number_status          VARCHAR(32)   NULL,
  name_status            VARCHAR(40)   NULL,
  messaging_limit        VARCHAR(40)   NULL,
  can_send_message       VARCHAR(16)   NULL,
  app_subscribed         BOOLEAN       NULL,
  token_valid            BOOLEAN       NULL,
  token_expires_at       TIMESTAMP(6)  NULL,
  minutes_since_webhook  BIGINT        NULL,
  problems               VARCHAR(1000) NULL,
  probe_errors           VARCHAR(500)  NULL,
  state_changed          BOOLEAN       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY whatsapp_health_check_tenant_id_uk (tenant_id, id),
  KEY whatsapp_health_check_connection_ix (tenant_id, connection_id, checked_at),
  CONSTRAINT whatsapp_health_check_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT whatsapp_health_check_connection_fk FOREIGN KEY (tenant_id, connection_id)
    REFERENCES whatsapp_connection (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
