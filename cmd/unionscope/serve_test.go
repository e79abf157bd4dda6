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
