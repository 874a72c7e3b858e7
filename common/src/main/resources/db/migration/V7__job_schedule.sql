-- The jobs' schedules, for the api's /api/v2/status: a view over Quartz's tables, so the api role
-- reads the schedule columns and nothing else of the job store (SchemaIT).
CREATE VIEW job_schedule AS
SELECT t.job_name,
       st.repeat_interval,
       ct.cron_expression,
       t.prev_fire_time,
       t.next_fire_time
FROM qrtz_triggers t
LEFT JOIN qrtz_simple_triggers st ON st.sched_name = t.sched_name
     AND st.trigger_name = t.trigger_name AND st.trigger_group = t.trigger_group
LEFT JOIN qrtz_cron_triggers ct ON ct.sched_name = t.sched_name
     AND ct.trigger_name = t.trigger_name AND ct.trigger_group = t.trigger_group;
