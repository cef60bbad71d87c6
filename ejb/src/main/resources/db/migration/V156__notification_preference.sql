-- Per user and kind: whether the notification is also mailed. No row: mailed for MENTIONED,
-- not for the others (NotificationPreference.mailByDefault).
CREATE TABLE notification_preference (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  tenant_id  BIGINT      NOT NULL,
  user_id    BIGINT      NOT NULL,
  kind       VARCHAR(20) NOT NULL,
  email      BOOLEAN     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY notification_preference_uk (tenant_id, user_id, kind),
  CONSTRAINT notification_preference_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
