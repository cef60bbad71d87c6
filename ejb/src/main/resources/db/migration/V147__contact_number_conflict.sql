-- Issue 20 item 7: number changes (user_changed_number) that could not be applied because the
-- new number already belongs to another contact of the tenant; kept for a person to merge the
-- two contacts (nothing is moved).
CREATE TABLE contact_number_conflict (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT        NOT NULL,
  contact_id        BIGINT        NOT NULL,
  other_contact_id  BIGINT        NOT NULL,
  new_wa_id         VARCHAR(32)   NOT NULL,
  event_id          BIGINT        NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY contact_number_conflict_uk (tenant_id, contact_id, new_wa_id),
  KEY contact_number_conflict_other_ix (tenant_id, other_contact_id),
  CONSTRAINT contact_number_conflict_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
  CONSTRAINT contact_number_conflict_other_fk
    FOREIGN KEY (tenant_id, other_contact_id) REFERENCES contact (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
