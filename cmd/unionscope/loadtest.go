package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/unionscope/unionscope/httpapi"
	"github.com/unionscope/unionscope/httpapi/loadtest"
)

func init() {
	register(command{name: "loadtest", summary: "measure the search service: throughput and latency under concurrent clients", run: runLoadtest})
}

func runLoadtest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "loadtest", "loadtest [flags]", `  unionscope loadtest                                  # 10,000 synthetic documents in a temporary folder
  unionscope loadtest --dir /tmp/bench --docs 50000    # keep the synthetic corpus for the next run
  unionscope loadtest --url http://127.0.0.1:8080 --clients 16 --duration 30s
  unionscope loadtest --format jsonl

Without --url it serves a corpus of made-up documents on 127.0.0.1: in a
temporary folder it deletes afterwards, or in --dir, topped up to --docs.
A benchmark never writes into a corpus of yours: --dir must be a new or
empty folder or one that loadtest filled (it leaves a file loadtest-corpus
there), and --data does not apply. It
exits with status 1 when any request failed.`)
	base := fs.String("url", "", "load this running service instead of a synthetic corpus")
	dir := fs.String("dir", "", "keep the synthetic corpus in this `folder` (new, empty or made by loadtest) instead of a temporary one")
	// --data named the folder before loadtest kept to its own; it gets the
	// same check as --dir.
	fs.StringVar(dir, "data", "", "the old spelling of --dir")
	fs.hide("data")
	docs := fs.Int("docs", 10000, "without --url, the synthetic corpus holds at least `n` documents")
	clients := fs.Int("clients", 16, "concurrent `clients`")
	duration := fs.Duration("duration", 20*time.Second, "how long to send requests")
	requests := fs.Int("requests", 0, "stop after `n` requests (0: run for --duration)")
	format := fs.format("text, or jsonl for the report as one JSON object", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return userErrorf("loadtest takes no arguments, got %q", fs.Args())
	}
	cfg := loadtest.Config{BaseURL: *base, Clients: *clients, Duration: *duration, MaxRequests: *requests, Seed: 1}
	if *clients < 1 || *duration <= 0 || *requests < 0 || *docs < 0 {
		return userErrorf("--clients, --duration and --requests must be positive")
	}
	if *base != "" && *dir != "" {
		return userErrorf("--url loads a running service; --dir would not be used")
	}
	var rep *loadtest.Report
	var err error
	if *base != "" {
		rep, err = loadtest.Run(ctx, cfg)
	} else {
		rep, err = loadOwnServer(ctx, e, *dir, *docs, cfg)
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

// benchMark is the file loadtest leaves in a data folder it made, so that
// it reuses only its own.
const benchMark = "loadtest-corpus"

// claimBenchDir makes sure that loadtest may write into df: it holds no
// corpus yet, or one that loadtest made. It checks before opening the
// store, which would bring an older corpus's schema up to date.
func claimBenchDir(df dataFlags) error {
	mark := filepath.Join(df.Dir, benchMark)
	if _, err := os.Stat(mark); err == nil {
		return nil
	}
	if _, err := os.Stat(df.storePath()); err == nil {
		return userErrorf("%s holds a corpus that loadtest did not make; a benchmark never writes into a corpus: give a new or empty folder, or none", df.Dir)
	}
	if err := os.MkdirAll(df.Dir, 0o755); err != nil {
		return fmt.Errorf("loadtest: %w", err)
	}
	note := "The synthetic corpus of \"unionscope loadtest\", which may add to it.\n"
	if err := os.WriteFile(mark, []byte(note), 0o644); err != nil {
		return fmt.Errorf("loadtest: %w", err)
	}
	return nil
}

// loadOwnServer serves a synthetic corpus on a loopback port and loads it.
// The corpus is in dir, topped up to docs documents, or, when dir is "",
// in a temporary folder removed afterwards.
func loadOwnServer(ctx context.Context, e *env, dir string, docs int, cfg loadtest.Config) (*loadtest.Report, error) {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "unionscope-loadtest-")
		if err != nil {
			return nil, fmt.Errorf("loadtest: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	df := dataFlags{Dir: dir}
	if err := claimBenchDir(df); err != nil {
		return nil, err
	}
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
		fmt.Fprintf(e.stderr, "adding %d synthetic documents to %s\n", docs-have, dir)
		synthetic, err := loadtest.Synthesize(docs-have, uint64(have)+1)
		if err != nil {
			return nil, err
		}
		if _, err := loadtest.Store(ctx, store, synthetic); err != nil {
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
