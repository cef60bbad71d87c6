-- Every data-subject request (export, correction, erasure, automation opt-out, legal hold) with
-- who asked, when, and the outcome. contact_id has no foreign key: an erased contact's request
-- stays logged. Deleted with the tenant.
CREATE TABLE data_subject_request (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id     BIGINT        NOT NULL,
  contact_id    BIGINT        NOT NULL,
  kind          VARCHAR(24)   NOT NULL,
  actor_id      BIGINT        NULL,
  actor_email   VARCHAR(254)  NULL,
  requested_at  TIMESTAMP(6)  NOT NULL,
  outcome       VARCHAR(16)   NOT NULL,
  detail        VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY data_subject_request_tenant_id_uk (tenant_id, id),
  KEY data_subject_request_contact_ix (tenant_id, contact_id, requested_at),
  CONSTRAINT data_subject_request_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT data_subject_request_outcome_ck CHECK (outcome IN ('DONE', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
