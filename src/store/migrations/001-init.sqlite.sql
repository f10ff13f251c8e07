-- sitrep store, schema version 1, SQLite's part: the articles table and FTS5 over title and text.
-- One row per distinct article body; the full result is kept as JSON, and the parts that
-- people query (events, actors, places) are laid out in tables of their own (001-init.sql).
CREATE TABLE articles (
  id            TEXT PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT,
  published     TEXT,
  source        TEXT,
  url           TEXT,
  text          TEXT NOT NULL,
  result        TEXT NOT NULL,           -- the full Result as JSON
  version       TEXT NOT NULL,           -- sitrep version that analysed it
  ingested_at   TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
