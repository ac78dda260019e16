-- A work plan recorded after the fact: a coordinator or ministry admin enters an official's plan as it was written
-- and submitted (created_at, submitted_at and late then carry the real dates); these say who entered it and when.
-- Both null for a plan the official wrote as it happened.
ALTER TABLE work_plan ADD COLUMN entered_by varchar(200);
ALTER TABLE work_plan ADD COLUMN entered_at timestamptz;
ALTER TABLE work_plan ADD CONSTRAINT work_plan_entered_after_the_fact
    CHECK ((entered_by IS NULL) = (entered_at IS NULL));
