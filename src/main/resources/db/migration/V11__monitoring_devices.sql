-- Home devices, their raw messages (time-partitioned), de-duplication, rejected messages and commands.

create table monitoring_device (
    id                bigserial primary key,
    serial            varchar(64)  not null unique,
    type              varchar(24)  not null,
    elder_id          bigint,
    -- copied from the elder for jurisdiction scoping (null for a device not bound to a home)
    region_path       varchar(512),
    room              varchar(50),
    installed_on      date,
    firmware          varchar(64),
    -- SM3 (hex) of the device's random MQTT/HTTP secret; the secret itself is shown once
    secret_hash       char(64)     not null,
    gateway_id        bigint references monitoring_device (id),
    status            varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    last_heartbeat_at timestamptz,
    last_seen_at      timestamptz,
    battery_pct       integer,
    created_at        timestamptz  not null default now(),
    created_by        varchar(64),
    secret_reset_at   timestamptz,
    retired_at        timestamptz
);
create index monitoring_device_elder_idx on monitoring_device (elder_id);
create index monitoring_device_region_idx on monitoring_device (region_path varchar_pattern_ops);
create index monitoring_device_gateway_idx on monitoring_device (gateway_id) where gateway_id is not null;

-- Raw device messages. Partitioned by day of receipt; TelemetryPartitions creates partitions ahead and drops
-- those past the retention. The default partition catches anything outside the prepared days.
create table monitoring_telemetry (
    device_id   bigint       not null,
    elder_id    bigint,
    kind        varchar(16)  not null,
    event       varchar(32),
    "values"    jsonb        not null default '{}',
    occurred_at timestamptz  not null,
    received_at timestamptz  not null,
    message_id  varchar(100) not null
) partition by range (received_at);
create table monitoring_telemetry_default partition of monitoring_telemetry default;
create index monitoring_telemetry_device_idx on monitoring_telemetry (device_id, received_at desc);
create index monitoring_telemetry_elder_idx on monitoring_telemetry (elder_id, received_at desc);

-- Same device + same message id is processed once.
create table monitoring_message_seen (
    device_id  bigint       not null,
    message_id varchar(100) not null,
    seen_at    timestamptz  not null,
    primary key (device_id, message_id)
);
create index monitoring_message_seen_at_idx on monitoring_message_seen using brin (seen_at);

-- Messages the ingest refused (bad JSON, unknown device, missing or mistyped fields), acknowledged and kept here.
create table monitoring_rejected_message (
    id          bigserial primary key,
    received_at timestamptz  not null,
    source      varchar(8)   not null,
    topic       varchar(300),
    serial      varchar(64),
    reason      varchar(32)  not null,
    detail      varchar(500),
    payload     text
);
create index monitoring_rejected_received_idx on monitoring_rejected_message (received_at desc);

-- Commands to devices (e.g. close the gas valve): persisted, then published QoS 1 on the device's command topic.
create table monitoring_command (
    id         bigserial primary key,
    device_id  bigint       not null references monitoring_device (id),
    serial     varchar(64)  not null,
    command    varchar(40)  not null,
    args       jsonb        not null default '{}',
    status     varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts   integer      not null default 0,
    error      varchar(300),
    created_at timestamptz  not null,
    sent_at    timestamptz
);
create index monitoring_command_pending_idx on monitoring_command (created_at) where status = 'PENDING';
create index monitoring_command_device_idx on monitoring_command (device_id, created_at desc);
