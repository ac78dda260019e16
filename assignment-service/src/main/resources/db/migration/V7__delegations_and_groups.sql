-- Delegations, inspections and working groups (issue 20): a delegation's itinerary (provinces with dates), a group
-- member who is in no single province, and the title a group's leader leads with.

-- [{"provinceCode": "12", "startDate": "2025-08-11", "endDate": "2025-08-13"}, …] in date order; null for a round
-- without one (resident secondments, standing working groups, delegations recorded before the itinerary existed)
ALTER TABLE deployment ADD COLUMN itinerary jsonb;
-- the itinerary is part of what a revision keeps, so "as of" answers show the stops then in force
ALTER TABLE deployment_revision ADD COLUMN itinerary jsonb;

-- a member of a delegation or working group goes where the itinerary goes (or sits at the ministry): no province
ALTER TABLE assignment ALTER COLUMN province_code DROP NOT NULL;
-- "Thứ trưởng": the title the leader of a delegation or working group leads with
ALTER TABLE assignment ADD COLUMN lead_title varchar(100);

-- one leader at a time per group: backs the service's check against two requests racing past it. Deferred, so a
-- replacement (the old leader replaced, the new one created, in one transaction) is checked at commit only.
ALTER TABLE assignment ADD CONSTRAINT assignment_one_group_lead EXCLUDE USING btree (deployment_id WITH =)
    WHERE (role = 'LEAD' AND province_code IS NULL AND status IN ('PLANNED', 'ACTIVE'))
    DEFERRABLE INITIALLY DEFERRED;
