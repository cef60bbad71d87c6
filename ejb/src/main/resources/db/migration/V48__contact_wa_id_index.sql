-- A contact first known by phone number is found again when Meta later adds a user_id.
CREATE INDEX contact_wa_id_ix ON contact (tenant_id, wa_id);
