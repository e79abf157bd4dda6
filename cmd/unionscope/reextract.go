package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/crawler"
)

func init() {
	register(command{name: "reextract", summary: "rebuild crawled documents from the WARC archive, without the network", run: runReextract, bulk: true})
}

func runReextract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reextract", "reextract [flags]", `  unionscope reextract                  # after upgrading unionscope's extractor
  unionscope reextract --data ~/corpora/sichuan --format jsonl`)
	var df dataFlags
	df.register(fs, e)
	def := crawler.DefaultConfig()
	noTopic := fs.Bool("no-topic-filter", false, "keep articles even when they do not mention 工会/工會/职工")
	minBody := fs.Int("min-body", def.MinBody, "keep articles with at least this many characters of body")
	format := fs.format("text (a summary), or jsonl for one JSON object per page", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return userErrorf("reextract takes no arguments")
	}
	g, closeData, err := df.openIngester(ctx, e, false)
	if err != nil {
		return err
	}
	defer closeData()
	store := g.Store
	g.Force = true
	sink := &crawlSink{g: g, store: store, topic: !*noTopic, minBody: *minBody}
	bar := newProgress(e, -1, "reextracting")
	out := newJSONLines(e.stdout)
	counts := map[string]int{}
	var docs, failed int
	err = crawler.Replay(ctx, store, filepath.Join(df.Dir, "warc"), sink, func(p corpus.Page, v crawler.Verdict, perr error) {
		bar.Add(1)
		ev := map[string]any{"url": p.URL, "outcome": v.Outcome}
		if perr != nil {
			failed++
			ev["outcome"], ev["error"] = "failed", perr.Error()
			if *format == "text" {
				bar.Clear()
				fmt.Fprintf(e.stderr, "skip %v\n", perr)
			}
		} else {
			counts[v.Outcome]++
			docs += v.Docs
			ev["documents"] = v.Docs
		}
		if *format == "jsonl" {
			out.write(ev)
		}
	})
	bar.Finish()
	if serr := g.Sync(context.WithoutCancel(ctx)); serr != nil && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	if *format == "text" {
		fmt.Fprintf(e.stdout, "%d pages: %d stored (%d documents), %d duplicate, %d short, %d off topic, %d rejected, %d unreadable\n",
			counts[crawler.OutcomeStored]+counts[crawler.OutcomeDuplicate]+counts[crawler.OutcomeShort]+counts[crawler.OutcomeOffTopic]+counts[crawler.OutcomeRejected]+failed,
			counts[crawler.OutcomeStored], docs, counts[crawler.OutcomeDuplicate], counts[crawler.OutcomeShort],
			counts[crawler.OutcomeOffTopic], counts[crawler.OutcomeRejected], failed)
	}
	return nil
}
