package main

import (
	"context"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/report"
)

func init() {
	register(command{name: "campaigns", summary: "count the documents that mention each campaign, by year or region", run: runCampaigns})
}

func runCampaigns(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "campaigns", "campaigns [flags] [QUERY...]", `  unionscope campaigns
  unionscope campaigns --by year --format csv > campaigns-by-year.csv
  unionscope campaigns 困难职工 --by region --year 2010-2012
  unionscope campaigns --doctype summary --format jsonl

QUERY is a search (as in unionscope search) that chooses the documents;
without it and the filters, every document. Spellings of one campaign in either script (送溫暖, 送温暖) count as one;
"key" is the form to pass to --campaign. Campaigns come with the most
documents first; with --by, each campaign's years or regions in order.`)
	var df dataFlags
	df.register(fs, e)
	var ff filterFlags
	ff.register(fs)
	query := fs.query()
	by := fs.String("by", "", "count per `group`: year or region (the province)")
	format := fs.format("text (a table), csv or jsonl (one JSON object per row)", "text", "csv", "jsonl")
	// "table" was the text format's name before every command said text.
	fs.formatAlias("table", "text")
	noBOM := fs.Bool("no-bom", false, "omit the UTF-8 byte order mark at the start of CSV")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	search, err := query()
	if err != nil {
		return err
	}
	if err := report.CheckGrouping(*by); err != nil {
		return err
	}
	req := index.Request{Query: search}
	if err := ff.apply(&req); err != nil {
		return err
	}

	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	var x *index.Index
	if !report.SelectsAll(req) {
		if x, err = df.openIndex(ctx, store); err != nil {
			return err
		}
		defer x.Close()
	}
	counts, err := report.Campaigns(ctx, store, x, req, *by)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return report.WriteCampaignsCSV(e.stdout, counts, *by, !*noBOM)
	case "jsonl":
		return report.WriteCampaignsJSONL(e.stdout, counts)
	}
	return report.WriteCampaignsTable(e.stdout, counts, *by)
}
