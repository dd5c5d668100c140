-- The uploaded .docx of a single check, so the unit can have its own Word file back with the findings as comments
-- (an audit file's bytes are already in file_content through audit_file.sha256). Only .docx is kept: for any other
-- format the annotated file is a new document made from the checked text.
alter table report_check add column file_sha256 varchar(64) references file_content (sha256);

-- Inspectors' verdicts on findings: a finding of a stored check accepted, or judged wrong with a reason. A verdict
-- belongs to the finding, not to one check: the same text (text_fingerprint, any file format) checked again shows it
-- again while the finding is the same (finding_key: item, status, message and quoted passages, not offsets). The
-- latest verdict on a finding replaces the earlier one; check_id is the check it was given on.
create table finding_verdict (
    id               bigint generated always as identity primary key,
    text_fingerprint varchar(64)  not null,
    item_id          varchar(100) not null,
    finding_key      varchar(64)  not null,
    check_id         uuid         not null references report_check (id) on delete cascade,
    verdict          varchar(16)  not null check (verdict in ('accepted', 'wrong')),
    reason           text,
    decided_by       varchar(100) not null,
    decided_at       timestamptz  not null,
    unique (text_fingerprint, finding_key)
);
create index finding_verdict_item on finding_verdict (item_id, decided_at desc);
