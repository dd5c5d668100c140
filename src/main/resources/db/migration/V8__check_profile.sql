-- A check names the rule profile it was made with (national, chongqing…) beside the revision: the revision holds
-- every profile's files, so revision and profile together reproduce the result. Checks stored before profiles
-- existed were made with the base rule book.
alter table report_check add column profile varchar(64);
update report_check set profile = 'national' where profile is null;
