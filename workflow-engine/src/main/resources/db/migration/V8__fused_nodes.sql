-- A node that ran inside a fused chain (one activity for several local nodes): an image it
-- handed on in memory was never stored, so it may have no outputs to show.
alter table run_nodes add column fused boolean not null default false;
