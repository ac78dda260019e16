-- Routing to people and units.
-- A person entry is addressed by the official's email (from personnel-service's directory), matched against the
-- verified email of the caller's token: officials are known by personnel-service's id, never by a token subject.
-- A unit entry is an audience of role ministry-unit within a ministry, narrowed to one unit code (token claim unit).
ALTER TABLE inbox_entry ADD COLUMN recipient_email varchar(254);
ALTER TABLE inbox_entry ADD COLUMN unit varchar(32);
ALTER TABLE inbox_entry DROP CONSTRAINT inbox_entry_addressed;
ALTER TABLE inbox_entry ADD CONSTRAINT inbox_entry_addressed
    CHECK (recipient IS NOT NULL OR recipient_email IS NOT NULL OR audience_role IS NOT NULL);
CREATE INDEX inbox_entry_by_recipient_email ON inbox_entry (lower(recipient_email), created_at DESC);

-- Officials as personnel-service announced them (official.* events): whose email a person entry goes to, and the
-- name coordinators read; event_time keeps a late older event from overwriting a newer state.
CREATE TABLE known_official (
    id            uuid PRIMARY KEY,
    ministry_code varchar(16)  NOT NULL,
    full_name     varchar(200) NOT NULL,
    email         varchar(254),
    event_time    timestamptz  NOT NULL
);

-- Records this service could not process, read back from its dead-letter topic so an admin can see and replay them.
-- (source_topic, source_partition, source_offset) is where the record was first read: a dead letter delivered
-- twice is stored once. "offset" and "partition" are avoided as column names (OFFSET is reserved in SQL).
CREATE TABLE dead_letter (
    id               uuid PRIMARY KEY,
    source_topic     varchar(249) NOT NULL,
    source_partition integer      NOT NULL,
    source_offset    bigint       NOT NULL,
    record_key       varchar(500),
    payload          text,
    error            text,
    received_at      timestamptz  NOT NULL,
    replayed_at      timestamptz,
    replay_error     text,
    CONSTRAINT dead_letter_once UNIQUE (source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_by_time ON dead_letter (received_at DESC);
