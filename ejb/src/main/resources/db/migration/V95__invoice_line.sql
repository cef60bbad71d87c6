-- The lines of an invoice or credit note, in print order; amounts in the invoice's currency.
CREATE TABLE invoice_line (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id     BIGINT       NOT NULL,
  invoice_id    BIGINT       NOT NULL,
  position      INT          NOT NULL,
  description   VARCHAR(300) NOT NULL,
  quantity      BIGINT       NOT NULL,
  unit_minor    BIGINT       NOT NULL,
  amount_minor  BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY invoice_line_position_uk (tenant_id, invoice_id, position),
  CONSTRAINT invoice_line_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT invoice_line_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
