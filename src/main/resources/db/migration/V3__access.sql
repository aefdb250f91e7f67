create table access_user (
    id                  bigserial primary key,
    username            varchar(64)  not null unique,
    display_name        varchar(100) not null,
    password_hash       varchar(200) not null,
    home_node_id        bigint       not null references region_node (id),
    organisation_id     bigint references region_organisation (id),
    enabled             boolean      not null default true,
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz  not null default now(),
    created_at          timestamptz  not null default now(),
    version             integer      not null default 0
);
create index access_user_home_node_idx on access_user (home_node_id);

create table access_user_role (
    user_id bigint      not null references access_user (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table access_api_token (
    id           bigserial primary key,
    token_hash   char(64)    not null unique,
    user_id      bigint      not null references access_user (id) on delete cascade,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index access_api_token_user_idx on access_api_token (user_id);
