-- The asset library: every output of a run, and every image a user uploads. Bytes stay in the
-- blob store; a row says what the asset is, where it came from and how it is organised.
-- Text for full-text search: name, prompt and tags (declared immutable so it can feed a
-- generated column; array_to_string over text[] is).
create function asset_search_text(name text, prompt text, tags text[], auto_tags text[]) returns text
    language sql immutable parallel safe
    as $$ select coalesce(name, '') || ' ' || coalesce(prompt, '') || ' '
                 || array_to_string(tags, ' ') || ' ' || array_to_string(auto_tags, ' ') $$;

create table assets (
    id            varchar(64)   primary key,
    owner_id      varchar(64)   not null,
    type          varchar(8)    not null check (type in ('IMAGE', 'VIDEO', 'AUDIO', 'TEXT')),
    name          varchar(200)  not null,
    -- versions of one logical asset share this key (see AssetVersions) and count up from 1
    logical_key   varchar(300)  not null,
    version       integer       not null,
    run_id        varchar(64),
    node_id       varchar(64),
    port          varchar(80),
    workflow_id   varchar(64),
    node_type     varchar(64),
    module        varchar(64),
    provider      varchar(64),
    model         varchar(120),
    prompt        text,
    parameters    jsonb         not null default '{}',
    cost          integer       not null default 0,
    width         integer,
    height        integer,
    size_bytes    bigint        not null,
    media_type    varchar(100)  not null,
    blob_hash     varchar(64)   not null,
    status        varchar(16)   not null default 'READY',
    favourite     boolean       not null default false,
    tags          text[]        not null default '{}',
    auto_tags     text[]        not null default '{}',
    downloads     integer       not null default 0,
    shares        integer       not null default 0,
    created_at    timestamptz   not null,
    search        tsvector      generated always as
                      (to_tsvector('english', asset_search_text(name, prompt, tags, auto_tags))) stored,
    -- a retried recording of the same output never makes a second asset
    unique (run_id, node_id, port),
    unique (owner_id, logical_key, version)
);
create index assets_by_owner on assets (owner_id, created_at desc);
create index assets_by_blob on assets (blob_hash);
create index assets_search on assets using gin (search);

-- lineage: the assets an asset was made from
create table asset_sources (
    asset_id      varchar(64)   not null references assets (id) on delete cascade,
    source_id     varchar(64)   not null references assets (id) on delete cascade,
    primary key (asset_id, source_id)
);
create index asset_sources_by_source on asset_sources (source_id);

create table collections (
    id            varchar(64)   primary key,
    owner_id      varchar(64)   not null,
    name          varchar(120)  not null,
    created_at    timestamptz   not null
);
create index collections_by_owner on collections (owner_id);

create table collection_assets (
    collection_id varchar(64)   not null references collections (id) on delete cascade,
    asset_id      varchar(64)   not null references assets (id) on delete cascade,
    added_at      timestamptz   not null,
    primary key (collection_id, asset_id)
);
create index collection_assets_by_asset on collection_assets (asset_id);

-- read-only links to a collection or to a set of assets; only a SHA-256 of the token is kept
create table shares (
    id            varchar(64)   primary key,
    owner_id      varchar(64)   not null,
    token_hash    varchar(64)   not null unique,
    title         varchar(120),
    collection_id varchar(64)   references collections (id) on delete cascade,
    expires_at    timestamptz   not null,
    created_at    timestamptz   not null,
    views         integer       not null default 0
);
create index shares_by_owner on shares (owner_id);

create table share_assets (
    share_id      varchar(64)   not null references shares (id) on delete cascade,
    asset_id      varchar(64)   not null references assets (id) on delete cascade,
    primary key (share_id, asset_id)
);
