-- Web Push (RFC 8030/8291/8292) for the family's browsers: a new outbound channel, the browsers' push subscriptions
-- per user, which subscriptions a notification already reached (so a retry does not push twice), and the
-- application server's VAPID key pair when none is configured (private key SM4-sealed).
alter table notification_outbox drop constraint notification_outbox_channel_check;
alter table notification_outbox add constraint notification_outbox_channel_check
    check (channel in ('EMERGENCY_120', 'SMS', 'FAMILY_APP', 'COMMUNITY_WORKER', 'WEB_PUSH'));

alter table notification_sim_message drop constraint notification_sim_message_gateway_check;
alter table notification_sim_message add constraint notification_sim_message_gateway_check
    check (gateway in ('EMERGENCY_120', 'SMS', 'WEB_PUSH'));

create table notification_push_subscription (
    id              bigserial primary key,
    user_id         bigint       not null,
    endpoint_hash   varchar(64)  not null unique,   -- SHA-256 hex of the endpoint URL
    endpoint_enc    text         not null,          -- the endpoint URL (a bearer capability), sealed
    p256dh          varchar(100) not null,          -- the browser's P-256 public key, base64url
    auth            varchar(40)  not null,          -- the browser's auth secret, base64url
    user_agent      varchar(200),
    created_at      timestamptz  not null,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    last_error      varchar(300)
);
create index notification_push_subscription_user_idx on notification_push_subscription (user_id);

create table notification_push_delivery (
    outbox_id       bigint       not null references notification_outbox (id),
    subscription_id bigint       not null,
    delivered_at    timestamptz  not null,
    primary key (outbox_id, subscription_id)
);

create table notification_vapid_key (
    id           smallint     primary key check (id = 1),
    public_key   varchar(100) not null,
    private_enc  text         not null,
    created_at   timestamptz  not null
);
