-- The deployments assignment-service announced (DeploymentSnapshot): what an annex imported into a deployment is
-- checked against (ministry, status, period, target provinces). Kept by DeploymentFollower; the newest event wins.
CREATE TABLE known_deployment (
    deployment_id   uuid        PRIMARY KEY,
    ministry_code   varchar(20) NOT NULL,
    type            varchar(40),
    name            text,
    decision_number varchar(100),
    status          varchar(20) NOT NULL,
    start_date      date        NOT NULL,
    end_date        date        NOT NULL,
    province_codes  varchar[]   NOT NULL,
    -- the time of the last event applied; an older event arriving late is ignored
    event_time      timestamptz NOT NULL
);
