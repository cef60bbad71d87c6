-- Free tags on a contact ("newsletter", "wholesale"), unique per contact.
CREATE TABLE contact_tag (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT      NOT NULL,
  contact_id  BIGINT      NOT NULL,
  tag         VARCHAR(40) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY contact_tag_uk (tenant_id, contact_id, tag),
  KEY contact_tag_tag_ix (tenant_id, tag),
  CONSTRAINT contact_tag_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT contact_tag_contact_fk
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
