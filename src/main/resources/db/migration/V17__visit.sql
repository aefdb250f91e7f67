-- Visits and electronic visit verification (PLATFORM.md §6): one visit per dispatch order, the six EVV elements at
-- check-in and check-out (business times are the device's capture times; the server's receive times are kept too),
-- verification flags, confirmation by the family, review of flagged visits, fraud penalties, disputes and ratings.
create table visit (
    id                     bigserial primary key,
    order_id               bigint       not null,
    elder_id               bigint       not null,
    elder_name             varchar(100) not null,
    region_path            varchar(200) not null,
    item_code              varchar(64)  not null,
    item_name              varchar(200) not null,
    standard_minutes       integer      not null,
    provider_id            bigint       not null,
    caregiver_user_id      bigint       not null,
    window_start           timestamptz  not null,
    window_end             timestamptz  not null,
    planned_minutes        integer      not null,
    quantity               integer      not null,
    amount_fen             bigint       not null,
    status                 varchar(20)  not null check (status in ('SCHEDULED', 'IN_PROGRESS', 'VERIFIED', 'FLAGGED', 'CONFIRMED',
                                                                   'DISPUTED', 'FRAUD_CONFIRMED', 'CANCELLED')),
    flags                  varchar(32)[] not null default '{}',
    findings               text,
    pin                    varchar(8)   not null,
    -- the latest order event applied (assignment, unassignment, cancellation): older events arriving late are ignored
    order_event_at         timestamptz  not null,
    order_cancelled_at     timestamptz,
    order_cancel_note      varchar(500),
    -- check-in
    in_lat                 double precision,
    in_lon                 double precision,
    in_accuracy_m          double precision,
    in_captured_at         timestamptz,
    in_received_at         timestamptz,
    in_delayed             boolean      not null default false,
    in_distance_m          double precision,
    in_face_score          integer,
    in_photo_enc           text,
    -- check-out
    out_lat                double precision,
    out_lon                double precision,
    out_accuracy_m         double precision,
    out_captured_at        timestamptz,
    out_received_at        timestamptz,
    out_delayed            boolean      not null default false,
    out_distance_m         double precision,
    out_face_score         integer,
    out_photo_enc          text,
    photos_purged_at       timestamptz,
    record_json            text,
    -- confirmation and review
    confirmed_at           timestamptz,
    confirmation_method    varchar(16),
    confirmed_by           varchar(64),
    signature_enc          text,
    code_hash              varchar(64),
    code_expires_at        timestamptz,
    code_attempts          integer      not null default 0,
    pin_attempts           integer      not null default 0,
    review_decision        varchar(8),
    review_note            varchar(1000),
    reviewed_by            varchar(64),
    reviewed_at            timestamptz,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    row_version            integer      not null default 0
);
-- one visit per order (a reassignment moves the visit, it does not add one)
create unique index visit_order_idx on visit (order_id);
create index visit_caregiver_idx on visit (caregiver_user_id, window_start);
create index visit_elder_idx on visit (elder_id, window_start);
create index visit_region_idx on visit (region_path text_pattern_ops, window_start);
create index visit_provider_idx on visit (provider_id, window_start);
create index visit_review_idx on visit (status) where status in ('FLAGGED', 'DISPUTED');
-- the repeated-coordinates check looks up exact rounded positions
create index visit_in_pos_idx on visit (round(in_lat::numeric, 5), round(in_lon::numeric, 5)) where in_lat is not null;
create index visit_out_pos_idx on visit (round(out_lat::numeric, 5), round(out_lon::numeric, 5)) where out_lat is not null;

-- the penalty of a confirmed fraud: 3 × the visit's amount, for settlement
create table visit_penalty (
    id            bigserial primary key,
    visit_id      bigint       not null unique references visit (id),
    provider_id   bigint       not null,
    caregiver_user_id bigint   not null,
    amount_fen    bigint       not null,
    penalty_fen   bigint       not null,
    note          varchar(1000) not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(64)  not null
);

-- a complaint opened by a disputed visit (the oversight module will handle it)
create table visit_dispute (
    id            bigserial primary key,
    visit_id      bigint       not null unique references visit (id),
    elder_id      bigint       not null,
    region_path   varchar(200) not null,
    status        varchar(16)  not null check (status in ('OPEN', 'RESOLVED')),
    reason        varchar(1000) not null,
    opened_at     timestamptz  not null,
    opened_by     varchar(64)  not null,
    resolved_at   timestamptz,
    resolution    varchar(1000)
);

-- the family's rating of a completed visit, once per visit
create table visit_rating (
    visit_id      bigint primary key references visit (id),
    stars         smallint     not null check (stars between 1 and 5),
    comment       varchar(1000),
    rated_at      timestamptz  not null,
    rated_by      varchar(64)  not null
);
