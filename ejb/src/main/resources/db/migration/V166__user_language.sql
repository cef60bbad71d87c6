-- The language a user reads KretaNote in (a BCP 47 tag among the offered ones: en, hi, es, pt-BR,
-- id, ar). NULL: the browser's language decides, page by page.
ALTER TABLE user_account ADD COLUMN language VARCHAR(16) NULL;
