-- Audits: a district's reports uploaded at once and checked in the background.
-- The audit_file table is also the work queue: workers of any service instance claim rows with
-- SELECT ... FOR UPDATE SKIP LOCKED and hold them under a lease (owner + expiry); a row whose lease expired
-- (its instance died) is claimed again. A file is finished in the transaction that stores its check.

-- Uploaded bytes, stored once per content (a re-run or a later audit of the same file reuses them).
create table file_content (
    sha256      varchar(64) primary key,
    byte_count  bigint      not null,
    bytes       bytea       not null
);

create table audit (
    id          uuid primary key,
    name        varchar(200),
    created_at  timestamptz not null default now(),
    rerun_of    uuid references audit (id),
    file_count  integer     not null
);
create index audit_created_at on audit (created_at);
create index audit_rerun_of on audit (rerun_of);

create table audit_file (
    id               bigint generated always as identity primary key,
    audit_id         uuid         not null references audit (id) on delete cascade,
    seq              integer      not null,   -- order of upload within the audit, from 1
    path             varchar(1000) not null,  -- file name, or path inside the uploaded zip
    sha256           varchar(64)  not null references file_content (sha256),
    byte_count       bigint       not null,
    state            varchar(16)  not null check (state in ('queued', 'running', 'done', 'failed', 'duplicate')),
    duplicate_of     bigint references audit_file (id),
    attempts         integer      not null default 0,
    lease_owner      varchar(120),
    lease_expires_at timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    error_code       varchar(64),
    error_message    text,
    check_id         uuid unique references report_check (id),
    unit_key         varchar(200),             -- normalised unit name, for history across audits
    year             integer,
    unique (audit_id, seq)
);
create index audit_file_pending on audit_file (id) where state in ('queued', 'running');
create index audit_file_audit_state on audit_file (audit_id, state);
create index audit_file_unit_year on audit_file (unit_key, year) where unit_key is not null;

-- A check made for an audit file; unique, so that a file is never checked into two stored checks.
alter table report_check add column audit_file_id bigint unique references audit_file (id);
