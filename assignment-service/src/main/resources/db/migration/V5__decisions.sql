-- Decisions (quyết định) as records of their own: a deployment is issued by one decision and amended by later ones.
-- A decision is unique by its number within its issuing ministry (878/QĐ-BNV of Bộ Nội vụ; another ministry may
-- use the same number). The deployment's and revisions' decision_* columns stay, as copies of the linked decision
-- kept in step by the service, so that reads (coverage, timeline, lists by number) need no join.
CREATE TABLE decision (
    id              uuid PRIMARY KEY,
    ministry_code   varchar(16)   NOT NULL,
    number          varchar(60)   NOT NULL,
    signed_on       date          NOT NULL,
    signer          varchar(200),
    signer_title    varchar(200),
    effective_from  date          NOT NULL,
    effective_to    date,
    subject         varchar(1000),
    -- the earlier decision of the same ministry that this one amends, if any
    amends_id       uuid REFERENCES decision (id),
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    created_by      varchar(200),
    updated_at      timestamptz   NOT NULL,
    updated_by      varchar(200),
    CONSTRAINT decision_number_of_ministry UNIQUE (ministry_code, number),
    CONSTRAINT decision_effective_period CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT decision_not_amending_itself CHECK (amends_id <> id)
);
CREATE INDEX decision_signed ON decision (ministry_code, signed_on);
CREATE INDEX decision_amends ON decision (amends_id);

ALTER TABLE deployment ADD COLUMN decision_id uuid REFERENCES decision (id);
ALTER TABLE deployment_revision ADD COLUMN decision_id uuid REFERENCES decision (id);
ALTER TABLE assignment_revision ADD COLUMN decision_id uuid REFERENCES decision (id);

-- The decisions already entered, one row per ministry and number. Where the same number was entered more than once,
-- what a deployment says wins over what an amendment says, and the earliest entry over later ones; signer and
-- subject are taken from the first entry that has them.
CREATE TEMPORARY TABLE entered_decision ON COMMIT DROP AS
SELECT d.ministry_code, d.decision_number AS number, d.decision_date AS signed_on, d.decision_signer AS signer,
       d.decision_subject AS subject, 0 AS source, d.created_at AS entered_at, d.created_by AS entered_by
FROM deployment d
UNION ALL
SELECT d.ministry_code, r.decision_number, r.decision_date, NULL, NULL, 1, r.recorded_at, r.recorded_by
FROM deployment_revision r JOIN deployment d ON d.id = r.deployment_id
WHERE r.decision_number IS NOT NULL AND r.decision_date IS NOT NULL
UNION ALL
SELECT a.ministry_code, r.decision_number, r.decision_date, NULL, NULL, 2, r.recorded_at, r.recorded_by
FROM assignment_revision r JOIN assignment a ON a.id = r.assignment_id
WHERE r.decision_number IS NOT NULL AND r.decision_date IS NOT NULL;

INSERT INTO decision (id, ministry_code, number, signed_on, signer, effective_from, subject, version, created_at,
                      created_by, updated_at, updated_by)
SELECT gen_random_uuid(), first.ministry_code, first.number, first.signed_on,
       (SELECT e.signer FROM entered_decision e WHERE e.ministry_code = first.ministry_code
            AND e.number = first.number AND e.signer IS NOT NULL ORDER BY e.source, e.entered_at LIMIT 1),
       first.signed_on,
       (SELECT e.subject FROM entered_decision e WHERE e.ministry_code = first.ministry_code
            AND e.number = first.number AND e.subject IS NOT NULL ORDER BY e.source, e.entered_at LIMIT 1),
       0, first.entered_at, first.entered_by, now(), 'migration V5'
FROM (SELECT DISTINCT ON (ministry_code, number) *
      FROM entered_decision
      ORDER BY ministry_code, number, source, entered_at) first;

UPDATE deployment d SET decision_id = x.id
FROM decision x WHERE x.ministry_code = d.ministry_code AND x.number = d.decision_number;
UPDATE deployment_revision r SET decision_id = x.id
FROM deployment d, decision x
WHERE d.id = r.deployment_id AND x.ministry_code = d.ministry_code AND x.number = r.decision_number;
UPDATE assignment_revision r SET decision_id = x.id
FROM assignment a, decision x
WHERE a.id = r.assignment_id AND x.ministry_code = a.ministry_code AND x.number = r.decision_number;

-- (a duplicate number entered with another date keeps that date in its own columns: nothing entered is lost)

ALTER TABLE deployment ALTER COLUMN decision_id SET NOT NULL;
CREATE INDEX deployment_revision_decision ON deployment_revision (decision_id);
CREATE INDEX assignment_revision_decision ON assignment_revision (decision_id);

-- One deployment per issuing decision, a cancelled one aside (it frees the decision): now by the decision's id, in
-- place of V4's index by number. As in V4, a database that already holds such duplicates keeps working without
-- the index (the service still refuses new ones): cancel or re-link the duplicates, then create it by hand.
DROP INDEX IF EXISTS deployment_one_per_decision;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM deployment WHERE status <> 'CANCELLED' GROUP BY decision_id HAVING count(*) > 1) THEN
        RAISE WARNING 'deployment_one_decision not created: some decisions order several deployments';
    ELSE
        CREATE UNIQUE INDEX deployment_one_decision ON deployment (decision_id) WHERE status <> 'CANCELLED';
    END IF;
END $$;
