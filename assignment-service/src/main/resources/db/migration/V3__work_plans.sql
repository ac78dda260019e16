-- Weekly work plans (lịch công tác tuần): per assignment and ISO week, the official's dated activities, each coded to
-- a commune of the assignment's province when it happens in one; sent to the ministry before the week starts.

CREATE TABLE work_plan (
    id            uuid PRIMARY KEY,
    assignment_id uuid          NOT NULL REFERENCES assignment (id),
    -- ISO 8601 week, e.g. 2025-W37, and its Monday
    week          varchar(8)    NOT NULL,
    week_start    date          NOT NULL,
    status        varchar(20)   NOT NULL,
    submitted_at  timestamptz,
    -- submitted at or after the week's Monday 00:00 Asia/Ho_Chi_Minh
    late          boolean       NOT NULL DEFAULT false,
    note          varchar(2000),
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    varchar(200),
    updated_at    timestamptz   NOT NULL,
    updated_by    varchar(200),
    CONSTRAINT work_plan_week_format CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    CONSTRAINT work_plan_week_monday CHECK (extract(isodow FROM week_start) = 1),
    CONSTRAINT work_plan_status CHECK (status IN ('DRAFT', 'SUBMITTED')),
    CONSTRAINT work_plan_submitted CHECK (status <> 'SUBMITTED' OR submitted_at IS NOT NULL),
    CONSTRAINT work_plan_one_per_week UNIQUE (assignment_id, week)
);
-- coordinators' list: who sent which week, who was late
CREATE INDEX work_plan_week_status ON work_plan (week_start, status, late);

CREATE TABLE work_plan_activity (
    id            uuid PRIMARY KEY,
    work_plan_id  uuid          NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
    position      integer       NOT NULL,
    day           date          NOT NULL,
    kind          varchar(40)   NOT NULL,
    -- the commune (5-digit code) of the assignment's province where it happens, when it happens in one
    commune_code  varchar(5),
    location      varchar(300),
    title         varchar(300)  NOT NULL,
    details       varchar(2000),
    CONSTRAINT work_plan_activity_position CHECK (position >= 0),
    -- replacing a plan's activities rewrites positions within one transaction
    CONSTRAINT work_plan_activity_order UNIQUE (work_plan_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX work_plan_activity_commune ON work_plan_activity (commune_code, day) WHERE commune_code IS NOT NULL;
