-- Written with the data, in the writer's own transaction, so they can never disagree with it:
--  * game_score_count: each game's number of scores, so a leaderboard's total is one row read
--    instead of a count over the score table (issue #18; QueriesPerRequestIT, ScoreNotificationsIT).
--  * NOTIFY catscores_changes: what a committed statement changed, as JSON; PostgreSQL delivers it
--    on commit only, so never for rolled-back data. The api listens and evicts exactly the cached
--    answers that read it (issue #17; ScoreNotificationsIT, CatalogNotificationsIT, LiveCacheIT).
-- Triggers rather than code in each writer: the drain, a dead-letter replay, a sync, a key rotation
-- and an operator's psql all notify alike.

CREATE TABLE game_score_count (
    game_id smallint PRIMARY KEY REFERENCES game (id),
    scores  bigint   NOT NULL
);
INSERT INTO game_score_count (game_id, scores)
SELECT g.id, (SELECT count(*) FROM score s WHERE s.game_id = g.id) FROM game g;

-- {"table":"score","games":[1,3]}: the games whose scores changed (and their counts, kept here).
CREATE FUNCTION score_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed record;
    games   smallint[] := '{}';
    sign    int := CASE TG_OP WHEN 'INSERT' THEN 1 WHEN 'DELETE' THEN -1 ELSE 0 END;
BEGIN
    -- In game order: concurrent writers take the count rows' locks in one order, never deadlock.
    FOR changed IN SELECT game_id, count(*) AS n FROM changed_rows GROUP BY game_id ORDER BY game_id
    LOOP
        IF sign <> 0 THEN
            INSERT INTO game_score_count AS c (game_id, scores)
            VALUES (changed.game_id, sign * changed.n)
            ON CONFLICT (game_id) DO UPDATE SET scores = c.scores + EXCLUDED.scores;
        END IF;
        games := games || changed.game_id;
    END LOOP;
    IF cardinality(games) > 0 THEN
        PERFORM pg_notify('catscores_changes',
                          json_build_object('table', 'score', 'games', games)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION score_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE game_score_count SET scores = 0;
    PERFORM pg_notify('catscores_changes',
                      json_build_object('table', 'score',
                                        'games', (SELECT array_agg(id ORDER BY id) FROM game))::text);
    RETURN NULL;
END
$$;

-- {"table":"breed","sources":["thecatapi"]} for the catalogue; {"table":"player"} for the others.
CREATE FUNCTION table_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sources json;
BEGIN
    IF TG_ARGV[0] = 'sources' THEN
        SELECT json_agg(DISTINCT source) INTO sources FROM changed_rows;
        IF sources IS NOT NULL THEN
            PERFORM pg_notify('catscores_changes',
                              json_build_object('table', TG_TABLE_NAME, 'sources', sources)::text);
        END IF;
    ELSIF EXISTS (SELECT FROM changed_rows) THEN
        PERFORM pg_notify('catscores_changes', json_build_object('table', TG_TABLE_NAME)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER score_inserted AFTER INSERT ON score
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION score_changed();
CREATE TRIGGER score_updated AFTER UPDATE ON score
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION score_changed();
CREATE TRIGGER score_deleted AFTER DELETE ON score
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION score_changed();
CREATE TRIGGER score_truncated AFTER TRUNCATE ON score
    FOR EACH STATEMENT EXECUTE FUNCTION score_truncated();

-- A transition table takes one event per trigger, hence three triggers a table. New players need
-- no notice (their scores bring one); a changed player_id (key rotation) does.
DO $$
DECLARE
    spec   text[];
    event  text;
BEGIN
    FOREACH spec SLICE 1 IN ARRAY ARRAY[
        ['breed', 'sources', 'INSERT,UPDATE,DELETE'],
        ['category', 'sources', 'INSERT,UPDATE,DELETE'],
        ['image', 'sources', 'INSERT,UPDATE,DELETE'],
        ['breed_image', 'sources', 'INSERT,UPDATE,DELETE'],
        ['category_image', 'sources', 'INSERT,UPDATE,DELETE'],
        ['sync_run', 'sources', 'INSERT,UPDATE,DELETE'],
        ['player', 'any', 'UPDATE,DELETE'],
        ['queue_status', 'any', 'INSERT,UPDATE']]
    LOOP
        FOREACH event IN ARRAY string_to_array(spec[3], ',')
        LOOP
            EXECUTE format(
                'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed_rows'
                    ' FOR EACH STATEMENT EXECUTE FUNCTION table_changed(%L)',
                spec[1] || '_' || lower(event) || '_notify', event, spec[1],
                CASE event WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END, spec[2]);
        END LOOP;
    END LOOP;
END
$$;
