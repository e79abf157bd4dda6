package corpus

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNotFound is returned when a document does not exist.
var ErrNotFound = errors.New("not found")

// Store is the corpus on disk.
type Store struct {
	db    *sql.DB
	stmts stmtCache
	// Now is the clock used for timestamps; tests may replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the store at path and brings its schema
// up to date.
func Open(path string) (*Store, error) {
	// busy_timeout lets a reader and a writer in different processes wait
	// for each other instead of failing with SQLITE_BUSY. Transactions take
	// the write lock when they begin (_txlock=immediate): a deferred one that
	// reads and then writes fails at once in WAL mode if another connection
	// wrote in between, and busy_timeout cannot help it. The page cache
	// (64 MB, filled only as pages are read) holds the dedup postings of a
	// large corpus, whose inserts land all over their tables; SQLite's 2 MB
	// default sent most of them to disk.
	dsn := "file:" + path + "?_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, stmts: stmtCache{db: db}, Now: time.Now}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.close()
	return s.db.Close()
}

// DB exposes the database for packages that keep their own tables in the
// store (crawl state) and for read-only queries.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) migrate() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	// Read what is applied in one query, so that opening an up-to-date
	// store (every command does) costs no transaction per migration;
	// migrateFile checks again inside its own, against another process.
	rows, err := s.db.Query(`SELECT name FROM migrations`)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	applied, err := scanStrings(rows)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	for _, name := range names {
		if slices.Contains(applied, name) {
			continue
		}
		if err := s.migrateFile(name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func (s *Store) migrateFile(name string) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow(`SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(string(buf)); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion is the number of migrations applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations`).Scan(&n)
	return n, err
}

// SourceHash returns the content hash recorded for source, and whether the
// source is known at all.
func (s *Store) SourceHash(ctx context.Context, source string) (string, bool, error) {
	var h string
	err := s.db.QueryRowContext(ctx, `SELECT content_hash FROM sources WHERE source = ?`, source).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("source hash %s: %w", source, err)
	}
	return h, true, nil
}

// ReplaceSource stores docs as the complete set of documents read from
// source, whose bytes hashed to hash. In one transaction it writes each
// document with its metrics and campaigns, deletes documents the source no
// longer yields, records that each was seen at source (provenance), and
// appends a change for each. Documents whose stored form
// is identical are left alone and produce no change. The source was seen
// now, by the store's clock.
func (s *Store) ReplaceSource(ctx context.Context, source, hash string, docs []Document) (changed int, err error) {
	return s.ReplaceSourceSeen(ctx, source, hash, time.Time{}, docs)
}

// ReplaceSourceSeen is ReplaceSource for bytes read from source at seen
// (zero for now): a page fetched earlier and parsed again from the
// archive was not seen again when it is parsed.
func (s *Store) ReplaceSourceSeen(ctx context.Context, source, hash string, seen time.Time, docs []Document) (changed int, err error) {
	n, err := s.ReplaceSources(ctx, []SourceWrite{{Source: source, Hash: hash, Seen: seen, Docs: docs}})
	if err != nil {
		return 0, err
	}
	return n[0], nil
}

// SourceWrite is one source for ReplaceSources: the documents read from
// Source, whose bytes hashed to Hash, at Seen (zero for now). SeenOnly
// means its bytes are stored as they are: only its provenance moves, as
// AddSourceProvenance does, and Docs are not read.
type SourceWrite struct {
	Source, Hash string
	Seen         time.Time
	Docs         []Document
	SeenOnly     bool
}

// ReplaceSources stores each of ws as ReplaceSourceSeen does, all in one
// transaction: either every one is stored or none is. It returns how many
// documents each wrote or deleted. One commit for a group of sources
// spares the commit of each (a WAL write and its sync, a third of what
// storing a generated document cost) and writes the pages of the
// documents' indexes once for the group.
func (s *Store) ReplaceSources(ctx context.Context, ws []SourceWrite) (changed []int, err error) {
	what := fmt.Sprintf("%d sources", len(ws))
	if len(ws) == 1 {
		what = ws[0].Source
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", what, err)
	}
	defer tx.Rollback()
	now := s.Now()
	changed = make([]int, len(ws))
	// The statements run without ctx's end: given a context that can end,
	// the driver starts a goroutine for every statement to interrupt it,
	// and a generated document takes some 60 statements. ctx is checked
	// between sources instead, and its end rolls the transaction back.
	sctx := context.WithoutCancel(ctx)
	for i := range ws {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store %s: %w", what, err)
		}
		w := &ws[i]
		if w.SeenOnly {
			err = addSourceProvenance(sctx, tx, w.Source, Provenance{Location: w.Source, ContentHash: w.Hash, LastSeen: w.Seen}, now)
		} else {
			changed[i], err = replaceSource(sctx, tx, w.Source, w.Hash, w.Seen, w.Docs, now)
		}
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", w.Source, err)
		}
	}
	if err := setMeta(sctx, tx, "last_import", now.UTC().Format(time.RFC3339)); err != nil {
		return nil, fmt.Errorf("store %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store %s: %w", what, err)
	}
	return changed, nil
}

// replaceSource is ReplaceSourceSeen within tx, at the store's time now.
func replaceSource(ctx context.Context, tx txn, source, hash string, seen time.Time, docs []Document, clock time.Time) (changed int, err error) {
	now := clock.UTC().Format(time.RFC3339)

	keep := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		if d.ID == "" {
			d.ID = DocID(source, d.Part)
		}
		d.Source = source
		keep[d.ID] = true
		same, err := sameAsStored(ctx, tx, d)
		if err != nil {
			return 0, err
		}
		if same {
			continue
		}
		seq, err := appendChange(ctx, tx, d.ID, false)
		if err != nil {
			return 0, err
		}
		if err := writeDocument(ctx, tx, d, seq, now); err != nil {
			return 0, err
		}
		changed++
	}

	rows, err := tx.QueryContext(ctx, `SELECT id FROM documents WHERE source = ?`, source)
	if err != nil {
		return 0, err
	}
	var stale []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		if !keep[id] {
			stale = append(stale, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, id := range stale {
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return 0, err
		}
		if _, err := appendChange(ctx, tx, id, true); err != nil {
			return 0, err
		}
		changed++
	}

	// Every document the source yields was seen there, with these bytes.
	for id := range keep {
		if err := addProvenance(ctx, tx, id, Provenance{Location: source, ContentHash: hash, LastSeen: seen}, clock); err != nil {
			return 0, err
		}
	}

	clustered := 1
	if changed > 0 {
		clustered = 0
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (source, content_hash, parts, updated_at, clustered) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET content_hash = excluded.content_hash, parts = excluded.parts, updated_at = excluded.updated_at,
			clustered = min(sources.clustered, excluded.clustered)`,
		source, hash, len(docs), now, clustered); err != nil {
		return 0, err
	}
	return changed, nil
}

func appendChange(ctx context.Context, tx txn, id string, deleted bool) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO changes (doc_id, deleted) VALUES (?, ?)`, id, deleted)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func setMeta(ctx context.Context, tx txn, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Meta returns a value recorded in the meta table, or "".
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta records a value in the meta table.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// sameAsStored reports whether d is already stored exactly as it is now, by
// comparing the fields that reach the store.
func sameAsStored(ctx context.Context, tx txn, d *Document) (bool, error) {
	old, err := getDocument(ctx, tx, d.ID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return documentsEqual(old, d), nil
}

func documentsEqual(a, b *Document) bool {
	if a.Source != b.Source || a.SourceFile != b.SourceFile || a.URL != b.URL || a.Part != b.Part ||
		a.Title != b.Title || a.Date != b.Date || a.Publisher != b.Publisher || a.Author != b.Author ||
		a.Region != b.Region || a.Doctype != b.Doctype || a.Text() != b.Text() || a.ContentHash != b.ContentHash ||
		len(a.Metrics) != len(b.Metrics) || len(a.Campaigns) != len(b.Campaigns) {
		return false
	}
	for i := range a.Metrics {
		if a.Metrics[i] != b.Metrics[i] {
			return false
		}
	}
	ac := map[string]Campaign{}
	for _, c := range a.Campaigns {
		ac[c.Key] = c
	}
	for _, c := range b.Campaigns {
		if ac[c.Key] != c {
			return false
		}
	}
	return true
}

func writeDocument(ctx context.Context, tx txn, d *Document, seq int64, now string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, source, source_file, url, part, title, date, year, publisher, author, province, city, county, doctype, body, content_hash, seq, added_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, source_file = excluded.source_file, url = excluded.url,
			part = excluded.part, title = excluded.title, date = excluded.date, year = excluded.year,
			publisher = excluded.publisher, author = excluded.author, province = excluded.province,
			city = excluded.city, county = excluded.county, doctype = excluded.doctype, body = excluded.body,
			content_hash = excluded.content_hash, seq = excluded.seq, updated_at = excluded.updated_at`,
		d.ID, d.Source, d.SourceFile, d.URL, d.Part, d.Title, d.Date, d.Year(), d.Publisher, d.Author,
		d.Region.Province, d.Region.City, d.Region.County, d.Doctype, d.Text(), d.ContentHash, seq, now, now)
	if err != nil {
		return fmt.Errorf("write document %s: %w", d.ID, err)
	}
	for _, q := range []string{`DELETE FROM metrics WHERE doc_id = ?`, `DELETE FROM campaigns WHERE doc_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, d.ID); err != nil {
			return err
		}
	}
	// Metrics go in rows of up to metricRows a statement: a generated
	// document has about 50, and each statement costs the driver a bind,
	// a step and a reset however many rows it writes.
	args := make([]any, 0, 12*min(len(d.Metrics), metricRows))
	for start := 0; start < len(d.Metrics); start += metricRows {
		chunk := d.Metrics[start:min(start+metricRows, len(d.Metrics))]
		args = args[:0]
		for i, m := range chunk {
			args = append(args, d.ID, start+i, m.Category, m.Value, m.Low, m.High, m.Unit, m.Approx, m.Subject, m.Surface, m.Sentence, m.Offset)
		}
		if _, err := tx.ExecContext(ctx, insertMetrics(len(chunk)), args...); err != nil {
			return fmt.Errorf("write metrics of %s: %w", d.ID, err)
		}
	}
	for _, c := range d.Campaigns {
		key := c.Key
		if key == "" {
			key = c.Name
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO campaigns (doc_id, key, name, count) VALUES (?, ?, ?, ?)
			ON CONFLICT (doc_id, key) DO UPDATE SET count = count + excluded.count`, d.ID, key, c.Name, c.Count); err != nil {
			return fmt.Errorf("write campaign of %s: %w", d.ID, err)
		}
	}
	return nil
}

// metricRows is how many metrics one INSERT writes at most.
const metricRows = 32

var metricInserts = sync.OnceValue(func() []string {
	qs := make([]string, metricRows+1)
	for n := 1; n <= metricRows; n++ {
		qs[n] = `INSERT INTO metrics (doc_id, n, category, value, low, high, unit, approx, subject, surface, sentence, offset) VALUES ` +
			strings.TrimSuffix(strings.Repeat(`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), `, n), ", ")
	}
	return qs
})

// insertMetrics is the statement that writes n metrics, 1 ≤ n ≤ metricRows.
func insertMetrics(n int) string { return metricInserts()[n] }

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

const documentColumns = `id, source, source_file, url, part, title, date, publisher, author, province, city, county, doctype, body, content_hash`

// scanDocument reads documentColumns, and into extra any columns that
// follow them.
func scanDocument(sc interface{ Scan(...any) error }, extra ...any) (*Document, error) {
	var d Document
	var body string
	if err := sc.Scan(append([]any{&d.ID, &d.Source, &d.SourceFile, &d.URL, &d.Part, &d.Title, &d.Date, &d.Publisher, &d.Author,
		&d.Region.Province, &d.Region.City, &d.Region.County, &d.Doctype, &body, &d.ContentHash}, extra...)...); err != nil {
		return nil, err
	}
	d.Body = splitBody(body)
	return &d, nil
}

func splitBody(body string) []string {
	if body == "" {
		return []string{}
	}
	return strings.Split(body, "\n")
}

func getDocument(ctx context.Context, q queryer, id string) (*Document, error) {
	d, err := scanDocument(q.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	if err := loadChildren(ctx, q, d); err != nil {
		return nil, err
	}
	return d, nil
}

func loadChildren(ctx context.Context, q queryer, d *Document) error {
	d.Metrics = []Metric{}
	d.Campaigns = []Campaign{}
	rows, err := q.QueryContext(ctx, `SELECT category, value, low, high, unit, approx, subject, surface, sentence, offset FROM metrics WHERE doc_id = ? ORDER BY n`, d.ID)
	if err != nil {
		return fmt.Errorf("metrics of %s: %w", d.ID, err)
	}
	for rows.Next() {
		var m Metric
		if err := rows.Scan(&m.Category, &m.Value, &m.Low, &m.High, &m.Unit, &m.Approx, &m.Subject, &m.Surface, &m.Sentence, &m.Offset); err != nil {
			rows.Close()
			return err
		}
		d.Metrics = append(d.Metrics, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT key, name, count FROM campaigns WHERE doc_id = ? ORDER BY rowid`, d.ID)
	if err != nil {
		return fmt.Errorf("campaigns of %s: %w", d.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c Campaign
		if err := rows.Scan(&c.Key, &c.Name, &c.Count); err != nil {
			return err
		}
		d.Campaigns = append(d.Campaigns, c)
	}
	return rows.Err()
}

// Get returns the document with the given ID, with its metrics and
// campaigns, or an error wrapping ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*Document, error) {
	return getDocument(ctx, s.db, id)
}

// Indexable is a document as the index needs it: with its campaigns but
// not its metrics, and whether it is the canonical copy of its cluster or
// has no copies.
type Indexable struct {
	*Document
	Canonical bool
}

// ToIndex returns, by ID, those of ids that exist, as the index needs
// them, in two queries however many there are: a catch-up that read each
// document whole took four.
func (s *Store) ToIndex(ctx context.Context, ids []string) (map[string]Indexable, error) {
	out := make(map[string]Indexable, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+documentColumns+`,
		COALESCE((SELECT canonical FROM dedup_members WHERE doc_id = documents.id), 1)
		FROM documents WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("read %d documents to index: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var canonical bool
		d, err := scanDocument(rows, &canonical)
		if err != nil {
			return nil, fmt.Errorf("read %d documents to index: %w", len(ids), err)
		}
		d.Metrics, d.Campaigns = []Metric{}, []Campaign{}
		out[d.ID] = Indexable{Document: d, Canonical: canonical}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %d documents to index: %w", len(ids), err)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT doc_id, key, name, count FROM campaigns
		WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`, string(list))
	if err != nil {
		return nil, fmt.Errorf("read campaigns of %d documents: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var c Campaign
		if err := rows.Scan(&id, &c.Key, &c.Name, &c.Count); err != nil {
			return nil, fmt.Errorf("read campaigns of %d documents: %w", len(ids), err)
		}
		if d, ok := out[id]; ok {
			d.Campaigns = append(d.Campaigns, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read campaigns of %d documents: %w", len(ids), err)
	}
	return out, nil
}

// EachToIndex calls fn for every document in ID order, as ToIndex reads
// them, a page at a time.
func (s *Store) EachToIndex(ctx context.Context, fn func(Indexable) error) error {
	after := ""
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 500`, after)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		ids, err := scanStrings(rows)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		docs, err := s.ToIndex(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			// One deleted since the listing is not in docs.
			if d, ok := docs[id]; ok {
				if err := fn(d); err != nil {
					return err
				}
			}
		}
		after = ids[len(ids)-1]
	}
}

// Each calls fn for every document in ID order, with metrics and campaigns,
// reading in pages so that memory does not grow with the corpus.
func (s *Store) Each(ctx context.Context, fn func(*Document) error) error {
	after := ""
	for {
		page, err := s.page(ctx, after, 500)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, d := range page {
			if err := fn(d); err != nil {
				return err
			}
		}
		after = page[len(page)-1].ID
	}
}

func (s *Store) page(ctx context.Context, after string, n int) ([]*Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id > ? ORDER BY id LIMIT ?`, after, n)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	var page []*Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		page = append(page, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, d := range page {
		if err := loadChildren(ctx, s.db, d); err != nil {
			return nil, err
		}
	}
	return page, nil
}

// Count returns the number of documents.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&n)
	return n, err
}

// CountMetrics returns the number of stored quantities.
func (s *Store) CountMetrics(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM metrics`).Scan(&n)
	return n, err
}

// Change is one entry of the change log.
type Change struct {
	Seq     int64
	DocID   string
	Deleted bool
}

// Changes returns up to limit changes with a sequence number above after,
// in order.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, doc_id, deleted FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read changes after %d: %w", after, err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.DocID, &c.Deleted); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LastSeq returns the highest change sequence number, 0 for an empty log.
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(seq) FROM changes`).Scan(&n)
	return n.Int64, err
}

// SourceDocuments returns the stored documents of source, by part.
func (s *Store) SourceDocuments(ctx context.Context, source string) ([]Document, error) {
	ids, err := s.sourceIDs(ctx, source)
	if err != nil {
		return nil, err
	}
	docs := make([]Document, 0, len(ids))
	for _, id := range ids {
		d, err := s.Get(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("documents of %s: %w", source, err)
		}
		docs = append(docs, *d)
	}
	return docs, nil
}

// EachBody calls fn with the ID, source and text of every document in ID
// order. It reads a page at a time and calls fn between reads, so fn may
// write to the store.
func (s *Store) EachBody(ctx context.Context, fn func(id, source, text string) error) error {
	type row struct{ id, source, body string }
	after := ""
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT id, source, body FROM documents WHERE id > ? ORDER BY id LIMIT 500`, after)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.source, &r.body); err != nil {
				rows.Close()
				return fmt.Errorf("list documents: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			if err := fn(r.id, r.source, r.body); err != nil {
				return err
			}
		}
		after = page[len(page)-1].id
	}
}

func scanStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
