-- One statement that fails halfway through its own work: the column would be added, but the
-- foreign key points at a table that does not exist. MariaDB applies neither.
ALTER TABLE tenant
  ADD COLUMN broken_probe BIGINT NULL,
  ADD CONSTRAINT broken_probe_fk FOREIGN KEY (broken_probe) REFERENCES no_such_table (id);
