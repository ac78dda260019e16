-- A member of a delegation or working group (assignment-service, issue 20) is in no single province: the event's
-- provinceCode is null for them, and the read model keeps it so.
ALTER TABLE held_assignment ALTER COLUMN province_code DROP NOT NULL;
