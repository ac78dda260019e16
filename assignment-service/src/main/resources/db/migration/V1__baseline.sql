-- Baseline of assignment-service's own schema; its domain tables arrive with the assignment features.
-- The event backbone (outbox, processed events) comes from db/events.
COMMENT ON SCHEMA public IS 'assignment-service';
