-- Indexes for the API's common event filters (country, root by date) and dyad aggregation.
CREATE INDEX events_country ON events(country);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_dyad ON events(source_code, target_code);
