-- Field visits to communes and the difficulties and recommendations (khó khăn, vướng mắc, kiến nghị) of localities,
-- answered on the spot or escalated to a unit of the ministry, with every step kept in issue_history.

CREATE TABLE field_visit (
    id            uuid PRIMARY KEY,
    assignment_id uuid          NOT NULL REFERENCES held_assignment (assignment_id),
    visit_date    date          NOT NULL,
    commune_code  varchar(5)    NOT NULL,
    commune_group varchar(20)   NOT NULL,
    people_met    varchar(2000),
    activities    varchar(4000) NOT NULL,
    findings      varchar(8000),
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    varchar(200)  NOT NULL,
    updated_at    timestamptz   NOT NULL,
    updated_by    varchar(200)  NOT NULL
);
CREATE INDEX field_visit_assignment ON field_visit (assignment_id, visit_date);
CREATE INDEX field_visit_commune ON field_visit (commune_code, visit_date);

-- The figures query these columns by name: keep them.
-- ministry_code is the ministry the issue was addressed to; a referral keeps it and names the ministry that now
-- answers in referred_to_ministry.
CREATE TABLE locality_issue (
    id                   uuid PRIMARY KEY,
    ministry_code        varchar(16)   NOT NULL,
    referred_to_ministry varchar(16),
    province_code        varchar(2)    NOT NULL,
    commune_code         varchar(5),
    field                varchar(32)   NOT NULL,
    kind                 varchar(20)   NOT NULL,
    status               varchar(20)   NOT NULL,
    urgent               boolean       NOT NULL,
    title                varchar(300)  NOT NULL,
    description          varchar(8000) NOT NULL,
    raised_at            timestamptz   NOT NULL,
    raised_week          varchar(8)    NOT NULL,
    raised_by            varchar(200)  NOT NULL,
    official_id          uuid,
    assignment_id        uuid REFERENCES held_assignment (assignment_id),
    visit_id             uuid REFERENCES field_visit (id),
    escalated_to_unit    varchar(32),
    escalated_at         timestamptz,
    deadline             date,
    overdue_announced_at timestamptz,
    answer               varchar(8000),
    guidance_document    varchar(300),
    answered_by          varchar(200),
    answered_at          timestamptz,
    closed_at            timestamptz,
    version              bigint        NOT NULL,
    updated_at           timestamptz   NOT NULL
);
CREATE INDEX locality_issue_scope ON locality_issue (ministry_code, province_code, status);
CREATE INDEX locality_issue_referred ON locality_issue (referred_to_ministry) WHERE referred_to_ministry IS NOT NULL;
CREATE INDEX locality_issue_week ON locality_issue (raised_week);
CREATE INDEX locality_issue_due ON locality_issue (status, deadline);
CREATE INDEX locality_issue_visit ON locality_issue (visit_id);

-- One row per step of an issue, never changed: who (and in which role), when, from which status to which, and what
-- they wrote, to which unit or ministry, with which deadline.
CREATE TABLE issue_history (
    id          uuid PRIMARY KEY,
    issue_id    uuid          NOT NULL REFERENCES locality_issue (id),
    step        integer       NOT NULL,
    at          timestamptz   NOT NULL,
    action      varchar(20)   NOT NULL,
    actor       varchar(200)  NOT NULL,
    actor_role  varchar(30)   NOT NULL,
    from_status varchar(20),
    to_status   varchar(20)   NOT NULL,
    note        varchar(8000),
    guidance_document varchar(300),
    unit        varchar(32),
    ministry    varchar(16),
    deadline    date
);
-- steps are numbered: several can share one instant
CREATE UNIQUE INDEX issue_history_step ON issue_history (issue_id, step);
