-- The handbook of typical situations (cẩm nang tình huống): answered issues a coordinator published, searchable
-- without diacritics. search_text is Text.fold(question + answer + guidance document), written by the service;
-- the 'simple' configuration neither stems nor drops words, which suits folded Vietnamese syllables.
CREATE TABLE handbook_entry (
    id                uuid PRIMARY KEY,
    issue_id          uuid          NOT NULL UNIQUE REFERENCES locality_issue (id),
    ministry_code     varchar(16)   NOT NULL,
    field             varchar(32)   NOT NULL,
    question          varchar(8000) NOT NULL,
    answer            varchar(8000) NOT NULL,
    guidance_document varchar(300),
    search_text       text          NOT NULL,
    search_vector     tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
    published_by      varchar(200)  NOT NULL,
    published_at      timestamptz   NOT NULL,
    updated_by        varchar(200)  NOT NULL,
    updated_at        timestamptz   NOT NULL,
    withdrawn_at      timestamptz,
    withdrawn_by      varchar(200),
    withdrawal_reason varchar(500),
    version           bigint        NOT NULL
);
CREATE INDEX handbook_entry_search ON handbook_entry USING gin (search_vector);
CREATE INDEX handbook_entry_filter ON handbook_entry (ministry_code, field) WHERE withdrawn_at IS NULL;
