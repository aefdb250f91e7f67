-- Settlement and funds (PLATFORM.md §7, issue #8): billable visits received from the visit module, penalties,
-- monthly settlement runs per region with their priced lines, elder months (subsidies) and provider statements,
-- the special pool's double-entry ledger, provider budgets and performance scores.

-- Billable visits as published by visit.VisitVerified (idempotent on visit_id), with the EVV elements for claim files.
create table settlement_visit (
    visit_id          bigint primary key,
    order_id          bigint      not null,
    elder_id          bigint      not null,
    region_path       text        not null,
    provider_id       bigint      not null,
    caregiver_user_id bigint      not null,
    item_code         text        not null,
    quantity          int         not null check (quantity > 0),
    amount_fen        bigint      not null check (amount_fen >= 0),
    service_at        timestamptz not null,
    service_date      date        not null,
    service_month     date        not null,
    verified_at       timestamptz not null,
    cleared           boolean     not null default false,
    received_at       timestamptz not null default now(),
    in_at             timestamptz,
    in_lat            double precision,
    in_lon            double precision,
    in_accuracy_m     double precision,
    in_face_score     int,
    out_at            timestamptz,
    out_lat           double precision,
    out_lon           double precision,
    out_accuracy_m    double precision,
    out_face_score    int,
    voided_at         timestamptz,
    voided_reason     text
);
create index settlement_visit_month on settlement_visit (service_month);
create index settlement_visit_provider on settlement_visit (provider_id, service_month);

-- Which closed run billed a visit: the primary key makes billing a visit twice impossible.
create table settlement_billing (
    visit_id  bigint primary key,
    run_id    bigint not null
);

-- Fines for confirmed fraud (visit.VisitFraudConfirmed): 3 × the visit's amount, deducted from the provider once.
create table settlement_penalty (
    visit_id         bigint primary key,
    provider_id      bigint      not null,
    region_path      text        not null,
    elder_id         bigint      not null,
    item_code        text        not null,
    amount_fen       bigint      not null,
    penalty_fen      bigint      not null check (penalty_fen >= 0),
    note             text,
    confirmed_by     text,
    confirmed_at     timestamptz not null,
    deducted_run_id  bigint
);
create index settlement_penalty_open on settlement_penalty (provider_id) where deducted_run_id is null;

-- A settlement run: one month of one region (a node path), previewed any number of times, then closed once.
create table settlement_run (
    id            bigserial primary key,
    month         date        not null,
    region_path   text        not null,
    region_name   text        not null,
    status        text        not null check (status in ('QUEUED', 'RUNNING', 'PREVIEW', 'CLOSING', 'CLOSED', 'FAILED')),
    closing       boolean     not null default false,
    total_visits  bigint      not null default 0,
    processed     bigint      not null default 0,
    error         text,
    started_at    timestamptz,
    finished_at   timestamptz,
    closed_at     timestamptz,
    closed_by     text,
    requested_by  text        not null,
    created_at    timestamptz not null default now(),
    amount_fen    bigint      not null default 0,
    government_fen bigint     not null default 0,
    ltc_fen       bigint      not null default 0,
    commercial_fen bigint     not null default 0,
    self_fen      bigint      not null default 0,
    subsidy_fen   bigint      not null default 0,
    penalty_fen   bigint      not null default 0,
    adjustment_lines bigint   not null default 0,
    unique (month, region_path)
);

-- One priced line per billed visit (kind VISIT), per late visit of an earlier month (ADJUSTMENT, original_month),
-- or per reversal of a billed visit later confirmed as fraud (REVERSAL, negative amounts, original_run_id).
create table settlement_line (
    run_id             bigint  not null references settlement_run (id) on delete cascade,
    visit_id           bigint  not null,
    kind               text    not null,
    elder_id           bigint  not null,
    provider_id        bigint  not null,
    region_path        text    not null,
    item_code          text    not null,
    service_date       date    not null,
    original_month     date,
    original_run_id    bigint,
    quantity           int     not null,
    within_entitlement int     not null,
    beyond_entitlement int     not null,
    respite_government int     not null,
    unit_price_fen     bigint  not null,
    price_version_id   bigint  not null,
    amount_fen         bigint  not null,
    government_fen     bigint  not null,
    ltc_fen            bigint  not null,
    commercial_fen     bigint  not null,
    self_fen           bigint  not null,
    basis              text    not null,
    primary key (run_id, visit_id, kind)
);
create index settlement_line_elder on settlement_line (run_id, elder_id);

-- An elder's month within a run: SELF total, the subsidy applied against it, what the family owes.
create table settlement_elder_month (
    run_id            bigint not null references settlement_run (id) on delete cascade,
    elder_id          bigint not null,
    service_month     date   not null,
    self_fen          bigint not null,
    subsidy_kind      text,
    granted_fen       bigint not null,
    applied_fen       bigint not null,
    unused_fen        bigint not null,
    family_owes_fen   bigint not null,
    primary key (run_id, elder_id, service_month)
);

-- Per provider within a run.
create table settlement_provider_statement (
    run_id          bigint not null references settlement_run (id) on delete cascade,
    provider_id     bigint not null,
    provider_name   text   not null,
    visits          bigint not null,
    amount_fen      bigint not null,
    government_fen  bigint not null,
    ltc_fen         bigint not null,
    commercial_fen  bigint not null,
    self_fen        bigint not null,
    penalty_fen     bigint not null,
    pool_payable_fen bigint not null,
    net_payable_fen bigint not null,
    primary key (run_id, provider_id)
);

-- The city special pool: a double-entry ledger. Postings are signed (debit +, credit -); each entry sums to zero.
create table settlement_ledger_account (
    code     text primary key,
    name_zh  text not null,
    name_en  text not null,
    kind     text not null check (kind in ('ASSET', 'SOURCE', 'EXPENSE', 'INCOME'))
);
insert into settlement_ledger_account (code, name_zh, name_en, kind) values
    ('POOL_BANK', '专项池资金账户', 'Pool bank account', 'ASSET'),
    ('SOURCE_WELFARE_LOTTERY', '福彩公益金', 'Welfare lottery', 'SOURCE'),
    ('SOURCE_GENERAL_BUDGET', '一般公共预算', 'General budget', 'SOURCE'),
    ('SOURCE_SOCIAL_CAPITAL', '社会资本', 'Social capital', 'SOURCE'),
    ('SERVICE_PAYMENTS', '服务购买支出', 'Payments to providers (government share)', 'EXPENSE'),
    ('SUBSIDIES', '补贴支出', 'Subsidies (特困 / 低保)', 'EXPENSE'),
    ('PENALTIES', '罚没收入', 'Penalties received', 'INCOME');

create table settlement_ledger_entry (
    id         bigserial primary key,
    posted_on  date        not null,
    kind       text        not null,
    memo       text        not null,
    run_id     bigint,
    provider_id bigint,
    created_by text        not null,
    created_at timestamptz not null default now()
);
create table settlement_ledger_posting (
    entry_id     bigint not null references settlement_ledger_entry (id),
    account_code text   not null references settlement_ledger_account (code),
    amount_fen   bigint not null,
    primary key (entry_id, account_code)
);
create index settlement_ledger_entry_date on settlement_ledger_entry (posted_on);

-- Provider budgets per year and the annual performance score (entered by civil affairs or computed by oversight).
create table settlement_budget (
    provider_id     bigint  not null,
    year            int     not null,
    budget_fen      bigint  not null check (budget_fen >= 0),
    basis           text    not null,
    score           numeric(4, 1) check (score between 0 and 100),
    score_source    text,
    score_by        text,
    score_at        timestamptz,
    primary key (provider_id, year)
);
