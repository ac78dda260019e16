-- Deployments (đợt tăng cường) by decision, assignments of officials to provinces, and the dated history of both.
-- Periods are inclusive date ranges [start_date, end_date] in Vietnam's calendar.

-- equality on uuid inside a GiST exclusion constraint
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Officials as personnel-service announced them (official.registered / updated / deactivated): the local read model
-- that decides who can be assigned; event_time keeps a late older event from overwriting a newer state.
CREATE TABLE known_official (
    id            uuid PRIMARY KEY,
    ministry_code varchar(16)  NOT NULL,
    full_name     varchar(200) NOT NULL,
    position      varchar(200),
    email         varchar(254),
    active        boolean      NOT NULL,
    event_time    timestamptz  NOT NULL
);
CREATE INDEX known_official_email ON known_official (lower(email));

CREATE TABLE deployment (
    id                     uuid PRIMARY KEY,
    ministry_code          varchar(16)   NOT NULL,
    type                   varchar(40)   NOT NULL,
    name                   varchar(300)  NOT NULL,
    decision_number        varchar(60)   NOT NULL,
    decision_date          date          NOT NULL,
    decision_signer        varchar(200),
    decision_subject       varchar(1000),
    start_date             date          NOT NULL,
    end_date               date          NOT NULL,
    province_codes         varchar(2)[]  NOT NULL,
    officials_per_province integer       NOT NULL DEFAULT 1,
    -- province code → officials required there when it differs from officials_per_province, e.g. {"79": 2}
    province_quotas        jsonb         NOT NULL DEFAULT '{}',
    -- other ministries whose officials the decision lets join (an inter-ministerial delegation)
    partner_ministries     varchar(16)[] NOT NULL DEFAULT '{}',
    status                 varchar(20)   NOT NULL,
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    created_by             varchar(200),
    updated_at             timestamptz   NOT NULL,
    updated_by             varchar(200),
    CONSTRAINT deployment_period CHECK (start_date <= end_date),
    CONSTRAINT deployment_quota CHECK (officials_per_province >= 0)
);
CREATE INDEX deployment_ministry_period ON deployment (ministry_code, start_date, end_date);
CREATE UNIQUE INDEX deployment_decision ON deployment (ministry_code, decision_number, name);

-- Every change of a deployment as a dated version: effective_from is when it took effect (the amending decision's
-- date), recorded_at when it was entered; "as of X" is the newest version effective on or before X.
CREATE TABLE deployment_revision (
    id              uuid PRIMARY KEY,
    deployment_id   uuid         NOT NULL REFERENCES deployment (id),
    change          varchar(30)  NOT NULL,
    effective_from  date         NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    recorded_by     varchar(200),
    status          varchar(20)  NOT NULL,
    start_date      date         NOT NULL,
    end_date        date         NOT NULL,
    reason          varchar(1000),
    decision_number varchar(60),
    decision_date   date
);
CREATE INDEX deployment_revision_as_of ON deployment_revision (deployment_id, effective_from, recorded_at);

CREATE TABLE assignment (
    id                     uuid PRIMARY KEY,
    deployment_id          uuid         NOT NULL REFERENCES deployment (id),
    ministry_code          varchar(16)  NOT NULL,
    official_id            uuid         NOT NULL,
    official_ministry_code varchar(16)  NOT NULL,
    province_code          varchar(2)   NOT NULL,
    role                   varchar(10)  NOT NULL,
    focus_communes         varchar(5)[] NOT NULL DEFAULT '{}',
    start_date             date         NOT NULL,
    end_date               date         NOT NULL,
    status                 varchar(20)  NOT NULL,
    arrived_on             date,
    replaces_id            uuid REFERENCES assignment (id),
    replaced_by_id         uuid REFERENCES assignment (id),
    version                bigint       NOT NULL,
    created_at             timestamptz  NOT NULL,
    created_by             varchar(200),
    updated_at             timestamptz  NOT NULL,
    updated_by             varchar(200),
    CONSTRAINT assignment_period CHECK (start_date <= end_date),
    -- the last word on "never two overlapping assignments": two requests racing past the service's check still
    -- cannot both commit. A withdrawn assignment, or one replaced before the official arrived, occupies no days.
    -- Deferred so that moving a whole deployment may pass through intermediate states.
    CONSTRAINT assignment_no_overlap EXCLUDE USING gist
        (official_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
        WHERE (status <> 'WITHDRAWN' AND NOT (status = 'REPLACED' AND arrived_on IS NULL))
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX assignment_deployment ON assignment (deployment_id, province_code);
CREATE INDEX assignment_on_date ON assignment (start_date, end_date) INCLUDE (ministry_code, province_code, status);
CREATE INDEX assignment_official ON assignment (official_id, start_date);

CREATE TABLE assignment_revision (
    id              uuid PRIMARY KEY,
    assignment_id   uuid         NOT NULL REFERENCES assignment (id),
    change          varchar(30)  NOT NULL,
    effective_from  date         NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    recorded_by     varchar(200),
    status          varchar(20)  NOT NULL,
    start_date      date         NOT NULL,
    end_date        date         NOT NULL,
    reason          varchar(1000),
    decision_number varchar(60),
    decision_date   date
);
CREATE INDEX assignment_revision_as_of ON assignment_revision (assignment_id, effective_from, recorded_at);
