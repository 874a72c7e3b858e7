-- A player's user_uuid and badge MAC address are the badge API's credentials: they never leave
-- our system. Each player gets a public id instead, a keyed hash of the uuid (HMAC-SHA-256 with
-- PLAYER_ID_KEY, 12 base32 characters) computed by the syncronizer, which alone holds the key.
-- Existing players get theirs when the syncronizer starts (PlayerIds); a new key recomputes all.
CREATE TABLE player (
    player_uuid uuid PRIMARY KEY,
    player_id   text
);
-- Not unique: a collision of 60-bit ids (about 1 in 10^6 at a million players) must never stop
-- the drain; it would only show two players on one page.
CREATE INDEX player_id_idx ON player (player_id);
INSERT INTO player (player_uuid) SELECT DISTINCT player_uuid FROM score;

-- Which key computed the ids: a fingerprint (HMAC of a fixed text), never the key.
CREATE TABLE player_id_key (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now()
);
