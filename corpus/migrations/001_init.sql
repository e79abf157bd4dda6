-- Documents, their quantities and campaigns, the files and pages they came
-- from, and the sequence of changes that an index follows.
CREATE TABLE documents (
	id           TEXT PRIMARY KEY,
	source       TEXT NOT NULL,
	source_file  TEXT NOT NULL,
	url          TEXT NOT NULL DEFAULT '',
	part         INTEGER NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	year         INTEGER NOT NULL DEFAULT 0,
	publisher    TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	province     TEXT NOT NULL DEFAULT '',
	city         TEXT NOT NULL DEFAULT '',
	county       TEXT NOT NULL DEFAULT '',
	doctype      TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL,
	content_hash TEXT NOT NULL DEFAULT '',
	seq          INTEGER NOT NULL DEFAULT 0,
	added_at     TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX documents_source ON documents (source, part);
CREATE INDEX documents_year ON documents (year);

CREATE TABLE metrics (
	doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	n        INTEGER NOT NULL,
	category TEXT NOT NULL,
	value    REAL NOT NULL,
	low      REAL NOT NULL,
	high     REAL NOT NULL,
	unit     TEXT NOT NULL,
	approx   TEXT NOT NULL,
	subject  TEXT NOT NULL,
	surface  TEXT NOT NULL,
	sentence TEXT NOT NULL,
	offset   INTEGER NOT NULL,
	PRIMARY KEY (doc_id, n)
);
CREATE INDEX metrics_category ON metrics (category);

CREATE TABLE campaigns (
	doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	key    TEXT NOT NULL,
	name   TEXT NOT NULL,
	count  INTEGER NOT NULL,
	PRIMARY KEY (doc_id, key)
);
CREATE INDEX campaigns_key ON campaigns (key);

-- One row per imported file or fetched URL: what its bytes hashed to when
-- they were last parsed, so an unchanged source is skipped.
CREATE TABLE sources (
	source       TEXT PRIMARY KEY,
	content_hash TEXT NOT NULL,
	parts        INTEGER NOT NULL,
	updated_at   TEXT NOT NULL
);

-- Every write of a document appends a change; an index applies the changes
-- after the last sequence number it has seen.
CREATE TABLE changes (
	seq     INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_id  TEXT NOT NULL,
	deleted INTEGER NOT NULL
);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
