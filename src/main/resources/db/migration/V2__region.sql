-- Region tree (city -> district -> street -> community -> residential complex) and organisations.
create table region_node (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    name_en     varchar(100),
    level       varchar(16)  not null check (level in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'COMPLEX')),
    parent_id   bigint references region_node (id),
    -- materialised path of ids, e.g. /1/4/17/ ; every jurisdiction check is a prefix match on it
    path        varchar(512) not null unique,
    latitude    double precision,
    longitude   double precision,
    version     integer      not null default 0
);
create index region_node_path_idx on region_node (path varchar_pattern_ops);
create index region_node_parent_idx on region_node (parent_id);

create table region_organisation (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(200) not null,
    type        varchar(32)  not null check (type in ('SERVICE_PROVIDER', 'STREET_CENTRE', 'COMMUNITY_CENTRE', 'SERVICE_POINT', 'CIVIL_AFFAIRS')),
    node_id     bigint       not null references region_node (id),
    phone       varchar(32),
    address     varchar(300),
    active      boolean      not null default true,
    version     integer      not null default 0
);
create index region_organisation_node_idx on region_organisation (node_id);
