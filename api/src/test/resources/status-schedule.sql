-- The catalogue job scheduled hourly and the drain every second, as the syncronizer registers them
-- (StatusIT); the last successful sync in seed.sql is days old, so the catalogue is stale.
INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                              is_nonconcurrent, is_update_data, requests_recovery) VALUES
 ('syncronizer', 'catalog-thecatapi', 'catscores', 'x', true, true, false, false),
 ('syncronizer', 'score-drain', 'catscores', 'x', true, true, false, false);
INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group,
                           trigger_state, trigger_type, start_time) VALUES
 ('syncronizer', 'catalog-thecatapi', 'catscores', 'catalog-thecatapi', 'catscores', 'WAITING', 'SIMPLE', 0),
 ('syncronizer', 'score-drain', 'catscores', 'score-drain', 'catscores', 'WAITING', 'SIMPLE', 0);
INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count,
                                  repeat_interval, times_triggered) VALUES
 ('syncronizer', 'catalog-thecatapi', 'catscores', -1, 3600000, 0),
 ('syncronizer', 'score-drain', 'catscores', -1, 1000, 0);
