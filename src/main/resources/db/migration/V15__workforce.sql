-- Workforce: the caregiver profile behind a CAREGIVER user account (qualifications, skill level, enrolled face photo
-- for visit verification, home base) and blacklist entries (PLATFORM.md §9).
create table workforce_caregiver (
    user_id               bigint primary key references access_user (id),
    provider_id           bigint       not null references region_organisation (id),
    level                 varchar(16),
    qualifications        varchar(32)[] not null default '{}',
    base_lat              double precision,
    base_lon              double precision,
    face_photo_enc        text,
    face_enrolled_at      timestamptz,
    background_checked_on date,
    active                boolean      not null default true,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    version               integer      not null default 0
);
create index workforce_caregiver_provider_idx on workforce_caregiver (provider_id);

create table workforce_blacklist (
    id            bigserial primary key,
    user_id       bigint       not null references access_user (id),
    status        varchar(16)  not null check (status in ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    reason        varchar(500) not null,
    reference     varchar(120) not null,
    proposed_at   timestamptz  not null,
    proposed_by   varchar(64)  not null,
    decided_at    timestamptz,
    decided_by    varchar(64),
    decision_note varchar(500)
);
-- one entry per caregiver and cause (a repeated proposal for the same confirmed fraud is the same entry)
create unique index workforce_blacklist_reference_idx on workforce_blacklist (user_id, reference);
create index workforce_blacklist_open_idx on workforce_blacklist (user_id) where status <> 'REJECTED';
