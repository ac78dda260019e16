-- Recording the past (issue 19): a coordinator or ministry admin enters what already happened with its real dates.
-- Each record keeps who entered a past fact and when, beside those dates; null for what was recorded as it happened.
ALTER TABLE weekly_report ADD COLUMN entered_by varchar(100), ADD COLUMN entered_at timestamptz;
ALTER TABLE final_report ADD COLUMN entered_by varchar(100), ADD COLUMN entered_at timestamptz;
ALTER TABLE field_visit ADD COLUMN entered_by varchar(100), ADD COLUMN entered_at timestamptz;
ALTER TABLE locality_issue ADD COLUMN entered_by varchar(100), ADD COLUMN entered_at timestamptz;
ALTER TABLE issue_history ADD COLUMN entered_by varchar(100), ADD COLUMN entered_at timestamptz;

-- The sweeps announce only deadlines that pass while the platform watches: a report whose deadline (or week start,
-- for "due") was past when its row was created is marked, without an event, by the sweep itself (ReportDeadlines).
