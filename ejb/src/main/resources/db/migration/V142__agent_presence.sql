-- What an agent said about their availability, and when their dashboard was last seen: ONLINE or
-- BUSY older than the idle time counts as OFFLINE (computed on read, no timer needed).
CREATE TABLE agent_presence (
  tenant_id     BIGINT        NOT NULL,
  user_id       BIGINT        NOT NULL,
  status        VARCHAR(8)    NOT NULL,
  changed_at    TIMESTAMP(6)  NOT NULL,
  last_seen_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (tenant_id, user_id),
  CONSTRAINT agent_presence_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id),
  CONSTRAINT agent_presence_status_ck CHECK (status IN ('ONLINE', 'BUSY', 'OFFLINE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
