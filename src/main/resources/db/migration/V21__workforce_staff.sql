-- Workforce staff records, certificates, training, promotions, staffing-ratio snapshots and the three-party blacklist
-- with its credit-system export (PLATFORM.md §9, issue #9 items 1-5).

-- One record per person working for a provider, caregiver or not (nurses, therapists, social workers, data operators,
-- assessors count for the staffing ratios). Name and ID number are SM4-sealed; the ID number has a blind index so a
-- blacklisted person is recognised whatever account or provider they come back under.
create table workforce_staff (
    id                      bigserial primary key,
    user_id                 bigint unique references access_user (id),
    provider_id             bigint       not null references region_organisation (id),
    node_id                 bigint       not null references region_node (id),
    role                    varchar(24)  not null check (role in ('CAREGIVER', 'COMMUNITY_NURSE', 'REHAB_THERAPIST', 'SOCIAL_WORKER',
                                                                  'DATA_OPERATOR', 'ASSESSOR')),
    caregiver_level         varchar(16),
    name_enc                text         not null,
    id_number_enc           text,
    id_number_bidx          varchar(64),
    employment_status       varchar(16)  not null default 'ACTIVE' check (employment_status in ('ACTIVE', 'ON_LEAVE', 'SUSPENDED', 'LEFT')),
    hired_on                date         not null,
    left_on                 date,
    home_lat                double precision,
    home_lon                double precision,
    shift_pattern           varchar(32),
    background_check_on     date,
    background_check_result varchar(16) check (background_check_result in ('PASSED', 'FAILED', 'PENDING')),
    pay_grade               varchar(16)  not null default 'CAREGIVER' check (pay_grade in ('CAREGIVER', 'SENIOR', 'TECHNICIAN')),
    monthly_pay_fen         bigint       not null default 0 check (monthly_pay_fen >= 0),
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    version                 integer      not null default 0
);
create unique index workforce_staff_person_idx on workforce_staff (id_number_bidx) where id_number_bidx is not null;
create index workforce_staff_provider_idx on workforce_staff (provider_id, role);

create table workforce_certificate (
    id          bigserial primary key,
    staff_id    bigint       not null references workforce_staff (id),
    type        varchar(24)  not null,
    number      varchar(64)  not null,
    level       varchar(16),
    issuer      varchar(120) not null,
    valid_from  date         not null,
    valid_to    date         not null,
    created_at  timestamptz  not null default now(),
    check (valid_to >= valid_from),
    unique (type, number)
);
create index workforce_certificate_staff_idx on workforce_certificate (staff_id, type);

-- Courses: pre-job THEORY and PRACTICE (160 h together) and monthly IN_SERVICE training; minutes, not hours.
create table workforce_course (
    id        bigserial primary key,
    code      varchar(32)  not null unique,
    title     varchar(200) not null,
    title_en  varchar(200),
    kind      varchar(16)  not null check (kind in ('THEORY', 'PRACTICE', 'IN_SERVICE')),
    topic     varchar(24)  not null,
    minutes   integer      not null check (minutes > 0),
    exam      boolean      not null default false
);

-- Attendance counts once checked in online and, for a course with a practical exam, when the exam is passed.
create table workforce_attendance (
    id            bigserial primary key,
    staff_id      bigint      not null references workforce_staff (id),
    course_id     bigint      not null references workforce_course (id),
    attended_on   date        not null,
    minutes       integer     not null check (minutes > 0),
    checked_in_at timestamptz,
    exam_passed   boolean,
    recorded_by   varchar(64) not null,
    created_at    timestamptz not null default now(),
    unique (staff_id, course_id, attended_on)
);
create index workforce_attendance_staff_idx on workforce_attendance (staff_id, attended_on);

create table workforce_promotion (
    id             bigserial primary key,
    staff_id       bigint       not null references workforce_staff (id),
    from_grade     varchar(16)  not null,
    to_grade       varchar(16)  not null,
    promoted_on    date         not null,
    pay_before_fen bigint       not null,
    pay_after_fen  bigint       not null,
    reason         varchar(500),
    recorded_by    varchar(64)  not null,
    recorded_at    timestamptz  not null default now()
);
create index workforce_promotion_staff_idx on workforce_promotion (staff_id);

-- Monthly staffing-ratio snapshots per provider (street_id null) and per provider and street, one row per ratio role.
create table workforce_ratio_snapshot (
    id          bigserial primary key,
    month       date        not null,
    provider_id bigint      not null references region_organisation (id),
    street_id   bigint references region_node (id),
    role        varchar(24) not null,
    served      integer     not null,
    required    integer     not null,
    actual      integer     not null,
    computed_at timestamptz not null
);
create unique index workforce_ratio_snapshot_key on workforce_ratio_snapshot (month, provider_id, coalesce(street_id, 0), role);

-- The blacklist: cause, evidence, the person's blind index (the ban follows the person), three-party confirmations,
-- correction by civil affairs, and what the credit system answered.
alter table workforce_blacklist drop constraint workforce_blacklist_status_check;
alter table workforce_blacklist add constraint workforce_blacklist_status_check check (status in ('PROPOSED', 'CONFIRMED', 'REJECTED', 'CORRECTED'));
alter table workforce_blacklist add column source varchar(24) not null default 'CONFIRMED_FRAUD'
    check (source in ('CONFIRMED_FRAUD', 'ABUSE_COMPLAINT', 'MANUAL'));
alter table workforce_blacklist add column evidence varchar(2000);
alter table workforce_blacklist add column person_bidx varchar(64);
alter table workforce_blacklist alter column user_id drop not null;
alter table workforce_blacklist add column staff_id bigint references workforce_staff (id);
create index workforce_blacklist_person_idx on workforce_blacklist (person_bidx) where person_bidx is not null;

create table workforce_blacklist_confirmation (
    id           bigserial primary key,
    entry_id     bigint       not null references workforce_blacklist (id),
    party        varchar(16)  not null check (party in ('STREET', 'CIVIL_AFFAIRS', 'POLICE')),
    user_id      bigint       not null references access_user (id),
    username     varchar(64)  not null,
    note         varchar(500),
    confirmed_at timestamptz  not null,
    unique (entry_id, party),
    unique (entry_id, user_id)
);

create table workforce_credit_export (
    id           bigserial primary key,
    entry_id     bigint       not null references workforce_blacklist (id),
    kind         varchar(16)  not null check (kind in ('BAN', 'CORRECTION')),
    status       varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts     integer      not null default 0,
    external_ref varchar(64),
    message      varchar(500),
    created_at   timestamptz  not null,
    sent_at      timestamptz,
    unique (entry_id, kind)
);

-- The standard curriculum (民政部《养老护理员国家职业技能标准》 pre-job modules and the monthly in-service course).
insert into workforce_course (code, title, title_en, kind, topic, minutes, exam) values
    ('PJ-LAW',        '养老服务法律法规与职业道德', 'Law, regulations and ethics of elderly care', 'THEORY', 'LAW', 1440, false),
    ('PJ-PSY',        '老年心理与沟通',             'Psychology of old age and communication',    'THEORY', 'PSYCHOLOGY', 1440, false),
    ('PJ-FIRSTAID',   '急救常识与安全防护',         'First aid and safety',                        'THEORY', 'FIRST_AID', 1920, false),
    ('PJ-TURNING',    '翻身、移位与压疮预防实操',   'Turning in bed, transfers, pressure-sore care (practical)', 'PRACTICE', 'TURNING', 1440, true),
    ('PJ-HEIMLICH',   '海姆立克急救法实操',         'Heimlich manoeuvre (practical)',              'PRACTICE', 'HEIMLICH', 1440, true),
    ('PJ-AED',        '心肺复苏与 AED 使用实操',    'CPR and AED (practical)',                     'PRACTICE', 'AED', 1920, true),
    ('IS-MONTHLY',    '月度在岗培训',               'Monthly in-service training',                 'IN_SERVICE', 'GENERAL', 240, false),
    ('IS-DEMENTIA',   '认知症照护专题',             'Dementia care (in-service)',                  'IN_SERVICE', 'DEMENTIA', 120, false),
    ('IS-FALLS',      '跌倒预防专题',               'Fall prevention (in-service)',                'IN_SERVICE', 'FALLS', 120, false);
