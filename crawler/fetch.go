package crawler

import (
	"container/heap"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/decode"
)

// result is a worker's report of one request.
type result struct {
	robots bool
	host   string
	rules  *robotsRules

	entry *corpus.FrontierEntry
	// status is the HTTP status, 0 when no response arrived.
	status int
	err    error
	// transient errors are retried: timeouts, connection failures, 5xx,
	// 408 and 429; retryAfter is what the server asked for.
	transient  bool
	breaker    bool
	retryAfter time.Duration

	page     *corpus.Page
	resp     *Response
	links    []Link
	redirect string
	// final status of the frontier entry, with the reason when not done.
	frontier, reason string
}

// client returns the crawler's client with redirects left to the crawler.
func (c *Crawler) client(cfg *compiled) *http.Client {
	var cl http.Client
	if c.Client != nil {
		cl = *c.Client
	} else {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = cfg.HostConcurrency
		t.ResponseHeaderTimeout = cfg.Timeout
		cl.Transport = t
	}
	cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &cl
}

// unsupportedExt are file types the crawler notes without fetching.
var unsupportedExt = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".wps": true, ".et": true, ".rtf": true, ".zip": true, ".rar": true, ".7z": true, ".gz": true, ".tar": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".webp": true, ".svg": true, ".ico": true,
	".mp3": true, ".mp4": true, ".avi": true, ".flv": true, ".wmv": true, ".mov": true, ".exe": true, ".apk": true,
	".css": true, ".js": true, ".swf": true, ".xml": true, ".json": true,
}

func unsupportedURL(u string) (string, bool) {
	pu, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	ext := strings.ToLower(path.Ext(pu.Path))
	return ext, unsupportedExt[ext]
}

// htmlType reports whether a Content-Type is a page the crawler reads.
func htmlType(ct string, head []byte) (isHTML, unsupported bool) {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(head))
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return true, false
	case mt == "application/octet-stream" || mt == "text/plain":
		// Misconfigured servers label pages so; look at the bytes.
		sniff, _, _ := mime.ParseMediaType(http.DetectContentType(head))
		return sniff == "text/html", sniff != "text/html" && sniff != "text/plain"
	case strings.HasPrefix(mt, "text/"):
		return false, false
	}
	return false, true
}

func (r *runner) fetchPage(ctx context.Context, e *corpus.FrontierEntry) result {
	res := result{entry: e, host: e.Host}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, e.URL, nil)
	if err != nil {
		res.frontier, res.reason = corpus.FrontierFailed, err.Error()
		return res
	}
	req.Header.Set("User-Agent", r.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9")
	prev, hadPrev, err := r.c.Store.PageByURL(rctx, e.URL)
	if err != nil {
		res.err = err
		return res
	}
	// A page archived by an earlier crawl is asked for only if changed.
	conditional := hadPrev && prev.CrawlID != r.id && prev.WARCFile != "" && prev.Status == http.StatusOK
	if conditional {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := r.client.Do(req)
	if err != nil {
		res.err, res.transient, res.breaker = err, true, true
		return res
	}
	defer resp.Body.Close()
	res.status = resp.StatusCode
	now := time.Now()

	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return r.unchanged(res, prev, now)
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		res.transient, res.breaker = true, resp.StatusCode == http.StatusServiceUnavailable
		res.retryAfter = retryAfter(resp.Header.Get("Retry-After"), now, r.cfg.MaxRetryAfter)
		res.err = fmt.Errorf("http %d", resp.StatusCode)
		return res
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusRequestTimeout:
		res.transient, res.breaker = true, resp.StatusCode >= 500
		res.err = fmt.Errorf("http %d", resp.StatusCode)
		return res
	}

	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if resp.ContentLength > r.cfg.MaxBytes {
			return r.skip(res, now, KindOther, fmt.Sprintf("larger than %d bytes", r.cfg.MaxBytes))
		}
		head := make([]byte, 512)
		n, _ := io.ReadFull(resp.Body, head)
		head = head[:n]
		isHTML, unsupported := htmlType(ct, head)
		if !isHTML {
			kind := KindOther
			if unsupported {
				kind = KindUnsupported
			}
			mt, _, _ := mime.ParseMediaType(ct)
			return r.skip(res, now, kind, "content type "+mt)
		}
		rest, err := io.ReadAll(io.LimitReader(resp.Body, r.cfg.MaxBytes+1-int64(n)))
		body := append(head, rest...)
		if err != nil {
			res.err, res.transient, res.breaker = err, true, true
			return res
		}
		if int64(len(body)) > r.cfg.MaxBytes {
			return r.skip(res, now, KindOther, fmt.Sprintf("larger than %d bytes", r.cfg.MaxBytes))
		}
		return r.page(res, req, resp, body, now)
	}

	// Redirects and client errors: keep the small body with the record.
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		res.err, res.transient, res.breaker = err, true, true
		return res
	}
	file, off, err := r.archive.write(req, resp, body, now)
	if err != nil {
		res.err = err
		return res
	}
	res.page = &corpus.Page{URL: e.URL, Status: resp.StatusCode, ContentType: ct, Kind: KindOther, Outcome: OutcomeSkipped,
		ContentHash: hash(body), WARCFile: file, WARCOffset: off, FetchedAt: now}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		res.frontier = corpus.FrontierDone
		loc := resp.Header.Get("Location")
		if loc == "" {
			res.reason = "redirect without Location"
			return res
		}
		target, err := canonicalURL(loc, req.URL)
		if err != nil {
			res.reason = "redirect to " + trim(loc) + ": " + err.Error()
			return res
		}
		res.redirect, res.reason = target.String(), "redirect"
		return res
	}
	res.frontier, res.reason = corpus.FrontierFailed, fmt.Sprintf("http %d", resp.StatusCode)
	return res
}

// page archives and reads an HTML page.
func (r *runner) page(res result, req *http.Request, resp *http.Response, body []byte, now time.Time) result {
	e := res.entry
	file, off, err := r.archive.write(req, resp, body, now)
	if err != nil {
		res.err = err
		return res
	}
	ct := resp.Header.Get("Content-Type")
	p := &corpus.Page{URL: e.URL, Status: resp.StatusCode, ContentType: ct, ContentHash: hash(body),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		WARCFile: file, WARCOffset: off, FetchedAt: now}
	res.page, res.frontier = p, corpus.FrontierDone
	res.resp = &Response{URL: e.URL, Status: resp.StatusCode, Header: resp.Header, ContentType: ct, Body: body,
		Depth: e.Depth, FetchedAt: now, ContentHash: p.ContentHash, WARCFile: file, WARCOffset: off}
	return r.analyze(res, req.URL)
}

// analyze classifies an archived page and decides whether the sink gets it.
func (r *runner) analyze(res result, pageURL *url.URL) result {
	p := res.page
	text, _, err := decode.Text(res.resp.Body, res.resp.ContentType)
	if err != nil {
		p.Kind, p.Outcome = KindOther, OutcomeSkipped
		res.reason = "undecodable: " + err.Error()
		res.resp = nil
		return res
	}
	a := Analyze(pageURL, text)
	if !a.NoFollow {
		res.links = a.Links
	}
	p.Kind = a.Kind
	switch {
	case p.Outcome == OutcomeUnchanged:
		res.resp = nil
	case a.Kind != KindArticle:
		p.Outcome, res.resp = OutcomeList, nil
	case a.NoIndex:
		p.Outcome, res.resp = OutcomeNoIndex, nil
	default:
		dup, ok, err := r.c.Store.StoredDuplicate(context.Background(), p.URL, p.ContentHash, "")
		if err != nil {
			res.err = err
			return res
		}
		if ok {
			p.Outcome, res.reason, res.resp = OutcomeDuplicate, "same bytes as "+dup, nil
		} else {
			p.Outcome = corpus.PageOutcomePending
		}
	}
	return res
}

// unchanged handles 304 Not Modified: the archived copy stands, and its
// links are followed again.
func (r *runner) unchanged(res result, prev corpus.Page, now time.Time) result {
	old, err := ReadArchived(r.c.ArchiveDir, prev)
	if err != nil {
		res.err = err
		return res
	}
	p := prev
	p.FetchedAt, p.Outcome = now, OutcomeUnchanged
	res.page, res.frontier, res.resp = &p, corpus.FrontierDone, old
	u, _ := url.Parse(prev.URL)
	res = r.analyze(res, u)
	res.page.Kind = prev.Kind
	return res
}

func (r *runner) skip(res result, now time.Time, kind, reason string) result {
	res.page = &corpus.Page{URL: res.entry.URL, Status: res.status, Kind: kind, Outcome: OutcomeSkipped, FetchedAt: now}
	res.frontier, res.reason = corpus.FrontierSkipped, reason
	return res
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// retryAfter reads a Retry-After header (seconds or an HTTP date), capped.
func retryAfter(v string, now time.Time, limit time.Duration) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), limit)
}

// backoff is the wait before retry n (1-based): Backoff·2ⁿ⁻¹ with ±50%
// jitter, so that retries of many URLs do not arrive together.
func (r *runner) backoff(n int) time.Duration {
	d := r.cfg.Backoff << min(n-1, 10)
	return time.Duration(float64(d) * (0.5 + rand.Float64()))
}

// handle applies a worker's result: it commits the URL's new state with
// the page and the links it found, in one transaction, then queues them.
func (r *runner) handle(ctx context.Context, res result) error {
	h := r.host(res.host)
	h.inflight--
	now := r.now()
	if res.robots {
		return r.handleRobots(h, res, now)
	}
	e := res.entry
	if res.err != nil && !res.transient {
		return fmt.Errorf("crawl %s: %w", e.URL, res.err)
	}
	if res.transient {
		return r.retry(ctx, h, res, now)
	}
	if res.status > 0 {
		h.fails, h.openUntil = 0, time.Time{}
	}
	e.Status, e.Reason, e.NextTry = res.frontier, res.reason, time.Time{}
	var links []corpus.FrontierEntry
	if res.redirect != "" {
		if e.Hops >= r.cfg.MaxRedirects {
			e.Reason = fmt.Sprintf("more than %d redirects", r.cfg.MaxRedirects)
		} else if l, ok := r.newEntry(res.redirect, e, e.Depth, e.Hops+1); ok {
			links = append(links, l)
		} else if r.seen[res.redirect] {
			e.Reason = "redirect to a URL already seen"
		}
	}
	for _, l := range res.links {
		depth := e.Depth + 1
		if l.Pagination {
			depth = e.Depth
		}
		if depth > r.cfg.MaxDepth {
			continue
		}
		if ne, ok := r.newEntry(l.URL, e, depth, 0); ok {
			links = append(links, ne)
		}
	}
	if res.page != nil {
		res.page.CrawlID = r.id
	}
	if err := r.commit(ctx, corpus.Fetch{CrawlID: r.id, Entry: *e, Page: res.page, Links: links}); err != nil {
		return err
	}
	newQueued := 0
	for i := range links {
		l := &links[i]
		if l.Status == corpus.FrontierQueued {
			heap.Push(&r.host(l.Host).queue, l)
			newQueued++
		}
	}
	ev := Event{URL: e.URL, Status: res.status, Outcome: e.Status, Reason: e.Reason, Depth: e.Depth}
	if res.page != nil {
		ev.Kind, ev.Outcome = res.page.Kind, res.page.Outcome
	}
	if ev.Outcome == corpus.FrontierDone {
		ev.Outcome = OutcomeSkipped
	}
	pending := res.page != nil && res.page.Outcome == corpus.PageOutcomePending
	r.emit(ev, func(s *Stats) {
		s.Queued += newQueued - 1
		switch {
		case e.Status == corpus.FrontierFailed:
			s.Failed++
		case pending, ev.Outcome == OutcomeList, ev.Outcome == OutcomeUnchanged:
		default:
			s.Skipped++
		}
		for _, l := range links {
			if l.Status == corpus.FrontierSkipped {
				s.Skipped++
			}
		}
	})
	if pending {
		r.sinkq <- sinkJob{resp: res.resp}
	}
	return nil
}

// newEntry makes a frontier entry for a URL not seen before, queued when
// in scope and under the caps, skipped when of an unsupported type.
func (r *runner) newEntry(u string, from *corpus.FrontierEntry, depth, hops int) (corpus.FrontierEntry, bool) {
	if r.seen[u] {
		return corpus.FrontierEntry{}, false
	}
	if ok, _ := r.cfg.inScope(u, false); !ok {
		return corpus.FrontierEntry{}, false
	}
	pat := Pattern(u)
	if r.patterns[pat] >= r.cfg.PatternCap {
		return corpus.FrontierEntry{}, false
	}
	r.seen[u] = true
	r.patterns[pat]++
	r.seq++
	e := corpus.FrontierEntry{URL: u, Host: hostOf(u), Pattern: pat, Depth: depth, Hops: hops,
		Status: corpus.FrontierQueued, From: from.URL, Seq: r.seq}
	if ext, bad := unsupportedURL(u); bad {
		e.Status, e.Reason = corpus.FrontierSkipped, "unsupported type "+ext
	}
	return e, true
}

func hostOf(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return pu.Host
}

// retry puts a URL back after a transient failure, or fails it for good,
// and trips the host's circuit breaker after failures in a row.
func (r *runner) retry(ctx context.Context, h *host, res result, now time.Time) error {
	e := res.entry
	reason := "error"
	if res.err != nil {
		reason = res.err.Error()
		var ne net.Error
		if errors.As(res.err, &ne) && ne.Timeout() || errors.Is(res.err, context.DeadlineExceeded) {
			reason = "timeout"
		}
	}
	if res.retryAfter > 0 {
		h.pauseUntil = now.Add(res.retryAfter)
	}
	if res.breaker {
		h.fails++
		if h.fails >= r.cfg.BreakerFailures {
			h.fails = 0
			h.trips++
			h.openUntil = now.Add(r.cfg.BreakerCooldown << (h.trips - 1))
			r.log.Warn("host failing; pausing it", "host", h.name, "until", h.openUntil, "trips", h.trips)
		}
	}
	if e.Attempts > r.cfg.MaxRetries || h.trips >= breakerTrips {
		e.Status, e.Reason, e.NextTry = corpus.FrontierFailed, reason, time.Time{}
		if err := r.commit(ctx, corpus.Fetch{CrawlID: r.id, Entry: *e}); err != nil {
			return err
		}
		r.emit(Event{URL: e.URL, Status: res.status, Outcome: EventFailed, Reason: reason, Depth: e.Depth}, func(s *Stats) {
			s.Queued--
			s.Failed++
		})
		if h.trips >= breakerTrips && !h.dead {
			h.dead = true
			return r.skipHost(ctx, h, corpus.FrontierFailed, "host unavailable")
		}
		return nil
	}
	wait := res.retryAfter
	if wait == 0 {
		wait = r.backoff(e.Attempts)
	}
	e.NextTry, e.Reason = now.Add(wait), reason
	if err := r.commit(ctx, corpus.Fetch{CrawlID: r.id, Entry: *e}); err != nil {
		return err
	}
	heap.Push(&h.queue, e)
	r.emit(Event{URL: e.URL, Status: res.status, Outcome: EventRetry, Reason: fmt.Sprintf("%s; retry in %v", reason, wait.Round(time.Millisecond)), Depth: e.Depth}, nil)
	return nil
}

func (r *runner) handleRobots(h *host, res result, now time.Time) error {
	if res.transient {
		h.fails++
		if h.fails > r.cfg.MaxRetries {
			// Unreachable robots.txt: treat the host as closed to us.
			h.robots, h.rules = robotsReady, &robotsRules{group: disallowAll()}
			return nil
		}
		h.robots = robotsNone
		h.pauseUntil = now.Add(r.backoff(h.fails))
		return nil
	}
	h.fails = 0
	h.robots, h.rules = robotsReady, res.rules
	if d := res.rules.delay; d > 0 {
		if lim := rate.Every(d); lim < h.limiter.Limit() {
			h.limiter.SetLimitAt(now, lim)
			// The robots.txt request itself went out at the old rate.
			if t := h.lastRequest.Add(d); t.After(h.pauseUntil) {
				h.pauseUntil = t
			}
		}
	}
	r.log.Debug("robots.txt", "host", h.name, "status", res.status, "crawl-delay", res.rules.delay)
	return nil
}

// sinkLoop stores article pages one at a time, in the order they were
// fetched, and records each outcome.
func (r *runner) sinkLoop(ctx context.Context) {
	var fatal error
	for job := range r.sinkq {
		if fatal != nil || r.c.Sink == nil {
			continue
		}
		r.writeMu.Lock()
		v, err := r.c.Sink.Store(ctx, job.resp)
		if err == nil {
			err = r.c.Store.SetPageOutcome(ctx, job.resp.URL, v.Outcome, v.TextHash)
		}
		r.writeMu.Unlock()
		if err != nil {
			fatal = err
			r.sinkFailed.Store(true)
			continue
		}
		r.emit(Event{URL: job.resp.URL, Status: job.resp.Status, Kind: KindArticle, Outcome: v.Outcome, Depth: job.resp.Depth, Docs: v.Docs}, func(s *Stats) {
			if v.Outcome == OutcomeStored {
				s.Stored++
			} else {
				s.Skipped++
			}
		})
	}
	r.sinkDone <- fatal
}
