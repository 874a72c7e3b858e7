-- Badge game scores drained from the Redis stream. A badge re-sends its whole high-score table on
-- every check-in, so the natural key makes repeats and redeliveries no-ops.

CREATE TABLE game (
    id           smallint PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    abbreviation text NOT NULL UNIQUE
);
INSERT INTO game (id, name, abbreviation) VALUES
    (1, 'Breakout', 'BO'),
    (2, 'Labyrinth', 'LA'),
    (3, 'Asteroids', 'RO'),
    (5, 'Tappytime', 'TT');

-- The natural key is the primary key: no surrogate id, so a batch insert maintains three indexes,
-- not five (the drain's throughput is bound by index maintenance; doc/benchmarks.md).
CREATE TABLE score (
    player_uuid     uuid        NOT NULL,
    mac_address     text        NOT NULL,
    game_id         smallint    NOT NULL REFERENCES game (id),
    score           bigint      NOT NULL,
    duration        bigint      NOT NULL,
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    -- Redis stream entry that first carried this score: traces a row back to its message.
    stream_entry_id text        NOT NULL,
    CONSTRAINT score_natural_key PRIMARY KEY (player_uuid, mac_address, game_id, score, duration)
);
CREATE INDEX score_best_idx ON score (game_id, score DESC, duration ASC);
CREATE INDEX score_recent_idx ON score (game_id, first_seen_at DESC);
