-- Many instances on one database (issue 16).

-- The one revision every instance serves. A single row: activating a revision (a folder change on the rules owner,
-- an upload) replaces it, and the trigger tells every listening instance at once (LISTEN rules_active); instances
-- also read it on a slow poll in case a notification was missed (a dropped listener connection).
create table rule_active (
    id            boolean primary key default true check (id),
    revision      varchar(64) not null references rule_revision (revision),
    activated_at  timestamptz not null,
    activated_by  varchar(120) not null, -- the instance that activated it
    source        varchar(200) not null  -- what activated it (the rules folder, an upload by whom)
);

create function notify_rule_active() returns trigger language plpgsql as $$
begin
    perform pg_notify('rules_active', new.revision);
    return null;
end $$;
create trigger rule_active_changed after insert or update on rule_active
    for each row execute function notify_rule_active();

-- Files arriving wake idle workers of every instance (LISTEN audit_work); the poll stays as the fallback. One
-- notification per inserting statement, however many files it queued.
create function notify_audit_work() returns trigger language plpgsql as $$
begin
    perform pg_notify('audit_work', '');
    return null;
end $$;
create trigger audit_file_arrived after insert on audit_file
    for each statement execute function notify_audit_work();

-- Every claim of an audit file: which instance, when, and how it ended. Kept by a trigger on audit_file, so that
-- whatever path changes a file's state (claim, take-over of an expired lease, finish, failure, retry, release)
-- leaves its trace the same way.
create table audit_file_attempt (
    id          bigint generated always as identity primary key,
    file_id     bigint       not null references audit_file (id) on delete cascade,
    owner       varchar(120) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    outcome     varchar(80)  -- done, duplicate, failed:<code>, retry:<code>, released, lease-expired; null while running
);
create index audit_file_attempt_file on audit_file_attempt (file_id, id);

create function track_audit_attempt() returns trigger language plpgsql as $$
begin
    if old.state = 'running' and (new.state <> 'running' or new.lease_owner is distinct from old.lease_owner) then
        update audit_file_attempt
           set finished_at = now(),
               outcome = case
                   when new.state = 'running' then 'lease-expired'
                   when new.state in ('done', 'duplicate') then new.state
                   when new.state = 'failed' then left('failed:' || coalesce(new.error_code, ''), 80)
                   when new.retries > old.retries then left('retry:' || coalesce(new.error_code, ''), 80)
                   else 'released' end
         where id = (select max(id) from audit_file_attempt where file_id = old.id and finished_at is null);
    end if;
    if new.state = 'running' and (old.state <> 'running' or new.lease_owner is distinct from old.lease_owner) then
        insert into audit_file_attempt (file_id, owner, started_at) values (new.id, new.lease_owner, now());
    end if;
    return null;
end $$;
create trigger audit_file_attempts after update of state, lease_owner on audit_file
    for each row execute function track_audit_attempt();
