-- Saved workflows: a named graph per owner, and every graph it ever had as an immutable version
-- (runs and batches pin a version; an edit of the graph adds one, a rename does not).
create table saved_workflows (
    id              varchar(64)  primary key,
    owner_id        varchar(64)  not null,
    name            varchar(200) not null,
    description     text,
    latest_version  integer      not null,
    webhook_url     text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index saved_workflows_by_owner on saved_workflows (owner_id, updated_at desc, id);

create table saved_workflow_versions (
    workflow_id  varchar(64)  not null references saved_workflows (id) on delete cascade,
    version      integer      not null,
    graph        jsonb        not null,
    created_at   timestamptz  not null,
    primary key (workflow_id, version)
);

-- which saved workflow (and version) a run ran, the run it retries, and where it reports its end;
-- no foreign key: a run's record outlives the workflow it came from
alter table runs add column workflow_id varchar(64);
alter table runs add column workflow_version integer;
alter table runs add column retry_of varchar(64);
alter table runs add column webhook_url text;
create index runs_by_workflow on runs (workflow_id, created_at desc);

-- Idempotency-Key of API triggers: the same key from the same user is the same run; the request
-- hash tells a repeated request from a different one reusing the key
create table idempotency_keys (
    owner_id      varchar(64)  not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    run_id        varchar(64)  not null,
    created_at    timestamptz  not null,
    primary key (owner_id, idem_key)
);

-- The secret each user's webhook calls are signed with (HMAC-SHA256 needs the secret itself, so it
-- is kept as is: never logged, never returned after creation).
create table webhook_secrets (
    owner_id    varchar(64)  primary key,
    secret      varchar(100) not null,
    created_at  timestamptz  not null
);

-- One delivery per run that has a webhook; attempts count every HTTP call made.
create table webhook_deliveries (
    id                varchar(80)  primary key,
    run_id            varchar(64)  not null,
    owner_id          varchar(64)  not null,
    url               text         not null,
    status            varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer      not null default 0,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz  not null,
    finished_at       timestamptz
);
create index webhook_deliveries_by_run on webhook_deliveries (run_id);
