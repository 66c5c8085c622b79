-- Credits: one account per user on a plan, and an append-only ledger from which every balance
-- is derived. Entries are idempotent by key: a retried activity never grants, reserves,
-- charges or releases twice.
create table credit_accounts (
    user_id      varchar(64)  primary key,
    plan         varchar(16)  not null,
    created_at   timestamptz  not null default now()
);

create table credit_ledger (
    id           bigserial    primary key,
    user_id      varchar(64)  not null references credit_accounts (user_id),
    kind         varchar(8)   not null check (kind in ('GRANT', 'RESERVE', 'CHARGE', 'RELEASE')),
    amount       integer      not null check (amount >= 0),
    run_id       varchar(64),
    node_id      varchar(64),
    node_type    varchar(64),
    entry_key    varchar(200) not null unique,
    note         text,
    created_at   timestamptz  not null default now()
);
create index credit_ledger_by_user on credit_ledger (user_id, id desc);
create index credit_ledger_by_run on credit_ledger (run_id);

-- what each node of a run is expected to cost, fixed when the run is planned
alter table run_nodes add column credits integer not null default 0;
