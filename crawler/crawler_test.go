package crawler

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/decode"
)

// textSink stores the text of a page's .content block as one document,
// applying the topic rule and text-level duplicate detection as the real
// sink does; it stands in for extraction, which is not under test here.
type textSink struct {
	store *corpus.Store
	topic bool
	// after, if set, runs after each page is stored.
	after func(n int)
	mu    sync.Mutex
	n     int
}

func (s *textSink) Store(ctx context.Context, r *Response) (Verdict, error) {
	text, _, err := decode.Text(r.Body, r.ContentType)
	if err != nil {
		return Verdict{Outcome: OutcomeRejected}, nil
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return Verdict{}, err
	}
	var body []string
	doc.Find(".content p").Each(func(_ int, p *goquery.Selection) { body = append(body, p.Text()) })
	joined := strings.Join(body, "\n")
	v := Verdict{TextHash: hash([]byte(joined))}
	switch {
	case len(body) == 0:
		v.Outcome = OutcomeShort
		return v, nil
	case s.topic && !OnTopic(joined):
		v.Outcome = OutcomeOffTopic
		return v, nil
	}
	if _, dup, err := s.store.StoredDuplicate(ctx, r.URL, "", v.TextHash); err != nil || dup {
		v.Outcome = OutcomeDuplicate
		return v, err
	}
	d := corpus.Document{Source: r.URL, SourceFile: r.URL, URL: r.URL, Title: doc.Find("h1").Text(), Body: body,
		Doctype: corpus.DoctypeNews, ContentHash: r.ContentHash, Metrics: []corpus.Metric{}, Campaigns: []corpus.Campaign{}}
	if _, err := s.store.ReplaceSource(ctx, r.URL, r.ContentHash, []corpus.Document{d}); err != nil {
		return v, err
	}
	v.Outcome, v.Docs = OutcomeStored, 1
	s.mu.Lock()
	s.n++
	n := s.n
	s.mu.Unlock()
	if s.after != nil {
		s.after(n)
	}
	return v, nil
}

func openStore(t *testing.T, dir string) *corpus.Store {
	t.Helper()
	s, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testConfig(seed string) Config {
	cfg := DefaultConfig()
	cfg.Seeds = []string{seed}
	cfg.Rate = 100 // robots.txt's Crawl-delay of 0.05 s must bring this down to 20/s
	cfg.MaxDepth = 30
	cfg.PatternCap = 8
	cfg.Timeout = 300 * time.Millisecond
	cfg.MaxBytes = 64 << 10
	cfg.MaxRetries = 2
	cfg.Backoff = 20 * time.Millisecond
	cfg.BreakerCooldown = 100 * time.Millisecond
	cfg.UserAgent = "unionscope-test/1 (+http://example.invalid/about)"
	return cfg
}

// storedSources lists the stored documents as path → title and text.
func storedSources(t *testing.T, s *corpus.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.Each(context.Background(), func(d *corpus.Document) error {
		u, err := url.Parse(d.Source)
		if err != nil {
			return err
		}
		out[u.RequestURI()] = d.Title + "|" + d.Text()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func titles(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = strings.SplitN(v, "|", 2)[0]
	}
	return out
}

func TestCrawlPortal(t *testing.T) {
	clock := newFakeClock()
	p := newPortal(t, clock)
	dir := t.TempDir()
	store := openStore(t, dir)
	var events []Event
	c := &Crawler{Store: store, Sink: &textSink{store: store, topic: true}, ArchiveDir: filepath.Join(dir, "warc"),
		OnEvent: func(e Event, _ Stats) { events = append(events, e) }, Clock: clock}
	stats, err := c.Start(context.Background(), testConfig(p.URL+"/gzdt/"))
	if err != nil {
		t.Fatal(err)
	}
	if !stats.Finished {
		t.Errorf("crawl did not finish: %+v", stats)
	}
	u := func(s string) string { return s }
	want := map[string]string{
		u("/gzdt/a1.html"):    articles["a1"].title,
		u("/gzdt/a2.html"):    articles["a2"].title,
		u("/gzdt/a3.html"):    articles["a3"].title, // GBK, labelled GB2312
		u("/gzdt/a4.html"):    articles["a4"].title, // clutter longer than the article
		u("/gzdt/a5.html"):    articles["a5"].title, // on page 2 of the list
		u("/gzdt/a6.html"):    articles["a6"].title,
		u("/gzdt/moved.html"): articles["moved"].title, // behind a redirect
		u("/flaky.html"):      articles["flaky"].title, // 500, then 200
		u("/busy.html"):       articles["busy"].title,  // 429 with Retry-After, then 200
	}
	if diff := cmp.Diff(want, titles(storedSources(t, store))); diff != "" {
		t.Errorf("stored documents (-want +got):\n%s", diff)
	}

	for _, path := range []string{"/private/secret.html", "/files/report.pdf"} {
		if n, _ := p.count(path); n != 0 {
			t.Errorf("%s requested %d times, want never", path, n)
		}
	}
	for _, h := range p.paths() {
		if strings.Contains(h, "utm_") || strings.Contains(h, "jsessionid") || strings.Contains(h, "from=") {
			t.Errorf("requested a tracking or session variant %s", h)
		}
	}
	for path, want := range map[string]int{
		"/robots.txt": 1, "/gzdt/": 1, "/gzdt/index_1.html": 1, "/gzdt/a1.html": 1, "/gzdt/a2.html": 1,
		"/gzdt/a3.html": 1, "/old.html": 1, "/gzdt/moved.html": 1, "/loop1": 1, "/loop2": 1, "/missing.html": 1,
		"/flaky.html": 2, "/busy.html": 2, "/slow.html": 3, "/dup.html": 1, "/download?id=7": 1, "/big.html": 1,
	} {
		if n, _ := p.count(path); n != want {
			t.Errorf("%s requested %d times, want %d", path, n, want)
		}
	}
	cal := 0
	for _, h := range p.paths() {
		if strings.HasPrefix(h, "/calendar") {
			cal++
		}
	}
	if cal == 0 || cal > 8 {
		t.Errorf("calendar pages requested %d times, want 1..8 (the pattern cap)", cal)
	}
	for _, h := range p.hits {
		if h.agent != "unionscope-test/1 (+http://example.invalid/about)" {
			t.Errorf("%s requested with User-Agent %q", h.path, h.agent)
		}
	}

	// The outcome of each page that was not stored.
	outcomes := map[string]string{}
	err = store.Pages(context.Background(), "", 0, "", func(pg corpus.Page) error {
		outcomes[strings.TrimPrefix(pg.URL, p.URL)] = pg.Kind + "/" + pg.Outcome
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/dup.html":      "article/duplicate",
		"/weather.html":  "article/offtopic",
		"/gzdt/":         "list/list",
		"/download?id=7": "unsupported/skipped",
		"/big.html":      "other/skipped",
		"/missing.html":  "other/skipped",
	} {
		if outcomes[path] != want {
			t.Errorf("page %s is %q, want %q", path, outcomes[path], want)
		}
	}
	frontier, err := store.Frontier(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, e := range frontier {
		status[strings.TrimPrefix(e.URL, p.URL)] = e.Status + "/" + e.Reason
	}
	for path, want := range map[string]string{
		"/private/secret.html": "skipped/robots.txt",
		"/files/report.pdf":    "skipped/unsupported type .pdf",
		"/slow.html":           "failed/timeout",
		"/missing.html":        "failed/http 404",
		"/loop2":               "done/redirect to a URL already seen",
	} {
		if status[path] != want {
			t.Errorf("frontier %s is %q, want %q", path, status[path], want)
		}
	}
	if _, ok := status["http://other.invalid/union.html"]; ok {
		t.Error("an off-site link entered the frontier")
	}

	checkRate(t, p, 50*time.Millisecond)
}

// checkRate asserts from the server's clock (the crawler's, which the
// portal reads) that requests came no faster than one per interval. Single gaps can shrink when one request waits for
// a new connection and the next does not, so it checks spans of several
// requests, allowing one request's worth of such jitter.
func checkRate(t *testing.T, p *portal, interval time.Duration) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	hits := append([]hit(nil), p.hits...)
	sort.Slice(hits, func(i, j int) bool { return hits[i].at.Before(hits[j].at) })
	const k = 5
	for i := 0; i+k < len(hits); i++ {
		if span := hits[i+k].at.Sub(hits[i].at); span < (k-1)*interval {
			t.Errorf("requests %d..%d (%s..%s) came within %v, want at least %v at one per %v",
				i, i+k, hits[i].path, hits[i+k].path, span, (k-1)*interval, interval)
		}
	}
	if n := len(hits); n > 1 {
		avg := hits[n-1].at.Sub(hits[0].at) / time.Duration(n-1)
		if avg < interval {
			t.Errorf("%d requests at one per %v on average, want one per %v or slower", n, avg, interval)
		}
		t.Logf("%d requests, one per %v on average", n, avg)
	}
}

func TestResume(t *testing.T) {
	cfgFor := func(p *portal) Config {
		cfg := testConfig(p.URL + "/gzdt/")
		cfg.Exclude = []string{`/slow\.html`, `/calendar`}
		return cfg
	}
	// The uninterrupted crawl.
	clock1 := newFakeClock()
	p1 := newPortal(t, clock1)
	dir1 := t.TempDir()
	s1 := openStore(t, dir1)
	c1 := &Crawler{Store: s1, Sink: &textSink{store: s1, topic: true}, ArchiveDir: filepath.Join(dir1, "warc"), Clock: clock1}
	if _, err := c1.Start(context.Background(), cfgFor(p1)); err != nil {
		t.Fatal(err)
	}
	want := storedSources(t, s1)

	// The same crawl, killed after three stored pages and resumed.
	clock2 := newFakeClock()
	p2 := newPortal(t, clock2)
	dir2 := t.TempDir()
	s2 := openStore(t, dir2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink := &textSink{store: s2, topic: true, after: func(n int) {
		if n == 3 {
			cancel()
		}
	}}
	c2 := &Crawler{Store: s2, Sink: sink, ArchiveDir: filepath.Join(dir2, "warc"), Clock: clock2}
	stats, err := c2.Start(ctx, cfgFor(p2))
	if err == nil || stats.Finished {
		t.Fatalf("interrupted crawl: %+v, %v; want it stopped by the cancellation", stats, err)
	}
	if got := len(storedSources(t, s2)); got >= len(want) {
		t.Fatalf("interrupted crawl stored %d of %d documents; the test interrupts nothing", got, len(want))
	}
	sink.after = nil
	cfg, err := c2.LastConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stats, err = c2.Resume(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !stats.Finished {
		t.Errorf("resumed crawl did not finish: %+v", stats)
	}
	if diff := cmp.Diff(want, storedSources(t, s2)); diff != "" {
		t.Errorf("resumed corpus differs from the uninterrupted one (-want +got):\n%s", diff)
	}
	for path := range want {
		if _, ok := p2.count(path); ok != 1 {
			t.Errorf("stored page %s fetched %d times across the resume, want once", path, ok)
		}
	}
	if _, err := c2.Resume(context.Background(), cfg); err != ErrNoCrawl {
		t.Errorf("resuming a finished crawl: %v, want ErrNoCrawl", err)
	}

	// Reextract: with the server gone and the documents deleted, the
	// archive alone rebuilds them.
	p2.Close()
	for path := range want {
		if _, err := s2.ReplaceSource(context.Background(), p2.URL+path, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s2.Count(context.Background()); n != 0 {
		t.Fatalf("%d documents left before replay", n)
	}
	err = Replay(context.Background(), s2, filepath.Join(dir2, "warc"), &textSink{store: s2, topic: true}, func(pg corpus.Page, v Verdict, err error) {
		if err != nil {
			t.Errorf("replay %s: %v", pg.URL, err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, storedSources(t, s2)); diff != "" {
		t.Errorf("documents rebuilt from the archive differ (-want +got):\n%s", diff)
	}
}

func TestConditionalRefetch(t *testing.T) {
	var mu sync.Mutex
	conditional := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/gzdt/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"list-1"`)
		if r.Header.Get("If-None-Match") == `"list-1"` {
			mu.Lock()
			conditional++
			mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte(listHTML("工会动态", []string{"a1.html"}, "")))
	})
	mux.HandleFunc("/gzdt/a1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "Fri, 12 Jul 2024 08:00:00 GMT")
		if r.Header.Get("If-Modified-Since") == "Fri, 12 Jul 2024 08:00:00 GMT" {
			mu.Lock()
			conditional++
			mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte(articleHTML("a1", false)))
	})
	srv := newServer(t, mux)
	dir := t.TempDir()
	store := openStore(t, dir)
	c := &Crawler{Store: store, Sink: &textSink{store: store, topic: true}, ArchiveDir: filepath.Join(dir, "warc"), Clock: newFakeClock()}
	cfg := testConfig(srv.URL + "/gzdt/")
	for i := range 2 {
		stats, err := c.Start(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 && (stats.Fetched != 2 || stats.Stored != 0) {
			t.Errorf("second crawl: %+v, want 2 fetched (both not modified), 0 stored", stats)
		}
	}
	if conditional != 2 {
		t.Errorf("%d conditional requests answered 304, want 2 (the list and the article)", conditional)
	}
	pg, _, err := store.PageByURL(context.Background(), srv.URL+"/gzdt/a1.html")
	if err != nil || pg.Outcome != OutcomeUnchanged {
		t.Errorf("article after the second crawl: %+v, %v", pg, err)
	}
	if n, _ := store.Count(context.Background()); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
}

func newServer(t *testing.T, h http.Handler) *httptestServer {
	t.Helper()
	s := startServer(h)
	t.Cleanup(s.Close)
	return s
}
