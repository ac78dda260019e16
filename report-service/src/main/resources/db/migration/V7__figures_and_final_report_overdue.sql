-- The side-by-side figures group a range of weeks across every ministry: reach the weeks' reports by week.
CREATE INDEX weekly_report_week ON weekly_report (week_start, assignment_id);

-- A final report past its deadline is announced overdue once, like a weekly report.
ALTER TABLE final_report ADD COLUMN overdue_announced_at timestamptz;
UPDATE final_report SET overdue_announced_at = now() WHERE due_at < now();
CREATE INDEX final_report_to_announce_overdue ON final_report (due_at)
    WHERE status IN ('DUE', 'DRAFT', 'RETURNED') AND overdue_announced_at IS NULL;
