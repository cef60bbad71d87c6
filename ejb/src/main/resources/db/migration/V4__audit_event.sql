-- Append-only audit log, per tenant. actor_id references a user of the same tenant; the
-- composite foreign key makes a cross-tenant link impossible even if code got it wrong.
CREATE TABLE audit_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id    BIGINT       NOT NULL,
  occurred_at  TIMESTAMP(6) NOT NULL,
  actor_id     BIGINT       NULL,
  actor_email  VARCHAR(254) NULL,
  action       VARCHAR(40)  NOT NULL,
  detail       VARCHAR(500) NULL,
  client_address VARCHAR(45) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY audit_event_tenant_id_uk (tenant_id, id),
  KEY audit_event_tenant_time_ix (tenant_id, occurred_at, id),
  CONSTRAINT audit_event_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT audit_event_actor_fk FOREIGN KEY (tenant_id, actor_id) REFERENCES user_account (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
