package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the server's logger and the test may use
// at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeDemo runs "serve --demo" on a free loopback port, asks it for
// its stats, and stops it as Ctrl-C would, expecting a clean exit.
func TestServeDemo(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo", "--data", dir, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, &stderr)
	}()

	urlRE := regexp.MustCompile(`url=(http://127\.0\.0\.1:\d+/)`)
	var base string
	deadline := time.Now().Add(60 * time.Second)
	for base == "" {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d before listening:\n%s", code, stderr.String())
		default:
		}
		if m := urlRE.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start listening in 60s:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}

	resp, err := http.Get(base + "api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct {
		Documents  int    `json:"documents"`
		Indexed    int    `json:"indexed"`
		LastImport string `json:"last_import"`
	}
	err = json.NewDecoder(resp.Body).Decode(&stats)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents == 0 || stats.Indexed != stats.Documents || stats.LastImport == "" {
		t.Errorf("after --demo: %+v", stats)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit status %d after shutdown:\n%s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
	if !strings.Contains(stderr.String(), "path=/api/stats") {
		t.Errorf("the request was not logged:\n%s", stderr.String())
	}
}

func TestServeRejectsArguments(t *testing.T) {
	_, stderr, code := runCLI(t, "serve", "--data", t.TempDir(), "extra")
	if code != 1 || !strings.Contains(stderr, "no arguments") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestLoadtestLeavesTheUsersCorpusAlone runs loadtest where --data,
// $UNIONSCOPE_DATA and --dir point at a real corpus: the first two do not
// apply, the last is refused, and the corpus is as it was.
func TestLoadtestLeavesTheUsersCorpusAlone(t *testing.T) {
	_, data := sharedSample(t)
	before := countExport(t, data)
	t.Setenv("UNIONSCOPE_DATA", data)
	small := []string{"--docs", "10", "--requests", "4", "--clients", "2"}
	for _, args := range [][]string{
		append([]string{"loadtest"}, small...),
		append([]string{"--data", data, "loadtest"}, small...),
	} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "4 requests") {
			t.Errorf("%q: exit %d, %s\n%s", args, code, errs, out)
		}
	}
	for _, flag := range []string{"--dir", "--data"} {
		out, errs, code := runCLI(t, append([]string{"loadtest", flag, data}, small...)...)
		if code != 1 || !strings.Contains(errs, "did not make") {
			t.Errorf("loadtest %s REAL: exit %d, stderr %q, stdout %q; want a refusal", flag, code, errs, out)
		}
	}
	if after := countExport(t, data); after != before {
		t.Errorf("the corpus holds %d documents after loadtest, %d before", after, before)
	}
	// A folder of its own is kept and topped up.
	bench := t.TempDir()
	for _, docs := range []string{"5", "10"} {
		if _, errs, code := runCLI(t, "loadtest", "--dir", bench, "--docs", docs, "--requests", "4", "--clients", "1"); code != 0 {
			t.Fatalf("loadtest --dir --docs %s: exit %d, %s", docs, code, errs)
		}
	}
	if n := countExport(t, bench); n != 10 {
		t.Errorf("the bench folder holds %d documents, want 10", n)
	}
}
