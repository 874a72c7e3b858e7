-- A small, known catalogue and score set for the api tests (written as the owner; the api reads
-- it as the SELECT-only role).
INSERT INTO breed (source, id, name, origin, country_code, description, temperaments, temperament_keys,
                   life_span, weight_imperial, weight_metric, wikipedia_url, reference_image_id, traits,
                   content_hash, removed_at) VALUES
 ('thecatapi', 'abys', 'Abyssinian', 'Egypt', 'EG', 'Easy to care for.', '{Active,Energetic,Curious}',
  '{active,energetic,curious}', '14 - 15', '7 - 10', '3 - 5', 'https://en.wikipedia.org/wiki/Abyssinian_(cat)',
  'img-abys', '{"energy_level": 5, "lap": 0}', 'h1', NULL),
 ('thecatapi', 'acur', 'American Curl', 'United States', 'US', 'Curled ears.', '{Affectionate,Curious,Playful}',
  '{affectionate,curious,playful}', '12 - 16', '5 - 10', '2 - 5', NULL, NULL, '{}', 'h2', NULL),
 ('thecatapi', 'asho', 'American Shorthair', 'United States', 'US', 'Robust.', '{Calm,Playful}',
  '{calm,playful}', '15 - 17', '8 - 15', '4 - 7', NULL, NULL, '{}', 'h3', NULL),
 ('thecatapi', 'beng', 'Bengal', NULL, NULL, 'Wild looking.', '{Alert,Curious}', '{alert,curious}',
  NULL, '6 - 12', NULL, NULL, NULL, '{}', 'h4', NULL),
 ('thecatapi', 'gone', 'Vanished Cat', 'Nowhere', NULL, NULL, '{Curious}', '{curious}', NULL, NULL, NULL,
  NULL, NULL, '{}', 'h5', now()),
 ('thedogapi', 'abys', 'Abyssinian Hound', 'Egypt', 'EG', 'Not a cat.', '{Loyal}', '{loyal}', NULL, NULL,
  NULL, NULL, NULL, '{}', 'h6', NULL);

INSERT INTO image (source, id, url, width, height, content_hash) VALUES
 ('thecatapi', 'img-abys', 'https://cdn2.thecatapi.com/images/img-abys.jpg', 1200, 1000, 'i1'),
 ('thecatapi', 'img-abys-2', 'https://cdn2.thecatapi.com/images/img-abys-2.jpg', 800, 600, 'i2'),
 ('thecatapi', 'img-hat-1', 'https://cdn2.thecatapi.com/images/img-hat-1.jpg', 500, 375, 'i3'),
 ('thecatapi', 'img-hat-2', 'https://cdn2.thecatapi.com/images/img-hat-2.gif', 640, 480, 'i4'),
 ('thecatapi', 'img-glasses', 'https://cdn2.thecatapi.com/images/img-glasses.jpg', 640, 480, 'i5');
INSERT INTO breed_image (source, breed_id, image_id, position) VALUES
 ('thecatapi', 'abys', 'img-abys', 0), ('thecatapi', 'abys', 'img-abys-2', 1);
INSERT INTO category (source, id, name, content_hash) VALUES
 ('thecatapi', 1, 'hats', 'c1'), ('thecatapi', 4, 'sunglasses', 'c4'), ('thecatapi', 5, 'boxes', 'c5');
INSERT INTO category_image (source, category_id, image_id, position) VALUES
 ('thecatapi', 1, 'img-hat-1', 0), ('thecatapi', 1, 'img-hat-2', 1), ('thecatapi', 4, 'img-glasses', 0);

-- Player A played all four games; B two; Breakout has 4 scores, one tie on score (shorter wins).
INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id) VALUES
 ('aaaaaaaa-0000-4000-8000-000000000001', 'AA:01', 1, 2210, 260, '2026-11-01T10:00:00Z', '1-0'),
 ('aaaaaaaa-0000-4000-8000-000000000001', 'AA:01', 1, 1840, 212, '2026-11-01T09:00:00Z', '2-0'),
 ('aaaaaaaa-0000-4000-8000-000000000001', 'AA:01', 2, 42, 61, '2026-11-01T09:30:00Z', '3-0'),
 ('aaaaaaaa-0000-4000-8000-000000000001', 'AA:01', 3, 1200, 130, '2026-11-01T09:40:00Z', '4-0'),
 ('aaaaaaaa-0000-4000-8000-000000000001', 'AA:01', 5, 77, 30, '2026-11-01T09:50:00Z', '5-0'),
 ('bbbbbbbb-0000-4000-8000-000000000002', 'BB:02', 1, 2210, 200, '2026-11-02T08:00:00Z', '6-0'),
 ('bbbbbbbb-0000-4000-8000-000000000002', 'BB:02', 1, 900, 100, '2026-10-30T08:00:00Z', '7-0'),
 ('bbbbbbbb-0000-4000-8000-000000000002', 'BB:02', 3, 50, 10, '2026-11-02T08:05:00Z', '8-0');

-- Their public ids (the syncronizer computes them with PLAYER_ID_KEY; any 12 base32 characters here).
INSERT INTO player (player_uuid, player_id) VALUES
 ('aaaaaaaa-0000-4000-8000-000000000001', 'playeraaaaaa'),
 ('bbbbbbbb-0000-4000-8000-000000000002', 'playerbbbbbb');

-- A player with a real-looking badge MAC, for the privacy scans (PrivacyIT): Labyrinth only.
INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id) VALUES
 ('dddddddd-0000-4000-8000-000000000004', '24:6F:28:AA:10:09', 2, 50, 70, '2026-11-03T10:00:00Z', '9-0');
INSERT INTO player (player_uuid, player_id) VALUES ('dddddddd-0000-4000-8000-000000000004', 'playerdddddd');

-- One successful catalogue sync: what Last-Modified and /api/v2/status report (FreshnessIT, StatusIT).
INSERT INTO sync_run (job, source, started_at, finished_at, outcome, inserted) VALUES
 ('catalog-thecatapi', 'thecatapi', '2026-11-04T11:59:00Z', '2026-11-04T12:00:00Z', 'succeeded', 6);
