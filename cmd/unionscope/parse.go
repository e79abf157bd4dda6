package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/ingest"
)

func init() {
	register(command{name: "parse", summary: "parse files and print their documents; store nothing", run: runParse})
}

func runParse(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "parse", "parse [flags] FILE|DIR...", `  unionscope parse --format jsonl ../shared/seeds/*.txt > parsed.jsonl
  python3 ../shared/gold/score.py --gold ../shared/gold parsed.jsonl
  unionscope parse --format text page.html
  unionscope parse --rules-off 'title.*' page.html    # measure what the title rules do`)
	format := fs.format("jsonl (one JSON object per document) or text", "jsonl", "text")
	rulesOff := fs.String("rules-off", "", "comma-separated `names` of extraction rules to switch off (a trailing * takes a prefix); see unionscope rules")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := rule.SetOff(strings.Split(*rulesOff, ",")); err != nil {
		return userErrorf("--rules-off: %v", err)
	}
	if fs.NArg() == 0 {
		return userErrorf("no files given")
	}
	files, err := ingest.ListFiles(fs.Args())
	if err != nil {
		return usageError{err}
	}
	out := newJSONLines(e.stdout)
	failed := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(e.stderr, "skip %s: %v\n", f, err)
			failed++
			continue
		}
		docs, err := extract.Parse(extract.Input{Name: f, Data: data})
		if err != nil {
			fmt.Fprintf(e.stderr, "skip %s: %v\n", f, err)
			failed++
			continue
		}
		abs, _ := filepath.Abs(f)
		for i := range docs {
			d := &docs[i]
			d.Source = abs
			d.ID = corpus.DocID(abs, d.Part)
			if *format == "text" {
				fmt.Fprintf(e.stdout, "# %s (part %d)\n", d.Title, d.Part)
				fmt.Fprintf(e.stdout, "date: %s  publisher: %s  author: %s  doctype: %s  region: %s\n\n%s\n\n",
					d.Date, d.Publisher, d.Author, d.Doctype, regionText(d.Region), d.Text())
				continue
			}
			if err := out.write(toDocJSON(d)); err != nil {
				return err
			}
		}
	}
	if failed == len(files) {
		return userErrorf("none of the %d files could be parsed", len(files))
	}
	return nil
}

func regionText(r corpus.Region) string {
	s := r.Province + r.City + r.County
	if s == "" {
		return "-"
	}
	return s
}
