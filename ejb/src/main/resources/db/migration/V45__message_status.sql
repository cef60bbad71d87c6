-- Every delivery status Meta reported, kept whether or not the message is known yet: a status
-- can arrive before the sender has stored the wamid Meta answered with, and the pricing in it is
-- the tenant's Meta cost. The same status redelivered is the same row.
CREATE TABLE message_status (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT        NOT NULL,
  connection_id     BIGINT        NOT NULL,
  wamid             VARCHAR(255)  NOT NULL,
  status            VARCHAR(32)   NOT NULL,
  occurred_at       TIMESTAMP(6)  NOT NULL,
  recipient         VARCHAR(160)  NULL,
  pricing_category  VARCHAR(32)   NULL,
  pricing_type      VARCHAR(32)   NULL,
  pricing_model     VARCHAR(16)   NULL,
  billable          BOOLEAN       NULL,
  error_code        INT           NULL,
  error_title       VARCHAR(255)  NULL,
  error_details     VARCHAR(1000) NULL,
  received_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY message_status_tenant_id_uk (tenant_id, id),
  UNIQUE KEY message_status_uk (tenant_id, wamid, status, occurred_at),
  CONSTRAINT message_status_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT message_status_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES whatsapp_connection (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
