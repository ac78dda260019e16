-- The side-by-side figures kept per ministry, province and ISO week as the records are written (issue 22), so that
-- a quarter of all ministries reads some 7,500 counted cells instead of grouping every assignment, report, visit,
-- issue and support request of the range at each request.
--
-- Triggers keep the counts, in the transaction that writes the record: every write path (the API, the consumers,
-- records entered after the fact, the sweeps, an operator's SQL) counts, and a rolled-back write never did. Each
-- trigger takes a record's old contribution away and adds its new one, so an insert, an update and a delete are
-- one rule. What depends on the clock (reports and escalations overdue) is counted at request time.
--
-- figures_week_recounted is the same figures counted from the records, the definition the triggers must agree with
-- (FiguresMatchTheirReferenceTest compares them after writes of every kind). To repair the counts after a manual
-- TRUNCATE, which fires no row trigger: SELECT figures_recount();

CREATE TABLE figures_week (
    ministry_code      varchar(16) NOT NULL,
    -- null for members of a delegation or working group, as in held_assignment
    province_code      varchar(2),
    week_start         date        NOT NULL,
    officials          integer     NOT NULL DEFAULT 0,
    reports_due        integer     NOT NULL DEFAULT 0,
    reports_submitted  integer     NOT NULL DEFAULT 0,
    reports_late       integer     NOT NULL DEFAULT 0,
    reports_accepted   integer     NOT NULL DEFAULT 0,
    visits             integer     NOT NULL DEFAULT 0,
    joint_visits       integer     NOT NULL DEFAULT 0,
    visit_participants integer     NOT NULL DEFAULT 0,
    requests_filed     integer     NOT NULL DEFAULT 0,
    requests_open      integer     NOT NULL DEFAULT 0,
    requests_accepted  integer     NOT NULL DEFAULT 0,
    requests_declined  integer     NOT NULL DEFAULT 0,
    requests_urgent    integer     NOT NULL DEFAULT 0,
    issues_raised      integer     NOT NULL DEFAULT 0,
    issues_open        integer     NOT NULL DEFAULT 0,
    issues_escalated   integer     NOT NULL DEFAULT 0,
    issues_answered    integer     NOT NULL DEFAULT 0,
    -- ministry first: one ministry's year and all ministries' quarter both read one range per ministry
    CONSTRAINT figures_week_cell UNIQUE NULLS NOT DISTINCT (ministry_code, week_start, province_code)
)
-- a cell is updated in place many times (every report sent, every issue answered): room on its page lets PostgreSQL
-- write the new version there without a new index entry (a HOT update). Seeding FiguresBenchmark's data, 131,112 of
-- 160,112 updates were HOT at 50, 186 at the default 100.
WITH (fillfactor = 50);

-- issues raised per field, for each cell's top fields
CREATE TABLE figures_week_field (
    ministry_code varchar(16) NOT NULL,
    province_code varchar(2)  NOT NULL,
    week_start    date        NOT NULL,
    field         varchar(32) NOT NULL,
    raised        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (ministry_code, week_start, province_code, field)
);

-- what the figures count at request time: reports and escalations past their deadline
CREATE INDEX weekly_report_open_by_week ON weekly_report (week_start, assignment_id, due_at)
    WHERE status IN ('DUE', 'DRAFT', 'RETURNED');
CREATE INDEX locality_issue_escalated_by_week ON locality_issue (raised_week, ministry_code, province_code, deadline)
    WHERE status = 'ESCALATED';

-- Adds to one cell's counts (negative numbers take away). Named arguments: a caller names only what it counts.
CREATE FUNCTION figures_add(ministry varchar, province varchar, monday date,
                            officials integer DEFAULT 0, reports_due integer DEFAULT 0,
                            reports_submitted integer DEFAULT 0, reports_late integer DEFAULT 0,
                            reports_accepted integer DEFAULT 0, visits integer DEFAULT 0,
                            joint_visits integer DEFAULT 0, visit_participants integer DEFAULT 0,
                            requests_filed integer DEFAULT 0, requests_open integer DEFAULT 0,
                            requests_accepted integer DEFAULT 0, requests_declined integer DEFAULT 0,
                            requests_urgent integer DEFAULT 0, issues_raised integer DEFAULT 0,
                            issues_open integer DEFAULT 0, issues_escalated integer DEFAULT 0,
                            issues_answered integer DEFAULT 0) RETURNS void LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    INSERT INTO figures_week AS f
    VALUES (ministry, province, monday, figures_add.officials, figures_add.reports_due,
            figures_add.reports_submitted, figures_add.reports_late, figures_add.reports_accepted, figures_add.visits,
            figures_add.joint_visits, figures_add.visit_participants, figures_add.requests_filed,
            figures_add.requests_open, figures_add.requests_accepted, figures_add.requests_declined,
            figures_add.requests_urgent, figures_add.issues_raised, figures_add.issues_open,
            figures_add.issues_escalated, figures_add.issues_answered)
    ON CONFLICT (ministry_code, week_start, province_code) DO UPDATE SET
        officials = f.officials + excluded.officials,
        reports_due = f.reports_due + excluded.reports_due,
        reports_submitted = f.reports_submitted + excluded.reports_submitted,
        reports_late = f.reports_late + excluded.reports_late,
        reports_accepted = f.reports_accepted + excluded.reports_accepted,
        visits = f.visits + excluded.visits,
        joint_visits = f.joint_visits + excluded.joint_visits,
        visit_participants = f.visit_participants + excluded.visit_participants,
        requests_filed = f.requests_filed + excluded.requests_filed,
        requests_open = f.requests_open + excluded.requests_open,
        requests_accepted = f.requests_accepted + excluded.requests_accepted,
        requests_declined = f.requests_declined + excluded.requests_declined,
        requests_urgent = f.requests_urgent + excluded.requests_urgent,
        issues_raised = f.issues_raised + excluded.issues_raised,
        issues_open = f.issues_open + excluded.issues_open,
        issues_escalated = f.issues_escalated + excluded.issues_escalated,
        issues_answered = f.issues_answered + excluded.issues_answered;
END $$;

-- An official on site in every week the assignment meets, from the Monday of its start to the Monday of its end,
-- unless it was withdrawn or replaced before the official arrived.
CREATE FUNCTION figures_count_assignment(a held_assignment, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF a.status <> 'WITHDRAWN' AND NOT (a.status = 'REPLACED' AND a.arrived_on IS NULL) THEN
        PERFORM figures_add(a.ministry_code, a.province_code, cast(w.monday AS date), officials => sign)
        FROM generate_series(a.start_date - cast(extract(isodow FROM a.start_date) AS integer) + 1,
                             a.end_date - cast(extract(isodow FROM a.end_date) AS integer) + 1,
                             interval '7 days') AS w(monday);
    END IF;
END $$;

-- A weekly report, under its assignment's ministry and province; a cancelled one is not owed.
CREATE FUNCTION figures_count_report(r weekly_report, a held_assignment, sign integer) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF r.status <> 'CANCELLED' THEN
        PERFORM figures_add(a.ministry_code, a.province_code, r.week_start, reports_due => sign,
                            reports_submitted => sign * cast(r.submitted_at IS NOT NULL AS integer),
                            reports_late => sign * cast(r.late AS integer),
                            reports_accepted => sign * cast(r.status = 'ACCEPTED' AS integer));
    END IF;
END $$;

-- A field visit once, under its recorder's assignment, with its companions counted beside it.
CREATE FUNCTION figures_count_visit(v field_visit, a held_assignment, sign integer) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    companions integer := (SELECT count(*) FROM field_visit_companion c WHERE c.visit_id = v.id);
BEGIN
    PERFORM figures_add(a.ministry_code, a.province_code, cast(date_trunc('week', v.visit_date) AS date),
                        visits => sign, joint_visits => sign * cast(companions > 0 AS integer),
                        visit_participants => sign * (1 + companions));
END $$;

-- An issue in the week it was raised, where it stands now.
CREATE FUNCTION figures_count_issue(i locality_issue, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    monday date := to_date(i.raised_week, 'IYYY-"W"IW');
BEGIN
    PERFORM figures_add(i.ministry_code, i.province_code, monday, issues_raised => sign,
                        issues_open => sign * cast(i.status IN ('OPEN', 'ESCALATED', 'REFERRED') AS integer),
                        issues_escalated => sign * cast(i.escalated_at IS NOT NULL AS integer),
                        issues_answered => sign * cast(i.answered_at IS NOT NULL AS integer));
    INSERT INTO figures_week_field AS f (ministry_code, province_code, week_start, field, raised)
    VALUES (i.ministry_code, i.province_code, monday, i.field, sign)
    ON CONFLICT (ministry_code, week_start, province_code, field) DO UPDATE SET raised = f.raised + excluded.raised;
END $$;

-- A province's support request in the week it was filed (in Vietnam), where it stands now.
CREATE FUNCTION figures_count_request(s known_support_request, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figures_add(s.ministry_code, s.province_code,
                        cast(date_trunc('week', s.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date),
                        requests_filed => sign, requests_open => sign * cast(s.status = 'OPEN' AS integer),
                        requests_accepted => sign * cast(s.status = 'ACCEPTED' AS integer),
                        requests_declined => sign * cast(s.status = 'DECLINED' AS integer),
                        requests_urgent => sign * cast(s.urgency = 'URGENT' AS integer));
END $$;

-- The triggers: the old record taken away, the new one added.
--
-- Records counted under another record's ministry and province (a report or visit under its assignment's, a
-- companion under its visit's) lock that record first, in a statement of their own, and count in the next one,
-- which reads it anew: an assignment or visit changed meanwhile is then counted as it was committed, and a change
-- of it waits for them. Locked in the counting statement itself, a row changed meanwhile was counted twice, as it
-- was before the wait and again after.

CREATE FUNCTION figures_follow_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figures_count_assignment(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figures_count_assignment(NEW, 1);
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.ministry_code, OLD.province_code)
            IS DISTINCT FROM (NEW.ministry_code, NEW.province_code) THEN
        -- its reports and visits are counted under its ministry and province: they move with it. One being written
        -- meanwhile holds this assignment shared until its writer commits, so this update waited for it.
        PERFORM figures_count_report(r, OLD, -1), figures_count_report(r, NEW, 1)
        FROM weekly_report r WHERE r.assignment_id = NEW.assignment_id;
        PERFORM figures_count_visit(v, OLD, -1), figures_count_visit(v, NEW, 1)
        FROM field_visit v WHERE v.assignment_id = NEW.assignment_id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION figures_follow_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM FROM held_assignment a WHERE a.assignment_id = OLD.assignment_id FOR SHARE;
        PERFORM figures_count_report(OLD, a, -1) FROM held_assignment a WHERE a.assignment_id = OLD.assignment_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM FROM held_assignment a WHERE a.assignment_id = NEW.assignment_id FOR SHARE;
        PERFORM figures_count_report(NEW, a, 1) FROM held_assignment a WHERE a.assignment_id = NEW.assignment_id;
    END IF;
    RETURN NULL;
END $$;

-- Also BEFORE DELETE: a visit's companions go with it (ON DELETE CASCADE), and it must be taken away with them.
CREATE FUNCTION figures_follow_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM FROM held_assignment a WHERE a.assignment_id = OLD.assignment_id FOR SHARE;
        PERFORM figures_count_visit(OLD, a, -1) FROM held_assignment a WHERE a.assignment_id = OLD.assignment_id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM FROM held_assignment a WHERE a.assignment_id = NEW.assignment_id FOR SHARE;
    PERFORM figures_count_visit(NEW, a, 1) FROM held_assignment a WHERE a.assignment_id = NEW.assignment_id;
    RETURN NULL;
END $$;

-- Companions change a visit's participants, and whether it was joint: per statement, from the companions the visits
-- have after it and how many the statement added or removed (row triggers of one statement all see its end).
-- The visits are locked for the whole change, so that the companions of one visit change one transaction at a time
-- (two at once each saw only its own companion, and both counted the visit joint). A visit already deleted took its
-- companions with it.
CREATE FUNCTION figures_companions_changed(added uuid[], removed uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM FROM field_visit v WHERE v.id = ANY (added || removed) FOR NO KEY UPDATE;
    PERFORM FROM held_assignment a JOIN field_visit v ON v.assignment_id = a.assignment_id
    WHERE v.id = ANY (added || removed) FOR SHARE OF a;
    PERFORM figures_add(a.ministry_code, a.province_code, cast(date_trunc('week', v.visit_date) AS date),
                        joint_visits => cast(kept.n > 0 AS integer) - cast(kept.n - c.change > 0 AS integer),
                        visit_participants => c.change)
    FROM (SELECT visit_id, cast(sum(change) AS integer) AS change
          FROM (SELECT unnest(added), 1 UNION ALL SELECT unnest(removed), -1) AS d(visit_id, change)
          GROUP BY visit_id) AS c
    JOIN field_visit v ON v.id = c.visit_id
    JOIN held_assignment a ON a.assignment_id = v.assignment_id
    CROSS JOIN LATERAL (SELECT cast(count(*) AS integer) AS n
                        FROM field_visit_companion fc WHERE fc.visit_id = v.id) AS kept;
END $$;

CREATE FUNCTION figures_follow_companions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- each branch names only the transition tables its trigger has
    IF TG_OP = 'INSERT' THEN
        PERFORM figures_companions_changed(ARRAY(SELECT visit_id FROM added), '{}');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM figures_companions_changed('{}', ARRAY(SELECT visit_id FROM removed));
    ELSE
        PERFORM figures_companions_changed(ARRAY(SELECT visit_id FROM added), ARRAY(SELECT visit_id FROM removed));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION figures_follow_issue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figures_count_issue(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figures_count_issue(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION figures_follow_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figures_count_request(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figures_count_request(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

-- An update fires only when what the figures read changed: most updates (a draft saved, an answer's wording, an
-- event's time) leave the counts alone.
CREATE TRIGGER figures_assignment AFTER INSERT OR DELETE ON held_assignment
    FOR EACH ROW EXECUTE FUNCTION figures_follow_assignment();
CREATE TRIGGER figures_assignment_changed AFTER UPDATE ON held_assignment FOR EACH ROW
    WHEN ((OLD.ministry_code, OLD.province_code, OLD.start_date, OLD.end_date, OLD.status, OLD.arrived_on IS NULL)
          IS DISTINCT FROM (NEW.ministry_code, NEW.province_code, NEW.start_date, NEW.end_date, NEW.status,
                            NEW.arrived_on IS NULL))
    EXECUTE FUNCTION figures_follow_assignment();

CREATE TRIGGER figures_report AFTER INSERT OR DELETE ON weekly_report
    FOR EACH ROW EXECUTE FUNCTION figures_follow_report();
CREATE TRIGGER figures_report_changed AFTER UPDATE ON weekly_report FOR EACH ROW
    WHEN ((OLD.assignment_id, OLD.week_start, OLD.status, OLD.submitted_at IS NULL, OLD.late)
          IS DISTINCT FROM (NEW.assignment_id, NEW.week_start, NEW.status, NEW.submitted_at IS NULL, NEW.late))
    EXECUTE FUNCTION figures_follow_report();

CREATE TRIGGER figures_visit AFTER INSERT ON field_visit
    FOR EACH ROW EXECUTE FUNCTION figures_follow_visit();
CREATE TRIGGER figures_visit_deleted BEFORE DELETE ON field_visit
    FOR EACH ROW EXECUTE FUNCTION figures_follow_visit();
CREATE TRIGGER figures_visit_changed AFTER UPDATE ON field_visit FOR EACH ROW
    WHEN ((OLD.assignment_id, OLD.visit_date) IS DISTINCT FROM (NEW.assignment_id, NEW.visit_date))
    EXECUTE FUNCTION figures_follow_visit();

CREATE TRIGGER figures_companions_added AFTER INSERT ON field_visit_companion
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION figures_follow_companions();
CREATE TRIGGER figures_companions_removed AFTER DELETE ON field_visit_companion
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION figures_follow_companions();
CREATE TRIGGER figures_companions_changed AFTER UPDATE ON field_visit_companion
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION figures_follow_companions();

CREATE TRIGGER figures_issue AFTER INSERT OR DELETE ON locality_issue
    FOR EACH ROW EXECUTE FUNCTION figures_follow_issue();
CREATE TRIGGER figures_issue_changed AFTER UPDATE ON locality_issue FOR EACH ROW
    WHEN ((OLD.ministry_code, OLD.province_code, OLD.raised_week, OLD.field, OLD.status, OLD.escalated_at IS NULL,
           OLD.answered_at IS NULL)
          IS DISTINCT FROM (NEW.ministry_code, NEW.province_code, NEW.raised_week, NEW.field, NEW.status,
                            NEW.escalated_at IS NULL, NEW.answered_at IS NULL))
    EXECUTE FUNCTION figures_follow_issue();

CREATE TRIGGER figures_request AFTER INSERT OR DELETE ON known_support_request
    FOR EACH ROW EXECUTE FUNCTION figures_follow_request();
CREATE TRIGGER figures_request_changed AFTER UPDATE ON known_support_request FOR EACH ROW
    WHEN ((OLD.ministry_code, OLD.province_code, OLD.filed_at, OLD.status, OLD.urgency)
          IS DISTINCT FROM (NEW.ministry_code, NEW.province_code, NEW.filed_at, NEW.status, NEW.urgency))
    EXECUTE FUNCTION figures_follow_request();

-- The same figures counted from the records, all at once.
CREATE VIEW figures_week_recounted AS
SELECT ministry_code, province_code, week_start,
       cast(sum(officials) AS integer) AS officials, cast(sum(reports_due) AS integer) AS reports_due,
       cast(sum(reports_submitted) AS integer) AS reports_submitted,
       cast(sum(reports_late) AS integer) AS reports_late,
       cast(sum(reports_accepted) AS integer) AS reports_accepted, cast(sum(visits) AS integer) AS visits,
       cast(sum(joint_visits) AS integer) AS joint_visits,
       cast(sum(visit_participants) AS integer) AS visit_participants,
       cast(sum(requests_filed) AS integer) AS requests_filed, cast(sum(requests_open) AS integer) AS requests_open,
       cast(sum(requests_accepted) AS integer) AS requests_accepted,
       cast(sum(requests_declined) AS integer) AS requests_declined,
       cast(sum(requests_urgent) AS integer) AS requests_urgent, cast(sum(issues_raised) AS integer) AS issues_raised,
       cast(sum(issues_open) AS integer) AS issues_open, cast(sum(issues_escalated) AS integer) AS issues_escalated,
       cast(sum(issues_answered) AS integer) AS issues_answered
FROM (
    SELECT a.ministry_code, a.province_code, cast(w.monday AS date) AS week_start,
           1 AS officials, 0 AS reports_due, 0 AS reports_submitted, 0 AS reports_late, 0 AS reports_accepted,
           0 AS visits, 0 AS joint_visits, 0 AS visit_participants, 0 AS requests_filed, 0 AS requests_open,
           0 AS requests_accepted, 0 AS requests_declined, 0 AS requests_urgent, 0 AS issues_raised,
           0 AS issues_open, 0 AS issues_escalated, 0 AS issues_answered
    FROM held_assignment a
    CROSS JOIN LATERAL generate_series(a.start_date - cast(extract(isodow FROM a.start_date) AS integer) + 1,
                                       a.end_date - cast(extract(isodow FROM a.end_date) AS integer) + 1,
                                       interval '7 days') AS w(monday)
    WHERE a.status <> 'WITHDRAWN' AND NOT (a.status = 'REPLACED' AND a.arrived_on IS NULL)
    UNION ALL
    SELECT a.ministry_code, a.province_code, r.week_start,
           0, 1, cast(r.submitted_at IS NOT NULL AS integer), cast(r.late AS integer),
           cast(r.status = 'ACCEPTED' AS integer), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM weekly_report r JOIN held_assignment a ON a.assignment_id = r.assignment_id
    WHERE r.status <> 'CANCELLED'
    UNION ALL
    SELECT a.ministry_code, a.province_code, cast(date_trunc('week', v.visit_date) AS date),
           0, 0, 0, 0, 0, 1, cast(c.n > 0 AS integer), 1 + c.n, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM field_visit v JOIN held_assignment a ON a.assignment_id = v.assignment_id
    CROSS JOIN LATERAL (SELECT cast(count(*) AS integer) AS n
                        FROM field_visit_companion fc WHERE fc.visit_id = v.id) AS c
    UNION ALL
    SELECT s.ministry_code, s.province_code,
           cast(date_trunc('week', s.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date),
           0, 0, 0, 0, 0, 0, 0, 0, 1, cast(s.status = 'OPEN' AS integer), cast(s.status = 'ACCEPTED' AS integer),
           cast(s.status = 'DECLINED' AS integer), cast(s.urgency = 'URGENT' AS integer), 0, 0, 0, 0
    FROM known_support_request s
    UNION ALL
    SELECT i.ministry_code, i.province_code, to_date(i.raised_week, 'IYYY-"W"IW'),
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
           cast(i.status IN ('OPEN', 'ESCALATED', 'REFERRED') AS integer),
           cast(i.escalated_at IS NOT NULL AS integer), cast(i.answered_at IS NOT NULL AS integer)
    FROM locality_issue i
) AS counted
GROUP BY ministry_code, province_code, week_start;

CREATE VIEW figures_week_field_recounted AS
SELECT ministry_code, province_code, to_date(raised_week, 'IYYY-"W"IW') AS week_start, field,
       cast(count(*) AS integer) AS raised
FROM locality_issue
GROUP BY ministry_code, province_code, raised_week, field;

-- Counts everything again from the records (the counts of the records written before this migration, too).
CREATE FUNCTION figures_recount() RETURNS void LANGUAGE sql AS $$
    DELETE FROM figures_week;
    DELETE FROM figures_week_field;
    INSERT INTO figures_week SELECT * FROM figures_week_recounted;
    INSERT INTO figures_week_field SELECT * FROM figures_week_field_recounted;
$$;

SELECT figures_recount();
