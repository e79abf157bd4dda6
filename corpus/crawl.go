package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Crawl is one crawl's row: its settings (JSON the crawler defines) and
// whether it finished.
type Crawl struct {
	ID         int64
	Config     string
	StartedAt  string
	FinishedAt string
}

// Frontier statuses.
const (
	FrontierQueued  = "queued"
	FrontierDone    = "done"
	FrontierFailed  = "failed"
	FrontierSkipped = "skipped"
)

// FrontierEntry is one URL a crawl has seen.
type FrontierEntry struct {
	URL     string
	Host    string
	Pattern string
	Depth   int
	Hops    int
	Status  string
	Reason  string
	From    string
	// Attempts counts requests made for the URL, retries included.
	Attempts int
	// NextTry is when a queued URL may be tried again; zero means at once.
	NextTry time.Time
	Seq     int64
}

// Page is the latest response recorded for a URL.
type Page struct {
	URL          string
	CrawlID      int64
	Status       int
	ContentType  string
	Kind         string
	Outcome      string
	ContentHash  string
	TextHash     string
	ETag         string
	LastModified string
	WARCFile     string
	WARCOffset   int64
	WARCInner    int64 // see Provenance.WARCInner
	FetchedAt    time.Time
}

// PageOutcomePending marks a page whose response is archived and recorded
// but whose documents are not yet stored or rejected.
const PageOutcomePending = "pending"

// NewCrawl records the start of a crawl with the given settings.
func (s *Store) NewCrawl(ctx context.Context, config string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO crawls (config, started_at) VALUES (?, ?)`,
		config, s.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return 0, fmt.Errorf("new crawl: %w", err)
	}
	return res.LastInsertId()
}

// LastCrawl returns the newest crawl, and false when there is none.
func (s *Store) LastCrawl(ctx context.Context) (Crawl, bool, error) {
	var c Crawl
	err := s.db.QueryRowContext(ctx, `SELECT id, config, started_at, finished_at FROM crawls ORDER BY id DESC LIMIT 1`).
		Scan(&c.ID, &c.Config, &c.StartedAt, &c.FinishedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("last crawl: %w", err)
	}
	return c, true, nil
}

// SetCrawlConfig replaces a crawl's settings, as a resume that changes
// limits does.
func (s *Store) SetCrawlConfig(ctx context.Context, id int64, config string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawls SET config = ? WHERE id = ?`, config, id); err != nil {
		return fmt.Errorf("crawl %d config: %w", id, err)
	}
	return nil
}

// FinishCrawl marks a crawl as finished: its frontier is exhausted.
func (s *Store) FinishCrawl(ctx context.Context, id int64) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawls SET finished_at = ? WHERE id = ?`,
		s.Now().UTC().Format(time.RFC3339), id); err != nil {
		return fmt.Errorf("finish crawl %d: %w", id, err)
	}
	return nil
}

// Frontier returns every URL crawl id has seen, in discovery order.
func (s *Store) Frontier(ctx context.Context, id int64) ([]FrontierEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, host, pattern, depth, hops, status, reason, discovered_from, attempts, next_try, seq
		FROM frontier WHERE crawl_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("frontier of crawl %d: %w", id, err)
	}
	defer rows.Close()
	var out []FrontierEntry
	for rows.Next() {
		var e FrontierEntry
		var next int64
		if err := rows.Scan(&e.URL, &e.Host, &e.Pattern, &e.Depth, &e.Hops, &e.Status, &e.Reason, &e.From, &e.Attempts, &next, &e.Seq); err != nil {
			return nil, fmt.Errorf("frontier of crawl %d: %w", id, err)
		}
		if next != 0 {
			e.NextTry = time.UnixMilli(next)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Fetch is everything one request changed, committed at once: the URL's
// frontier entry, the page recorded for it (nil when nothing was
// received), and the new URLs it led to.
type Fetch struct {
	CrawlID int64
	Entry   FrontierEntry
	Page    *Page
	Links   []FrontierEntry
}

// CommitFetch writes f in one transaction. Links already in the frontier
// are left as they are.
func (s *Store) CommitFetch(ctx context.Context, f Fetch) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("commit fetch %s: %w", f.Entry.URL, err)
	}
	defer tx.Rollback()
	if err := upsertFrontier(ctx, tx, f.CrawlID, f.Entry, true); err != nil {
		return fmt.Errorf("commit fetch %s: %w", f.Entry.URL, err)
	}
	for _, l := range f.Links {
		if err := upsertFrontier(ctx, tx, f.CrawlID, l, false); err != nil {
			return fmt.Errorf("commit fetch %s: link %s: %w", f.Entry.URL, l.URL, err)
		}
	}
	if f.Page != nil {
		if err := putPage(ctx, tx, f.CrawlID, *f.Page); err != nil {
			return fmt.Errorf("commit fetch %s: page: %w", f.Entry.URL, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit fetch %s: %w", f.Entry.URL, err)
	}
	return nil
}

// PutPage records p, the latest response for its URL, outside any crawl:
// a page read from a web archive. Its CrawlID is kept (0 for none).
func (s *Store) PutPage(ctx context.Context, p Page) error {
	if err := putPage(ctx, s.db, p.CrawlID, p); err != nil {
		return fmt.Errorf("record page %s: %w", p.URL, err)
	}
	return nil
}

func putPage(ctx context.Context, db execer, crawlID int64, p Page) error {
	_, err := db.ExecContext(ctx, `INSERT INTO pages (url, crawl_id, status, content_type, kind, outcome, content_hash, text_hash, etag, last_modified, warc_file, warc_offset, warc_inner, fetched_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET crawl_id = excluded.crawl_id, status = excluded.status, content_type = excluded.content_type,
				kind = excluded.kind, outcome = excluded.outcome, content_hash = excluded.content_hash, text_hash = excluded.text_hash,
				etag = excluded.etag, last_modified = excluded.last_modified, warc_file = excluded.warc_file,
				warc_offset = excluded.warc_offset, warc_inner = excluded.warc_inner, fetched_at = excluded.fetched_at`,
		p.URL, crawlID, p.Status, p.ContentType, p.Kind, p.Outcome, p.ContentHash, p.TextHash, p.ETag, p.LastModified,
		p.WARCFile, p.WARCOffset, p.WARCInner, p.FetchedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// AddFrontier adds entries (a crawl's start URLs) that are not yet in its
// frontier.
func (s *Store) AddFrontier(ctx context.Context, id int64, entries []FrontierEntry) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("add to frontier: %w", err)
	}
	defer tx.Rollback()
	for _, e := range entries {
		if err := upsertFrontier(ctx, tx, id, e, false); err != nil {
			return fmt.Errorf("add %s to frontier: %w", e.URL, err)
		}
	}
	return tx.Commit()
}

func upsertFrontier(ctx context.Context, tx txn, id int64, e FrontierEntry, replace bool) error {
	var next int64
	if !e.NextTry.IsZero() {
		next = e.NextTry.UnixMilli()
	}
	q := `INSERT INTO frontier (crawl_id, url, host, pattern, depth, hops, status, reason, discovered_from, attempts, next_try, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	if replace {
		q += ` ON CONFLICT (crawl_id, url) DO UPDATE SET status = excluded.status, reason = excluded.reason,
			attempts = excluded.attempts, next_try = excluded.next_try`
	} else {
		q += ` ON CONFLICT (crawl_id, url) DO NOTHING`
	}
	_, err := tx.ExecContext(ctx, q, id, e.URL, e.Host, e.Pattern, e.Depth, e.Hops, e.Status, e.Reason, e.From, e.Attempts, next, e.Seq)
	return err
}

const pageColumns = `url, crawl_id, status, content_type, kind, outcome, content_hash, text_hash, etag, last_modified, warc_file, warc_offset, warc_inner, fetched_at`

func scanPage(sc interface{ Scan(...any) error }) (Page, error) {
	var p Page
	var at string
	err := sc.Scan(&p.URL, &p.CrawlID, &p.Status, &p.ContentType, &p.Kind, &p.Outcome, &p.ContentHash, &p.TextHash,
		&p.ETag, &p.LastModified, &p.WARCFile, &p.WARCOffset, &p.WARCInner, &at)
	if err != nil {
		return p, err
	}
	p.FetchedAt, _ = time.Parse(time.RFC3339Nano, at)
	return p, nil
}

// PageByURL returns the page recorded for url, and false when there is none.
func (s *Store) PageByURL(ctx context.Context, url string) (Page, bool, error) {
	p, err := scanPage(s.db.QueryRowContext(ctx, `SELECT `+pageColumns+` FROM pages WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("page %s: %w", url, err)
	}
	return p, true, nil
}

// StoredDuplicate returns a URL other than url whose page was stored with
// the same body hash or the same extracted-text hash ("" skips a hash).
func (s *Store) StoredDuplicate(ctx context.Context, url, contentHash, textHash string) (string, bool, error) {
	// One query per hash, each on its own index: with both in one OR the
	// planner scanned every page, which an import of a large archive,
	// asking for each of its pages, made quadratic.
	for _, q := range []struct{ col, hash string }{{"content_hash", contentHash}, {"text_hash", textHash}} {
		if q.hash == "" {
			continue
		}
		var other string
		err := s.db.QueryRowContext(ctx, `SELECT url FROM pages WHERE `+q.col+` = ? AND url != ? AND outcome = 'stored'
			ORDER BY fetched_at LIMIT 1`, q.hash, url).Scan(&other)
		if err == nil {
			return other, true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", false, fmt.Errorf("duplicates of %s: %w", url, err)
		}
	}
	return "", false, nil
}

// SetPageOutcome records what became of a page's documents.
func (s *Store) SetPageOutcome(ctx context.Context, url, outcome, textHash string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE pages SET outcome = ?, text_hash = ? WHERE url = ?`, outcome, textHash, url); err != nil {
		return fmt.Errorf("outcome of %s: %w", url, err)
	}
	return nil
}

// Pages calls fn for each recorded page of the given kind ("" for all), in
// URL order, optionally only those of crawl id (0 for every crawl) with
// the given outcome ("" for any).
func (s *Store) Pages(ctx context.Context, kind string, id int64, outcome string, fn func(Page) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+pageColumns+` FROM pages
		WHERE (? = '' OR kind = ?) AND (? = 0 OR crawl_id = ?) AND (? = '' OR outcome = ?) ORDER BY url`,
		kind, kind, id, id, outcome, outcome)
	if err != nil {
		return fmt.Errorf("list pages: %w", err)
	}
	// Collect first: fn may write to the store, which a reader of the same
	// connection pool would otherwise hold up.
	var pages []Page
	for rows.Next() {
		p, err := scanPage(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("list pages: %w", err)
		}
		pages = append(pages, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list pages: %w", err)
	}
	for _, p := range pages {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}
