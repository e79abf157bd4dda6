-- Near-duplicate detection (package dedup) and provenance.
--
-- The dedup tables carry no foreign keys on purpose: when a document goes,
-- package dedup must first read its pairs and cluster to re-cluster the
-- documents it was linked to, so it deletes these rows itself.

-- One MinHash sketch per document: the number of distinct shingles, the
-- signature (little-endian uint32s) and the sampled shingle hashes.
CREATE TABLE dedup_sketches (
	doc_id    TEXT PRIMARY KEY,
	source    TEXT NOT NULL,
	shingles  INTEGER NOT NULL,
	signature BLOB NOT NULL,
	samples   BLOB NOT NULL
);
CREATE INDEX dedup_sketches_source ON dedup_sketches (source);

-- LSH bands: documents that share a band key are candidate near-duplicates.
-- Neither postings table has an index by document: a document's keys are
-- recomputed from its sketch to delete them, which halves their cost.
CREATE TABLE dedup_bands (
	band   INTEGER NOT NULL,
	doc_id TEXT NOT NULL,
	PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;

-- Sampled shingles (hash mod p = 0): documents that share them are
-- candidates for containment, which bands do not find.
CREATE TABLE dedup_samples (
	hash   INTEGER NOT NULL,
	doc_id TEXT NOT NULL,
	PRIMARY KEY (hash, doc_id)
) WITHOUT ROWID;

-- Verified pairs, a < b: score is the estimated shared shingles over the
-- larger document's; a_in_b and b_in_a are containments.
CREATE TABLE dedup_pairs (
	a      TEXT NOT NULL,
	b      TEXT NOT NULL,
	score  REAL NOT NULL,
	a_in_b REAL NOT NULL,
	b_in_a REAL NOT NULL,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX dedup_pairs_b ON dedup_pairs (b);

-- Members of clusters of two or more; a document without a row is unique.
-- cluster is the canonical member's id.
CREATE TABLE dedup_members (
	doc_id    TEXT PRIMARY KEY,
	cluster   TEXT NOT NULL,
	canonical INTEGER NOT NULL,
	size      INTEGER NOT NULL
);
CREATE INDEX dedup_members_cluster ON dedup_members (cluster);

-- Documents to count once: canonical copies and documents in no cluster.
CREATE VIEW canonical_docs AS
	SELECT d.* FROM documents d
	WHERE NOT EXISTS (SELECT 1 FROM dedup_members m WHERE m.doc_id = d.id AND m.canonical = 0);

-- Every place a document was seen: a file or URL, when, the hash of the
-- bytes, and for crawled pages the WARC record holding them.
CREATE TABLE provenance (
	doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	location     TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	first_seen   TEXT NOT NULL,
	last_seen    TEXT NOT NULL,
	warc_file    TEXT NOT NULL DEFAULT '',
	warc_offset  INTEGER NOT NULL DEFAULT -1,
	PRIMARY KEY (doc_id, location, content_hash)
);
