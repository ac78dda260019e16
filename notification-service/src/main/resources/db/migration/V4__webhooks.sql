-- Webhooks for other ministries' systems. A subscription belongs to one ministry (its admins manage it); its filters
-- are event type prefixes, envelope ministries and provinces (an empty ministries filter means the owner's own
-- ministry, an empty provinces filter means any province). The secret is kept in clear because every delivery is
-- signed with it (HMAC); it is shown to the client once, at creation.
CREATE TABLE webhook_subscription (
    id              uuid PRIMARY KEY,
    ministry_code   varchar(16)   NOT NULL,
    url             varchar(2000) NOT NULL,
    secret          varchar(100)  NOT NULL,
    event_types     text[]        NOT NULL,
    ministries      text[]        NOT NULL DEFAULT '{}',
    provinces       text[]        NOT NULL DEFAULT '{}',
    active          boolean       NOT NULL DEFAULT true,
    failures        integer       NOT NULL DEFAULT 0,
    disabled_at     timestamptz,
    disabled_reason varchar(500),
    version         bigint        NOT NULL DEFAULT 0,
    created_by      varchar(100)  NOT NULL,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX webhook_subscription_by_ministry ON webhook_subscription (ministry_code, created_at DESC);

-- One row per (subscription, event): the unique constraint is what keeps a redelivered event from being sent twice.
-- body is the CloudEvents envelope exactly as it is signed and sent, so every retry sends the same bytes.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    subscription_id uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        varchar(100) NOT NULL,
    event_type      varchar(200) NOT NULL,
    body            text         NOT NULL,
    attempt         integer      NOT NULL DEFAULT 0,
    status          varchar(16)  NOT NULL,
    next_attempt_at timestamptz,
    response_status integer,
    error           text,
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id),
    CONSTRAINT webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'GAVE_UP'))
);
-- the sender's question: what is due now
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, created_at DESC);
