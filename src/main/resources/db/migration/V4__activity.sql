-- The audit trail: who did what, when, from where, with which rule revision live, and how it ended.
-- Written by tijian.activity.ActivityLog; read by admins at GET /api/activity. Rows are only ever inserted.
create table activity (
    id              bigint generated always as identity primary key,
    at              timestamptz  not null,
    actor           varchar(200),            -- user name; null for an anonymous caller; "rules-folder" for the watcher
    roles           varchar(500),            -- the actor's roles at that moment, comma-separated
    action          varchar(64)  not null,   -- check.create, audit.create, audit.export, rules.put, rules.activate, user.…
    target          varchar(1000),           -- what it was done to: a check or audit id, a rule file, a revision, a user
    detail          text,                    -- the outcome in a few words, or the refusal's code and reason
    remote_address  varchar(100),
    revision        varchar(64),             -- the rule revision live at that moment
    status          integer                  -- the HTTP status answered (null for actions without a request)
);
create index activity_at on activity (at desc, id desc);
create index activity_actor_at on activity (actor, at desc);
create index activity_action_at on activity (action, at desc);
