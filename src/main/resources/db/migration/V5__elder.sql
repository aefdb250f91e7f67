create table elder (
    id                  bigserial primary key,
    name                varchar(50)  not null,
    sex                 varchar(8)   not null,
    birth_date          date         not null,
    id_number_enc       text         not null,
    id_number_idx       char(64)     not null unique,
    id_number_masked    varchar(20)  not null,
    phone_enc           text,
    phone_idx           char(64),
    phone_masked        varchar(20),
    address_enc         text,
    address_masked      varchar(200),
    hukou               varchar(100),
    community_id        bigint       not null references region_node (id),
    complex_id          bigint references region_node (id),
    region_path         varchar(512) not null,
    latitude            double precision,
    longitude           double precision,
    living_situation    varchar(16)  not null,
    economic_category   varchar(24)  not null,
    lost_only_child     boolean      not null default false,
    special_contribution boolean     not null default false,
    health_enc          text,
    status              varchar(16)  not null default 'ACTIVE',
    status_changed_on   date,
    community_worker_id bigint,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             integer      not null default 0
);
create index elder_region_path_idx on elder (region_path varchar_pattern_ops);
create index elder_name_idx on elder (name varchar_pattern_ops);
create index elder_phone_idx on elder (phone_idx);
create index elder_community_idx on elder (community_id);
create index elder_birth_date_idx on elder (birth_date);

create table elder_contact (
    id           bigserial primary key,
    elder_id     bigint      not null references elder (id) on delete cascade,
    kind         varchar(16) not null check (kind in ('EMERGENCY', 'FAMILY')),
    name         varchar(50) not null,
    relation     varchar(20) not null,
    phone_enc    text,
    phone_masked varchar(20),
    user_id      bigint,
    position     integer     not null default 0
);
create index elder_contact_elder_idx on elder_contact (elder_id);
create index elder_contact_user_idx on elder_contact (user_id) where user_id is not null;

create table elder_import_job (
    id             uuid primary key,
    created_by     varchar(64)  not null,
    created_at     timestamptz  not null,
    scope_path     varchar(512) not null,
    file_name      varchar(300) not null,
    mode           varchar(24)  not null,
    status         varchar(16)  not null,
    total_rows     integer      not null default 0,
    processed_rows integer      not null default 0,
    imported_rows  integer      not null default 0,
    errors         text,
    file           bytea        not null,
    rejects        bytea,
    message        varchar(1000),
    finished_at    timestamptz
);
