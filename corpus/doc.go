// Package corpus defines the document model (documents, their metrics and
// campaigns) and the SQLite store that is the project's source of truth.
//
// # Store
//
// The store is one SQLite file (corpus.db in the data folder) in WAL mode,
// so an importing or crawling process can write while a serving process
// reads. Its schema lives in migrations/*.sql, applied in order, each in
// one transaction, and recorded in the migrations table; this comment says
// what each table holds, who writes it and who reads it. Times are
// RFC 3339 text in UTC unless a column says otherwise; hashes are SHA-256
// in lower-case hex.
//
// # Document IDs
//
// A document's id is DocID(source, part): the first 16 hex digits of
// SHA-256 over the source (an absolute file path, or a URL) and the part
// number, so re-reading a source gives its documents the same IDs, and
// ReplaceSource replaces them in place.
//
// # Documents
//
//   - documents: one row per document, keyed by id. source is the absolute
//     path or URL it was read from, source_file the name as the user gave
//     it, url the page's URL ("" for a file), part its place in a
//     compilation (0 for a source of one document). title, date
//     (YYYY-MM-DD, or shorter when only the year or month is known), year
//     (0 when unknown), publisher, author, province, city, county and
//     doctype (speech, summary, news, experience, other) are the extracted
//     metadata; body is the paragraphs joined by "\n", the text that
//     metric offsets count into. content_hash is the hash of the source's
//     bytes, seq the change (below) that last wrote the row, added_at and
//     updated_at when it was first and last written. Written by
//     ReplaceSource only; read by everyone.
//   - metrics: the quantities of a document, keyed by (doc_id, n), n their
//     order in the text: category (funds, people, rate, count), value in
//     base units with its bounds low and high, unit, approx ("", about,
//     over, under), subject, the surface as written, the sentence that
//     holds it and offset, its character (rune) offset in body. Written in
//     the same transaction as the document, deleted with it (ON DELETE
//     CASCADE); read by package report.
//   - campaigns: the campaigns a document names, keyed by (doc_id, key):
//     key groups spellings (zh.NameKey), name is as written, count the
//     mentions. Written and deleted with the document; read by report and
//     the index.
//   - sources: one row per imported file or fetched URL, keyed by source:
//     the content_hash its bytes had when last parsed, so that an unchanged
//     source is not parsed again, how many parts it gave, updated_at, and
//     clustered, 0 while its documents' near-duplicate clusters are not yet
//     brought up to date (see package dedup; a process killed between
//     storing and clustering leaves the mark, and the next import clusters
//     those sources first).
//   - provenance: every place a document was seen, keyed by (doc_id,
//     location, content_hash): location the path or URL, first_seen and
//     last_seen, and for a crawled page the WARC record that holds the
//     bytes, warc_file (relative to the data folder's warc/) and
//     warc_offset (-1 when there is none). Seeing the same bytes at the
//     same place again moves last_seen. Written by ReplaceSource and
//     AddProvenance, deleted with the document.
//
// # Following the store
//
//   - changes: an append-only log, seq (AUTOINCREMENT, never reused),
//     doc_id and deleted (1 when the document went). Every write of a
//     document appends one, as does a document's becoming or ceasing to be
//     the canonical copy of its cluster. An index records the last seq it
//     applied and catches up from there, which is how a server finds the
//     documents another process imported.
//   - meta: small key/value facts: last_import (when ReplaceSource last
//     stored something), and the dedup_threshold and dedup_containment the
//     clusters were built with (package dedup).
//   - migrations: the names of the migrations applied, one a row.
//
// # Crawl state
//
// Written by package crawler in the same transaction as each page's
// result, so that a crawl killed at any moment resumes where it stopped.
//
//   - crawls: one row per crawl started afresh, id AUTOINCREMENT: config
//     (its settings as JSON), started_at, and finished_at, "" while it can
//     be resumed; --resume continues the newest unfinished one.
//   - frontier: every canonical URL a crawl has seen, keyed by (crawl_id,
//     url): host, pattern (the URL with digits folded, for the cap on URLs
//     of one shape), depth, hops (redirects followed to reach it), status
//     (queued, done, failed, skipped) and reason, discovered_from,
//     attempts, next_try (Unix milliseconds; 0 is at once) and seq, the
//     discovery order.
//   - pages: the latest response to each URL ever fetched, keyed by url:
//     crawl_id, status, content_type, kind (list, article, other,
//     unsupported), outcome (pending until its documents are stored or
//     rejected; then stored, duplicate, short, offtopic …), content_hash of
//     the body and text_hash of the extracted text (for duplicates across
//     URLs), etag and last_modified (for a conditional re-fetch), the WARC
//     record (warc_file, warc_offset) and fetched_at. Reextract replays the
//     archive from it.
//
// # Near-duplicates
//
// Written by package dedup through DedupTx, which decides what the rows
// mean; the store only keeps them. They carry no foreign keys on purpose:
// when a document goes, dedup must first read its pairs and cluster to
// re-cluster the documents it was linked to, so it deletes these rows
// itself.
//
//   - dedup_sketches: one MinHash sketch per document, keyed by doc_id,
//     with source, seq (AUTOINCREMENT, never reused, so a process can read
//     just the sketches stored since it last looked and tell a forgotten
//     sketch's in-memory postings from a live one's), shingles (the number
//     of distinct five-character shingles), signature (little-endian
//     uint32s) and samples (the sampled shingle hashes). The candidate
//     postings are built from them in memory.
//   - dedup_pairs: verified pairs, keyed by (a, b) with a < b: score, the
//     estimated shared shingles over the larger document's, and a_in_b and
//     b_in_a, the share of each inside the other (containment).
//   - dedup_members: the members of clusters of two or more, keyed by
//     doc_id: cluster (the canonical member's id), canonical and size. A
//     document without a row is in no cluster.
//   - canonical_docs (a view): the documents to count once, canonical
//     copies and documents in no cluster, for SQL readers.
//
// Migration 003 made two more tables, dedup_bands and dedup_samples, the
// candidate postings; migration 005 dropped them when the postings moved
// into memory. SQLite keeps its own sqlite_sequence for the AUTOINCREMENT
// columns.
package corpus
