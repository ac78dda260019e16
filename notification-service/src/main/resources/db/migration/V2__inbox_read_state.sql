-- Read state per user: an entry addressed to a role is read by each of its holders on their own, so "read" is a
-- receipt of (entry, user), not a flag on the entry. No row means unread; a row is never updated, so the first
-- time a user read an entry stays its read_at.
CREATE TABLE inbox_receipt (
    entry_id      uuid         NOT NULL REFERENCES inbox_entry (id) ON DELETE CASCADE,
    user_subject  varchar(100) NOT NULL,
    read_at       timestamptz  NOT NULL,
    PRIMARY KEY (entry_id, user_subject)
);
-- "what has this user read" (unread counts, the unread filter) is looked up by user first
CREATE INDEX inbox_receipt_by_user ON inbox_receipt (user_subject, entry_id);
