package loadtest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/httpapi"
	"github.com/unionscope/unionscope/index"
)

func synthesize(t *testing.T, n int, seed uint64) []corpus.Document {
	t.Helper()
	docs, err := Synthesize(n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestSynthesizeIsRepeatable(t *testing.T) {
	a, b := synthesize(t, 12, 7), synthesize(t, 12, 7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different documents:\n%s", diff)
	}
	if cmp.Equal(a, synthesize(t, 12, 8)) {
		t.Error("another seed gave the same documents")
	}
	for _, d := range a {
		// The generator's years run from 2006 to 2023.
		if d.Title == "" || d.Year() < 2006 || d.Year() > 2023 || len(d.Body) == 0 || d.Doctype == "" {
			t.Errorf("incomplete document %+v", d)
		}
	}
}

func TestRunAgainstServer(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := Store(ctx, st, synthesize(t, 24, 1)); err != nil || n != 24 {
		t.Fatalf("stored %d: %v", n, err)
	}
	// Topping up adds documents rather than replacing the first ones.
	if n, err := Store(ctx, st, synthesize(t, 6, 2)); err != nil || n != 6 {
		t.Fatalf("stored %d: %v", n, err)
	}
	if n, err := st.Count(ctx); err != nil || n != 30 {
		t.Fatalf("the store holds %d documents, want 30: %v", n, err)
	}

	x, err := index.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(st, x, slog.New(slog.NewTextHandler(io.Discard, nil))).Handler())
	defer srv.Close()

	r, err := Run(ctx, Config{BaseURL: srv.URL, Clients: 4, Duration: time.Minute, MaxRequests: 64, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Requests != 64 || r.Errors != 0 || r.P50 <= 0 || r.P50 > r.P99 || r.P99 > r.Max || r.Throughput <= 0 {
		t.Errorf("report %+v", r)
	}

	// Every query of the mix is one the API accepts.
	for _, q := range DefaultMix {
		resp, err := http.Get(srv.URL + "/api/search?" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", q, resp.StatusCode)
		}
	}

	// Requests the server rejects are counted as errors.
	bad, err := Run(ctx, Config{BaseURL: srv.URL, Clients: 2, Duration: time.Minute, MaxRequests: 4, Queries: []string{"size=1000"}})
	if err != nil {
		t.Fatal(err)
	}
	if bad.Errors != 4 || bad.FirstError == "" {
		t.Errorf("report %+v, want 4 errors", bad)
	}
}

func TestRunChecksConfig(t *testing.T) {
	for _, cfg := range []Config{
		{BaseURL: "http://127.0.0.1:1", Clients: 0, Duration: time.Second},
		{BaseURL: "http://127.0.0.1:1", Clients: 1},
		{BaseURL: "127.0.0.1", Clients: 1, Duration: time.Second},
	} {
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("Run(%+v) accepted", cfg)
		}
	}
}
