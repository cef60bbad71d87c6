-- The consent ledger: every change of a contact's consent, never updated or deleted by the
-- application. source says what caused it (KEYWORD, META_131050, AGENT, API, IMPORT), actor who
-- (a user id, or NULL for the customer or Meta), evidence the keyword or the wamid behind it.
CREATE TABLE consent_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id    BIGINT        NOT NULL,
  contact_id   BIGINT        NOT NULL,
  category     VARCHAR(16)   NOT NULL,
  granted      BOOLEAN       NOT NULL,
  source       VARCHAR(24)   NOT NULL,
  actor        VARCHAR(100)  NULL,
  evidence     VARCHAR(255)  NULL,
  occurred_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY consent_event_contact_ix (tenant_id, contact_id, occurred_at),
  CONSTRAINT consent_event_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT consent_event_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
