-- The trace a queued delivery belongs to: the W3C traceparent of the span that queued it (the consumer's processing
-- of the event), so that the send, minutes or hours later on another thread, continues that trace. Null when
-- nothing was being traced (and for rows queued before this column existed).
ALTER TABLE email_delivery ADD COLUMN traceparent varchar(100);
ALTER TABLE webhook_delivery ADD COLUMN traceparent varchar(100);
-- a dead letter keeps the trace its record carried (the traceparent header the dead-letter topic kept), so that its
-- replay continues the event's trace
ALTER TABLE dead_letter ADD COLUMN traceparent varchar(100);
