-- Billing details entered at sign-up; one statement, so a failure leaves the table as it was.
ALTER TABLE tenant
  ADD COLUMN legal_name    VARCHAR(200) NULL,
  ADD COLUMN address_line  VARCHAR(300) NULL,
  ADD COLUMN postal_code   VARCHAR(20)  NULL,
  ADD COLUMN city          VARCHAR(100) NULL,
  ADD COLUMN country       CHAR(2)      NULL,
  ADD COLUMN tax_id        VARCHAR(40)  NULL;
