-- Payment intents at the provider, one row per intent, keyed by the provider's id. status only
-- moves towards SUCCEEDED (a late "failed" for an intent that succeeded changes nothing).
CREATE TABLE payment (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT        NOT NULL,
  invoice_id      BIGINT        NOT NULL,
  intent_id       VARCHAR(64)   NOT NULL,
  status          VARCHAR(12)   NOT NULL,
  amount_minor    BIGINT        NOT NULL,
  currency        CHAR(3)       NOT NULL,
  failure         VARCHAR(300)  NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY payment_intent_uk (intent_id),
  UNIQUE KEY payment_tenant_id_uk (tenant_id, id),
  KEY payment_invoice_ix (tenant_id, invoice_id),
  CONSTRAINT payment_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT payment_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id),
  CONSTRAINT payment_status_ck CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
