-- Outgoing webhook subscriptions of a business: where to post which events, signed with a secret
-- kept encrypted with the tenant's data key (purpose "webhook-secret"). failing_since is the start
-- of an unbroken run of failed deliveries; after kretanote.webhooks.disable-after of them the
-- subscription is DISABLED with the reason.
CREATE TABLE webhook_subscription (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT         NOT NULL,
  url             VARCHAR(2000)  NOT NULL,
  event_types     VARCHAR(500)   NOT NULL,
  secret          VARBINARY(200) NOT NULL,
  state           VARCHAR(10)    NOT NULL,
  failing_since   TIMESTAMP(6)   NULL,
  disabled_reason VARCHAR(500)   NULL,
  created_at      TIMESTAMP(6)   NOT NULL,
  updated_at      TIMESTAMP(6)   NOT NULL,
  version         BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY webhook_subscription_tenant_id_uk (tenant_id, id),
  CONSTRAINT webhook_subscription_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT webhook_subscription_state_ck CHECK (state IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
