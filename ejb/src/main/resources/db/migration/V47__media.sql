-- The file behind a media message. Meta's media id expires after 7 days, so a downloader works
-- through PENDING rows; the file is stored encrypted (file_path) with its size and checksum.
CREATE TABLE media (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  tenant_id    BIGINT       NOT NULL,
  message_id   BIGINT       NOT NULL,
  media_id     VARCHAR(255) NOT NULL,
  mime_type    VARCHAR(255) NULL,
  sha256       VARCHAR(128) NULL,
  size_bytes   BIGINT       NULL,
  file_path    VARCHAR(500) NULL,
  state        VARCHAR(16)  NOT NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  last_error   VARCHAR(500) NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  updated_at   TIMESTAMP(6) NOT NULL,
  version      BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY media_tenant_id_uk (tenant_id, id),
  UNIQUE KEY media_message_uk (tenant_id, message_id),
  KEY media_state_ix (state, id),
  CONSTRAINT media_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT media_message_fk FOREIGN KEY (tenant_id, message_id) REFERENCES message (tenant_id, id),
  CONSTRAINT media_state_ck CHECK (state IN ('PENDING', 'DOWNLOADED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
