-- Shared records of every service with a database (added to each service's Flyway locations as db/data).

-- Idempotency-Key: the first response to a POST, replayed to the same caller's retries for a day.
CREATE TABLE idempotency_key (
    caller       varchar(200)  NOT NULL,
    key          varchar(255)  NOT NULL,
    operation    varchar(100)  NOT NULL,
    request_hash char(64)      NOT NULL,
    status       integer,
    location     varchar(2000),
    etag         varchar(100),
    body         text,
    created_at   timestamptz   NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

-- Audit trail: who changed what, from which value to which, when, and on whose authority.
CREATE TABLE audit_entry (
    id           uuid         PRIMARY KEY,
    entity_type  varchar(50)  NOT NULL,
    entity_id    varchar(100) NOT NULL,
    ministry     varchar(20),
    action       varchar(50)  NOT NULL,
    actor        varchar(200) NOT NULL,
    at           timestamptz  NOT NULL,
    reason       varchar(500),
    changes      jsonb        NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id, at DESC);
