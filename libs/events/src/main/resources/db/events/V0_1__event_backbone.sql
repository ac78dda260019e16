-- Event backbone tables, shared by every service (added to each service's Flyway locations).

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka afterwards.
CREATE TABLE outbox_event (
    id             uuid PRIMARY KEY,
    seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_type     varchar(200) NOT NULL,
    schema_version integer      NOT NULL,
    aggregate_type varchar(100) NOT NULL,
    aggregate_id   varchar(100) NOT NULL,
    ministry       varchar(20),
    occurred_at    timestamptz  NOT NULL,
    payload        jsonb        NOT NULL,
    published_at   timestamptz,
    attempts       integer      NOT NULL DEFAULT 0,
    last_error     text
);
-- the relay reads unpublished events in commit order
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent consumers: one row per (consumer, event) in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    event_type   varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
