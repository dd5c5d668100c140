-- Every revision of the rules that ever went live, with its files, so any stored check can be reproduced.
create table rule_revision (
    revision      varchar(64) primary key,
    activated_at  timestamptz not null,
    files         text        not null, -- JSON object: path relative to the rules dir -> content
    item_count    integer     not null
);

-- One check of one report.
create table report_check (
    id            uuid primary key,
    checked_at    timestamptz  not null,
    sha256        varchar(64)  not null,
    file_name     varchar(500),
    source_format varchar(16)  not null,
    title         text,
    unit          varchar(200),
    year          integer,
    published_on  date,
    score         numeric(5, 1) not null,
    grade         varchar(8)   not null,
    revision      varchar(64)  not null references rule_revision (revision),
    report_text   text         not null,
    result        text         not null  -- the JSON answer exactly as the API first returned it
);
create index report_check_sha256 on report_check (sha256);
create index report_check_unit_year on report_check (unit, year);

-- The statuses of a check, one row per item, for queries across checks (items that fail most, history per unit).
create table check_item (
    check_id  uuid        not null references report_check (id) on delete cascade,
    item_id   varchar(100) not null,
    status    varchar(16) not null,
    severity  varchar(16) not null,
    weight    integer     not null,
    primary key (check_id, item_id)
);
create index check_item_item_status on check_item (item_id, status);
