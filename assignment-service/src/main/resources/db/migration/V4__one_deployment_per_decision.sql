-- A decision orders one deployment of its ministry: a second deployment cannot claim a decision another one holds
-- (a cancelled one aside: the number may then be used again). The service checks it first and names the holder;
-- this index settles two requests racing past the check. A database that already holds such duplicates (entered
-- before this rule) keeps working without the index: cancel or renumber the duplicates, then create it by hand with
-- the statement below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM deployment WHERE status <> 'CANCELLED'
               GROUP BY ministry_code, decision_number HAVING count(*) > 1) THEN
        RAISE WARNING 'deployment_one_per_decision not created: some decisions order several deployments';
    ELSE
        CREATE UNIQUE INDEX deployment_one_per_decision ON deployment (ministry_code, decision_number)
            WHERE status <> 'CANCELLED';
    END IF;
END $$;
