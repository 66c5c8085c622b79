-- Who may read and use a stored blob: the users who uploaded it, whose runs made it, or whose
-- asset resolved to it. Hashes are not secret (they are in outputs, CSVs and webhooks).
create table blob_grants (
    owner_id  varchar(64)  not null,
    hash      varchar(64)  not null,
    primary key (owner_id, hash)
);

-- The node cache answers one owner only: results made before this have no owner and are dropped
-- (the cache only saves work; nothing is lost).
delete from node_cache;
alter table node_cache add column owner_id varchar(64) not null;
alter table node_cache drop constraint node_cache_pkey;
alter table node_cache add primary key (owner_id, cache_key);

-- What users had before this: their assets' images, their runs' outputs and the images their
-- runs loaded.
insert into blob_grants (owner_id, hash)
select distinct owner_id, blob_hash from assets where blob_hash is not null
on conflict do nothing;
insert into blob_grants (owner_id, hash)
select distinct r.owner_id, h #>> '{}'
from run_nodes n join runs r on r.id = n.run_id, jsonb_path_query(n.outputs, 'lax $.**.hash') h
where n.outputs is not null and jsonb_typeof(h) = 'string'
on conflict do nothing;
insert into blob_grants (owner_id, hash)
select distinct owner_id, trim(b)
from (select r.owner_id, p #>> '{}' as named
      from runs r, jsonb_path_query(r.graph, 'lax $.nodes[*].params.blob') p
      union all
      select r.owner_id, p #>> '{}'
      from runs r, jsonb_path_query(r.graph, 'lax $.nodes[*].params.blobs') p
      union all
      select r.owner_id, i.value
      from runs r, jsonb_each_text(r.inputs) i where jsonb_typeof(r.inputs) = 'object') named_by_runs,
     regexp_split_to_table(named, ',') b
where trim(b) ~ '^[0-9a-f]{64}$'
on conflict do nothing;
