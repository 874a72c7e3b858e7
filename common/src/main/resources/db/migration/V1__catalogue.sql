-- Catalogue copied from TheCatAPI-compatible upstreams. Rows carry their source so that several
-- upstreams (cats, dogs, ...) live side by side. Rows that vanish upstream are marked removed_at,
-- never deleted, so the api can keep or hide them deliberately.

CREATE TABLE breed (
    source             text        NOT NULL,
    id                 text        NOT NULL,
    name               text        NOT NULL,
    origin             text,
    country_code       text,
    description        text,
    -- Display names, distinct case-insensitively, in upstream order.
    temperaments       text[]      NOT NULL DEFAULT '{}',
    -- Lower-cased twins of temperaments, indexed for case-insensitive "has all of" filters.
    temperament_keys   text[]      NOT NULL DEFAULT '{}',
    life_span          text,
    weight_imperial    text,
    weight_metric      text,
    wikipedia_url      text,
    reference_image_id text,
    -- Numeric traits (0..5 scales and 0/1 flags) under their upstream names.
    traits             jsonb       NOT NULL DEFAULT '{}',
    -- Hash of the normalised content: a resync with unchanged upstream writes nothing.
    content_hash       text        NOT NULL,
    first_seen_at      timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    removed_at         timestamptz,
    PRIMARY KEY (source, id)
);
CREATE INDEX breed_origin_idx ON breed (lower(origin));
CREATE INDEX breed_temperament_keys_idx ON breed USING gin (temperament_keys);

CREATE TABLE category (
    source        text        NOT NULL,
    id            integer     NOT NULL,
    name          text        NOT NULL,
    content_hash  text        NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    removed_at    timestamptz,
    PRIMARY KEY (source, id)
);
CREATE INDEX category_name_idx ON category (lower(name));

CREATE TABLE image (
    source        text        NOT NULL,
    id            text        NOT NULL,
    url           text        NOT NULL,
    width         integer,
    height        integer,
    content_hash  text        NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, id)
);

CREATE TABLE breed_image (
    source   text     NOT NULL,
    breed_id text     NOT NULL,
    image_id text     NOT NULL,
    position smallint NOT NULL,
    PRIMARY KEY (source, breed_id, image_id),
    FOREIGN KEY (source, breed_id) REFERENCES breed (source, id),
    FOREIGN KEY (source, image_id) REFERENCES image (source, id)
);

CREATE TABLE category_image (
    source      text     NOT NULL,
    category_id integer  NOT NULL,
    image_id    text     NOT NULL,
    position    smallint NOT NULL,
    PRIMARY KEY (source, category_id, image_id),
    FOREIGN KEY (source, category_id) REFERENCES category (source, id),
    FOREIGN KEY (source, image_id) REFERENCES image (source, id)
);

-- One row per sync job run: what operators read through the control API.
CREATE TABLE sync_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job         text        NOT NULL,
    source      text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    outcome     text        NOT NULL DEFAULT 'running'
        CHECK (outcome IN ('running', 'succeeded', 'failed')),
    inserted    integer     NOT NULL DEFAULT 0,
    updated     integer     NOT NULL DEFAULT 0,
    removed     integer     NOT NULL DEFAULT 0,
    rejected    integer     NOT NULL DEFAULT 0,
    error       text
);
CREATE INDEX sync_run_job_started_idx ON sync_run (job, started_at DESC);
