-- The api's read-only login role. Re-applied on every start (the timestamp below changes the
-- checksum) so the password always matches the environment and new tables get their grant.
-- applied at ${flyway:timestamp}
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${api_role}') THEN
        CREATE ROLE "${api_role}" LOGIN;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${api_role}');
END
$$;
-- Only attributes a CREATEROLE owner may set (SUPERUSER and REPLICATION need a superuser; found
-- by infra/backup/drill on Debian's PostgreSQL 15): a role made superuser elsewhere is refused.
ALTER ROLE "${api_role}" WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD '${api_password}';
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${api_role}' AND (rolsuper OR rolreplication)) THEN
        RAISE EXCEPTION 'the api role ${api_role} must not be superuser or replication';
    END IF;
END
$$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${api_role}";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "${api_role}";
GRANT USAGE ON SCHEMA public TO "${api_role}";
GRANT SELECT ON breed, category, image, breed_image, category_image, sync_run, game, player,
    queue_status, job_schedule, game_score_count TO "${api_role}";
-- Not mac_address: the api cannot publish what it cannot read (ErrorsIT).
GRANT SELECT (player_uuid, game_id, score, duration, first_seen_at, stream_entry_id) ON score
    TO "${api_role}";
