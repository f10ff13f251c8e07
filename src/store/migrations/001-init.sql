-- sitrep store, schema version 1: the tables both databases share. One row per distinct article body; the
-- full result is kept as JSON, and the parts that people query (events, actors, places) are laid out in tables
-- of their own. The types in double braces are each database's own (src/store/migrations.ts);
-- full-text search is in each database's own file, 001-init.sqlite.sql or 001-init.pg.sql.
CREATE TABLE articles (
  id            TEXT PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT,
  published     TEXT,
  source        TEXT,
  url           TEXT,
  text          TEXT NOT NULL,
  result        {{json}},                -- the full Result as JSON
  version       TEXT NOT NULL,           -- sitrep version that analysed it
  ingested_at   {{timestamp}}
);
CREATE INDEX articles_published ON articles(published);

-- other ids under which the same body was offered (duplicates in a corpus)
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
CREATE INDEX events_latlon ON events(lat, lon);

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
