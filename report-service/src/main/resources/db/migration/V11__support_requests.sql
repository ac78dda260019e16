-- Province support requests as assignment-service announces them, for the side-by-side figures (filed, open,
-- accepted, declined per ministry, province and the week they were filed). V10 is left to the delegations' change.
CREATE TABLE known_support_request (
    request_id     uuid PRIMARY KEY,
    ministry_code  varchar(16) NOT NULL,
    province_code  varchar(2)  NOT NULL,
    urgency        varchar(16) NOT NULL,
    status         varchar(16) NOT NULL,
    filed_at       timestamptz NOT NULL,
    event_time     timestamptz NOT NULL
);
CREATE INDEX known_support_request_filed ON known_support_request (ministry_code, province_code, filed_at);
