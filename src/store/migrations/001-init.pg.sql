-- sitrep store, schema version 1, PostgreSQL's part: the articles table, with the result as JSONB and a
-- generated tsvector for full-text search.
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
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
