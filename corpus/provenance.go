package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Provenance is one place a document was seen at.
type Provenance struct {
	// Location is the file path or URL.
	Location string `json:"location"`
	// ContentHash is the SHA-256 of the bytes read there.
	ContentHash string    `json:"content_hash"`
	FirstSeen   time.Time `json:"first_seen"`
	LastSeen    time.Time `json:"last_seen"`
	// WARCFile and WARCOffset locate the WARC record of a crawled or
	// archived page: a file of the data folder's warc/ or the absolute path
	// of an imported archive, and the offset of the record's gzip member.
	// WARCInner is the record's offset within the member's decompressed
	// bytes, 0 unless the member holds records before it. WARCFile is ""
	// when there is no record.
	WARCFile   string `json:"warc_file,omitempty"`
	WARCOffset int64  `json:"warc_offset,omitempty"`
	WARCInner  int64  `json:"warc_inner,omitempty"`
}

// AddProvenance records that document docID was seen at p.Location with
// bytes hashing to p.ContentHash at p.LastSeen (the store's clock when
// zero). Seeing the same bytes at the same place again moves LastSeen and
// fills in a WARC location that was missing.
func (s *Store) AddProvenance(ctx context.Context, docID string, p Provenance) error {
	return addProvenance(ctx, s.db, docID, p, s.Now())
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func addProvenance(ctx context.Context, db execer, docID string, p Provenance, now time.Time) error {
	seen := p.LastSeen
	if seen.IsZero() {
		seen = now
	}
	ts := seen.UTC().Format(time.RFC3339)
	off := p.WARCOffset
	if p.WARCFile == "" {
		off = -1
	}
	_, err := db.ExecContext(ctx, `INSERT INTO provenance (doc_id, location, content_hash, first_seen, last_seen, warc_file, warc_offset, warc_inner)
		SELECT id, ?, ?, ?, ?, ?, ?, ? FROM documents WHERE id = ?
		ON CONFLICT (doc_id, location, content_hash) DO UPDATE SET
			last_seen = MAX(last_seen, excluded.last_seen),
			first_seen = MIN(first_seen, excluded.first_seen),
			warc_file = CASE WHEN excluded.warc_file != '' THEN excluded.warc_file ELSE warc_file END,
			warc_offset = CASE WHEN excluded.warc_file != '' THEN excluded.warc_offset ELSE warc_offset END,
			warc_inner = CASE WHEN excluded.warc_file != '' THEN excluded.warc_inner ELSE warc_inner END`,
		p.Location, p.ContentHash, ts, ts, p.WARCFile, off, p.WARCInner, docID)
	if err != nil {
		return fmt.Errorf("add provenance of %s: %w", docID, err)
	}
	return nil
}

// AddSourceProvenance records p for every document stored from source, for
// callers (the crawler) that know a URL and its WARC record but not the
// parts it was split into.
func (s *Store) AddSourceProvenance(ctx context.Context, source string, p Provenance) error {
	ids, err := s.sourceIDs(ctx, source)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.AddProvenance(ctx, id, p); err != nil {
			return err
		}
	}
	return nil
}

// addSourceProvenance is AddSourceProvenance within tx.
func addSourceProvenance(ctx context.Context, tx txn, source string, p Provenance, now time.Time) error {
	ids, err := sourceIDs(ctx, tx, source)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := addProvenance(ctx, tx, id, p, now); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) sourceIDs(ctx context.Context, source string) ([]string, error) {
	return sourceIDs(ctx, s.db, source)
}

func sourceIDs(ctx context.Context, q queryer, source string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM documents WHERE source = ? ORDER BY part`, source)
	if err != nil {
		return nil, fmt.Errorf("documents of %s: %w", source, err)
	}
	return scanStrings(rows)
}

// ProvenanceOf returns the places document id was seen at, earliest first.
func (s *Store) ProvenanceOf(ctx context.Context, id string) ([]Provenance, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT location, content_hash, first_seen, last_seen, warc_file, warc_offset, warc_inner
		FROM provenance WHERE doc_id = ? ORDER BY first_seen, location`, id)
	if err != nil {
		return nil, fmt.Errorf("provenance of %s: %w", id, err)
	}
	defer rows.Close()
	out := []Provenance{}
	for rows.Next() {
		var p Provenance
		var first, last string
		if err := rows.Scan(&p.Location, &p.ContentHash, &first, &last, &p.WARCFile, &p.WARCOffset, &p.WARCInner); err != nil {
			return nil, fmt.Errorf("provenance of %s: %w", id, err)
		}
		p.FirstSeen, _ = time.Parse(time.RFC3339, first)
		p.LastSeen, _ = time.Parse(time.RFC3339, last)
		if p.WARCFile == "" {
			p.WARCOffset = 0
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
