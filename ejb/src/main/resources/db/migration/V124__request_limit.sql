-- Fixed-window request counters for unauthenticated forms (sign-up, forgot password, join,
-- sign-in), one row per bucket (action and client address, or action alone for the global
-- limit), so every server counts against the same numbers. Upserted atomically; rows of old
-- windows are deleted now and then.
CREATE TABLE request_limit (
  bucket        VARCHAR(120) NOT NULL,
  window_start  TIMESTAMP(6) NOT NULL,
  hits          INT          NOT NULL,
  PRIMARY KEY (bucket)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
