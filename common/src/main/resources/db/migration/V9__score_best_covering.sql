-- The best/worst leaderboard order, now with every column a leaderboard entry reads (the player and
-- first-seen time) in the index: a page skips the rows before it in the index alone, without a
-- visit to each row in the table. 10 000 rows deep (the api's page reach, LeaderboardProperties)
-- that took 54-78 ms at 10 M scores, and takes 2.3 ms now (doc/benchmarks.md, "Deep pages").
-- The index is ~17 % larger (644 against 551 MB at 10 M scores); the drain's \copy comparison
-- pays it too. Building it holds off score writes while it runs (~15 s at 10 M scores): the drain
-- waits, and the stream keeps the messages meanwhile.
CREATE INDEX score_best_covering_idx
    ON score (game_id, score DESC, duration ASC, player_uuid, first_seen_at);
DROP INDEX score_best_idx;
ALTER INDEX score_best_covering_idx RENAME TO score_best_idx;
