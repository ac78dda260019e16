-- The trace of the request or event that wrote each outbox event (W3C traceparent), so that the relay's publish and
-- every consumer's processing continue that trace, however long after the commit the event is relayed.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
