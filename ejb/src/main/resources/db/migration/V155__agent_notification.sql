-- A notification for one agent (assigned to you, mentioned, SLA about to breach): the bell's rows.
-- dedupe_key names the event, so one event notifies a user once.
CREATE TABLE agent_notification (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT        NOT NULL,
  user_id         BIGINT        NOT NULL,
  kind            VARCHAR(20)   NOT NULL,
  conversation_id BIGINT        NULL,
  title           VARCHAR(200)  NOT NULL,
  body            VARCHAR(1000) NOT NULL,
  dedupe_key      VARCHAR(120)  NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  read_at         TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY agent_notification_dedupe_uk (tenant_id, user_id, dedupe_key),
  KEY agent_notification_unread_ix (tenant_id, user_id, read_at, id),
  CONSTRAINT agent_notification_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT agent_notification_kind_ck CHECK (kind IN ('ASSIGNED', 'MENTIONED', 'SLA_WARNING'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
