-- Baseline of report-service's own schema; its domain tables arrive with the report features.
-- The event backbone (outbox, processed events) comes from db/events.
COMMENT ON SCHEMA public IS 'report-service';
