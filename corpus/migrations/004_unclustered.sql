-- Sources whose documents changed but whose near-duplicate clusters are
-- not yet brought up to date. Clustering runs in batches after the
-- documents are stored; a process killed in between leaves the mark, and
-- the next import clusters those sources first.
ALTER TABLE sources ADD COLUMN clustered INTEGER NOT NULL DEFAULT 1;
CREATE INDEX sources_unclustered ON sources (source) WHERE clustered = 0;
