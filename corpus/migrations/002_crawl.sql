-- Crawl state: each crawl's settings, its frontier, and the pages fetched,
-- written in the same transaction as a page's result so that a crawl
-- killed at any moment resumes exactly where it stopped.

-- One row per crawl started afresh; --resume continues the newest.
CREATE TABLE crawls (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	config      TEXT NOT NULL,             -- the crawl's settings as JSON
	started_at  TEXT NOT NULL,
	finished_at TEXT NOT NULL DEFAULT ''   -- '' while it can be resumed
);

-- Every URL a crawl has seen, canonical, once.
CREATE TABLE frontier (
	crawl_id        INTEGER NOT NULL REFERENCES crawls (id) ON DELETE CASCADE,
	url             TEXT NOT NULL,
	host            TEXT NOT NULL,
	pattern         TEXT NOT NULL,            -- the URL with digits folded, for the trap cap
	depth           INTEGER NOT NULL,
	hops            INTEGER NOT NULL DEFAULT 0, -- redirects followed to reach it
	status          TEXT NOT NULL,            -- queued, done, failed, skipped
	reason          TEXT NOT NULL DEFAULT '',
	discovered_from TEXT NOT NULL DEFAULT '',
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_try        INTEGER NOT NULL DEFAULT 0, -- unix milliseconds; 0 is at once
	seq             INTEGER NOT NULL,           -- discovery order
	PRIMARY KEY (crawl_id, url)
);
CREATE INDEX frontier_status ON frontier (crawl_id, status, seq);

-- The latest response for each URL ever fetched: what the conditional
-- re-fetch of a later crawl, duplicate detection and reextract need.
CREATE TABLE pages (
	url           TEXT PRIMARY KEY,
	crawl_id      INTEGER NOT NULL,
	status        INTEGER NOT NULL,
	content_type  TEXT NOT NULL DEFAULT '',
	kind          TEXT NOT NULL DEFAULT '',  -- list, article, other, unsupported
	outcome       TEXT NOT NULL DEFAULT '',  -- pending until the documents are stored or rejected
	content_hash  TEXT NOT NULL DEFAULT '',  -- SHA-256 of the body
	text_hash     TEXT NOT NULL DEFAULT '',  -- SHA-256 of the extracted text
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	warc_file     TEXT NOT NULL DEFAULT '',  -- relative to the data folder's warc/
	warc_offset   INTEGER NOT NULL DEFAULT 0,
	fetched_at    TEXT NOT NULL
);
CREATE INDEX pages_content_hash ON pages (content_hash);
CREATE INDEX pages_text_hash ON pages (text_hash);
CREATE INDEX pages_crawl_outcome ON pages (crawl_id, outcome);
