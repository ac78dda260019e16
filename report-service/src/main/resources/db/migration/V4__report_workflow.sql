-- Writing, submitting and reviewing the weekly reports; the final report (báo cáo tổng hợp cuối đợt) of each
-- assignment. The figures read weekly_report.status, submitted_at, late, due_at, week, week_start and assignment_id:
-- keep those names.

ALTER TABLE weekly_report
    ADD COLUMN summary              varchar(4000),
    ADD COLUMN activities           varchar(8000),
    ADD COLUMN communes_visited     varchar(2000),
    ADD COLUMN difficulties         varchar(4000),
    ADD COLUMN recommendations      varchar(4000),
    ADD COLUMN next_week_plan       varchar(4000),
    -- when the official first wrote it; a cancelled week with a draft comes back as DRAFT, not DUE
    ADD COLUMN drafted_at           timestamptz,
    -- the last submission, and whether it came after due_at
    ADD COLUMN submitted_at         timestamptz,
    ADD COLUMN late                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN reviewed_by          varchar(100),
    ADD COLUMN reviewed_at          timestamptz,
    ADD COLUMN review_comment       varchar(2000),
    -- the deadline sweep's bookkeeping: each announcement is made once
    ADD COLUMN due_announced_at     timestamptz,
    ADD COLUMN overdue_announced_at timestamptz;

-- reports whose deadline had passed before this release are history: the sweep does not announce them late
UPDATE weekly_report SET due_announced_at = now(), overdue_announced_at = now() WHERE due_at < now();

CREATE INDEX weekly_report_to_announce_due ON weekly_report (week_start)
    WHERE status = 'DUE' AND due_announced_at IS NULL;
CREATE INDEX weekly_report_to_announce_overdue ON weekly_report (due_at)
    WHERE status IN ('DUE', 'DRAFT', 'RETURNED') AND overdue_announced_at IS NULL;

CREATE TABLE final_report (
    id                   uuid PRIMARY KEY,
    assignment_id        uuid          NOT NULL UNIQUE REFERENCES held_assignment (assignment_id),
    due_at               timestamptz   NOT NULL,
    status               varchar(20)   NOT NULL,
    summary              varchar(8000),
    results              varchar(16000),
    difficulties         varchar(8000),
    recommendations      varchar(8000),
    lessons              varchar(8000),
    drafted_at           timestamptz,
    submitted_at         timestamptz,
    late                 boolean       NOT NULL DEFAULT false,
    reviewed_by          varchar(100),
    reviewed_at          timestamptz,
    review_comment       varchar(2000),
    accepted_at          timestamptz,
    accepted_by          varchar(100),
    version              bigint        NOT NULL,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL
);
CREATE INDEX final_report_due ON final_report (status, due_at);
