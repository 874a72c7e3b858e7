-- LeaderboardReachIT: Tappytime (game 5) with 31 scores and ties in every order: six players share
-- one score and duration, two badges of one player hold the same result seen at the same time
-- (rows that look the same), and first-seen times repeat.
INSERT INTO player (player_uuid, player_id)
SELECT ('eeeeeeee-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'playerreach' || chr(96 + g)
FROM generate_series(1, 24) g;
INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id)
SELECT ('eeeeeeee-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'EE:' || g, 5,
       CASE WHEN g <= 6 THEN 500 ELSE 100 + g * 7 % 40 END,
       CASE WHEN g <= 6 THEN 50 ELSE g END,
       timestamptz '2026-11-05T10:00:00Z' + (g % 5) * interval '1 minute', 'r-' || g
FROM generate_series(1, 24) g;
INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id)
SELECT 'eeeeeeee-0000-4000-8000-000000000003', 'EF:' || g, 5, 500 + g % 2, 50,
       timestamptz '2026-11-05T10:03:00Z', 'r2-' || g
FROM generate_series(1, 6) g;
