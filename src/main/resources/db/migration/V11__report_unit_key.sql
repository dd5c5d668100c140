-- The unit a stored report is about, as the key that matches a unit across years (UnitNames.normalise: 关坝镇人民政府
-- and 关坝镇 are one), so that a check finds the same unit's report of the year before. report_check.unit keeps the
-- name as the report wrote it. Rows stored before this column are filled in by the service when it starts
-- (PreviousReports): the key is computed in Java, by the one reader of unit names.
alter table report_check add column unit_key varchar(200);
create index report_check_unit_key_year on report_check (unit_key, year, checked_at desc);
