-- Province support requests (đề nghị hỗ trợ): after (or beside) a round, a province asks a ministry for support;
-- the ministry's coordinators ask questions, then accept (a PROVINCE_REQUEST deployment answers it) or decline.
CREATE TABLE support_request (
    id              uuid PRIMARY KEY,
    province_code   varchar(2)    NOT NULL,
    ministry_code   varchar(16)   NOT NULL,
    topic           varchar(300)  NOT NULL,
    details         varchar(4000),
    commune_codes   varchar(5)[]  NOT NULL,
    urgency         varchar(16)   NOT NULL,
    contact_name    varchar(200)  NOT NULL,
    contact_title   varchar(200),
    contact_phone   varchar(20),
    contact_email   varchar(254),
    wished_start    date,
    wished_end      date,
    status          varchar(16)   NOT NULL,
    outcome_reason  varchar(1000),
    deployment_id   uuid REFERENCES deployment (id),
    decided_at      timestamptz,
    decided_by      varchar(200),
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    created_by      varchar(200),
    updated_at      timestamptz   NOT NULL,
    updated_by      varchar(200),
    CONSTRAINT support_request_wished_period CHECK (wished_end IS NULL OR wished_start IS NULL OR wished_end >= wished_start)
);
CREATE INDEX support_request_ministry ON support_request (ministry_code, status, created_at);
CREATE INDEX support_request_province ON support_request (province_code, status, created_at);
CREATE INDEX support_request_deployment ON support_request (deployment_id);

-- The questions and answers between the province and the ministry, oldest first.
CREATE TABLE support_request_message (
    id              uuid PRIMARY KEY,
    request_id      uuid          NOT NULL REFERENCES support_request (id),
    side            varchar(16)   NOT NULL,
    author          varchar(200),
    body            varchar(4000) NOT NULL,
    posted_at       timestamptz   NOT NULL
);
CREATE INDEX support_request_message_request ON support_request_message (request_id, posted_at);
