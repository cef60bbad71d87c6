-- The live inbox's change feed: one row per applied batch and tenant, naming the conversations
-- that got a message or a status. Every server reads the rows after its cursor four times a
-- second and pushes them to its own browsers of that tenant (f:websocket); rows older than a few
-- minutes are deleted by primary key. No foreign key: the rows are short-lived signals, not data.
CREATE TABLE inbox_change (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT        NOT NULL,
  conversation_ids  VARCHAR(1000) NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
