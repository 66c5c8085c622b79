-- Starting a run counts its owner's runs in progress (the plan's limit): with this index the
-- count reads only those runs, not every run the owner ever made.
create index runs_by_owner_and_status on runs (owner_id, status);
