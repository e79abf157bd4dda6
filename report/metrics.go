package report

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
)

// Categories are the metric categories, as ../shared/gold/README.md
// defines them.
var Categories = []string{"funds", "people", "rate", "count"}

// MetricQuery selects quantities.
type MetricQuery struct {
	// Search is the query and filters; an empty Query with no filters
	// means every document.
	Search index.Request
	// Categories keeps only these categories; empty means all.
	Categories []string
	// CanonicalOnly drops the quantities of documents that are copies of
	// another (not the canonical member of their cluster), so that a
	// report reposted on several sites is counted once.
	CanonicalOnly bool
}

// MetricRow is one quantity with its document's fields.
type MetricRow struct {
	DocID   string        `json:"doc_id"`
	Title   string        `json:"title"`
	Date    string        `json:"date"`
	Year    int           `json:"year"`
	Region  corpus.Region `json:"region"`
	Doctype string        `json:"doctype"`
	// Source is the file name or URL as the user gave it.
	Source string `json:"source"`
	URL    string `json:"url"`
	// Canonical is false when the document is a copy of another one that
	// stands for their cluster (see package dedup).
	Canonical bool `json:"canonical"`
	corpus.Metric
}

// CheckCategories returns a *derrors.ParamError naming the first
// category that is not one of Categories, so that a caller can reject a
// request before it starts writing a response.
func CheckCategories(cats []string) error {
	for _, c := range cats {
		if !slices.Contains(Categories, c) {
			return derrors.BadParam("category", "unknown category %q (%s)", c, strings.Join(Categories, ", "))
		}
	}
	return nil
}

// ParseCategories splits a comma-separated list such as "funds,people",
// ignoring spaces and empty items, and checks each name.
func ParseCategories(s string) ([]string, error) {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, CheckCategories(out)
}

// metricQuery reads quantities in key order. CROSS JOIN makes SQLite
// walk metrics in the outer loop, so that rows come out in the order of
// its primary key and are never gathered and sorted first; the cluster
// membership is one primary-key lookup per row in the same statement (a
// document in no cluster is canonical).
const metricQuery = `SELECT d.id, d.title, d.date, d.year, d.province, d.city, d.county, d.doctype, d.source_file, d.url,
	COALESCE(dm.canonical, 1),
	m.category, m.value, m.low, m.high, m.unit, m.approx, m.subject, m.surface, m.sentence, m.offset
	FROM metrics m CROSS JOIN documents d ON d.id = m.doc_id
	LEFT JOIN dedup_members dm ON dm.doc_id = d.id
	WHERE %s%s
	ORDER BY m.doc_id, m.n`

// canonicalCond keeps the rows of canonical documents only.
const canonicalCond = " AND COALESCE(dm.canonical, 1) = 1"

// Metrics calls fn for every quantity of the documents q selects, in
// document-ID order and then in the order of the document's text. It
// validates the request before the first call, so an error that comes
// before any row is the caller's mistake or a failure to read, never a
// half-written table. x may be nil when q selects every document.
func Metrics(ctx context.Context, st *corpus.Store, x *index.Index, q MetricQuery, fn func(MetricRow) error) error {
	if err := CheckCategories(q.Categories); err != nil {
		return err
	}
	var catCond string
	var args []any
	if len(q.Categories) > 0 {
		// The unary + keeps SQLite off the category index, which would
		// make it sort the rows in a temporary B-tree instead of reading
		// them in key order, a batch or the whole table at a time.
		catCond = " AND +m.category IN (" + strings.TrimSuffix(strings.Repeat("?,", len(q.Categories)), ",") + ")"
		for _, c := range q.Categories {
			args = append(args, c)
		}
	}
	if q.CanonicalOnly {
		catCond += canonicalCond
	}
	sqlText := fmt.Sprintf(metricQuery, "%s", catCond)
	err := selectDocs(ctx, st, x, q.Search, "m.doc_id", sqlText, args, func(rows *sql.Rows) error {
		var r MetricRow
		if err := rows.Scan(&r.DocID, &r.Title, &r.Date, &r.Year, &r.Region.Province, &r.Region.City, &r.Region.County,
			&r.Doctype, &r.Source, &r.URL, &r.Canonical, &r.Category, &r.Value, &r.Low, &r.High, &r.Unit, &r.Approx,
			&r.Subject, &r.Surface, &r.Sentence, &r.Offset); err != nil {
			return err
		}
		return fn(r)
	})
	if err != nil {
		return fmt.Errorf("metrics %q: %w", q.Search.Query, err)
	}
	return nil
}
