-- A contact's current consent per message category (MARKETING, UTILITY, AUTHENTICATION,
-- SERVICE). No row means the configured default. Every change is also in consent_event.
CREATE TABLE contact_consent (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT        NOT NULL,
  contact_id  BIGINT        NOT NULL,
  category    VARCHAR(16)   NOT NULL,
  granted     BOOLEAN       NOT NULL,
  source      VARCHAR(24)   NOT NULL,
  changed_at  TIMESTAMP(6)  NOT NULL,
  version     BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY contact_consent_uk (tenant_id, contact_id, category),
  CONSTRAINT contact_consent_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT contact_consent_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT contact_consent_category_ck
    CHECK (category IN ('SERVICE', 'MARKETING', 'UTILITY', 'AUTHENTICATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
