-- Batches: one graph run once per row of a CSV (or per uploaded image). Rows are stored before
-- the batch starts; the batch workflow reads them page by page, so its history and memory stay
-- bounded however many rows there are. workflow_id/workflow_version name the saved workflow the
-- graph came from, once saved workflows exist (null for a graph sent as is).
create table batches (
    id                varchar(64)  primary key,
    owner_id          varchar(64)  not null,
    workflow_id       varchar(64),
    workflow_version  integer,
    schedule_id       varchar(64),
    graph             jsonb        not null,
    status            varchar(16)  not null,
    concurrency       integer      not null,
    total_rows        integer      not null,
    estimated_credits integer      not null,
    created_at        timestamptz  not null,
    started_at        timestamptz,
    finished_at       timestamptz
);
create index batches_by_owner on batches (owner_id, created_at desc);

create table batch_rows (
    batch_id     varchar(64)  not null references batches (id) on delete cascade,
    position     integer      not null,
    line_number  integer      not null,
    inputs       jsonb        not null,
    run_id       varchar(64),
    status       varchar(16)  not null,
    error        text,
    attempts     integer      not null default 0,
    primary key (batch_id, position)
);
create index batch_rows_by_status on batch_rows (batch_id, status, position);

-- Schedules (campaigns): a cron expression in a time zone that starts a run or a batch. The
-- timing lives in one durable timer-loop workflow per schedule; this table is for listings.
create table schedules (
    id                varchar(64)  primary key,
    owner_id          varchar(64)  not null,
    name              varchar(120) not null,
    cron              varchar(120) not null,
    zone              varchar(64)  not null,
    target            varchar(8)   not null check (target in ('RUN', 'BATCH')),
    spec              jsonb        not null,
    workflow_id       varchar(64),
    workflow_version  integer,
    paused            boolean      not null default false,
    created_at        timestamptz  not null
);
create index schedules_by_owner on schedules (owner_id, created_at desc);

-- One row per firing, keyed by its sequence number in the schedule: a retried activity never
-- starts the same firing twice.
create table schedule_fires (
    schedule_id   varchar(64)  not null references schedules (id) on delete cascade,
    sequence      integer      not null,
    due_at        timestamptz  not null,
    fired_at      timestamptz  not null,
    manual        boolean      not null,
    started_id    varchar(64),
    error         text,
    primary key (schedule_id, sequence)
);
