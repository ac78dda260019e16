-- The directory's first table; units, ministries and the full official profile arrive with their features.
CREATE TABLE official (
    id            uuid PRIMARY KEY,
    full_name     varchar(200) NOT NULL,
    ministry_code varchar(20)  NOT NULL,
    position      varchar(100),
    email         varchar(254),
    active        boolean      NOT NULL DEFAULT true,
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(100) NOT NULL,
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX official_ministry ON official (ministry_code);
