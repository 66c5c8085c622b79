-- Runs and their nodes: listings and progress live here, not in Temporal visibility
-- (the embedded Temporal server has none).
create table runs (
    id           varchar(64)  primary key,
    owner_id     varchar(64)  not null,
    status       varchar(16)  not null,
    graph        jsonb        not null,
    inputs       jsonb        not null,
    outputs      jsonb,
    error        text,
    created_at   timestamptz  not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
create index runs_by_owner on runs (owner_id, created_at desc);

create table run_nodes (
    run_id       varchar(64)  not null references runs (id) on delete cascade,
    node_id      varchar(64)  not null,
    node_type    varchar(64)  not null,
    position     integer      not null,
    status       varchar(16)  not null,
    cached       boolean      not null default false,
    outputs      jsonb,
    error        text,
    started_at   timestamptz,
    finished_at  timestamptz,
    primary key (run_id, node_id)
);

-- Finished node results by (type, version, canonical params, input content): retries and
-- re-runs of unchanged nodes cost nothing.
create table node_cache (
    cache_key    varchar(64)  primary key,
    node_type    varchar(64)  not null,
    outputs      jsonb        not null,
    created_at   timestamptz  not null default now()
);
