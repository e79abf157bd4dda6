package corpus

// The dedup tables (sketches, pairs, cluster members, and the sources'
// clustered mark) and the reads and writes on them. The store keeps them;
// package dedup decides what goes in them and what they mean.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// DupSketch is what package dedup keeps per document to find its copies
// incrementally: the MinHash signature and the sampled shingle hashes.
// The store treats the fields as opaque.
type DupSketch struct {
	// Seq numbers the stored sketches in the order they were stored and is
	// never reused, so a newer sketch of the same document has a new one.
	Seq       int64
	DocID     string
	Source    string
	Shingles  int
	Signature []byte
	Samples   []byte
}

// DupPair is a verified pair of documents, A < B. Score is the estimated
// number of shared shingles over the larger document's; AinB and BinA are
// the shares of A inside B and of B inside A.
type DupPair struct {
	A, B  string
	Score float64
	AinB  float64
	BinA  float64
}

// Other returns the member of the pair that is not id.
func (p DupPair) Other(id string) string {
	if p.A == id {
		return p.B
	}
	return p.A
}

// Membership is a document's place in a cluster of two or more copies.
type Membership struct {
	Cluster   string // the canonical member's ID
	Canonical bool
	Size      int
}

// DupDoc is what listing a cluster and choosing its canonical copy need of
// a document.
type DupDoc struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	SourceFile string `json:"source_file"`
	URL        string `json:"url,omitempty"`
	Title      string `json:"title"`
	Date       string `json:"date"`
	Publisher  string `json:"publisher"`
	Canonical  bool   `json:"canonical"`
}

// MembershipOf returns the cluster document id belongs to; ok is false for
// a document with no copies.
func (s *Store) MembershipOf(ctx context.Context, id string) (m Membership, ok bool, err error) {
	return membership(ctx, s.db, id)
}

// IsCanonical reports whether document id should be counted: it is the
// canonical copy of its cluster or has no copies. The view canonical_docs
// holds the same documents for SQL readers.
func (s *Store) IsCanonical(ctx context.Context, id string) (bool, error) {
	m, ok, err := s.MembershipOf(ctx, id)
	return !ok || m.Canonical, err
}

// CopyCounts returns, for each of ids that has copies, how many other
// documents hold a copy of it.
func (s *Store) CopyCounts(ctx context.Context, ids []string) (map[string]int, error) {
	out := map[string]int{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT doc_id, size FROM dedup_members
		WHERE doc_id IN (SELECT value FROM json_each(?)) AND size > 1`, string(list))
	if err != nil {
		return nil, fmt.Errorf("count copies of %d documents: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var size int
		if err := rows.Scan(&id, &size); err != nil {
			return nil, fmt.Errorf("count copies of %d documents: %w", len(ids), err)
		}
		out[id] = size - 1
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count copies of %d documents: %w", len(ids), err)
	}
	return out, nil
}

// Copies returns the members of document id's cluster, canonical first,
// including the document itself; it is empty for a document with no copies.
func (s *Store) Copies(ctx context.Context, id string) ([]DupDoc, error) {
	m, ok, err := s.MembershipOf(ctx, id)
	if err != nil || !ok {
		return []DupDoc{}, err
	}
	return clusterDocs(ctx, s.db, m.Cluster)
}

// EachCluster calls fn with every cluster of at least minSize members,
// canonical member first, in order of the canonical member's ID.
func (s *Store) EachCluster(ctx context.Context, minSize int, fn func(members []DupDoc) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT cluster FROM dedup_members WHERE size >= ? ORDER BY cluster`, minSize)
	if err != nil {
		return fmt.Errorf("list clusters: %w", err)
	}
	ids, err := scanStrings(rows)
	if err != nil {
		return fmt.Errorf("list clusters: %w", err)
	}
	for _, c := range ids {
		docs, err := clusterDocs(ctx, s.db, c)
		if err != nil {
			return err
		}
		if err := fn(docs); err != nil {
			return err
		}
	}
	return nil
}

// DupDocs returns the listing fields of the given documents that exist, in
// ID order.
func (s *Store) DupDocs(ctx context.Context, ids []string) ([]DupDoc, error) {
	return dupDocs(ctx, s.db, ids)
}

// PairsAbove returns every stored pair with a score of at least min, for
// clustering at a threshold other than the stored one.
func (s *Store) PairsAbove(ctx context.Context, min float64) ([]DupPair, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE score >= ? ORDER BY a, b`, min)
	if err != nil {
		return nil, fmt.Errorf("list pairs: %w", err)
	}
	return scanPairs(rows)
}

// PairsOf returns the stored pairs that involve document id, in order.
func (s *Store) PairsOf(ctx context.Context, id string) ([]DupPair, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE a = ?
		UNION ALL SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE b = ? ORDER BY a, b`, id, id)
	if err != nil {
		return nil, fmt.Errorf("pairs of %s: %w", id, err)
	}
	return scanPairs(rows)
}

// DedupTx is a transaction over the dedup tables. Changes of membership it
// writes append to the change log, so that an index re-reads the members.
// Its statements have fixed texts (lists of keys travel as one JSON array
// read with json_each), so the store's statement cache holds them all.
type DedupTx struct {
	tx  txn
	ctx context.Context
}

func (t *DedupTx) exec(q string, args ...any) error {
	_, err := t.tx.ExecContext(t.ctx, q, args...)
	return err
}

func (t *DedupTx) query(q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx, q, args...)
}

func (t *DedupTx) queryRow(q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, q, args...)
}

// jsonKeys encodes keys as the JSON array json_each reads.
func jsonKeys(keys []int64) string {
	b := make([]byte, 0, 2+21*len(keys))
	b = append(b, '[')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, k, 10)
	}
	return string(append(b, ']'))
}

// Dedup runs fn in one transaction, committing when it returns nil.
func (s *Store) Dedup(ctx context.Context, fn func(*DedupTx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	defer tx.Rollback()
	// Take the write lock before reading, so that a concurrent writer
	// makes this one wait (busy_timeout) instead of failing when it
	// upgrades a read transaction.
	if _, err := tx.ExecContext(ctx, `DELETE FROM dedup_members WHERE 0`); err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	t := &DedupTx{tx: tx, ctx: ctx}
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	return nil
}

// MarkClustered records that the clusters of source are up to date.
func (t *DedupTx) MarkClustered(source string) error {
	if err := t.exec(`UPDATE sources SET clustered = 1 WHERE source = ? AND clustered = 0`, source); err != nil {
		return fmt.Errorf("mark %s clustered: %w", source, err)
	}
	return nil
}

// UnclusteredSources returns the sources stored since their clusters were
// last brought up to date (see MarkClustered), in order.
func (s *Store) UnclusteredSources(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT source FROM sources WHERE clustered = 0 ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("unclustered sources: %w", err)
	}
	return scanStrings(rows)
}

// Clear deletes every sketch, pair and cluster, before a rebuild. Members
// it removes get a change so that the index forgets their clusters.
func (t *DedupTx) Clear() error {
	if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO changes (doc_id, deleted)
		SELECT m.doc_id, 0 FROM dedup_members m JOIN documents d ON d.id = m.doc_id ORDER BY m.doc_id`); err != nil {
		return fmt.Errorf("clear dedup: %w", err)
	}
	// The rebuild that follows clusters every stored source.
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE sources SET clustered = 1 WHERE clustered = 0`); err != nil {
		return fmt.Errorf("clear dedup: %w", err)
	}
	for _, table := range []string{"dedup_sketches", "dedup_pairs", "dedup_members"} {
		if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}
	return nil
}

// SketchIDsOfSource returns the documents of source that have a sketch.
func (t *DedupTx) SketchIDsOfSource(source string) ([]string, error) {
	rows, err := t.query(`SELECT doc_id FROM dedup_sketches WHERE source = ? ORDER BY doc_id`, source)
	if err != nil {
		return nil, fmt.Errorf("sketches of %s: %w", source, err)
	}
	return scanStrings(rows)
}

// Sketch returns the stored sketch of id; ok is false when there is none.
func (t *DedupTx) Sketch(id string) (sk DupSketch, ok bool, err error) {
	sk.DocID = id
	err = t.queryRow(`SELECT seq, source, shingles, signature, samples FROM dedup_sketches WHERE doc_id = ?`, id).
		Scan(&sk.Seq, &sk.Source, &sk.Shingles, &sk.Signature, &sk.Samples)
	if errors.Is(err, sql.ErrNoRows) {
		return sk, false, nil
	}
	if err != nil {
		return sk, false, fmt.Errorf("sketch of %s: %w", id, err)
	}
	return sk, true, nil
}

// PutSketch stores sk, ignoring its Seq, and returns the sequence number
// it was given. The document must have none: Forget the old one first.
func (t *DedupTx) PutSketch(sk DupSketch) (seq int64, err error) {
	err = t.queryRow(`INSERT INTO dedup_sketches (doc_id, source, shingles, signature, samples) VALUES (?, ?, ?, ?, ?) RETURNING seq`,
		sk.DocID, sk.Source, sk.Shingles, sk.Signature, sk.Samples).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("put sketch of %s: %w", sk.DocID, err)
	}
	return seq, nil
}

// Forget deletes the sketch of id and its pairs. Its membership is left
// for SetMembership, so that the change is logged.
func (t *DedupTx) Forget(id string) error {
	if err := t.exec(`DELETE FROM dedup_sketches WHERE doc_id = ?`, id); err != nil {
		return fmt.Errorf("delete sketch of %s: %w", id, err)
	}
	return t.DeletePairs(id)
}

// SketchesAfter calls fn with every stored sketch whose Seq is above seq,
// in order of Seq; DocID and Source are not loaded.
func (t *DedupTx) SketchesAfter(seq int64, fn func(DupSketch) error) error {
	rows, err := t.query(`SELECT seq, shingles, signature, samples FROM dedup_sketches WHERE seq > ? ORDER BY seq`, seq)
	if err != nil {
		return fmt.Errorf("sketches after %d: %w", seq, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sk DupSketch
		if err := rows.Scan(&sk.Seq, &sk.Shingles, &sk.Signature, &sk.Samples); err != nil {
			return fmt.Errorf("sketches after %d: %w", seq, err)
		}
		if err := fn(sk); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sketches after %d: %w", seq, err)
	}
	return nil
}

// SketchDocs returns the documents of the stored sketches numbered seqs,
// by number; numbers of sketches since forgotten are left out.
func (t *DedupTx) SketchDocs(seqs []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(seqs))
	if len(seqs) == 0 {
		return out, nil
	}
	rows, err := t.query(`SELECT seq, doc_id FROM dedup_sketches WHERE seq IN (SELECT value FROM json_each(?))`, jsonKeys(seqs))
	if err != nil {
		return nil, fmt.Errorf("read %d sketches: %w", len(seqs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var id string
		if err := rows.Scan(&seq, &id); err != nil {
			return nil, fmt.Errorf("read %d sketches: %w", len(seqs), err)
		}
		out[seq] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %d sketches: %w", len(seqs), err)
	}
	return out, nil
}

// Pairs returns the stored pairs that involve id.
func (t *DedupTx) Pairs(id string) ([]DupPair, error) {
	rows, err := t.query(`SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE a = ?
		UNION ALL SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE b = ?`, id, id)
	if err != nil {
		return nil, fmt.Errorf("pairs of %s: %w", id, err)
	}
	return scanPairs(rows)
}

// AllPairs returns every stored pair with a score of at least min.
func (t *DedupTx) AllPairs(min float64) ([]DupPair, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT a, b, score, a_in_b, b_in_a FROM dedup_pairs WHERE score >= ? ORDER BY a, b`, min)
	if err != nil {
		return nil, fmt.Errorf("list pairs: %w", err)
	}
	return scanPairs(rows)
}

// PutPair stores p, putting the smaller ID first.
func (t *DedupTx) PutPair(p DupPair) error {
	if p.B < p.A {
		p.A, p.B, p.AinB, p.BinA = p.B, p.A, p.BinA, p.AinB
	}
	err := t.exec(`INSERT INTO dedup_pairs (a, b, score, a_in_b, b_in_a) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, a_in_b = excluded.a_in_b, b_in_a = excluded.b_in_a`,
		p.A, p.B, p.Score, p.AinB, p.BinA)
	if err != nil {
		return fmt.Errorf("put pair %s %s: %w", p.A, p.B, err)
	}
	return nil
}

// DeletePairs deletes the pairs that involve id.
func (t *DedupTx) DeletePairs(id string) error {
	if err := t.exec(`DELETE FROM dedup_pairs WHERE a = ? OR b = ?`, id, id); err != nil {
		return fmt.Errorf("delete pairs of %s: %w", id, err)
	}
	return nil
}

// Membership returns the cluster of id; ok is false when it has none.
func (t *DedupTx) Membership(id string) (m Membership, ok bool, err error) {
	err = t.queryRow(membershipQuery, id).Scan(&m.Cluster, &m.Canonical, &m.Size)
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("cluster of %s: %w", id, err)
	}
	return m, true, nil
}

// ClusterIDs returns the members of cluster.
func (t *DedupTx) ClusterIDs(cluster string) ([]string, error) {
	rows, err := t.query(`SELECT doc_id FROM dedup_members WHERE cluster = ? ORDER BY doc_id`, cluster)
	if err != nil {
		return nil, fmt.Errorf("members of %s: %w", cluster, err)
	}
	return scanStrings(rows)
}

// SetMembership records the cluster of id, or that it has none when m is
// nil. It appends a change, for the index, only when the document exists
// and stops or starts being canonical: the index holds nothing else of a
// cluster, and re-indexing every member whenever a cluster grew was most
// of what clustering cost an import.
func (t *DedupTx) SetMembership(id string, m *Membership) error {
	old, had, err := t.Membership(id)
	if err != nil {
		return err
	}
	if (m == nil && !had) || (m != nil && had && *m == old) {
		return nil
	}
	if m == nil {
		err = t.exec(`DELETE FROM dedup_members WHERE doc_id = ?`, id)
	} else {
		err = t.exec(`INSERT INTO dedup_members (doc_id, cluster, canonical, size) VALUES (?, ?, ?, ?)
			ON CONFLICT (doc_id) DO UPDATE SET cluster = excluded.cluster, canonical = excluded.canonical, size = excluded.size`,
			id, m.Cluster, m.Canonical, m.Size)
	}
	if err != nil {
		return fmt.Errorf("set cluster of %s: %w", id, err)
	}
	wasCanonical, isCanonical := !had || old.Canonical, m == nil || m.Canonical
	if wasCanonical == isCanonical {
		return nil
	}
	if err := t.exec(`INSERT INTO changes (doc_id, deleted) SELECT id, 0 FROM documents WHERE id = ?`, id); err != nil {
		return fmt.Errorf("log cluster change of %s: %w", id, err)
	}
	return nil
}

// MemberIDs returns every document that has a cluster.
func (t *DedupTx) MemberIDs() ([]string, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT doc_id FROM dedup_members ORDER BY doc_id`)
	if err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	return scanStrings(rows)
}

// DupDocs returns the listing fields of the given documents that exist.
func (t *DedupTx) DupDocs(ids []string) ([]DupDoc, error) {
	return dupDocs(t.ctx, t.tx, ids)
}

const membershipQuery = `SELECT cluster, canonical, size FROM dedup_members WHERE doc_id = ?`

func membership(ctx context.Context, q queryer, id string) (m Membership, ok bool, err error) {
	err = q.QueryRowContext(ctx, membershipQuery, id).Scan(&m.Cluster, &m.Canonical, &m.Size)
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("cluster of %s: %w", id, err)
	}
	return m, true, nil
}

func clusterDocs(ctx context.Context, q queryer, cluster string) ([]DupDoc, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.source, d.source_file, d.url, d.title, d.date, d.publisher, m.canonical
		FROM dedup_members m JOIN documents d ON d.id = m.doc_id WHERE m.cluster = ? ORDER BY m.canonical DESC, d.id`, cluster)
	if err != nil {
		return nil, fmt.Errorf("members of %s: %w", cluster, err)
	}
	return scanDupDocs(rows)
}

func dupDocs(ctx context.Context, q queryer, ids []string) ([]DupDoc, error) {
	out := []DupDoc{}
	// SQLite limits bound parameters; 500 stays well below every default.
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		rows, err := q.QueryContext(ctx, `SELECT d.id, d.source, d.source_file, d.url, d.title, d.date, d.publisher,
			COALESCE(m.canonical, 1) FROM documents d LEFT JOIN dedup_members m ON m.doc_id = d.id
			WHERE d.id IN (?`+strings.Repeat(", ?", n-1)+`) ORDER BY d.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("read documents: %w", err)
		}
		docs, err := scanDupDocs(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
		ids = ids[n:]
	}
	return out, nil
}

func scanDupDocs(rows *sql.Rows) ([]DupDoc, error) {
	defer rows.Close()
	out := []DupDoc{}
	for rows.Next() {
		var d DupDoc
		if err := rows.Scan(&d.ID, &d.Source, &d.SourceFile, &d.URL, &d.Title, &d.Date, &d.Publisher, &d.Canonical); err != nil {
			return nil, fmt.Errorf("read documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func scanPairs(rows *sql.Rows) ([]DupPair, error) {
	defer rows.Close()
	var out []DupPair
	for rows.Next() {
		var p DupPair
		if err := rows.Scan(&p.A, &p.B, &p.Score, &p.AinB, &p.BinA); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
