-- API keys: only a SHA-256 of each key is kept; the key itself is shown once, when created.
create table api_keys (
    id            varchar(40)  primary key,
    user_id       varchar(64)  not null,
    name          varchar(120) not null,
    key_hash      varchar(64)  not null unique,
    key_prefix    varchar(16)  not null,
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_keys_by_user on api_keys (user_id);
