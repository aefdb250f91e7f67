-- Oversight (docs/oversight.md): complaints, follow-up calls, third-party evaluations, ratings, the annual performance
-- score, and the ledgers of visits and orders kept from visit and dispatch events (oversight never reads their tables).

create table oversight_complaint (
    id                 bigserial primary key,
    channel            varchar(20)   not null check (channel in ('HOTLINE', 'FAMILY_PAGE', 'VISIT_DISPUTE', 'FOLLOW_UP_CALL')),
    category           varchar(20)   not null,
    status             varchar(16)   not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'CLOSED')),
    -- jurisdiction: the elder's region path (or the street's when no elder is named)
    region_path        varchar(200)  not null,
    elder_id           bigint,
    provider_id        bigint,
    caregiver_user_id  bigint,
    visit_id           bigint,
    followup_id        bigint,
    complainant_name   varchar(50)   not null,
    -- the complainant's phone, SM4-sealed; the masked form is what lists show
    complainant_phone_enc varchar(400),
    complainant_phone_masked varchar(20),
    description        varchar(2000) not null,
    assignee           varchar(10)   not null check (assignee in ('PROVIDER', 'STREET')),
    filed_at           timestamptz   not null,
    filed_by           varchar(64)   not null,
    filed_by_user_id   bigint        not null,
    ack_due_at         timestamptz   not null,
    resolve_due_at     timestamptz   not null,
    acknowledged_at    timestamptz,
    acknowledged_by    varchar(64),
    resolved_at        timestamptz,
    resolved_by        varchar(64),
    outcome            varchar(16)   check (outcome in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD')),
    resolution         varchar(2000),
    satisfaction       smallint      check (satisfaction between 1 and 5),
    closed_at          timestamptz,
    escalation_level   smallint      not null default 0,
    escalated_at       timestamptz,
    version            integer       not null default 0
);
create unique index oversight_complaint_visit_uq on oversight_complaint (visit_id) where channel = 'VISIT_DISPUTE';
create index oversight_complaint_region_idx on oversight_complaint (region_path varchar_pattern_ops, filed_at desc);
create index oversight_complaint_provider_idx on oversight_complaint (provider_id, filed_at);
create index oversight_complaint_open_idx on oversight_complaint (resolve_due_at) where status in ('OPEN', 'ACKNOWLEDGED');

create table oversight_complaint_event (
    id           bigserial primary key,
    complaint_id bigint        not null references oversight_complaint (id),
    at           timestamptz   not null,
    kind         varchar(20)   not null,
    actor        varchar(64)   not null,
    detail       varchar(2000)
);
create index oversight_complaint_event_idx on oversight_complaint_event (complaint_id, id);

-- completed visits as visit's events told them: verified (billable) and/or flagged at check-out
create table oversight_visit (
    visit_id          bigint primary key,
    order_id          bigint       not null,
    elder_id          bigint       not null,
    region_path       varchar(200) not null,
    provider_id       bigint       not null,
    caregiver_user_id bigint       not null,
    item_code         varchar(40),
    service_date      date         not null,
    flagged           boolean      not null default false,
    verified          boolean      not null default false,
    verified_at       timestamptz
);
create index oversight_visit_provider_idx on oversight_visit (provider_id, service_date);

-- orders as dispatch's events told them: the plan a provider's service volume is measured against
create table oversight_order (
    order_id     bigint primary key,
    elder_id     bigint       not null,
    provider_id  bigint       not null,
    service_date date         not null,
    cancelled    boolean      not null default false
);
create index oversight_order_provider_idx on oversight_order (provider_id, service_date);

-- follow-up calls (回访) on a sample of a provider's verified visits of a month
create table oversight_followup (
    id             bigserial primary key,
    visit_id       bigint       not null unique references oversight_visit (visit_id),
    provider_id    bigint       not null,
    region_path    varchar(200) not null,
    month          date         not null,  -- first day of the sampled month
    sampled_at     timestamptz  not null,
    status         varchar(16)  not null check (status in ('PENDING', 'DONE')),
    outcome        varchar(16)  check (outcome in ('REACHED', 'NO_ANSWER', 'REFUSED', 'WRONG_NUMBER')),
    satisfaction   smallint     check (satisfaction between 1 and 5),
    note           varchar(1000),
    called_at      timestamptz,
    called_by      varchar(64),
    complaint_id   bigint
);
create index oversight_followup_provider_idx on oversight_followup (provider_id, month);
create index oversight_followup_region_idx on oversight_followup (region_path varchar_pattern_ops, month);

-- one sample per provider and month
create table oversight_followup_sample (
    provider_id   bigint      not null,
    month         date        not null,
    verified      integer     not null,
    sampled       integer     not null,
    percent       integer     not null,
    sampled_at    timestamptz not null,
    sampled_by    varchar(64) not null,
    primary key (provider_id, month)
);

create table oversight_evaluation (
    id            bigserial primary key,
    provider_id   bigint        not null,
    evaluator     varchar(100)  not null,
    evaluated_on  date          not null,
    score         numeric(4, 1) not null check (score between 0 and 100),
    findings      varchar(4000) not null,
    recorded_at   timestamptz   not null,
    recorded_by   varchar(64)   not null
);
create index oversight_evaluation_provider_idx on oversight_evaluation (provider_id, evaluated_on);

-- star (1–5) and credit (A/B/C/D) ratings of a provider; the latest row is the current rating
create table oversight_rating (
    id           bigserial primary key,
    provider_id  bigint       not null,
    stars        smallint     not null check (stars between 1 and 5),
    credit       varchar(2)   not null check (credit in ('A', 'B', 'C', 'D')),
    reason       varchar(1000) not null,
    rated_at     timestamptz  not null,
    rated_by     varchar(64)  not null
);
create index oversight_rating_provider_idx on oversight_rating (provider_id, rated_at desc);

create table oversight_score (
    provider_id   bigint        not null,
    year          integer       not null,
    score         numeric(4, 1) not null check (score between 0 and 100),
    breakdown     jsonb         not null,
    computed_at   timestamptz   not null,
    computed_by   varchar(64)   not null,
    primary key (provider_id, year)
);
