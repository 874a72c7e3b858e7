-- More breeds than v2's default page (20), as the recorded catalogue has (67): an old client read
-- them all with one call. Added to seed.sql in V1ContractIT's own database.
INSERT INTO breed (source, id, name, origin, temperaments, temperament_keys, content_hash)
SELECT 'thecatapi', 'zz' || lpad(n::text, 2, '0'), 'Extra Cat ' || n, 'Norway', '{Quiet}', '{quiet}', 'x' || n
FROM generate_series(1, 30) n;
