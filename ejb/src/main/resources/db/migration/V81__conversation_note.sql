-- Private notes of the team on a conversation. A table of their own, never the message table,
-- so nothing that sends messages can ever pick a note up and deliver it to the customer.
CREATE TABLE conversation_note (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id        BIGINT       NOT NULL,
  conversation_id  BIGINT       NOT NULL,
  author_id        BIGINT       NOT NULL,
  body             TEXT         NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY conversation_note_tenant_id_uk (tenant_id, id),
  KEY conversation_note_conversation_ix (tenant_id, conversation_id, created_at, id),
  CONSTRAINT conversation_note_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT conversation_note_conversation_fk
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id),
  CONSTRAINT conversation_note_author_fk
    FOREIGN KEY (tenant_id, author_id) REFERENCES user_account (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
