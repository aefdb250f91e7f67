-- Outbound notifications (notification module): the outbox every notification goes through, retried until the
-- channel acknowledges it. Recipient and content are SM4-sealed (<keyId>:<base64>); the masked recipient is for display.
create table notification_outbox (
    id               bigserial primary key,
    channel          varchar(24)  not null check (channel in ('EMERGENCY_120', 'SMS', 'FAMILY_APP', 'COMMUNITY_WORKER')),
    recipient_enc    text         not null,
    recipient_masked varchar(64)  not null,
    recipient_user   bigint,
    content_enc      text         not null,
    reference        varchar(120),
    region_path      varchar(512),
    urgent           boolean      not null,
    status           varchar(16)  not null check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED_RETRYING', 'FAILING', 'GAVE_UP')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    locked_until     timestamptz,
    last_error       varchar(500),
    channel_ref      varchar(120),
    enqueued_at      timestamptz  not null,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz
);
-- what the poller looks at: due retries and rows a crashed node left behind
create index notification_outbox_due_idx on notification_outbox (next_attempt_at)
    where status in ('PENDING', 'SENDING', 'FAILED_RETRYING', 'FAILING');
create index notification_outbox_reference_idx on notification_outbox (reference);
create index notification_outbox_region_idx on notification_outbox (region_path varchar_pattern_ops, id);
create index notification_outbox_enqueued_idx on notification_outbox (enqueued_at);

-- In-app inboxes of users (family members, community workers): written when FAMILY_APP / COMMUNITY_WORKER
-- notifications are delivered; one entry per outbox row (the outbox id is the idempotency key).
create table notification_inbox (
    id          bigserial primary key,
    user_id     bigint       not null,
    outbox_id   bigint       not null unique references notification_outbox (id),
    channel     varchar(24)  not null,
    content_enc text         not null,
    link        varchar(300),
    reference   varchar(120),
    urgent      boolean      not null,
    created_at  timestamptz  not null,
    read_at     timestamptz
);
create index notification_inbox_user_idx on notification_inbox (user_id, id desc);

-- What the demo profile's simulated 120 centre and SMS gateway received (only written by the simulators).
create table notification_sim_message (
    id              bigserial primary key,
    gateway         varchar(16)  not null check (gateway in ('EMERGENCY_120', 'SMS')),
    idempotency_key varchar(120) not null,
    external_id     varchar(64)  not null,
    payload         text         not null,
    received_at     timestamptz  not null,
    unique (gateway, idempotency_key)
);
create index notification_sim_message_recent_idx on notification_sim_message (gateway, id desc);
