package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/unionscope/unionscope/ingest"
)

func init() {
	register(command{name: "import", summary: "import files, folders and web archives (.warc, .warc.gz, WET) into the corpus", run: runImport, bulk: true})
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "import", "import [flags] FILE|DIR|ARCHIVE...", `  unionscope import ../shared/seeds/
  unionscope import --data ~/corpora/sichuan reports/*.html
  unionscope import --force ../shared/seeds/    # re-parse unchanged files after an upgrade
  unionscope import --no-clusters big/ && unionscope dups --rebuild   # a bulk load, clustered once at the end
  unionscope import site.warc.gz                # a wget --warc-file run, a Heritrix or Browsertrix crawl
  unionscope import --allow-host example-union.cn --include /gzdt/ CC-MAIN-*.warc.wet.gz
  unionscope import site.warc.gz                # again after a kill: continues after the last record stored`)
	var df dataFlags
	df.register(fs, e)
	force := fs.Bool("force", false, "parse files again even when their bytes have not changed, and read archives imported before")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel parsers")
	noClusters := fs.Bool("no-clusters", false, "do not look for copies now; the next import or \"dups --rebuild\" does")
	format := fs.format("text (a summary), or jsonl for one JSON object per file and per archive", "text", "jsonl")
	minBody := fs.Int("min-body", ingest.DefaultMinBody, "keep archived pages with at least this many characters of body")
	noTopic := fs.Bool("no-topic-filter", false, "keep archived pages even when they do not mention 工会/工會/职工")
	var allow listFlag
	var include, exclude regexpFlag
	fs.Var(&allow, "allow-host", "import from archives only pages of this `host` and its subdomains (repeatable)")
	fs.Var(&include, "include", "import from archives only URLs matching this `regexp` (repeatable)")
	fs.Var(&exclude, "exclude", "never import from archives URLs matching this `regexp` (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	jsonOut := *format == "jsonl"
	if fs.NArg() == 0 {
		return userErrorf("no files or folders given")
	}
	scope, err := ingest.NewScope(include, exclude, allow)
	if err != nil {
		return usageError{err}
	}
	all, err := ingest.ListFiles(fs.Args())
	if err != nil {
		return usageError{err}
	}
	var files, archives []string
	for _, f := range all {
		if ingest.IsArchive(f) {
			archives = append(archives, f)
		} else {
			files = append(files, f)
		}
	}
	if len(all) == 0 {
		return userErrorf("no .txt, .html or .warc files under %v", fs.Args())
	}
	g, closeData, err := df.openIngester(ctx, e, true)
	if err != nil {
		return err
	}
	defer closeData()
	g.Force = *force
	g.NoClusters = *noClusters
	g.Rules = ingest.PageRules{MinBody: *minBody, Topic: !*noTopic}
	g.ArchiveDir = filepath.Join(df.Dir, "warc")
	out := newJSONLines(e.stdout)

	failed := 0
	if len(files) > 0 {
		bar := newProgress(e, len(files), "importing")
		var stored, unchanged, skipped, docs int
		err = g.AddFiles(ctx, files, *workers, func(path string, r ingest.Result, ferr error) {
			bar.Add(1)
			ev := map[string]any{"file": path}
			switch {
			case ferr != nil:
				skipped++
				bar.Clear()
				fmt.Fprintf(e.stderr, "skip %v\n", ferr)
				ev["status"], ev["error"] = "skipped", ferr.Error()
			case r.Outcome == ingest.Unchanged:
				unchanged++
				ev["status"] = "unchanged"
			default:
				stored++
				docs += r.Docs
				ev["status"], ev["documents"], ev["changed"] = "stored", r.Docs, r.Changed
			}
			if jsonOut {
				out.write(ev)
			}
		})
		bar.Finish()
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if !jsonOut {
			fmt.Fprintf(e.stdout, "%d files: %d stored (%d documents), %d unchanged, %d skipped\n", len(files), stored, docs, unchanged, skipped)
		}
		failed += skipped
	}
	for _, a := range archives {
		ok, err := importArchive(ctx, e, g, a, scope, *workers, jsonOut, out)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if !ok {
			failed++
		}
	}
	if failed == len(all) {
		return userErrorf("none of the %d files could be imported", len(all))
	}
	return nil
}

// importArchive imports one web archive and reports it; ok is false when
// the archive could not be read to its end (what was read before stays).
func importArchive(ctx context.Context, e *env, g *ingest.Ingester, path string, scope *ingest.Scope, workers int, jsonOut bool, out *jsonLines) (ok bool, err error) {
	// Known, for the bar: one of unknown length races in progressbar.
	size := int64(0)
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	bar := newByteProgress(e, size, "importing "+path)
	stats, err := g.AddArchive(ctx, path, ingest.ArchiveOptions{Scope: scope, Workers: workers,
		Progress: func(off int64) { bar.Set64(off) }})
	bar.Finish()
	var ierr error
	if err != nil {
		if !ingest.IsSkippable(err) {
			return false, err
		}
		ierr = err
	}
	if jsonOut {
		ev := struct {
			ingest.ArchiveStats
			Error string `json:"error,omitempty"`
		}{ArchiveStats: stats}
		if ierr != nil {
			ev.Error = ierr.Error()
		}
		out.write(ev)
	} else {
		fmt.Fprintln(e.stdout, archiveSummary(stats))
	}
	if ierr != nil {
		fmt.Fprintf(e.stderr, "skip the rest of %v\n", ierr)
		return false, nil
	}
	return true, nil
}

// archiveSummary says in a line what an archive import did.
func archiveSummary(s ingest.ArchiveStats) string {
	if s.Done {
		return fmt.Sprintf("%s: imported before (--force reads it again)", s.File)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d records", s.File, s.Records)
	if s.ResumedAt != "" {
		fmt.Fprintf(&b, " from offset %s on", s.ResumedAt)
	}
	fmt.Fprintf(&b, ": %d kept (%d documents)", s.Kept, s.Docs)
	reasons := make([]string, 0, len(s.Skipped))
	for r := range s.Skipped {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool {
		if s.Skipped[reasons[i]] != s.Skipped[reasons[j]] {
			return s.Skipped[reasons[i]] > s.Skipped[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	for i, r := range reasons {
		sep := ", "
		if i == 0 {
			sep = "; skipped "
		}
		fmt.Fprintf(&b, "%s%d %s", sep, s.Skipped[r], r)
	}
	return b.String()
}

// newByteProgress counts bytes of a file on a terminal, and is silent
// otherwise.
func newByteProgress(e *env, size int64, what string) *progressbar.ProgressBar {
	if !isTerminal(e.stderr) {
		return progressbar.DefaultSilent(size, what)
	}
	return progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)
}
