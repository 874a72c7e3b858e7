-- Which syncronizer instance (Quartz instance id) performed each run, so operators can tell the
-- replicas' runs apart in the history.
ALTER TABLE sync_run ADD COLUMN instance text;
