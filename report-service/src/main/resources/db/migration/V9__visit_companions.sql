-- Visits together (issue 20): a field visit is recorded once, by one official (field_visit.assignment_id), with the
-- other officials of the same deployment who made it, each through their assignment covering the visit's day. The
-- visit and the issues raised on it stay one record; each companion's lists and weekly drafts find it through here.
CREATE TABLE field_visit_companion (
    visit_id      uuid NOT NULL REFERENCES field_visit (id) ON DELETE CASCADE,
    assignment_id uuid NOT NULL REFERENCES held_assignment (assignment_id),
    PRIMARY KEY (visit_id, assignment_id)
);
-- a companion's visits: their lists and the weekly draft's communes visited
CREATE INDEX field_visit_companion_assignment ON field_visit_companion (assignment_id, visit_id);
