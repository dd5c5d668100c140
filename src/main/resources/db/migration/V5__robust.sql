-- Audits never lose work to transient trouble (issue 9): a file refused for a reason that is not its own (the
-- service busy, the database gone, a timeout under load) goes back to the queue and waits until not_before;
-- retries counts those releases (for the backoff), apart from attempts (claims that may have crashed a worker).
alter table audit_file add column not_before timestamptz;
alter table audit_file add column retries integer not null default 0;
