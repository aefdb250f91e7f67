-- Alarms raised by the home-device rules, their timeline, per-elder vital-sign thresholds, the rules' persistent
-- state (consecutive readings, out of bed since), the last activity per elder (inactivity rule) and the alarm
-- centre's responders (who can be dispatched, where they are).
create table monitoring_alarm (
    id                bigserial primary key,
    type              varchar(32)  not null,
    severity          varchar(16)  not null check (severity in ('CRITICAL', 'HIGH', 'LOW')),
    status            varchar(16)  not null check (status in ('RAISED', 'NOTIFIED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESOLVED', 'FALSE_ALARM')),
    -- what repeated triggers merge on while the alarm is open: type + elder (or + device for device faults)
    dedup_key         varchar(200) not null,
    elder_id          bigint,
    elder_name        varchar(50),
    device_id         bigint,
    device_serial     varchar(64),
    device_type       varchar(32),
    room              varchar(64),
    -- the elder's (or the device's) place in the region tree: every query is scoped on it
    region_path       varchar(512) not null,
    summary           varchar(300) not null,
    details           jsonb,
    trigger_count     integer      not null default 1,
    occurred_at       timestamptz  not null,  -- the device's publish time of the first trigger
    received_at       timestamptz  not null,  -- when the platform received it
    raised_at         timestamptz  not null,
    last_triggered_at timestamptz  not null,
    notified_at       timestamptz,
    acknowledged_at   timestamptz,
    acknowledged_by   varchar(64),
    dispatched_at     timestamptz,
    dispatched_by     varchar(64),
    responder_id      bigint,
    responder_name    varchar(100),
    responder_km      double precision,
    closed_at         timestamptz,
    closed_by         varchar(64),
    outcome           varchar(24),
    note              varchar(1000),
    escalation_level  integer      not null default 0,
    next_escalation_at timestamptz,
    updated_at        timestamptz  not null,
    version           integer      not null default 0
);
create unique index monitoring_alarm_open_key on monitoring_alarm (dedup_key) where status not in ('RESOLVED', 'FALSE_ALARM');
create index monitoring_alarm_region_idx on monitoring_alarm (region_path varchar_pattern_ops, raised_at desc);
create index monitoring_alarm_elder_idx on monitoring_alarm (elder_id, raised_at desc);
create index monitoring_alarm_open_idx on monitoring_alarm (severity, raised_at) where status not in ('RESOLVED', 'FALSE_ALARM');
create index monitoring_alarm_escalation_idx on monitoring_alarm (next_escalation_at) where next_escalation_at is not null;
create index monitoring_alarm_updated_idx on monitoring_alarm (updated_at);

create table monitoring_alarm_event (
    id       bigserial primary key,
    alarm_id bigint       not null references monitoring_alarm (id),
    at       timestamptz  not null,
    kind     varchar(32)  not null,
    actor    varchar(64)  not null,
    detail   varchar(1000)
);
create index monitoring_alarm_event_alarm_idx on monitoring_alarm_event (alarm_id, id);

create table monitoring_vital_threshold (
    elder_id           bigint primary key,
    heart_rate_min     integer not null,
    heart_rate_max     integer not null,
    breathing_rate_min integer not null,
    breathing_rate_max integer not null,
    spo2_min           integer not null,
    systolic_min       integer not null,
    systolic_max       integer not null,
    diastolic_min      integer not null,
    diastolic_max      integer not null,
    updated_at         timestamptz not null,
    updated_by         varchar(64) not null,
    version            integer not null default 0
);

create table monitoring_rule_state (
    device_id  bigint      not null,
    rule       varchar(32) not null,
    counter    integer     not null default 0,
    since      timestamptz,
    fired      boolean     not null default false,
    updated_at timestamptz not null,
    primary key (device_id, rule)
);
create index monitoring_rule_state_since_idx on monitoring_rule_state (rule, since) where since is not null and not fired;

create table monitoring_activity (
    elder_id         bigint primary key,
    last_activity_at timestamptz not null,
    region_path      varchar(512)
);
create index monitoring_activity_last_idx on monitoring_activity (last_activity_at);

create table monitoring_responder (
    user_id      bigint primary key,
    username     varchar(64)  not null,
    display_name varchar(100) not null,
    kind         varchar(16)  not null check (kind in ('STAFF', 'VOLUNTEER', 'COMMUNITY_WORKER')),
    region_path  varchar(512) not null,
    latitude     double precision not null,
    longitude    double precision not null,
    on_duty      boolean      not null default true,
    position_at  timestamptz  not null
);
create index monitoring_responder_region_idx on monitoring_responder (region_path varchar_pattern_ops);
