-- The full directory: the ministries (seeded), their organisational units, the official's complete profile,
-- search keys, and the assignments that set each official's secondment status.

-- Ministries and ministry-level agencies after Nghị quyết 176/2025/QH15 (from 1/3/2025); the codes are the
-- abbreviations used in document numbers such as 878/QĐ-BNV.
CREATE TABLE ministry (
    code        varchar(20)  PRIMARY KEY,
    name_vi     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    kind        varchar(20)  NOT NULL,
    valid_from  date         NOT NULL,
    valid_to    date,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO ministry (code, name_vi, name_en, kind, valid_from) VALUES
    ('BQP',     'Bộ Quốc phòng',                      'Ministry of National Defence',                 'MINISTRY', '2025-03-01'),
    ('BCA',     'Bộ Công an',                         'Ministry of Public Security',                  'MINISTRY', '2025-03-01'),
    ('BNG',     'Bộ Ngoại giao',                      'Ministry of Foreign Affairs',                  'MINISTRY', '2025-03-01'),
    ('BNV',     'Bộ Nội vụ',                          'Ministry of Home Affairs',                     'MINISTRY', '2025-03-01'),
    ('BTP',     'Bộ Tư pháp',                         'Ministry of Justice',                          'MINISTRY', '2025-03-01'),
    ('BTC',     'Bộ Tài chính',                       'Ministry of Finance',                          'MINISTRY', '2025-03-01'),
    ('BCT',     'Bộ Công Thương',                     'Ministry of Industry and Trade',               'MINISTRY', '2025-03-01'),
    ('BNNMT',   'Bộ Nông nghiệp và Môi trường',       'Ministry of Agriculture and Environment',      'MINISTRY', '2025-03-01'),
    ('BXD',     'Bộ Xây dựng',                        'Ministry of Construction',                     'MINISTRY', '2025-03-01'),
    ('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch',    'Ministry of Culture, Sports and Tourism',      'MINISTRY', '2025-03-01'),
    ('BKHCN',   'Bộ Khoa học và Công nghệ',           'Ministry of Science and Technology',           'MINISTRY', '2025-03-01'),
    ('BGDĐT',   'Bộ Giáo dục và Đào tạo',             'Ministry of Education and Training',           'MINISTRY', '2025-03-01'),
    ('BYT',     'Bộ Y tế',                            'Ministry of Health',                           'MINISTRY', '2025-03-01'),
    ('BDTTG',   'Bộ Dân tộc và Tôn giáo',             'Ministry of Ethnic and Religious Affairs',     'MINISTRY', '2025-03-01'),
    ('NHNN',    'Ngân hàng Nhà nước Việt Nam',        'State Bank of Vietnam',                        'AGENCY',   '2025-03-01'),
    ('TTCP',    'Thanh tra Chính phủ',                'Government Inspectorate',                      'AGENCY',   '2025-03-01'),
    ('VPCP',    'Văn phòng Chính phủ',                'Office of the Government',                     'AGENCY',   '2025-03-01');

-- Vụ, Cục, Văn phòng, Thanh tra, đơn vị sự nghiệp of a ministry, and the Phòng inside them.
CREATE TABLE org_unit (
    id            uuid         PRIMARY KEY,
    ministry_code varchar(20)  NOT NULL REFERENCES ministry (code),
    parent_id     uuid         REFERENCES org_unit (id),
    code          varchar(30)  NOT NULL,
    name          varchar(300) NOT NULL,
    -- the name folded (lower case, no diacritics): "Vụ Tổ chức cán bộ" and "VU TO CHUC CAN BO" are the same unit
    name_key      varchar(300) NOT NULL,
    type          varchar(30)  NOT NULL,
    active        boolean      NOT NULL DEFAULT true,
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(200) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT org_unit_code_unique UNIQUE (ministry_code, code),
    CONSTRAINT org_unit_name_unique UNIQUE (ministry_code, name_key)
);
CREATE INDEX org_unit_parent ON org_unit (parent_id);

-- trigram indexes make "contains these words" search fast without caring where in the text the words are
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE official
    ADD COLUMN gender              varchar(10),
    ADD COLUMN date_of_birth       date,
    ADD COLUMN unit_id             uuid REFERENCES org_unit (id),
    ADD COLUMN grade               varchar(100),
    ADD COLUMN category            varchar(20),
    ADD COLUMN phone               varchar(20),
    ADD COLUMN expertise           text[]       NOT NULL DEFAULT '{}',
    -- folded copies for filtering and searching without diacritics or case
    ADD COLUMN expertise_keys      text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN search_text         text         NOT NULL DEFAULT '',
    -- Vietnamese lists are ordered by given name (the last word), then by the whole name
    ADD COLUMN sort_name           varchar(300) NOT NULL DEFAULT '',
    ADD COLUMN secondment_status   varchar(20)  NOT NULL DEFAULT 'AVAILABLE',
    ADD COLUMN updated_by          varchar(200),
    ADD COLUMN deactivated_at      timestamptz,
    ADD COLUMN deactivation_reason varchar(500);

ALTER TABLE official ALTER COLUMN created_by TYPE varchar(200);
ALTER TABLE official ADD CONSTRAINT official_ministry_fk FOREIGN KEY (ministry_code) REFERENCES ministry (code);
-- the work email is how an official signs in and the natural key of imports: one official per address
CREATE UNIQUE INDEX official_email_unique ON official (lower(email));
CREATE INDEX official_ministry_sort ON official (ministry_code, sort_name, id);
CREATE INDEX official_sort ON official (sort_name, id);
CREATE INDEX official_unit ON official (unit_id);
CREATE INDEX official_status ON official (secondment_status);
CREATE INDEX official_expertise ON official USING gin (expertise_keys);
CREATE INDEX official_search ON official USING gin (search_text gin_trgm_ops);
DROP INDEX official_ministry;

-- What assignment-service told us about each assignment: an official's secondment status is derived from the
-- assignments they hold, so events of different assignments may arrive in any order.
CREATE TABLE held_assignment (
    assignment_id uuid        PRIMARY KEY,
    official_id   uuid        NOT NULL,
    status        varchar(20) NOT NULL,
    start_date    date,
    end_date      date,
    -- the time of the last event applied; an older event arriving late is ignored
    event_time    timestamptz NOT NULL
);
CREATE INDEX held_assignment_official ON held_assignment (official_id);

-- officials registered before this version get approximate keys (diacritics kept) until their next change
UPDATE official SET sort_name = lower(full_name), search_text = ' ' || lower(full_name) || ' ' || coalesce(lower(email), '');
