-- Daily automated voice calls (PLATFORM.md §4 "visits"): one task per elder per day (Asia/Shanghai date), its attempts,
-- and the urgent home visits requested after three consecutive unanswered days (one per streak).

create table voice_call_task (
    id                   bigserial    primary key,
    elder_id             bigint       not null,
    call_date            date         not null,
    elder_name           varchar(100) not null,
    region_path          varchar(200) not null,
    community_id         bigint       not null,
    care_plan_id         bigint,
    -- PENDING (attempts left), ANSWERED, UNANSWERED (rang, never answered), FAILED (never reached the phone network)
    status               varchar(12)  not null default 'PENDING'
        check (status in ('PENDING', 'ANSWERED', 'UNANSWERED', 'FAILED')),
    attempts             integer      not null default 0 check (attempts >= 0),
    last_outcome         varchar(12)  check (last_outcome in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED')),
    keypad               varchar(8),
    last_error           varchar(300),
    need_help            boolean      not null default false,
    created_at           timestamptz  not null,
    first_attempt_at     timestamptz,
    last_attempt_at      timestamptz,
    calling_since        timestamptz,
    answered_at          timestamptz,
    closed_at            timestamptz,
    help_requested_at    timestamptz,
    unique (elder_id, call_date)
);
create index voice_call_task_date_idx on voice_call_task (call_date, status);
create index voice_call_task_region_idx on voice_call_task (call_date, region_path varchar_pattern_ops);

create table voice_call_attempt (
    id           bigserial    primary key,
    task_id      bigint       not null references voice_call_task (id),
    attempt      integer      not null,
    outcome      varchar(12)  not null check (outcome in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED')),
    keypad       varchar(8),
    call_id      varchar(64),
    error        varchar(300),
    placed_at    timestamptz  not null,
    ended_at     timestamptz  not null,
    unique (task_id, attempt)
);

-- one urgent request per streak of unanswered days: the streak is identified by its first date
create table voice_call_alert (
    id            bigserial    primary key,
    elder_id      bigint       not null,
    first_date    date         not null,
    last_date     date         not null,
    days          integer      not null,
    requested_at  timestamptz  not null,
    unique (elder_id, first_date)
);
