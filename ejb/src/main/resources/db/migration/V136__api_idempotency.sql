-- Idempotency keys of API writes other than sends (sends keep theirs in the outbox): the first
-- request with a key creates the resource and this row in one transaction; the same key with the
-- same request answers that resource again, with another request it is refused. The unique key
-- decides between two requests racing with one key.
CREATE TABLE api_idempotency (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT        NOT NULL,
  idem_key        VARCHAR(100)  NOT NULL,
  request_sha256  BINARY(32)    NOT NULL,
  resource        VARCHAR(20)   NOT NULL,
  resource_id     BIGINT        NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY api_idempotency_key_uk (tenant_id, idem_key),
  UNIQUE KEY api_idempotency_tenant_id_uk (tenant_id, id),
  CONSTRAINT api_idempotency_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
