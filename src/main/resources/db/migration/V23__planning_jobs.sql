-- Route planning jobs (issue #7): one solve of a provider's day, its progress, the plan it found and whether it was applied.
create table dispatch_planning_job (
    id                     bigserial primary key,
    provider_id            bigint       not null references region_organisation (id),
    service_date           date         not null,
    kind                   varchar(8)   not null check (kind in ('PLAN', 'REPLAN')),
    status                 varchar(10)  not null check (status in ('QUEUED', 'SOLVING', 'DONE', 'FAILED', 'CANCELLED', 'APPLIED')),
    time_limit_seconds     integer      not null check (time_limit_seconds between 1 and 600),
    -- caregivers (user ids) who cannot work that day (re-plan: "called in sick")
    unavailable_caregivers bigint[]     not null default '{}',
    requested_by           varchar(64)  not null,
    requested_at           timestamptz  not null,
    started_at             timestamptz,
    ended_at               timestamptz,
    best_hard              bigint,
    best_medium            bigint,
    best_soft              bigint,
    -- [{"ms": …, "hard": …, "medium": …, "soft": …}, …] new best scores while solving (throttled)
    progress               jsonb        not null default '[]',
    -- the plan found: routes, unassigned orders with reasons, comparison with the current plan
    result                 jsonb,
    error                  varchar(1000),
    applied_by             varchar(64),
    applied_at             timestamptz,
    check ((status in ('QUEUED', 'SOLVING')) = (ended_at is null))
);

-- one solve per provider and day at a time
create unique index dispatch_planning_job_one_active on dispatch_planning_job (provider_id, service_date)
    where status in ('QUEUED', 'SOLVING');
create index dispatch_planning_job_provider_idx on dispatch_planning_job (provider_id, service_date, id desc);
