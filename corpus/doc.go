// Package corpus defines the document model (documents, their metrics and
// campaigns) and the SQLite store that is the project's source of truth.
//
// # Store
//
// The store is one SQLite file in WAL mode, so an importing or crawling
// process can write while a serving process reads. Its schema lives in
// migrations/*.sql, applied in order inside one transaction each and
// recorded in the migrations table.
//
//   - documents: one row per document; id is DocID(source, part), the first
//     16 hex digits of SHA-256 over the absolute path or URL and the part
//     number, so re-reading a source replaces its rows.
//   - metrics, campaigns: rows linked to a document, written in the same
//     transaction as it and deleted with it.
//   - sources: the content hash each source had when last parsed, so an
//     unchanged file is not parsed again.
//   - changes: an append-only log (seq, doc_id, deleted). An index records
//     the last seq it applied and catches up from there, which is how a
//     server finds documents that another process imported.
//   - meta: small key/value facts such as the time of the last import.
package corpus
