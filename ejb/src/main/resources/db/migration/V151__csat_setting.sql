-- A business's customer-satisfaction survey settings: off by default. Inside the 24-hour window the
-- survey is an interactive list (rows 1..5); outside it the approved template named here, or
-- nothing when template_name is NULL. comment_minutes: how long after a rating the customer's next
-- text counts as its comment.
CREATE TABLE csat_setting (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id         BIGINT        NOT NULL,
  enabled           BOOLEAN       NOT NULL DEFAULT FALSE,
  question          VARCHAR(1024) NOT NULL,
  template_name     VARCHAR(512)  NULL,
  template_language VARCHAR(15)   NULL,
  comment_minutes   INT           NOT NULL DEFAULT 30,
  updated_at        TIMESTAMP(6)  NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY csat_setting_tenant_uk (tenant_id),
  CONSTRAINT csat_setting_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT csat_setting_minutes_ck CHECK (comment_minutes BETWEEN 0 AND 1440)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
