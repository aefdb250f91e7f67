-- Dispatch (PLATFORM.md §6): service orders and their history.
create table dispatch_order (
    id                     bigserial primary key,
    elder_id               bigint       not null references elder (id),
    elder_name             varchar(50)  not null,
    region_path            varchar(512) not null,
    item_code              varchar(32)  not null,
    item_name              varchar(100) not null,
    service_date           date         not null,
    window_start           timestamptz  not null,
    window_end             timestamptz  not null,
    duration_minutes       integer      not null check (duration_minutes > 0),
    -- window_start + duration: the caregiver is busy over [window_start, busy_until)
    busy_until             timestamptz  not null,
    quantity               integer      not null check (quantity >= 1),
    unit_price_fen         bigint       not null check (unit_price_fen >= 0),
    required_qualification varchar(24)  not null,
    min_caregiver_level    varchar(16),
    priority               varchar(8)   not null check (priority in ('URGENT', 'RED', 'ORANGE', 'YELLOW', 'GREEN')),
    -- 0 = URGENT … 4 = GREEN: lists sort on it (red first)
    priority_rank          smallint     not null,
    provider_id            bigint       not null references region_organisation (id),
    source                 varchar(16)  not null check (source in ('CARE_PLAN', 'BOOKING', 'STAFF', 'URGENT')),
    care_plan_id           bigint references careplan (id),
    plan_line              integer,
    occurrence             integer,
    status                 varchar(12)  not null check (status in ('PENDING', 'ACCEPTED', 'ASSIGNED', 'REFUSED', 'CANCELLED')),
    caregiver_user_id      bigint,
    refusal_reason         varchar(500),
    cancel_reason          varchar(500),
    note                   varchar(500),
    urgent_reason          varchar(64),
    urgent_reference       varchar(200),
    booked_by_user_id      bigint,
    created_at             timestamptz  not null,
    created_by             varchar(64)  not null,
    updated_at             timestamptz  not null,
    row_version            integer      not null default 0,
    check (window_end > window_start),
    check ((status = 'ASSIGNED') = (caregiver_user_id is not null)),
    check ((care_plan_id is null) = (source <> 'CARE_PLAN'))
);

-- a plan line's occurrence on a day exists once: regenerating is idempotent (insert … on conflict do nothing)
create unique index dispatch_order_plan_occurrence on dispatch_order (care_plan_id, plan_line, service_date, occurrence)
    where care_plan_id is not null;
-- an urgent request is turned into an order once, and an elder has at most one open urgent order per reason
create unique index dispatch_order_urgent_reference on dispatch_order (urgent_reference) where urgent_reference is not null;
create unique index dispatch_order_open_urgent on dispatch_order (elder_id, urgent_reason)
    where source = 'URGENT' and status in ('PENDING', 'ACCEPTED', 'ASSIGNED', 'REFUSED');

create index dispatch_order_provider_idx on dispatch_order (provider_id, window_start);
create index dispatch_order_caregiver_idx on dispatch_order (caregiver_user_id, window_start) where caregiver_user_id is not null;
create index dispatch_order_elder_idx on dispatch_order (elder_id, window_start);
create index dispatch_order_plan_idx on dispatch_order (care_plan_id, window_start) where care_plan_id is not null;
create index dispatch_order_region_idx on dispatch_order (region_path varchar_pattern_ops, window_start);
create index dispatch_order_status_idx on dispatch_order (status, window_start) where status in ('PENDING', 'REFUSED');

-- who did what to an order, when
create table dispatch_order_event (
    id        bigserial primary key,
    order_id  bigint       not null references dispatch_order (id),
    at        timestamptz  not null,
    actor     varchar(64)  not null,
    action    varchar(16)  not null,
    detail    varchar(600)
);
create index dispatch_order_event_order_idx on dispatch_order_event (order_id, id);
