-- A contact keyed by phone number before Meta sent its user_id is found by that user_id.
CREATE INDEX contact_user_id_ix ON contact (tenant_id, user_id);
