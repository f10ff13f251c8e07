-- The map's index: schema version 1 had it on SQLite only; now both databases have it.
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);
