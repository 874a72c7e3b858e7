-- The score queue as the drain last saw it, for the api's /api/v2/status (the api has no Redis):
-- one row, rewritten at the end of every drain run.
CREATE TABLE queue_status (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    observed_at        timestamptz NOT NULL,
    stream_length      bigint      NOT NULL,
    pending            bigint      NOT NULL,
    oldest_undelivered timestamptz,
    oldest_pending     timestamptz
);
