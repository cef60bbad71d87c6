-- The sender claims due rows number by number (a lane per number), so a slow or paused number
-- never holds another's rows; this index serves those claims and the probe for numbers with due
-- rows, whatever the size of the queue.
CREATE INDEX outbox_number_due_ix ON outbox (tenant_id, connection_id, state, next_attempt_at, id);
