-- The per-address refusal let one client behind a shared proxy address lock everyone out;
-- sign_in_delay (V122) replaces it.
DROP TABLE sign_in_throttle;
