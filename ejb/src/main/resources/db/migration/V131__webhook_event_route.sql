-- Which tenants an applied webhook event was routed to (inbound's table; no body copy), so that
-- an account purge and a contact's erasure can find and delete or redact the raw events that
-- concerned them. Deleted with its event (the platform-wide age purge).
CREATE TABLE webhook_event_route (
  tenant_id  BIGINT NOT NULL,
  event_id   BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, event_id),
  KEY webhook_event_route_event_ix (event_id),
  CONSTRAINT webhook_event_route_event_fk FOREIGN KEY (event_id) REFERENCES webhook_event (id)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
