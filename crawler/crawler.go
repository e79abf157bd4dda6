// Package crawler fetches pages from union portals politely (robots.txt,
// per-host rate and concurrency, backoff, circuit breaker), follows list
// pages and pagination, archives raw responses to WARC and hands article
// pages to a Sink, keeping its frontier in the corpus store so that a
// crawl stopped at any point resumes where it stopped.
package crawler

import (
	"container/heap"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/unionscope/unionscope/corpus"
)

// Response is an archived HTML page as the sink receives it.
type Response struct {
	URL         string // canonical URL requested
	Status      int
	Header      http.Header
	ContentType string
	Body        []byte
	Depth       int
	FetchedAt   time.Time
	// ContentHash is the hex SHA-256 of Body.
	ContentHash string
	// WARCFile (a name in the archive folder) and WARCOffset locate the
	// response record that holds Body, for the stored documents'
	// provenance.
	WARCFile   string
	WARCOffset int64
}

// Outcomes of a page, as recorded in the store and reported in events.
const (
	OutcomeStored    = "stored"
	OutcomeDuplicate = "duplicate" // same body or text as a stored page
	OutcomeShort     = "short"     // too little body text to be an article
	OutcomeOffTopic  = "offtopic"  // fails the topic filter
	OutcomeRejected  = "rejected"  // the extractor found nothing
	OutcomeNoIndex   = "noindex"   // <meta name="robots" content="noindex">
	OutcomeList      = "list"      // followed, not stored
	OutcomeUnchanged = "unchanged" // 304 Not Modified on a later crawl
	OutcomeSkipped   = "skipped"   // not HTML, too large, or otherwise not kept
)

// Verdict is what a sink did with a page.
type Verdict struct {
	Outcome string
	// TextHash identifies the extracted text, for duplicate detection.
	TextHash string
	Docs     int
}

// Sink stores the documents of article pages. Store returns an error only
// when the crawl cannot go on (the store failed); a page it does not want
// is a Verdict. Store is never called concurrently.
type Sink interface {
	Store(ctx context.Context, r *Response) (Verdict, error)
}

// Event reports one thing that happened to a URL.
type Event struct {
	Time    time.Time `json:"time"`
	URL     string    `json:"url"`
	Status  int       `json:"status,omitempty"`
	Kind    string    `json:"kind,omitempty"`
	Outcome string    `json:"outcome"`
	Reason  string    `json:"reason,omitempty"`
	Depth   int       `json:"depth"`
	Docs    int       `json:"documents,omitempty"`
}

// Event outcomes besides the page outcomes above.
const (
	EventRetry  = "retry"
	EventFailed = "failed"
	EventRobots = "robots" // disallowed by robots.txt
)

// Stats counts a crawl's URLs.
type Stats struct {
	Fetched int `json:"fetched"` // URLs requested
	Queued  int `json:"queued"`  // waiting in the frontier
	Stored  int `json:"stored"`  // article pages stored
	Skipped int `json:"skipped"` // not stored, not failed
	Failed  int `json:"failed"`
	// Finished is set when the frontier is exhausted, as opposed to a limit
	// or a cancellation stopping the crawl.
	Finished bool `json:"finished"`
	// Stop says which limit stopped an unfinished crawl.
	Stop string `json:"stop,omitempty"`
}

// Crawler runs crawls whose state lives in Store.
type Crawler struct {
	Store *corpus.Store
	Sink  Sink
	// ArchiveDir receives the WARC files.
	ArchiveDir string
	// Client makes the requests; nil means a client with a transport of its
	// own. Its redirect policy is replaced: the crawler follows redirects
	// itself, each through the rate limiter.
	Client *http.Client
	Logger *slog.Logger
	// OnEvent, if set, is called for each event from one goroutine.
	OnEvent func(Event, Stats)
	// Clock is the time the crawl keeps: when a host's rate limiter lets a
	// request start, when a retry or a paused host is due, when MaxTime
	// ends a run. nil means the real clock; tests give a fake one, so that
	// rate limits and Retry-After waits cost them no real time.
	Clock Clock
}

// Clock tells the time and waits. rate.Limiter takes the time as an
// argument rather than reading it, so the crawler hands it the Clock's.
type Clock interface {
	Now() time.Time
	// After sends the time on the channel once d has passed, as
	// time.After does.
	After(d time.Duration) <-chan time.Time
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func (c *Crawler) clock() Clock {
	if c.Clock == nil {
		return realClock{}
	}
	return c.Clock
}

// ErrNoCrawl is returned by Resume when there is nothing to resume.
var ErrNoCrawl = errors.New("no unfinished crawl to resume")

// Start begins a new crawl with cfg and runs it until its frontier is
// exhausted, a limit is reached or ctx ends.
func (c *Crawler) Start(ctx context.Context, cfg Config) (Stats, error) {
	cc, err := cfg.compile()
	if err != nil {
		return Stats{}, err
	}
	buf, err := json.Marshal(cfg)
	if err != nil {
		return Stats{}, fmt.Errorf("start crawl: %w", err)
	}
	id, err := c.Store.NewCrawl(ctx, string(buf))
	if err != nil {
		return Stats{}, err
	}
	var seeds []corpus.FrontierEntry
	for i, s := range cc.seeds {
		seeds = append(seeds, corpus.FrontierEntry{URL: s, Host: hostOf(s), Pattern: Pattern(s), Status: corpus.FrontierQueued, Seq: int64(i + 1)})
	}
	if err := c.Store.AddFrontier(ctx, id, seeds); err != nil {
		return Stats{}, err
	}
	return c.run(ctx, id, cc)
}

// LastConfig returns the settings of the newest crawl, and ErrNoCrawl when
// there is none or it finished.
func (c *Crawler) LastConfig(ctx context.Context) (Config, error) {
	cr, ok, err := c.Store.LastCrawl(ctx)
	if err != nil {
		return Config{}, err
	}
	if !ok || cr.FinishedAt != "" {
		return Config{}, ErrNoCrawl
	}
	var cfg Config
	if err := json.Unmarshal([]byte(cr.Config), &cfg); err != nil {
		return Config{}, fmt.Errorf("settings of crawl %d: %w", cr.ID, err)
	}
	return cfg, nil
}

// Resume continues the newest crawl with cfg (its stored settings, as
// LastConfig returns them, perhaps with limits changed). URLs already
// fetched are not fetched again; pages archived but not yet stored are
// stored from the archive.
func (c *Crawler) Resume(ctx context.Context, cfg Config) (Stats, error) {
	cr, ok, err := c.Store.LastCrawl(ctx)
	if err != nil {
		return Stats{}, err
	}
	if !ok || cr.FinishedAt != "" {
		return Stats{}, ErrNoCrawl
	}
	cc, err := cfg.compile()
	if err != nil {
		return Stats{}, err
	}
	buf, err := json.Marshal(cfg)
	if err != nil {
		return Stats{}, fmt.Errorf("resume crawl: %w", err)
	}
	if err := c.Store.SetCrawlConfig(ctx, cr.ID, string(buf)); err != nil {
		return Stats{}, err
	}
	return c.run(ctx, cr.ID, cc)
}

func (c *Crawler) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.Default()
}

// host is the dispatcher's view of one host.
type host struct {
	name     string
	queue    entryHeap
	inflight int
	limiter  *rate.Limiter
	robots   robotsState
	rules    *robotsRules
	// pauseUntil holds the host back after a Retry-After.
	pauseUntil time.Time
	// Circuit breaker: failures in a row, when an open breaker closes, and
	// how often it has opened.
	fails     int
	openUntil time.Time
	trips     int
	requests  int
	dead      bool
	// lastRequest is when the latest request to the host started.
	lastRequest time.Time
}

type robotsState int

const (
	robotsNone robotsState = iota
	robotsFetching
	robotsReady
)

// entryHeap orders a host's queue: due retries and new URLs first, then
// shallow before deep, then discovery order.
type entryHeap []*corpus.FrontierEntry

func (h entryHeap) Len() int { return len(h) }
func (h entryHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if !a.NextTry.Equal(b.NextTry) {
		return a.NextTry.Before(b.NextTry)
	}
	if a.Depth != b.Depth {
		return a.Depth < b.Depth
	}
	return a.Seq < b.Seq
}
func (h entryHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *entryHeap) Push(x any)   { *h = append(*h, x.(*corpus.FrontierEntry)) }
func (h *entryHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// run is one process's share of crawl id: it loads the frontier, then
// dispatches requests until nothing is left or a limit is reached.
func (c *Crawler) run(ctx context.Context, id int64, cfg *compiled) (Stats, error) {
	r := &runner{
		c: c, id: id, cfg: cfg, log: c.logger().With("crawl", id),
		hosts: map[string]*host{}, seen: map[string]bool{}, patterns: map[string]int{},
		results: make(chan result), start: c.clock().Now(),
	}
	r.client = c.client(cfg)
	r.archive = &archive{dir: c.ArchiveDir, crawlID: id, userAgent: cfg.UserAgent}
	defer r.archive.close()
	r.sinkq = make(chan sinkJob, 1024)
	r.sinkDone = make(chan error, 1)
	go r.sinkLoop(context.WithoutCancel(ctx))
	err := r.load(ctx)
	if err == nil {
		err = r.loop(ctx)
	}
	close(r.sinkq)
	if serr := <-r.sinkDone; err == nil {
		err = serr
	}
	r.emitMu.Lock()
	stats := r.stats
	r.emitMu.Unlock()
	if err == nil && stats.Finished {
		err = c.Store.FinishCrawl(context.WithoutCancel(ctx), id)
	}
	if err == nil {
		err = ctx.Err()
	}
	return stats, err
}

// runner holds one run's state. Everything but the sink, the archive and
// the emitter is touched only by the dispatching goroutine.
type runner struct {
	c       *Crawler
	id      int64
	cfg     *compiled
	log     *slog.Logger
	client  *http.Client
	archive *archive

	hosts    map[string]*host
	order    []string // hosts in round-robin order
	next     int
	seen     map[string]bool
	patterns map[string]int
	seq      int64
	inflight int
	fetched  int
	results  chan result
	start    time.Time

	sinkq      chan sinkJob
	sinkDone   chan error
	sinkFailed atomic.Bool

	emitMu sync.Mutex
	stats  Stats

	// writeMu serialises this process's writes to the store: SQLite in WAL
	// mode fails a transaction that reads and then writes (SQLITE_BUSY_
	// SNAPSHOT, which busy_timeout does not cover) when another connection
	// wrote in between, as the sink's ReplaceSource would while the
	// dispatcher commits.
	writeMu sync.Mutex
}

func (r *runner) commit(ctx context.Context, f corpus.Fetch) error {
	r.writeMu.Lock()
	defer r.writeMu.Unlock()
	// A response that arrived is recorded even as the crawl is being
	// stopped; otherwise a resume would fetch it again.
	return r.c.Store.CommitFetch(context.WithoutCancel(ctx), f)
}

type sinkJob struct {
	resp *Response
}

func (r *runner) load(ctx context.Context) error {
	entries, err := r.c.Store.Frontier(ctx, r.id)
	if err != nil {
		return err
	}
	for i := range entries {
		e := &entries[i]
		r.seen[e.URL] = true
		r.patterns[e.Pattern]++
		r.seq = max(r.seq, e.Seq)
		h := r.host(e.Host)
		h.requests += e.Attempts
		if e.Attempts > 0 {
			r.fetched++
		}
		switch e.Status {
		case corpus.FrontierQueued:
			heap.Push(&h.queue, e)
			r.stats.Queued++
		case corpus.FrontierFailed:
			r.stats.Failed++
		case corpus.FrontierSkipped:
			r.stats.Skipped++
		}
	}
	r.stats.Fetched = r.fetched
	err = r.c.Store.Pages(ctx, "", r.id, "", func(p corpus.Page) error {
		switch p.Outcome {
		case OutcomeStored:
			r.stats.Stored++
		case corpus.PageOutcomePending:
			// Archived and recorded, then stopped before the sink: store
			// it from the archive rather than fetch it again.
			resp, err := ReadArchived(r.c.ArchiveDir, p)
			if err != nil {
				r.log.Warn("cannot read archived page; it stays unstored", "url", p.URL, "err", err)
				return nil
			}
			r.sinkq <- sinkJob{resp: resp}
		case OutcomeDuplicate, OutcomeShort, OutcomeOffTopic, OutcomeRejected, OutcomeNoIndex:
			r.stats.Skipped++
		}
		return nil
	})
	return err
}

func (r *runner) host(name string) *host {
	h := r.hosts[name]
	if h == nil {
		h = &host{name: name, limiter: rate.NewLimiter(rate.Limit(r.cfg.Rate), 1)}
		r.hosts[name] = h
		r.order = append(r.order, name)
	}
	return h
}

// emit updates the counters and reports an event.
func (r *runner) emit(ev Event, update func(*Stats)) {
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	if update != nil {
		update(&r.stats)
	}
	if ev.Time.IsZero() {
		ev.Time = r.now()
	}
	if r.c.OnEvent != nil {
		r.c.OnEvent(ev, r.stats)
	}
}

// now is the crawl's time, by its Clock.
func (r *runner) now() time.Time { return r.c.clock().Now() }

func (r *runner) setFetched() {
	r.emitMu.Lock()
	r.stats.Fetched = r.fetched
	r.emitMu.Unlock()
}

// loop dispatches work until there is none left or a limit ends the run,
// then waits for requests in flight: their responses are kept, not lost.
func (r *runner) loop(ctx context.Context) error {
	deadline := r.start.Add(r.cfg.MaxTime)
	stopping := ""
	for {
		now := r.now()
		if stopping == "" {
			switch {
			case ctx.Err() != nil:
				stopping = "interrupted"
			case r.sinkFailed.Load():
				stopping = "sink failed"
			case !now.Before(deadline):
				stopping = "max-time"
			case r.fetched >= r.cfg.MaxPages:
				stopping = "max-pages"
			}
		}
		wake := now.Add(time.Hour)
		if stopping == "" {
			var err error
			wake, err = r.dispatch(ctx, now, deadline)
			if err != nil {
				stopping = "error"
				r.drain()
				return err
			}
		}
		if r.inflight == 0 {
			if stopping != "" {
				r.emit(Event{Outcome: "stop", Reason: stopping}, func(s *Stats) { s.Stop = stopping })
				return nil
			}
			if r.queued() == 0 {
				r.emit(Event{Outcome: "finished"}, func(s *Stats) { s.Finished = true })
				return nil
			}
		}
		// Wait for a response, or until wake lets a request start. When
		// stopping, or when only the deadline is due and requests are in
		// flight, a response comes first (each has a timeout), and the
		// next round checks the deadline before it starts anything: no
		// timer then, so that a fake clock does not leap under a request.
		var timer <-chan time.Time
		if stopping == "" && (r.inflight == 0 || wake.Before(deadline)) {
			timer = r.c.clock().After(max(wake.Sub(r.now()), time.Millisecond))
		}
		var done <-chan struct{}
		if stopping == "" {
			done = ctx.Done()
		}
		select {
		case res := <-r.results:
			r.inflight--
			if err := r.handle(ctx, res); err != nil {
				r.drain()
				return err
			}
		case <-timer:
		case <-done:
		}
	}
}

// drain waits for requests in flight after a fatal error.
func (r *runner) drain() {
	for r.inflight > 0 {
		<-r.results
		r.inflight--
	}
}

func (r *runner) queued() int {
	n := 0
	for _, h := range r.hosts {
		n += h.queue.Len()
	}
	return n
}

// dispatch starts every request that may start now and returns when the
// next one may.
func (r *runner) dispatch(ctx context.Context, now, deadline time.Time) (time.Time, error) {
	wake := deadline
	for range len(r.order) {
		if r.inflight >= r.cfg.Concurrency || r.fetched >= r.cfg.MaxPages {
			break
		}
		h := r.hosts[r.order[r.next%len(r.order)]]
		r.next++
		for r.inflight < r.cfg.Concurrency && r.fetched < r.cfg.MaxPages {
			t, ok, err := r.dispatchHost(ctx, h, now)
			if err != nil {
				return wake, err
			}
			if !t.IsZero() && t.Before(wake) {
				wake = t
			}
			if !ok {
				break
			}
		}
	}
	return wake, nil
}

// dispatchHost starts one request to h if it may; otherwise it returns when
// h may be ready (zero when only a response can change that).
func (r *runner) dispatchHost(ctx context.Context, h *host, now time.Time) (time.Time, bool, error) {
	if h.dead || h.queue.Len() == 0 {
		return time.Time{}, false, nil
	}
	limit := r.cfg.HostConcurrency
	if !h.openUntil.IsZero() {
		// Half-open: one probe at a time until a request succeeds.
		limit = 1
	}
	switch {
	case h.inflight >= limit || h.robots == robotsFetching:
		return time.Time{}, false, nil
	case now.Before(h.openUntil):
		return h.openUntil, false, nil
	case now.Before(h.pauseUntil):
		return h.pauseUntil, false, nil
	}
	if h.requests >= r.cfg.PerHostBudget {
		return time.Time{}, false, r.skipHost(ctx, h, corpus.FrontierSkipped, "per-host budget spent")
	}
	if h.robots == robotsReady {
		// Settle disallowed URLs at the head of the queue without a request.
		for h.queue.Len() > 0 && !h.rules.allowed(h.queue[0].URL) {
			e := heap.Pop(&h.queue).(*corpus.FrontierEntry)
			if err := r.settle(ctx, e, corpus.FrontierSkipped, "robots.txt", EventRobots); err != nil {
				return time.Time{}, false, err
			}
		}
		if h.queue.Len() == 0 {
			return time.Time{}, false, nil
		}
		if next := h.queue[0].NextTry; now.Before(next) {
			return next, false, nil
		}
	}
	res := h.limiter.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return now.Add(d), false, nil
	}
	h.inflight++
	h.requests++
	h.lastRequest = now
	r.inflight++
	if h.robots == robotsNone {
		h.robots = robotsFetching
		scheme := "http"
		if u, err := url.Parse(h.queue[0].URL); err == nil {
			scheme = u.Scheme
		}
		go func() { r.results <- r.fetchRobots(ctx, h.name, scheme) }()
		return time.Time{}, true, nil
	}
	e := heap.Pop(&h.queue).(*corpus.FrontierEntry)
	if e.Attempts == 0 {
		r.fetched++
		r.setFetched()
	}
	e.Attempts++
	go func() { r.results <- r.fetchPage(ctx, e) }()
	return time.Time{}, true, nil
}

// settle ends a queued URL without fetching it.
func (r *runner) settle(ctx context.Context, e *corpus.FrontierEntry, status, reason, outcome string) error {
	e.Status, e.Reason = status, reason
	if err := r.commit(ctx, corpus.Fetch{CrawlID: r.id, Entry: *e}); err != nil {
		return err
	}
	r.emit(Event{URL: e.URL, Outcome: outcome, Reason: reason, Depth: e.Depth}, func(s *Stats) {
		s.Queued--
		if status == corpus.FrontierFailed {
			s.Failed++
		} else {
			s.Skipped++
		}
	})
	return nil
}

// skipHost ends every queued URL of h.
func (r *runner) skipHost(ctx context.Context, h *host, status, reason string) error {
	for h.queue.Len() > 0 {
		e := heap.Pop(&h.queue).(*corpus.FrontierEntry)
		if err := r.settle(ctx, e, status, reason, status); err != nil {
			return err
		}
	}
	return nil
}
