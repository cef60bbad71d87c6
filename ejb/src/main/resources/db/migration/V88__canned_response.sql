-- A tenant's canned responses: saved texts an agent inserts into a reply by typing /shortcut.
-- The shortcut is unique per tenant; the database decides when two people save the same one.
CREATE TABLE canned_response (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT        NOT NULL,
  shortcut    VARCHAR(32)   NOT NULL,
  body        VARCHAR(4096) NOT NULL,
  created_by  BIGINT        NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  updated_by  BIGINT        NOT NULL,
  updated_at  TIMESTAMP(6)  NOT NULL,
  version     BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY canned_response_tenant_id_uk (tenant_id, id),
  UNIQUE KEY canned_response_shortcut_uk (tenant_id, shortcut),
  CONSTRAINT canned_response_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT canned_response_created_by_fk
    FOREIGN KEY (tenant_id, created_by) REFERENCES user_account (tenant_id, id),
  CONSTRAINT canned_response_updated_by_fk
    FOREIGN KEY (tenant_id, updated_by) REFERENCES user_account (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
