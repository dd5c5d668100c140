-- Who may sign in, with which roles. A unit user is bound to one unit (unit_key is its normalised name, the key
-- audits and checks are matched by). Passwords are bcrypt hashes in modular crypt format.
create table app_user (
    name          varchar(100) primary key,
    password_hash varchar(100) not null,
    roles         varchar(200) not null,            -- comma-separated: unit, inspector, rule-author, admin
    unit          varchar(200),
    unit_key      varchar(200),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

-- Who made a check: a signed-in user (and the unit it was bound to at the time), or nobody (an anonymous
-- self-check, readable only by whoever holds its id). Checks made for audits have neither: they are the inspectors'.
alter table report_check add column owner varchar(100);
alter table report_check add column owner_unit_key varchar(200);
create index report_check_owner_unit_key on report_check (owner_unit_key, checked_at);
create index report_check_owner on report_check (owner, checked_at);
