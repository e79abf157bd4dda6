package main

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
)

func init() {
	register(command{name: "search", summary: "search the corpus: ranked hits with highlighted snippets", run: runSearch})
}

// filterFlags are the search filters shared by search, metrics, campaigns
// and kwic.
type filterFlags struct {
	Year     string
	Region   string
	Doctype  string
	Campaign string
}

func (f *filterFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&f.Year, "year", "", "only documents from these `years`: 2011 or 2010-2012")
	fs.StringVar(&f.Region, "region", "", "only documents about this `region` (四川, 巴中市, 巴州区 …; either script)")
	fs.StringVar(&f.Doctype, "doctype", "", "only this `doctype`: speech, summary, news, experience, other")
	fs.StringVar(&f.Campaign, "campaign", "", "only documents mentioning this `campaign` (送温暖 …)")
}

// apply copies the filters into a request and validates the whole
// request, so that a bad parameter is reported before any data is opened.
func (f *filterFlags) apply(r *index.Request) error {
	from, to, err := index.ParseYears(f.Year)
	if err != nil {
		return err
	}
	r.YearFrom, r.YearTo = from, to
	r.Region, r.Doctype, r.Campaign = f.Region, f.Doctype, f.Campaign
	return r.Validate()
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "search [flags] QUERY...", `  unionscope search 送温暖
  unionscope search 工會 --format jsonl --limit 5
  unionscope search '"困难职工" -新闻 region:四川'
  unionscope search --year 2010-2012 --doctype summary --sort date 金秋助学
  unionscope search --count 工会
  unionscope search --all-copies 送温暖    # every repost, not one per report

Query language: words (all must occur), "exact phrases", -exclusions, and
title:, region:, doctype:, campaign: for fields. Either script finds both.
An exclusion of a Latin word (-news) reads as a flag: put the query after
-- (unionscope search -- 工会 -news) or in quotes with the rest of it.`)
	var df dataFlags
	df.register(fs, e)
	var ff filterFlags
	ff.register(fs)
	limit := fs.Int("limit", 10, "at most `n` hits (1..100)")
	from := fs.Int("from", 0, "skip the first `n` hits (for paging)")
	sortBy := fs.String("sort", "relevance", "`order`: relevance, date or -date")
	format := fs.format("text, or jsonl for one JSON object per hit", "text", "jsonl")
	count := fs.Bool("count", false, "print only the number of matching documents")
	allCopies := fs.Bool("all-copies", false, "list every copy of a reposted report, not only its canonical one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	req := index.Request{Query: q, From: *from, Size: *limit, Sort: *sortBy, Highlight: !*count, AllCopies: *allCopies}
	if *count {
		req.Size = 0
	} else if *limit < 1 || *limit > index.MaxSize {
		return derrors.BadParam("limit", "must be 1..%d", index.MaxSize)
	}
	if err := ff.apply(&req); err != nil {
		return err
	}
	store, x, closeData, err := df.openSearchable(ctx, false)
	if err != nil {
		return err
	}
	defer closeData()
	res, err := x.Search(ctx, req)
	if err != nil {
		return err
	}
	if err := res.CountCopies(ctx, store); err != nil {
		return err
	}
	if *count {
		fmt.Fprintln(e.stdout, res.Total)
		return nil
	}
	if *format == "jsonl" {
		out := newJSONLines(e.stdout)
		for _, h := range res.Hits {
			if err := out.write(h); err != nil {
				return err
			}
		}
		return nil
	}
	term := isTerminal(e.stdout)
	fmt.Fprintf(e.stdout, "%d documents match %q (%.1f ms)\n", res.Total, q, res.TookMS)
	for i, h := range res.Hits {
		where := h.URL
		if where == "" {
			where = h.Source
		}
		fmt.Fprintf(e.stdout, "\n%d. %s  [%s]\n   %s  %s  %s  id:%s\n", *from+i+1, h.Title, orDash(h.Date), orDash(h.Doctype), orDash(h.Region), where, h.ID)
		if h.Copies > 0 {
			fmt.Fprintf(e.stdout, "   also at %d other %s (unionscope show %s)\n", h.Copies, plural(h.Copies, "place", "places"), h.ID)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(e.stdout, "   …%s…\n", plainSnippet(s, term))
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// plainSnippet turns a highlighted HTML fragment into terminal text: bold
// on a terminal, 【】 brackets when piped.
func plainSnippet(s string, term bool) string {
	open, close := "【", "】"
	if term {
		open, close = "\x1b[1;31m", "\x1b[0m"
	}
	s = strings.NewReplacer("<mark>", open, "</mark>", close, "\n", " ").Replace(s)
	return html.UnescapeString(s)
}
