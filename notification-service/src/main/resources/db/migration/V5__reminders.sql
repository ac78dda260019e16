-- Reminders: one row per thing that may need a nudge, kept from the events (newest event per aggregate wins by
-- event_time) in the same transaction as the inbox, and sent once by the scheduler (sent_at set in the same
-- transaction as the inbox entries it made; rows are claimed with FOR UPDATE SKIP LOCKED so two instances never
-- send the same row). aggregate_id is the reminded thing (a report, an assignment, an issue, or
-- "<assignmentId>/<week>" for a week's work plan): one reminder of each kind per thing.
CREATE TABLE reminder_due (
    id                    uuid PRIMARY KEY,
    kind                  varchar(40)  NOT NULL,
    aggregate_id          varchar(100) NOT NULL,
    -- when it is sent, and after when sending it makes no sense any more (the deadline passed: report-service's own
    -- overdue events take over), so a reminder learnt too late is never sent out of time
    due_at                timestamptz  NOT NULL,
    expires_at            timestamptz  NOT NULL,
    -- to one official (the email is looked up when sending: it may arrive or change after scheduling) ...
    recipient_official_id uuid,
    -- ... or to every holder of a role within a ministry (and unit)
    audience_role         varchar(50),
    ministry              varchar(20)  NOT NULL,
    unit                  varchar(32),
    -- the ministry's coordinators hear of it as well
    copy_coordinators     boolean      NOT NULL DEFAULT false,
    subject_type          varchar(100) NOT NULL,
    subject_id            varchar(100) NOT NULL,
    title                 varchar(300) NOT NULL,
    body                  text         NOT NULL,
    cancelled             boolean      NOT NULL DEFAULT false,
    -- a week's work plan was submitted: no later assignment event re-arms that week's reminder
    settled               boolean      NOT NULL DEFAULT false,
    event_time            timestamptz  NOT NULL,
    sent_at               timestamptz,
    CONSTRAINT reminder_due_once UNIQUE (kind, aggregate_id),
    CONSTRAINT reminder_due_addressed CHECK (recipient_official_id IS NOT NULL OR audience_role IS NOT NULL)
);
-- the sender's question: what is due and still to send
CREATE INDEX reminder_due_pending ON reminder_due (due_at) WHERE sent_at IS NULL AND NOT cancelled;
-- a work plan's weeks are re-planned together when their assignment changes
CREATE INDEX reminder_due_by_subject ON reminder_due (kind, subject_id);
