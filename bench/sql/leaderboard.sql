-- What GET /api/v2/games/BO/leaderboard?sortBy=best runs (ScoreRepository): game, count, page 1.
SELECT id, name, abbreviation FROM game
  WHERE id::text = 'BO' OR lower(name) = lower('BO') OR lower(abbreviation) = lower('BO');
SELECT count(*) FROM score WHERE game_id = 1;
SELECT player_uuid, mac_address, score, duration, first_seen_at FROM score
  WHERE game_id = 1 ORDER BY score DESC, duration ASC, player_uuid LIMIT 20 OFFSET 0;
