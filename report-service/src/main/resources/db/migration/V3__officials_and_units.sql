-- Officials and units as personnel-service announced them (official.* and unit.* events): who a signed-in officer is
-- (by verified email) and which units (Vụ, Cục) an issue can be escalated to; event_time keeps a late older event
-- from overwriting a newer state.
CREATE TABLE known_official (
    id            uuid PRIMARY KEY,
    ministry_code varchar(16)  NOT NULL,
    full_name     varchar(200) NOT NULL,
    email         varchar(254),
    active        boolean      NOT NULL,
    event_time    timestamptz  NOT NULL
);
CREATE INDEX known_official_email ON known_official (lower(email));

CREATE TABLE known_unit (
    id            uuid PRIMARY KEY,
    ministry_code varchar(16)  NOT NULL,
    code          varchar(32)  NOT NULL,
    name          varchar(300) NOT NULL,
    active        boolean      NOT NULL,
    event_time    timestamptz  NOT NULL
);
CREATE INDEX known_unit_code ON known_unit (ministry_code, code);
