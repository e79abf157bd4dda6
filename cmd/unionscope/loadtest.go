package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"github.com/unionscope/unionscope/httpapi"
	"github.com/unionscope/unionscope/httpapi/loadtest"
)

func init() {
	register(command{name: "loadtest", summary: "measure the search service: throughput and latency under concurrent clients", run: runLoadtest})
}

func runLoadtest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "loadtest", "loadtest [flags]", `  unionscope loadtest --data /tmp/bench --docs 10000      # synthetic corpus, in-process server on loopback
  unionscope loadtest --url http://127.0.0.1:8080 --clients 16 --duration 30s
  unionscope loadtest --data /tmp/bench --format jsonl

Without --url it serves --data itself on 127.0.0.1, first adding made-up
documents until the store holds --docs. It exits with status 1 when any
request failed.`)
	var df dataFlags
	df.register(fs, e)
	base := fs.String("url", "", "load this running service instead of serving --data")
	docs := fs.Int("docs", 10000, "without --url, make sure the store holds at least `n` documents, adding synthetic ones")
	clients := fs.Int("clients", 16, "concurrent `clients`")
	duration := fs.Duration("duration", 20*time.Second, "how long to send requests")
	requests := fs.Int("requests", 0, "stop after `n` requests (0: run for --duration)")
	format := fs.format("text, or jsonl for the report as one JSON object", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg := loadtest.Config{BaseURL: *base, Clients: *clients, Duration: *duration, MaxRequests: *requests, Seed: 1}
	if *clients < 1 || *duration <= 0 || *requests < 0 || *docs < 0 {
		return userErrorf("--clients, --duration and --requests must be positive")
	}
	var rep *loadtest.Report
	var err error
	if *base != "" {
		rep, err = loadtest.Run(ctx, cfg)
	} else {
		rep, err = loadOwnServer(ctx, e, &df, *docs, cfg)
	}
	if err != nil {
		return err
	}
	if *format == "jsonl" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stdout, "%d clients: %v\n", *clients, rep)
	}
	if rep.Errors > 0 {
		return userErrorf("%d of %d requests failed", rep.Errors, rep.Requests)
	}
	return nil
}

// loadOwnServer serves the data folder on a loopback port, topped up with
// synthetic documents, and loads it.
func loadOwnServer(ctx context.Context, e *env, df *dataFlags, docs int, cfg loadtest.Config) (*loadtest.Report, error) {
	store, err := df.openStore(true)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	have, err := store.Count(ctx)
	if err != nil {
		return nil, err
	}
	if have < docs {
		fmt.Fprintf(e.stderr, "adding %d synthetic documents to %s\n", docs-have, df.Dir)
		if _, err := loadtest.Store(ctx, store, loadtest.Synthesize(docs-have, uint64(have)+1)); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	x, err := df.openIndex(ctx, store)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	n, err := x.Count()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(e.stderr, "index holds %d documents (brought up to date in %.1fs)\n", n, time.Since(start).Seconds())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	srv := httpapi.New(store, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	serveCtx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(serveCtx, ln) }()
	cfg.BaseURL = "http://" + ln.Addr().String()
	rep, runErr := loadtest.Run(ctx, cfg)
	stop()
	if err := <-served; err != nil && runErr == nil {
		runErr = err
	}
	return rep, runErr
}
