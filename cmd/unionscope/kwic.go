package main

import (
	"context"
	"strings"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/report"
)

func init() {
	register(command{name: "kwic", summary: "show every occurrence of words with their context (keyword in context)", run: runKWIC})
}

func runKWIC(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "kwic", "kwic [flags] QUERY...", `  unionscope kwic 送温暖
  unionscope kwic --width 10 --limit 50 '"困难职工" -新闻'
  unionscope kwic --format csv --region 四川 --year 2010-2012 慰问金 > kwic.csv
  unionscope kwic --format jsonl 工會

QUERY is a search (as in unionscope search): its words and "phrases" are
found in the text in either script and shown as written, one line per
occurrence, in documents that hold them all; -exclusions and field:value
clauses only choose documents. Context width counts characters. Text
output: left context right-aligned, match, right context, document id.`)
	var df dataFlags
	df.register(fs, e)
	var ff filterFlags
	ff.register(fs)
	width := fs.Int("width", 20, "`characters` of context on each side (0..200)")
	limit := fs.Int("limit", 0, "at most `n` lines (0 for all)")
	format := fs.format("text, csv or jsonl (one JSON object per line)", "text", "csv", "jsonl")
	noBOM := fs.Bool("no-bom", false, "omit the UTF-8 byte order mark at the start of CSV")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req := index.Request{Query: strings.Join(fs.Args(), " ")}
	if strings.TrimSpace(req.Query) == "" {
		return userErrorf("missing QUERY: the words to show in context (unionscope kwic --help)")
	}
	if err := ff.apply(&req); err != nil {
		return err
	}

	store, x, closeData, err := df.openSearchable(ctx, false)
	if err != nil {
		return err
	}
	defer closeData()
	var w report.KWICWriter
	switch *format {
	case "csv":
		w = report.NewKWICCSV(e.stdout, !*noBOM)
	case "jsonl":
		w = report.NewKWICJSONL(e.stdout)
	default:
		w = report.NewKWICText(e.stdout, *width)
	}
	if err := report.KWIC(ctx, store, x, req, *width, *limit, w.Write); err != nil {
		return err
	}
	return w.Close()
}
