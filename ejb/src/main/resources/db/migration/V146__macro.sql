-- Issue 18 (automation): a named list of actions an agent runs on a conversation with one click,
-- through the same action classes as rules. actions is validated JSON [{"type", ...}].
CREATE TABLE macro (
  id          BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id   BIGINT         NOT NULL,
  name        VARCHAR(100)   NOT NULL,
  actions     TEXT           NOT NULL,
  created_at  TIMESTAMP(6)   NOT NULL,
  version     BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY macro_name_uk (tenant_id, name),
  CONSTRAINT macro_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT macro_actions_ck CHECK (JSON_VALID(actions))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
