-- bench/mixed.sh: 10 M scores over the four games from 1 M players (10 each), written straight into
-- the tables (the triggers keep the counts), in ten statements of 1 M rows.
INSERT INTO player (player_uuid, player_id)
SELECT md5('bench-player-' || p)::uuid,
       translate(substr(md5('bench-id-' || p), 1, 12), '0189abcdef', 'qrstuvwxyz')
FROM generate_series(0, 999999) p
ON CONFLICT DO NOTHING;
DO $$
BEGIN
    FOR chunk IN 0..9 LOOP
        INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at,
                           stream_entry_id)
        SELECT md5('bench-player-' || (g % 1000000))::uuid, 'AA:BB:CC:DD:EE:FF',
               (ARRAY[1, 2, 3, 5])[1 + g % 4], (g::bigint * 7919) % 1000003, 30 + g % 600,
               now() - make_interval(secs => g / 10.0), 'bench-' || g
        FROM generate_series(chunk * 1000000, chunk * 1000000 + 999999) g
        ON CONFLICT DO NOTHING;
        COMMIT;
    END LOOP;
END
$$;
ANALYZE player;
ANALYZE score;
