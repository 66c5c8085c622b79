-- Where the editor drew each node of a saved workflow ({"node id": {"x": .., "y": ..}}). It is not
-- part of the graph: moving nodes adds no version, and runs never read it.
alter table saved_workflows add column positions jsonb;
