-- What GET /api/v2/games/BO/leaderboard?sortBy=best runs (ScoreRepository): game, the count the
-- V8 trigger keeps, page 1 with the players' public ids.
SELECT id, name, abbreviation FROM game
  WHERE id::text = 'BO' OR lower(name) = lower('BO') OR lower(abbreviation) = lower('BO');
SELECT coalesce((SELECT scores FROM game_score_count WHERE game_id = 1), 0);
SELECT p.player_id, s.score, s.duration, s.first_seen_at FROM score s
  JOIN player p ON p.player_uuid = s.player_uuid
  WHERE s.game_id = 1 ORDER BY s.score DESC, s.duration ASC, s.player_uuid LIMIT 20 OFFSET 0;
