-- What an applied event could not use, for platform operators: a change for a phone number no
-- tenant has connected (UNROUTABLE), a part that is not in Meta's shape (REJECTED, with its raw
-- JSON so it can be replayed), a field KretaNote stores but does not act on yet (NOT_APPLIED).
-- Rewritten whenever the event is applied again.
CREATE TABLE webhook_event_issue (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  event_id         BIGINT       NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  path             VARCHAR(255) NOT NULL,
  reason           VARCHAR(500) NOT NULL,
  phone_number_id  VARCHAR(64)  NULL,
  waba_id          VARCHAR(64)  NULL,
  raw_json         MEDIUMTEXT   NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY webhook_event_issue_event_ix (event_id),
  KEY webhook_event_issue_kind_ix (kind, id),
  CONSTRAINT webhook_event_issue_event_fk FOREIGN KEY (event_id) REFERENCES webhook_event (id),
  CONSTRAINT webhook_event_issue_kind_ck CHECK (kind IN ('UNROUTABLE', 'REJECTED', 'NOT_APPLIED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
