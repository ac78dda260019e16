-- In-app inbox. An entry is addressed either to one person (recipient = token subject) or to every holder
-- of a role, optionally narrowed to a ministry and/or a province.
CREATE TABLE inbox_entry (
    id                uuid PRIMARY KEY,
    event_id          varchar(100) NOT NULL,
    event_type        varchar(200) NOT NULL,
    recipient         varchar(100),
    audience_role     varchar(50),
    ministry          varchar(20),
    province          varchar(10),
    title             varchar(300) NOT NULL,
    body              text         NOT NULL,
    subject_type      varchar(100),
    subject_id        varchar(100),
    created_at        timestamptz  NOT NULL,
    CONSTRAINT inbox_entry_addressed CHECK (recipient IS NOT NULL OR audience_role IS NOT NULL)
);
CREATE INDEX inbox_entry_by_role ON inbox_entry (audience_role, ministry, created_at DESC);
CREATE INDEX inbox_entry_by_recipient ON inbox_entry (recipient, created_at DESC);
