-- The SLA state of one conversation, kept from messaging's events: when the customer started
-- waiting, by when an answer is due; resolution likewise. responses_breached counts answers that
-- came late and resolution_breached a late resolution; an answer still missing past its due time
-- counts as breached in reports. warned_due: the due time the assignee was warned about.
CREATE TABLE sla_clock (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id           BIGINT       NOT NULL,
  conversation_id     BIGINT       NOT NULL,
  assignee_id         BIGINT       NULL,
  team_id             BIGINT       NULL,
  first_responded     BOOLEAN      NOT NULL DEFAULT FALSE,
  waiting_since       TIMESTAMP(6) NULL,
  response_due        TIMESTAMP(6) NULL,
  responses           INT          NOT NULL DEFAULT 0,
  responses_breached  INT          NOT NULL DEFAULT 0,
  opened_at           TIMESTAMP(6) NOT NULL,
  resolution_due      TIMESTAMP(6) NULL,
  resolved_at         TIMESTAMP(6) NULL,
  resolution_breached BOOLEAN      NOT NULL DEFAULT FALSE,
  warned_due          TIMESTAMP(6) NULL,
  version             BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY sla_clock_conversation_uk (tenant_id, conversation_id),
  KEY sla_clock_due_ix (response_due),
  CONSTRAINT sla_clock_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
