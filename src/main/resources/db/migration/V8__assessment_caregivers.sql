-- Family caregivers, their Zarit Burden Interviews (ZBI-22) and the respite list (PLATFORM.md §3, ASSESSMENT.md §6).

-- One record per elder-caregiver pair. region_path is copied from the elder (refreshed on every write) so that
-- lists can be scoped to a jurisdiction without reading the elder module's tables.
create table assessment_family_caregiver (
    id                 bigserial primary key,
    elder_id           bigint       not null references elder (id),
    region_path        varchar(512) not null,
    name               varchar(50)  not null,
    relation           varchar(24)  not null,
    phone_enc          text         not null,
    phone_idx          char(64)     not null,
    phone_masked       varchar(20)  not null,
    id_number_enc      text,
    id_number_idx      char(64),
    id_number_masked   varchar(20),
    lives_with_elder   boolean      not null,
    weekly_care_hours  integer      not null check (weekly_care_hours between 0 and 168),
    started_on         date         not null,
    active             boolean      not null default true,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    version            integer      not null default 0
);
create index assessment_family_caregiver_elder_idx on assessment_family_caregiver (elder_id);
create index assessment_family_caregiver_region_idx on assessment_family_caregiver (region_path varchar_pattern_ops);
-- the same person cares for an elder only once: by ID number when known, else by name and phone
create unique index assessment_family_caregiver_pair_id_uq on assessment_family_caregiver (elder_id, id_number_idx)
    where id_number_idx is not null;
create unique index assessment_family_caregiver_pair_phone_uq on assessment_family_caregiver (elder_id, name, phone_idx);

-- One Zarit Burden Interview, item by item (q1..q22, each 0..4), with the result computed by the platform's scorer.
-- Interviews are immutable: a correction is a new interview.
create table assessment_zbi_interview (
    id                bigserial primary key,
    caregiver_id      bigint       not null references assessment_family_caregiver (id),
    elder_id          bigint       not null,
    interviewed_on    date         not null,
    interviewer_id    bigint,
    interviewer_name  varchar(64)  not null,
    q1  smallint not null check (q1  between 0 and 4),
    q2  smallint not null check (q2  between 0 and 4),
    q3  smallint not null check (q3  between 0 and 4),
    q4  smallint not null check (q4  between 0 and 4),
    q5  smallint not null check (q5  between 0 and 4),
    q6  smallint not null check (q6  between 0 and 4),
    q7  smallint not null check (q7  between 0 and 4),
    q8  smallint not null check (q8  between 0 and 4),
    q9  smallint not null check (q9  between 0 and 4),
    q10 smallint not null check (q10 between 0 and 4),
    q11 smallint not null check (q11 between 0 and 4),
    q12 smallint not null check (q12 between 0 and 4),
    q13 smallint not null check (q13 between 0 and 4),
    q14 smallint not null check (q14 between 0 and 4),
    q15 smallint not null check (q15 between 0 and 4),
    q16 smallint not null check (q16 between 0 and 4),
    q17 smallint not null check (q17 between 0 and 4),
    q18 smallint not null check (q18 between 0 and 4),
    q19 smallint not null check (q19 between 0 and 4),
    q20 smallint not null check (q20 between 0 and 4),
    q21 smallint not null check (q21 between 0 and 4),
    q22 smallint not null check (q22 between 0 and 4),
    total             smallint     not null check (total between 0 and 88),
    band              varchar(24)  not null,
    high_risk         boolean      not null,
    scorer_version    varchar(16)  not null,
    -- what this interview did to the caregiver's place on the respite list when it was recorded
    respite_transition varchar(8)  not null check (respite_transition in ('ENTER', 'STAY', 'LEAVE', 'NONE')),
    recorded_at       timestamptz  not null default now(),
    check (total = q1 + q2 + q3 + q4 + q5 + q6 + q7 + q8 + q9 + q10 + q11 + q12 + q13 + q14 + q15 + q16 + q17 + q18 + q19
                   + q20 + q21 + q22)
);
create index assessment_zbi_interview_caregiver_idx on assessment_zbi_interview (caregiver_id, interviewed_on desc, id desc);

create function assessment_zbi_interview_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'Zarit interviews are immutable (id %)', old.id;
end;
$$;
create trigger assessment_zbi_interview_no_change before update or delete on assessment_zbi_interview
    for each row execute function assessment_zbi_interview_immutable();

-- The respite list with its history: an entry opens when an interview makes a caregiver high-risk and closes when a
-- later interview is below the threshold (or the caregiver stops caring). to_date null = on the list now.
create table assessment_respite_entry (
    id                   bigserial primary key,
    caregiver_id         bigint       not null references assessment_family_caregiver (id),
    elder_id             bigint       not null,
    from_date            date         not null,
    to_date              date,
    opened_by_interview  bigint       not null references assessment_zbi_interview (id),
    closed_by_interview  bigint references assessment_zbi_interview (id),
    end_reason           varchar(24) check (end_reason in ('BELOW_THRESHOLD', 'CAREGIVER_INACTIVE')),
    monthly_hours        integer      not null check (monthly_hours >= 4),
    payer                varchar(16)  not null check (payer = 'GOVERNMENT'),
    created_at           timestamptz  not null default now(),
    check ((to_date is null) = (end_reason is null)),
    check (to_date is null or to_date >= from_date)
);
create unique index assessment_respite_entry_open_uq on assessment_respite_entry (caregiver_id) where to_date is null;
create index assessment_respite_entry_elder_idx on assessment_respite_entry (elder_id);
