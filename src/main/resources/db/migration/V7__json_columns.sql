-- JSON kept as JSON: Hibernate maps these columns to their Java types (a revision's files, a check's answer).
alter table rule_revision alter column files type jsonb using files::jsonb;
alter table report_check alter column result type jsonb using result::jsonb;
