-- Certificates held by users (assessor certificates for now; the workforce module will own staff certificates).
create table access_certificate (
    id          bigserial primary key,
    user_id     bigint      not null references access_user (id) on delete cascade,
    type        varchar(32) not null,
    number      varchar(64) not null,
    issuer      varchar(100),
    valid_from  date        not null,
    valid_to    date        not null,
    unique (type, number)
);
create index access_certificate_user_idx on access_certificate (user_id);

-- The care level on the elder record, written by the assessment module when an assessment is signed.
alter table elder add column care_colour varchar(8),
                  add column care_flags varchar(200),
                  add column care_assessment_id bigint,
                  add column care_assessed_on date,
                  add column next_reassessment_due date;
create index elder_care_colour_idx on elder (care_colour);
create index elder_next_due_idx on elder (next_reassessment_due) where status = 'ACTIVE';

create table assessment (
    id             bigserial primary key,
    elder_id       bigint       not null references elder (id),
    region_path    varchar(512) not null,
    status         varchar(16)  not null check (status in ('DRAFT', 'SIGNED')),
    reason         varchar(24)  not null,
    corrects_id    bigint references assessment (id),
    assessor_id    bigint       not null,
    assessor_name  varchar(100) not null,
    assessed_at    timestamptz  not null,
    place          varchar(200) not null,
    answers_enc    text         not null,
    results        text         not null,
    scorer_version varchar(16)  not null,
    colour         varchar(8)   not null,
    flags          varchar(200) not null,
    barthel_total  integer      not null,
    gbt_total      integer,
    signed_at      timestamptz,
    signature      char(64),
    created_at     timestamptz  not null default now(),
    version        integer      not null default 0
);
create index assessment_elder_idx on assessment (elder_id, signed_at);
create index assessment_region_idx on assessment (region_path varchar_pattern_ops);

create table assessment_task (
    id            bigserial primary key,
    kind          varchar(24)  not null check (kind in ('REASSESSMENT', 'CARE_PLAN_REMAKE')),
    elder_id      bigint       not null references elder (id),
    elder_name    varchar(50)  not null,
    region_path   varchar(512) not null,
    street_id     bigint       not null,
    reason        varchar(32)  not null,
    detail        varchar(500),
    assessment_id bigint references assessment (id),
    created_at    timestamptz  not null,
    due_at        timestamptz  not null,
    status        varchar(8)   not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    escalated_at  timestamptz,
    done_at       timestamptz,
    done_by       varchar(64),
    note          varchar(1000)
);
create index assessment_task_open_idx on assessment_task (kind, status, due_at);
create index assessment_task_region_idx on assessment_task (region_path varchar_pattern_ops);
create unique index assessment_task_one_open_reassessment on assessment_task (elder_id) where kind = 'REASSESSMENT' and status = 'OPEN';
