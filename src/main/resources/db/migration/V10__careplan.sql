-- Care plans (服务方案): one household, one plan, versioned per elder (PLATFORM.md §5).
create table careplan (
    id                  bigserial primary key,
    elder_id            bigint       not null references elder (id),
    elder_name          varchar(50)  not null,
    region_path         varchar(512) not null,
    version             integer      not null check (version >= 1),
    status              varchar(20)  not null check (status in ('DRAFT', 'AWAITING_SIGNATURE', 'ACTIVE', 'SUPERSEDED', 'ENDED')),
    provider_id         bigint       not null,
    provider_name       varchar(200) not null,
    estimate_month      varchar(7)   not null,
    colour              varchar(8),
    note                varchar(500),
    created_at          timestamptz  not null,
    created_by          varchar(64)  not null,
    submitted_at        timestamptz,
    consent_by          varchar(50),
    consent_relation    varchar(20),
    consent_excess_fen  bigint,
    consent_at          timestamptz,
    consent_recorded_by varchar(64),
    signed_at           timestamptz,
    activated_at        timestamptz,
    superseded_at       timestamptz,
    superseded_by       bigint references careplan (id),
    ended_at            timestamptz,
    end_reason          varchar(20),
    end_note            varchar(500),
    row_version         integer      not null default 0,
    unique (elder_id, version)
);
-- one active plan per elder, and at most one plan being prepared (draft or awaiting signature)
create unique index careplan_one_active on careplan (elder_id) where status = 'ACTIVE';
create unique index careplan_one_open on careplan (elder_id) where status in ('DRAFT', 'AWAITING_SIGNATURE');
create index careplan_region_idx on careplan (region_path varchar_pattern_ops, status);

-- The plan's lines: catalogue items with frequency, window and the price frozen when the line was drafted.
create table careplan_line (
    id                bigserial primary key,
    plan_id           bigint       not null references careplan (id),
    position          integer      not null,
    item_code         varchar(32)  not null,
    item_name         varchar(100) not null,
    package_code      varchar(16),
    unit              varchar(16)  not null,
    frequency_count   integer      not null check (frequency_count >= 1),
    frequency_period  varchar(8)   not null check (frequency_period in ('DAY', 'WEEK', 'MONTH')),
    weekdays          varchar(20)  not null default '',
    window_from       time         not null,
    window_to         time         not null,
    duration_minutes  integer      not null check (duration_minutes >= 0),
    unit_price_fen    bigint       not null check (unit_price_fen >= 0),
    price_version_id  bigint       not null,
    monthly_quantity  integer      not null,
    within_quantity   integer      not null,
    beyond_quantity   integer      not null,
    amount_fen        bigint       not null,
    government_fen    bigint       not null,
    ltc_fen           bigint       not null,
    commercial_fen    bigint       not null,
    self_fen          bigint       not null,
    unique (plan_id, position)
);
create index careplan_line_plan_idx on careplan_line (plan_id);

-- The monthly subsidies the quote applied against the plan's self-paid total.
create table careplan_subsidy (
    plan_id   bigint      not null references careplan (id),
    kind      varchar(40) not null,
    fen       bigint      not null,
    primary key (plan_id, kind)
);

-- The signed service agreement: stored once, never changed (PDF bytes with their SM3 hash).
create table careplan_agreement (
    plan_id        bigint       primary key references careplan (id),
    pdf            bytea        not null,
    sm3            char(64)     not null,
    byte_size      integer      not null,
    signer_type    varchar(16)  not null check (signer_type in ('ELDER', 'GUARDIAN')),
    signer_name    varchar(50)  not null,
    method         varchar(16)  not null check (method in ('DRAWN', 'FINGERPRINT', 'PROXY')),
    witness_name   varchar(50),
    signature_png  bytea,
    signed_at      timestamptz  not null,
    recorded_by    varchar(64)  not null
);

create function careplan_agreement_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'careplan_agreement is immutable: a signed agreement is never changed or deleted';
end;
$$;
create trigger careplan_agreement_no_update before update or delete on careplan_agreement
    for each row execute function careplan_agreement_immutable();
create trigger careplan_agreement_no_truncate before truncate on careplan_agreement
    for each statement execute function careplan_agreement_immutable();

-- Lines of a plan that has left the draft state are frozen as well.
create function careplan_line_frozen() returns trigger language plpgsql as $$
declare
    s varchar(20);
begin
    select status into s from careplan where id = coalesce(new.plan_id, old.plan_id);
    if s is distinct from 'DRAFT' then
        raise exception 'the lines of care plan % (%) are frozen', coalesce(new.plan_id, old.plan_id), s;
    end if;
    return coalesce(new, old);
end;
$$;
create trigger careplan_line_frozen before insert or update or delete on careplan_line
    for each row execute function careplan_line_frozen();
