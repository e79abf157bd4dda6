package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/report"
)

func init() {
	register(command{name: "metrics", summary: "export the quantities of matching documents as CSV or JSON lines", run: runMetrics})
}

func runMetrics(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "metrics", "metrics [flags] [QUERY...]", `  unionscope metrics -o metrics.csv
  unionscope metrics --category funds,people --year 2010-2012 --region 四川 > funds.csv
  unionscope metrics 送温暖 --format jsonl | jq .value
  unionscope metrics --campaign 金秋助学 --no-bom --format csv
  unionscope metrics --category funds --canonical-only   # count each reposted report once

QUERY is a search (as in unionscope search) that chooses the documents;
without it and the filters, every document. One row per quantity, in
document-ID order. CSV columns: doc_id, title,
date, year, region, province, city, county, doctype, source, canonical,
category, subject, value, low, high, unit, approx, surface, sentence,
offset. canonical is false for a copy of a report that another document
stands for (see unionscope dups); --canonical-only drops such rows. The CSV
starts with a UTF-8 BOM so that Excel reads Chinese correctly (--no-bom to
omit it), uses CRLF line ends, and prefixes text cells that a spreadsheet
would run as a formula with an apostrophe.`)
	var df dataFlags
	df.register(fs, e)
	var ff filterFlags
	ff.register(fs)
	query := fs.query()
	category := fs.String("category", "", "only these `categories`, comma-separated: funds, people, rate, count")
	format := fs.format("csv, or jsonl for one JSON object per quantity", "csv", "jsonl")
	canonicalOnly := fs.Bool("canonical-only", false, "drop the quantities of documents that are copies of another (canonical=false)")
	noBOM := fs.Bool("no-bom", false, "omit the UTF-8 byte order mark at the start of CSV")
	out := fs.String("o", "", "write to `file` instead of standard output (replaced only when the export succeeds)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	search, err := query()
	if err != nil {
		return err
	}
	cats, err := report.ParseCategories(*category)
	if err != nil {
		return err
	}
	q := report.MetricQuery{Search: index.Request{Query: search}, Categories: cats, CanonicalOnly: *canonicalOnly}
	if err := ff.apply(&q.Search); err != nil {
		return err
	}

	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	var x *index.Index
	if !report.SelectsAll(q.Search) {
		if x, err = df.openIndex(ctx, store); err != nil {
			return err
		}
		defer x.Close()
	}
	export := func(w io.Writer) error {
		mw := report.NewMetricJSONL(w)
		if *format == "csv" {
			mw = report.NewMetricCSV(w, !*noBOM)
		}
		write := mw.Write
		if isTerminal(e.stderr) {
			total, err := countDocuments(ctx, store, x, q.Search)
			if err != nil {
				return err
			}
			bar := newProgress(e, total, "exporting quantities of documents")
			defer bar.Finish()
			last := ""
			write = func(r report.MetricRow) error {
				if r.DocID != last {
					last = r.DocID
					bar.Add(1)
				}
				return mw.Write(r)
			}
		}
		if err := report.Metrics(ctx, store, x, q, write); err != nil {
			return err
		}
		return mw.Close()
	}
	if *out == "" {
		return export(e.stdout)
	}
	return writeFileAtomic(*out, export)
}

// countDocuments is how many documents req selects, for a progress bar.
func countDocuments(ctx context.Context, store *corpus.Store, x *index.Index, req index.Request) (int, error) {
	if x == nil {
		return store.Count(ctx)
	}
	req.Size = 0
	res, err := x.Search(ctx, req)
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// writeFileAtomic writes path through a temporary file in the same folder
// that replaces it only once write and the close succeed, so a failed or
// interrupted export leaves no half file behind, nor a damaged old one.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return userErrorf("-o: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	// CreateTemp makes the file private; an export is an ordinary file.
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
