-- A campaign's segment as JSON (any/all/none tags, labels of the contact's conversations,
-- custom-field conditions, marketing consent, last customer activity) and how each body
-- placeholder gets its value per recipient (fixed text, a contact field or a custom field, each
-- with a fallback). Campaigns written before keep segment_tag/segment_marketing/body_values, which
-- are read when these are null.
ALTER TABLE campaign
  ADD COLUMN segment TEXT NULL,
  ADD COLUMN value_map TEXT NULL;
