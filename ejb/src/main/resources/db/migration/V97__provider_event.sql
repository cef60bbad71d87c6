-- Every signed webhook of the payment provider, stored raw before it is applied. event_id is
-- unique: a replayed or redelivered event is recognised and applied once.
CREATE TABLE provider_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  event_id     VARCHAR(100)  NOT NULL,
  type         VARCHAR(100)  NOT NULL,
  tenant_id    BIGINT        NULL,
  payload      MEDIUMTEXT    NOT NULL,
  received_at  TIMESTAMP(6)  NOT NULL,
  applied_at   TIMESTAMP(6)  NULL,
  outcome      VARCHAR(300)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY provider_event_uk (event_id),
  KEY provider_event_received_ix (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
