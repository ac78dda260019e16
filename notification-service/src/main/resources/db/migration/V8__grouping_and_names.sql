-- Entries of one kind reaching one audience at once are one entry (issue 19): the group's key (kind, audience and
-- what they share, e.g. the ISO week), how many events it tells, when it stops taking more (its first event's time
-- plus notification.grouping.window) and a link to the filtered list in the public API. A single entry has no key.
ALTER TABLE inbox_entry
    ADD COLUMN group_key       text,
    ADD COLUMN group_count     integer NOT NULL DEFAULT 1,
    ADD COLUMN group_closes_at timestamptz,
    ADD COLUMN link            varchar(500),
    -- the entry in English, for e-mail in English (null: only the Vietnamese text exists)
    ADD COLUMN title_en        varchar(300),
    ADD COLUMN body_en         text;
-- the open group of a key is looked up by every event that may join it
CREATE INDEX inbox_entry_open_group ON inbox_entry (group_key, group_closes_at) WHERE group_key IS NOT NULL;
