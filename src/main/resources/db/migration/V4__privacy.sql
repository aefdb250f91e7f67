-- Append-only, SM3 hash-chained audit log of sensitive reads and of every change.
create table privacy_audit_log (
    id           bigserial primary key,
    occurred_at  timestamptz  not null,
    actor_id     bigint,
    actor_name   varchar(64)  not null,
    action       varchar(32)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64),
    fields       varchar(300),
    purpose      varchar(500),
    detail       varchar(2000),
    prev_hash    char(64)     not null,
    hash         char(64)     not null unique
);
create index privacy_audit_subject_idx on privacy_audit_log (subject_type, subject_id);
create index privacy_audit_actor_idx on privacy_audit_log (actor_name, occurred_at);
create index privacy_audit_time_idx on privacy_audit_log (occurred_at);

create function privacy_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'privacy_audit_log is append-only';
end;
$$;
create trigger privacy_audit_log_no_update before update or delete on privacy_audit_log
    for each row execute function privacy_audit_log_append_only();
create trigger privacy_audit_log_no_truncate before truncate on privacy_audit_log
    for each statement execute function privacy_audit_log_append_only();

-- Informed consent (知情同意) records per elder.
create table privacy_consent (
    id          bigserial primary key,
    elder_id    bigint       not null,
    scope       varchar(32)  not null,
    granted_on  date         not null,
    signer_type varchar(16)  not null check (signer_type in ('ELDER', 'GUARDIAN')),
    signer_name varchar(50)  not null,
    revoked_on  date,
    recorded_by varchar(64)  not null,
    recorded_at timestamptz  not null default now()
);
create index privacy_consent_elder_idx on privacy_consent (elder_id);
