-- Hibernate maps the expertise lists as varchar[] and filters with array_contains, which PostgreSQL receives as
-- expertise_keys @> cast(array[?] as varchar array); there is no text[] @> varchar[] operator, so the columns take
-- the type Hibernate binds. The GIN index is rebuilt for the new type.
ALTER TABLE official
    ALTER COLUMN expertise TYPE varchar[],
    ALTER COLUMN expertise_keys TYPE varchar[];
