package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/crawler"
	"github.com/unionscope/unionscope/extract"
	"github.com/unionscope/unionscope/ingest"
)

func init() {
	register(command{name: "crawl", summary: "crawl union portals politely into the corpus (resumable)", run: runCrawl, bulk: true})
}

// listFlag collects a repeatable flag; commas separate values too.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// regexpFlag collects repeatable regular expressions, which may hold commas.
type regexpFlag []string

func (l *regexpFlag) String() string     { return strings.Join(*l, " ") }
func (l *regexpFlag) Set(v string) error { *l = append(*l, v); return nil }

func runCrawl(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "crawl", "crawl [flags] URL... | --seeds FILE | --resume", `  unionscope crawl https://www.example-union.cn/gzdt/
  unionscope crawl --max-pages 5000 --max-depth 4 --rate 1 --concurrency 2 --allow-host example-union.cn https://www.example-union.cn/
  unionscope crawl --seeds portals.txt --contact https://lab.example.edu/crawler --format jsonl > crawl.jsonl
  unionscope crawl --resume                   # continue after Ctrl-C, a crash or a reboot
  unionscope crawl --resume --max-pages 20000 # continue with a higher limit`)
	var df dataFlags
	df.register(fs, e)
	def := crawler.DefaultConfig()
	cfg := def
	seeds := fs.String("seeds", "", "read start URLs from `file`, one a line (# starts a comment)")
	resume := fs.Bool("resume", false, "continue the last unfinished crawl with its settings (limits given here replace its own)")
	fs.IntVar(&cfg.MaxPages, "max-pages", def.MaxPages, "stop after requesting this many URLs")
	fs.IntVar(&cfg.MaxDepth, "max-depth", def.MaxDepth, "follow links this many steps from a start URL (pagination does not count)")
	fs.DurationVar(&cfg.MaxTime, "max-time", def.MaxTime, "stop this run after this long")
	fs.IntVar(&cfg.PerHostBudget, "per-host-budget", def.PerHostBudget, "at most this many requests to one host")
	fs.IntVar(&cfg.PatternCap, "pattern-cap", def.PatternCap, "at most this many URLs of one shape (digits folded), against calendars and other traps")
	fs.Float64Var(&cfg.Rate, "rate", def.Rate, "requests per second to one host (robots.txt Crawl-delay may lower it)")
	fs.IntVar(&cfg.Concurrency, "concurrency", def.Concurrency, "parallel requests in all")
	fs.IntVar(&cfg.HostConcurrency, "host-concurrency", def.HostConcurrency, "parallel requests to one host")
	fs.DurationVar(&cfg.Timeout, "timeout", def.Timeout, "give up on a request after this long (it is retried)")
	fs.Int64Var(&cfg.MaxBytes, "max-bytes", def.MaxBytes, "skip responses larger than this many bytes")
	fs.IntVar(&cfg.MaxRetries, "max-retries", def.MaxRetries, "retries after a timeout, 5xx or 429")
	fs.IntVar(&cfg.MinBody, "min-body", def.MinBody, "store articles with at least this many characters of body")
	noTopic := fs.Bool("no-topic-filter", false, "store articles even when they do not mention 工会/工會/职工")
	var allow listFlag
	var include, exclude regexpFlag
	fs.Var(&allow, "allow-host", "also crawl this `host` and its subdomains (repeatable)")
	fs.Var(&include, "include", "only follow URLs matching this `regexp` (repeatable)")
	fs.Var(&exclude, "exclude", "never follow URLs matching this `regexp` (repeatable)")
	agent := fs.String("user-agent", "unionscope/1", "the crawler's name as sites see it")
	contact := fs.String("contact", "https://github.com/unionscope/unionscope", "`URL` where site owners can learn about the crawl and reach you")
	format := fs.format("text (a progress bar and a summary), or jsonl for one JSON event per page", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *agent == "" || strings.ContainsAny(*agent+*contact, "\r\n") {
		return userErrorf("--user-agent and --contact must be one line, and the agent not empty")
	}
	cfg.UserAgent = fmt.Sprintf("%s (+%s)", *agent, *contact)
	cfg.TopicFilter = !*noTopic
	cfg.AllowHosts, cfg.Include, cfg.Exclude = allow, include, exclude

	if *resume && (fs.NArg() > 0 || *seeds != "") {
		return userErrorf("--resume continues the last crawl; give no start URLs with it")
	}
	if !*resume {
		cfg.Seeds = fs.Args()
		if *seeds != "" {
			more, err := readSeeds(*seeds)
			if err != nil {
				return err
			}
			cfg.Seeds = append(cfg.Seeds, more...)
		}
		if len(cfg.Seeds) == 0 {
			return userErrorf("no start URLs (give URLs, --seeds FILE or --resume)")
		}
	}

	g, closeData, err := df.openIngester(ctx, e, !*resume)
	if err != nil {
		return err
	}
	defer closeData()
	store := g.Store

	c := &crawler.Crawler{Store: store, ArchiveDir: filepath.Join(df.Dir, "warc")}
	if *resume {
		last, err := c.LastConfig(ctx)
		if errors.Is(err, crawler.ErrNoCrawl) {
			return userErrorf("%v in %s", err, df.Dir)
		}
		if err != nil {
			return err
		}
		cfg = resumeConfig(last, cfg, set)
	}
	sink := &crawlSink{g: g, store: store, topic: cfg.TopicFilter, minBody: cfg.MinBody}
	c.Sink = sink

	rep := newCrawlReporter(e, *format == "jsonl")
	c.OnEvent = rep.event
	var stats crawler.Stats
	if *resume {
		stats, err = c.Resume(ctx, cfg)
	} else {
		stats, err = c.Start(ctx, cfg)
	}
	rep.finish()
	if serr := g.Sync(context.WithoutCancel(ctx)); serr != nil && err == nil {
		err = serr
	}
	if errors.Is(err, crawler.ErrConfig) {
		return usageError{err}
	}
	if *format == "text" {
		fmt.Fprintf(e.stdout, "%d fetched, %d stored, %d skipped, %d failed, %d queued\n",
			stats.Fetched, stats.Stored, stats.Skipped, stats.Failed, stats.Queued)
		switch {
		case stats.Finished:
		case err != nil && ctx.Err() != nil:
			fmt.Fprintln(e.stdout, "interrupted: run \"unionscope crawl --resume\" to continue")
		case stats.Stop != "":
			fmt.Fprintf(e.stdout, "stopped at --%s: run \"unionscope crawl --resume\" (with a higher limit) to continue\n", stats.Stop)
		}
	}
	if err != nil && ctx.Err() != nil {
		// Ctrl-C is a normal way to pause a crawl; its state is saved.
		return nil
	}
	return err
}

// resumeConfig keeps a crawl's stored settings, taking from the command
// line only the limits the user gave there.
func resumeConfig(last, flags crawler.Config, set map[string]bool) crawler.Config {
	cfg := last
	for name, apply := range map[string]func(){
		"max-pages":        func() { cfg.MaxPages = flags.MaxPages },
		"max-depth":        func() { cfg.MaxDepth = flags.MaxDepth },
		"max-time":         func() { cfg.MaxTime = flags.MaxTime },
		"per-host-budget":  func() { cfg.PerHostBudget = flags.PerHostBudget },
		"pattern-cap":      func() { cfg.PatternCap = flags.PatternCap },
		"rate":             func() { cfg.Rate = flags.Rate },
		"concurrency":      func() { cfg.Concurrency = flags.Concurrency },
		"host-concurrency": func() { cfg.HostConcurrency = flags.HostConcurrency },
		"timeout":          func() { cfg.Timeout = flags.Timeout },
		"max-bytes":        func() { cfg.MaxBytes = flags.MaxBytes },
		"max-retries":      func() { cfg.MaxRetries = flags.MaxRetries },
		"user-agent":       func() { cfg.UserAgent = flags.UserAgent },
		"contact":          func() { cfg.UserAgent = flags.UserAgent },
	} {
		if set[name] {
			apply()
		}
	}
	return cfg
}

func readSeeds(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("seeds: %w", err)}
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("seeds %s: %w", path, err)
	}
	return out, nil
}

// crawlSink is the crawl pipeline's last stage: it extracts an article
// page, keeps it if it has enough body, is on topic and is not a copy of a
// stored page, and stores it through the ingester.
type crawlSink struct {
	g       *ingest.Ingester
	store   *corpus.Store
	topic   bool
	minBody int
	stored  int
}

// syncEvery is how many stored pages the index may lag behind the store.
const syncEvery = 50

func (s *crawlSink) Store(ctx context.Context, r *crawler.Response) (crawler.Verdict, error) {
	v, err := s.judge(ctx, r)
	if err != nil {
		return v, err
	}
	if v.Outcome != crawler.OutcomeStored {
		// A page that no longer qualifies takes its old documents with it.
		if _, ok, err := s.store.SourceHash(ctx, r.URL); err != nil {
			return v, err
		} else if ok {
			if _, err := s.store.ReplaceSource(ctx, r.URL, r.ContentHash, nil); err != nil {
				return v, err
			}
		}
		return v, nil
	}
	res, err := s.g.Add(ctx, r.URL, r.URL, r.Body, r.ContentType, r.FetchedAt)
	if err != nil {
		if ingest.IsSkippable(err) {
			return crawler.Verdict{Outcome: crawler.OutcomeRejected}, nil
		}
		return v, err
	}
	v.Docs = res.Docs
	// The ingester knows the URL and the bytes; the WARC record that holds
	// them, and when they were fetched, only the crawler knows. Replaying
	// the archive gives the same record, so reextract keeps it.
	if err := s.store.AddSourceProvenance(ctx, r.URL, corpus.Provenance{Location: r.URL, ContentHash: r.ContentHash,
		LastSeen: r.FetchedAt, WARCFile: r.WARCFile, WARCOffset: r.WARCOffset}); err != nil {
		return v, err
	}
	if s.stored++; s.stored%syncEvery == 0 {
		if err := s.g.Sync(ctx); err != nil {
			return v, err
		}
	}
	return v, nil
}

func (s *crawlSink) judge(ctx context.Context, r *crawler.Response) (crawler.Verdict, error) {
	docs, err := extract.Parse(extract.Input{Name: r.URL, Data: r.Body, ContentType: r.ContentType})
	if err != nil || len(docs) == 0 {
		return crawler.Verdict{Outcome: crawler.OutcomeRejected}, nil
	}
	var text strings.Builder
	for _, d := range docs {
		text.WriteString(d.Title)
		text.WriteString("\n")
		text.WriteString(d.Text())
		text.WriteString("\n")
	}
	sum := sha256.Sum256([]byte(text.String()))
	v := crawler.Verdict{TextHash: hex.EncodeToString(sum[:])}
	body := 0
	for _, d := range docs {
		body += utf8.RuneCountInString(d.Text())
	}
	switch {
	case body < s.minBody:
		v.Outcome = crawler.OutcomeShort
	case s.topic && !crawler.OnTopic(text.String()):
		v.Outcome = crawler.OutcomeOffTopic
	default:
		_, dup, err := s.store.StoredDuplicate(ctx, r.URL, "", v.TextHash)
		if err != nil {
			return v, err
		}
		v.Outcome = crawler.OutcomeStored
		if dup {
			v.Outcome = crawler.OutcomeDuplicate
		}
	}
	return v, nil
}

// crawlReporter shows progress: a bar with counters on a terminal, JSON
// lines with --format jsonl, nothing otherwise.
type crawlReporter struct {
	e    *env
	json *jsonLines
	bar  *progressbar.ProgressBar
	mu   sync.Mutex
	last time.Time
}

func newCrawlReporter(e *env, jsonOut bool) *crawlReporter {
	r := &crawlReporter{e: e}
	if jsonOut {
		r.json = newJSONLines(e.stdout)
		return r
	}
	if isTerminal(e.stderr) {
		r.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("crawling"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionClearOnFinish(),
		)
	}
	return r
}

func (r *crawlReporter) event(ev crawler.Event, s crawler.Stats) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.json != nil {
		r.json.write(struct {
			crawler.Event
			Stats crawler.Stats `json:"stats"`
		}{ev, s})
		return
	}
	if r.bar == nil || time.Since(r.last) < 100*time.Millisecond {
		return
	}
	r.last = time.Now()
	r.bar.Describe(fmt.Sprintf("fetched %d · queued %d · stored %d · skipped %d · failed %d",
		s.Fetched, s.Queued, s.Stored, s.Skipped, s.Failed))
	r.bar.Set(s.Fetched)
}

func (r *crawlReporter) finish() {
	if r.bar != nil {
		r.bar.Finish()
	}
}
