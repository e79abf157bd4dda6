package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/unionscope/unionscope/ingest"
)

func init() {
	register(command{name: "import", summary: "import files or folders of .txt/.html into the corpus", run: runImport, bulk: true})
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "import", "import [flags] FILE|DIR...", `  unionscope import ../shared/seeds/
  unionscope import --data ~/corpora/sichuan reports/*.html
  unionscope import --force ../shared/seeds/    # re-parse unchanged files after an upgrade
  unionscope import --no-clusters big/ && unionscope dups --rebuild   # a bulk load, clustered once at the end`)
	var df dataFlags
	df.register(fs, e)
	force := fs.Bool("force", false, "parse files again even when their bytes have not changed")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel parsers")
	noClusters := fs.Bool("no-clusters", false, "do not look for copies now; the next import or \"dups --rebuild\" does")
	format := fs.format("text (a summary), or jsonl for one JSON object per file", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return userErrorf("no files or folders given")
	}
	files, err := ingest.ListFiles(fs.Args())
	if err != nil {
		return usageError{err}
	}
	if len(files) == 0 {
		return userErrorf("no .txt or .html files under %v", fs.Args())
	}
	g, closeData, err := df.openIngester(ctx, e, true)
	if err != nil {
		return err
	}
	defer closeData()
	g.Force = *force
	g.NoClusters = *noClusters

	bar := newProgress(e, len(files), "importing")
	out := newJSONLines(e.stdout)
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
		if *format == "jsonl" {
			out.write(ev)
		}
	})
	bar.Finish()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if *format == "text" {
		fmt.Fprintf(e.stdout, "%d files: %d stored (%d documents), %d unchanged, %d skipped\n", len(files), stored, docs, unchanged, skipped)
	}
	if skipped == len(files) {
		return userErrorf("none of the %d files could be imported", len(files))
	}
	return nil
}
