package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
)

// serveLoopback runs ts on a real loopback listener and returns its base
// URL; the server shuts down, and the test checks it did so cleanly, when
// the test ends.
func serveLoopback(t *testing.T, ts *testServer) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return "http://" + ln.Addr().String()
}

func getJSON(ctx context.Context, rawURL string, v any) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(v)
}

// TestLiveUpdate stores documents through a second store handle, as
// "unionscope import" in another process does while the server holds the
// index, and waits for the server to find them without a restart.
func TestLiveUpdate(t *testing.T) {
	ts := newTestServer(t)
	ts.CatchUpEvery = 50 * time.Millisecond
	base := serveLoopback(t, ts)

	other, err := corpus.Open(filepath.Join(ts.dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	const word = "劳模创新工作室"
	for i := range 3 {
		source := fmt.Sprintf("/corpus/later-%d.txt", i)
		doc := corpus.Document{
			SourceFile: filepath.Base(source),
			Title:      fmt.Sprintf("第%d批%s命名通报", i+1, word),
			Date:       "2013-04-0" + fmt.Sprint(i+1),
			Doctype:    corpus.DoctypeNews,
			Body:       []string{"市总工会命名一批" + word + "，引导职工立足岗位创新创效。"},
		}
		if _, err := other.ReplaceSource(ctx, source, "h", []corpus.Document{doc}); err != nil {
			t.Fatal(err)
		}
	}

	waitTotal(t, base+"/api/search?q="+url.QueryEscape(word), 3)

	// A deletion in the other process reaches the index the same way.
	if _, err := other.ReplaceSource(ctx, "/corpus/later-0.txt", "h2", nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		var s statsBody
		if _, err := getJSON(ctx, base+"/api/stats", &s); err != nil {
			t.Fatal(err)
		}
		if s.IndexSeq == s.StoreSeq && s.Indexed == 7 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("index did not apply the deletion: %+v", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestLoopback checks the server over a real connection: JSON errors,
// the page, and a graceful shutdown (in serveLoopback's cleanup).
func TestLoopback(t *testing.T) {
	ts := newTestServer(t)
	base := serveLoopback(t, ts)
	ctx := context.Background()

	var res index.Result
	if status, err := getJSON(ctx, base+"/api/search?facets=doctype", &res); err != nil || status != 200 || res.Total != 5 {
		t.Errorf("search: status %d, total %d, %v", status, res.Total, err)
	}
	var e errorBody
	if status, err := getJSON(ctx, base+"/api/search?year=2013-2011", &e); err != nil || status != 400 || e.Param != "year" {
		t.Errorf("bad year: status %d, %+v, %v", status, e, err)
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("page: status %d, headers %v", resp.StatusCode, resp.Header)
	}
}

// TestTimeout checks that a request that outlives its deadline is a 503
// with a JSON message, not a 500.
func TestTimeout(t *testing.T) {
	ts := newTestServer(t)
	ts.Timeout = time.Nanosecond
	rec := ts.get(t, "GET", "/api/search?q=x")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if body := decode[errorBody](t, rec); body.Error == "" {
		t.Errorf("no message: %s", rec.Body)
	}
}

func TestWriteErrorHidesInternals(t *testing.T) {
	ts := newTestServer(t)
	rec := httptest.NewRecorder()
	r, _ := http.NewRequest("GET", "/api/x", nil)
	ts.writeError(rec, r, fmt.Errorf("read /secret/path: %w", errors.New("disk on fire")))
	if rec.Code != 500 || rec.Body.String() != "{\"error\":\"internal error\"}\n" {
		t.Errorf("status %d, body %q", rec.Code, rec.Body)
	}
}
