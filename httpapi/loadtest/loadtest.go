// Package loadtest measures a running search service: concurrent clients
// send a mix of search requests for a while, and it reports throughput,
// latency percentiles and errors.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Config says what to load and how hard.
type Config struct {
	// BaseURL is the service, such as http://127.0.0.1:8080.
	BaseURL  string
	Clients  int
	Duration time.Duration
	// MaxRequests stops the run early after this many requests; 0 for no
	// limit other than Duration.
	MaxRequests int
	// Queries is the mix to send, as query strings for /api/search; nil
	// means DefaultMix.
	Queries []string
	// Seed makes the order of queries repeatable.
	Seed uint64
}

// Report is the outcome of a run.
type Report struct {
	Requests   int           `json:"requests"`
	Errors     int           `json:"errors"`
	Elapsed    time.Duration `json:"elapsed_ns"`
	Throughput float64       `json:"requests_per_second"`
	P50        time.Duration `json:"p50_ns"`
	P90        time.Duration `json:"p90_ns"`
	P99        time.Duration `json:"p99_ns"`
	Max        time.Duration `json:"max_ns"`
	// FirstError describes the first failed request, for diagnosis.
	FirstError string `json:"first_error,omitempty"`
}

func (r *Report) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
	s := fmt.Sprintf("%d requests in %.1fs: %.1f req/s, p50 %s, p90 %s, p99 %s, max %s, %d errors",
		r.Requests, r.Elapsed.Seconds(), r.Throughput, ms(r.P50), ms(r.P90), ms(r.P99), ms(r.Max), r.Errors)
	if r.FirstError != "" {
		s += " (first: " + r.FirstError + ")"
	}
	return s
}

// DefaultMix is a spread of what researchers ask: one word, several words,
// an exact phrase, either script, and filtered, faceted, sorted and paged
// searches.
var DefaultMix = func() []string {
	q := func(params ...string) string {
		v := url.Values{}
		for i := 0; i+1 < len(params); i += 2 {
			v.Set(params[i], params[i+1])
		}
		return v.Encode()
	}
	return []string{
		// one word
		q("q", "工会"),
		q("q", "送温暖"),
		q("q", "農民工"),
		q("q", "劳动竞赛"),
		// several words
		q("q", "困难职工 慰问"),
		q("q", "职工 技能 培训"),
		q("q", "工會 維權"),
		// phrases
		q("q", `"金秋助学"`),
		q("q", `"困难职工帮扶"`),
		q("q", `"送溫暖" -新闻`),
		// filters and facets
		q("q", "送温暖", "facets", "year,region,doctype,campaign"),
		q("q", "职工", "year", "2010-2012", "facets", "year,doctype"),
		q("q", "工会", "doctype", "summary", "sort", "-date"),
		q("region", "四川", "facets", "year,campaign"),
		q("campaign", "金秋助学", "sort", "date", "size", "20"),
		q("q", "会员", "from", "20", "size", "20"),
	}
}()

// Run sends requests until cfg.Duration passes (or MaxRequests are sent,
// or ctx ends) and reports on them. A request fails when it does not
// answer 200 with a body that reads to its end.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Clients < 1 {
		return nil, fmt.Errorf("load test: clients must be at least 1, got %d", cfg.Clients)
	}
	if cfg.Duration <= 0 {
		return nil, fmt.Errorf("load test: duration must be positive, got %v", cfg.Duration)
	}
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("load test: bad base URL %q", cfg.BaseURL)
	}
	mix := cfg.Queries
	if len(mix) == 0 {
		mix = DefaultMix
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()

	transport := &http.Transport{MaxIdleConnsPerHost: cfg.Clients, MaxConnsPerHost: cfg.Clients}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		errCount  int
		firstErr  string
		sent      int
	)
	// take reserves one request, so that MaxRequests is exact.
	take := func() bool {
		mu.Lock()
		defer mu.Unlock()
		if cfg.MaxRequests > 0 && sent >= cfg.MaxRequests {
			return false
		}
		sent++
		return true
	}
	start := time.Now()
	var wg sync.WaitGroup
	for c := range cfg.Clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(cfg.Seed, uint64(c)))
			for ctx.Err() == nil && take() {
				target := base.String() + "/api/search?" + mix[rng.IntN(len(mix))]
				t0 := time.Now()
				err := get(ctx, client, target)
				d := time.Since(t0)
				if err != nil && ctx.Err() != nil {
					// The run ended under this request; it did not fail.
					mu.Lock()
					sent--
					mu.Unlock()
					return
				}
				mu.Lock()
				latencies = append(latencies, d)
				if err != nil {
					errCount++
					if firstErr == "" {
						firstErr = err.Error()
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	r := &Report{Requests: len(latencies), Errors: errCount, Elapsed: elapsed, FirstError: firstErr}
	if len(latencies) == 0 {
		return r, errors.New("load test: no request completed")
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		i := int(p*float64(len(latencies))+0.5) - 1
		return latencies[min(max(i, 0), len(latencies)-1)]
	}
	r.P50, r.P90, r.P99, r.Max = pct(0.50), pct(0.90), pct(0.99), latencies[len(latencies)-1]
	r.Throughput = float64(len(latencies)) / elapsed.Seconds()
	return r, nil
}

func get(ctx context.Context, client *http.Client, target string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return fmt.Errorf("read %s: %w", target, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", target, resp.StatusCode)
	}
	return nil
}
