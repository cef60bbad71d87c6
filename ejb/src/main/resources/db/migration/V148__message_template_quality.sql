-- Issue 20 item 5: a template's quality score (message_template_quality_update: GREEN, YELLOW,
-- RED, UNKNOWN) and the category it had before Meta changed it (template_category_update).
ALTER TABLE message_template
  ADD COLUMN quality              VARCHAR(10)  NULL,
  ADD COLUMN quality_at           DATETIME(6)  NULL,
  ADD COLUMN previous_category    VARCHAR(16)  NULL,
  ADD COLUMN category_changed_at  DATETIME(6)  NULL,
  ADD COLUMN components_synced_at DATETIME(6)  NULL;
