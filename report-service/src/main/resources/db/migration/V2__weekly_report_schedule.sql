-- The weekly report schedule: one report per assignment and ISO week of its period, due on a set day of that week.

-- Assignments as assignment-service last announced them (assignment.* events): the local read model the schedule
-- follows; event_time keeps a late older event from overwriting a newer state.
CREATE TABLE held_assignment (
    assignment_id uuid PRIMARY KEY,
    deployment_id uuid        NOT NULL,
    official_id   uuid        NOT NULL,
    ministry_code varchar(16) NOT NULL,
    province_code varchar(2)  NOT NULL,
    start_date    date        NOT NULL,
    end_date      date        NOT NULL,
    arrived_on    date,
    status        varchar(20) NOT NULL,
    event_time    timestamptz NOT NULL
);
CREATE INDEX held_assignment_scope ON held_assignment (ministry_code, province_code);

CREATE TABLE weekly_report (
    id            uuid PRIMARY KEY,
    assignment_id uuid        NOT NULL REFERENCES held_assignment (assignment_id),
    week          varchar(8)  NOT NULL,
    week_start    date        NOT NULL,
    due_at        timestamptz NOT NULL,
    status        varchar(20) NOT NULL,
    version       bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT weekly_report_per_week UNIQUE (assignment_id, week)
);
CREATE INDEX weekly_report_due ON weekly_report (status, due_at);
