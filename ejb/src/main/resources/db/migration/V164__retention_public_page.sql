-- A business's public privacy page (/privacy.xhtml?business=<token>) names the retention period it
-- chose. The token is random and made on first use from the privacy settings page; NULL: no page.
ALTER TABLE retention_setting
  ADD COLUMN public_page_token VARCHAR(43) NULL,
  ADD CONSTRAINT retention_setting_public_page_uq UNIQUE (public_page_token);
