-- E-mail: one subscription per signed-in user (token subject) with their choices, and the reader data (roles,
-- ministry, province, unit, verified email) copied from their token at the last PUT, so that the consumer can decide
-- who would see an inbox entry without a request at hand.
CREATE TABLE email_subscription (
    subject     varchar(100) PRIMARY KEY,
    email       varchar(320) NOT NULL,
    enabled     boolean      NOT NULL,
    event_types text[]       NOT NULL DEFAULT '{}',
    ministries  text[]       NOT NULL DEFAULT '{}',
    provinces   text[]       NOT NULL DEFAULT '{}',
    digest      varchar(8)   NOT NULL,
    language    varchar(2)   NOT NULL,
    roles       text[]       NOT NULL DEFAULT '{}',
    ministry    varchar(20),
    province    varchar(10),
    unit        varchar(50),
    version     bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT email_subscription_digest CHECK (digest IN ('NONE', 'DAILY')),
    CONSTRAINT email_subscription_language CHECK (language IN ('vi', 'en'))
);
-- person entries are addressed by email: one subscription decides for one address
CREATE UNIQUE INDEX email_subscription_by_email ON email_subscription (lower(email));

-- One row per (entry, address): the unique constraint is what keeps a redelivered event from being mailed twice.
-- A digest row waits for its recipient's next digest time (next_attempt_at) and goes out in one message with others.
CREATE TABLE email_delivery (
    id              uuid PRIMARY KEY,
    entry_id        uuid         NOT NULL REFERENCES inbox_entry (id) ON DELETE CASCADE,
    event_id        varchar(100) NOT NULL,
    event_type      varchar(200) NOT NULL,
    ministry        varchar(20),
    recipient_email varchar(320) NOT NULL,
    language        varchar(2)   NOT NULL,
    digest          boolean      NOT NULL,
    status          varchar(16)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    error           text,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT email_delivery_once UNIQUE (entry_id, recipient_email),
    CONSTRAINT email_delivery_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'GAVE_UP'))
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX email_delivery_by_created ON email_delivery (created_at DESC);
