-- sitrep store on PostgreSQL, schema version 1: the same tables as the SQLite store,
-- with a generated tsvector for full-text search.
CREATE TABLE articles (
  id            TEXT PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT,
  published     TEXT,
  source        TEXT,
  url           TEXT,
  text          TEXT NOT NULL,
  result        JSONB NOT NULL,
  version       TEXT NOT NULL,
  ingested_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  tsv           TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE article_aliases (
  alias       TEXT PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE events (
  article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  event_id      TEXT NOT NULL,
  code          TEXT NOT NULL,
  root          TEXT NOT NULL,
  quad          INTEGER NOT NULL,
  goldstein     REAL NOT NULL,
  plover        TEXT,
  mode          TEXT NOT NULL,
  source_code   TEXT,
  source_text   TEXT,
  target_code   TEXT,
  target_text   TEXT,
  date          TEXT,
  date_precision TEXT,
  place_name    TEXT,
  geonameid     INTEGER,
  country       TEXT,
  lat           REAL,
  lon           REAL,
  sentence      INTEGER,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);

CREATE TABLE actors (
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  actor_id    TEXT NOT NULL,
  name        TEXT NOT NULL,
  code        TEXT,
  country     TEXT,
  role        TEXT,
  type        TEXT,
  mentions    INTEGER NOT NULL,
  PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE places (
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  name        TEXT,
  geonameid   INTEGER,
  country     TEXT,
  lat         REAL,
  lon         REAL,
  PRIMARY KEY (article_id, start)
);
CREATE INDEX places_country ON places(country);
