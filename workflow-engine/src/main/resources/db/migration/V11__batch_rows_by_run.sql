-- Admitting a run counts its owner's runs in progress outside batches (a batch holds places for
-- its rows by its concurrency): with this index, telling a row's run from the others reads one entry.
create index batch_rows_by_run on batch_rows (run_id);
