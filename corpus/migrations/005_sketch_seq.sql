-- Candidate postings move out of SQLite: package dedup keeps them in
-- memory, built from the stored sketches, because about ninety random
-- B-tree inserts per document were most of what clustering cost. Each
-- sketch gets a sequence number that is never reused (AUTOINCREMENT), so
-- that a process can read just the sketches others stored since it last
-- looked, and can tell a posting of a forgotten sketch from a live one.
CREATE TABLE dedup_sketches_seq (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_id    TEXT NOT NULL UNIQUE,
	source    TEXT NOT NULL,
	shingles  INTEGER NOT NULL,
	signature BLOB NOT NULL,
	samples   BLOB NOT NULL
);
INSERT INTO dedup_sketches_seq (doc_id, source, shingles, signature, samples)
	SELECT doc_id, source, shingles, signature, samples FROM dedup_sketches ORDER BY rowid;
DROP TABLE dedup_sketches;
ALTER TABLE dedup_sketches_seq RENAME TO dedup_sketches;
CREATE INDEX dedup_sketches_source ON dedup_sketches (source);
DROP TABLE dedup_bands;
DROP TABLE dedup_samples;
