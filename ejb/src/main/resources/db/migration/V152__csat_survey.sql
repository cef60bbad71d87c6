-- One survey per resolution of a conversation: the message that asked (message_id, null when the
-- guard refused and nothing was sent: then refusal_code says why), the agent it rates (assignee at
-- resolution) and, once answered, the rating, the reply's wamid (unique: a replayed reply counts
-- once) and an optional comment. team_id stays NULL until the teams feature fills it.
CREATE TABLE csat_survey (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id       BIGINT        NOT NULL,
  conversation_id BIGINT        NOT NULL,
  sequence_no     INT           NOT NULL,
  assignee_id     BIGINT        NULL,
  team_id         BIGINT        NULL,
  kind            VARCHAR(10)   NOT NULL,
  state           VARCHAR(10)   NOT NULL,
  message_id      BIGINT        NULL,
  refusal_code    VARCHAR(40)   NULL,
  refusal_reason  VARCHAR(500)  NULL,
  asked_at        TIMESTAMP(6)  NOT NULL,
  rating          TINYINT       NULL,
  reply_wamid     VARCHAR(128)  NULL,
  answered_at     TIMESTAMP(6)  NULL,
  comment_text    VARCHAR(1024) NULL,
  comment_until   TIMESTAMP(6)  NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY csat_survey_round_uk (tenant_id, conversation_id, sequence_no),
  UNIQUE KEY csat_survey_reply_uk (tenant_id, reply_wamid),
  KEY csat_survey_message_ix (tenant_id, message_id),
  KEY csat_survey_answered_ix (tenant_id, answered_at),
  CONSTRAINT csat_survey_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT csat_survey_kind_ck CHECK (kind IN ('LIST', 'TEMPLATE', 'NONE')),
  CONSTRAINT csat_survey_state_ck CHECK (state IN ('ASKED', 'REFUSED', 'ANSWERED')),
  CONSTRAINT csat_survey_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
