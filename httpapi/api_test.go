package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// get runs one request through the handler and returns the response.
func (ts *testServer) get(t *testing.T, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	ts.Handler().ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body.String(), err)
	}
	return v
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func TestSearch(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name    string
		query   string
		wantIDs []string // in order when the query sorts by date
	}{
		{"all documents by date", "sort=date", []string{
			docID("/corpus/qingshan-2010.txt"), docID("/corpus/wuhan-news-2011.html"), docID("/corpus/plenary-2011.txt"),
			docID("/corpus/qingshan-2012.txt"), docID("/corpus/xiangyang-2012.txt"),
		}},
		{"simplified query finds traditional text", "q=" + url.QueryEscape("送温暖") + "&sort=date", []string{
			docID("/corpus/qingshan-2010.txt"), docID("/corpus/wuhan-news-2011.html"),
		}},
		{"traditional query finds simplified text", "q=" + url.QueryEscape("金秋助學") + "&sort=-date", []string{
			docID("/corpus/xiangyang-2012.txt"), docID("/corpus/plenary-2011.txt"),
		}},
		{"year range", "year=2011-2012&sort=date", []string{
			docID("/corpus/wuhan-news-2011.html"), docID("/corpus/plenary-2011.txt"),
			docID("/corpus/qingshan-2012.txt"), docID("/corpus/xiangyang-2012.txt"),
		}},
		{"one year and a region", "year=2012&region=" + url.QueryEscape("湖北") + "&sort=date", []string{docID("/corpus/xiangyang-2012.txt")}},
		{"doctype in capitals", "doctype=SUMMARY&sort=date", []string{docID("/corpus/qingshan-2010.txt"), docID("/corpus/qingshan-2012.txt")}},
		{"campaign filter in traditional script", "campaign=" + url.QueryEscape("送溫暖") + "&sort=date", []string{
			docID("/corpus/qingshan-2010.txt"), docID("/corpus/wuhan-news-2011.html"),
		}},
		{"exclusion", "q=" + url.QueryEscape("困难职工 -武汉") + "&sort=date", []string{
			docID("/corpus/qingshan-2010.txt"), docID("/corpus/plenary-2011.txt"),
		}},
		{"second page", "sort=date&from=3&size=2", []string{docID("/corpus/qingshan-2012.txt"), docID("/corpus/xiangyang-2012.txt")}},
		{"no match", "q=" + url.QueryEscape("航天"), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.get(t, "GET", "/api/search?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			res := decode[index.Result](t, rec)
			got := []string{}
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if diff := cmp.Diff(tt.wantIDs, got); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearchSnippetsAndTotal(t *testing.T) {
	ts := newTestServer(t)
	rec := ts.get(t, "GET", "/api/search?q="+url.QueryEscape("送温暖")+"&size=1")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total", "took_ms", "hits", "facets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("response lacks %q: %s", k, rec.Body)
		}
	}
	res := decode[index.Result](t, rec)
	if res.Total != 2 || len(res.Hits) != 1 {
		t.Fatalf("total %d with %d hits, want 2 with 1", res.Total, len(res.Hits))
	}
	if len(res.Hits[0].Snippets) == 0 || !strings.Contains(strings.Join(res.Hits[0].Snippets, ""), "<mark>") {
		t.Errorf("snippets %q have no <mark>", res.Hits[0].Snippets)
	}
	// <mark> must reach the client as markup, not as \u003c escapes.
	if !bytes.Contains(rec.Body.Bytes(), []byte("<mark>")) {
		t.Errorf("body escapes <mark>: %s", rec.Body)
	}
}

func TestFacetCounts(t *testing.T) {
	ts := newTestServer(t)
	type counts = []index.FacetCount
	tests := []struct {
		name  string
		query string
		want  map[string]counts
	}{
		{"whole corpus", "facets=year,region,doctype,campaign", map[string]counts{
			"year":     {{Value: "2011", Count: 2}, {Value: "2012", Count: 2}, {Value: "2010", Count: 1}},
			"region":   {{Value: "四川省", Count: 3}, {Value: "湖北省", Count: 2}},
			"doctype":  {{Value: "summary", Count: 2}, {Value: "experience", Count: 1}, {Value: "news", Count: 1}, {Value: "speech", Count: 1}},
			"campaign": {{Value: "送温暖", Count: 2}, {Value: "金秋助学", Count: 2}},
		}},
		{"filtered by province", "facets=year,doctype&region=" + url.QueryEscape("四川省"), map[string]counts{
			"year":    {{Value: "2010", Count: 1}, {Value: "2011", Count: 1}, {Value: "2012", Count: 1}},
			"doctype": {{Value: "summary", Count: 2}, {Value: "speech", Count: 1}},
		}},
		{"query and facet in either order", "q=" + url.QueryEscape("困難職工") + "&facets=campaign,+year,campaign", map[string]counts{
			"campaign": {{Value: "送温暖", Count: 2}, {Value: "金秋助学", Count: 1}},
			"year":     {{Value: "2011", Count: 2}, {Value: "2010", Count: 1}},
		}},
		{"no facets asked", "q=" + url.QueryEscape("工会"), map[string]counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.get(t, "GET", "/api/search?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			res := decode[index.Result](t, rec)
			if diff := cmp.Diff(tt.want, res.Facets); diff != "" {
				t.Errorf("facets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name       string
		method     string
		url        string
		wantStatus int
		wantParam  string
	}{
		{"size over 100", "GET", "/api/search?size=101", 400, "size"},
		{"size not a number", "GET", "/api/search?size=ten", 400, "size"},
		{"negative from", "GET", "/api/search?from=-1", 400, "from"},
		{"from too deep", "GET", "/api/search?from=10001", 400, "from"},
		{"unknown sort", "GET", "/api/search?sort=score", 400, "sort"},
		{"backwards years", "GET", "/api/search?year=2012-2010", 400, "year"},
		{"year not a year", "GET", "/api/search?year=twenty", 400, "year"},
		{"year range half empty", "GET", "/api/search?year=2010-", 400, "year"},
		{"unbalanced quote", "GET", "/api/search?q=" + url.QueryEscape(`"送温暖`), 400, "q"},
		{"field without value", "GET", "/api/search?q=region:", 400, "q"},
		{"query too long", "GET", "/api/search?q=" + strings.Repeat("工", index.MaxQuery+1), 400, "q"},
		{"unknown facet", "GET", "/api/search?facets=year,author", 400, "facets"},
		{"unknown doctype", "GET", "/api/search?doctype=poem", 400, "doctype"},
		{"metrics unknown category", "GET", "/api/metrics?category=money", 400, "category"},
		{"metrics unknown format", "GET", "/api/metrics?format=xlsx", 400, "format"},
		{"metrics bad year", "GET", "/api/metrics?year=1", 400, "year"},
		{"campaigns unknown grouping", "GET", "/api/campaigns?by=month", 400, "by"},
		{"campaigns malformed query", "GET", "/api/campaigns?q=" + url.QueryEscape(`“困难`), 400, "q"},
		{"kwic without words", "GET", "/api/kwic?q=region:" + url.QueryEscape("四川"), 400, "q"},
		{"kwic no query", "GET", "/api/kwic", 400, "q"},
		{"kwic width too wide", "GET", "/api/kwic?q=x&width=201", 400, "width"},
		{"kwic width not a number", "GET", "/api/kwic?q=x&width=wide", 400, "width"},
		{"kwic negative limit", "GET", "/api/kwic?q=x&limit=-5", 400, "limit"},
		{"kwic unknown format", "GET", "/api/kwic?q=x&format=xml", 400, "format"},
		{"unknown document", "GET", "/api/docs/0123456789abcdef", 404, "id"},
		{"malformed document id", "GET", "/api/docs/..%2F..%2Fetc%2Fpasswd", 404, "id"},
		{"unknown api route", "GET", "/api/searches", 404, ""},
		{"unknown page", "GET", "/about", 404, ""},
		{"page file under assets", "GET", "/assets/web/index.html", 404, ""},
		{"missing asset", "GET", "/assets/missing.js", 404, ""},
		{"post", "POST", "/api/search?q=x", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.get(t, tt.method, tt.url)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.wantStatus, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if cd := rec.Header().Get("Content-Disposition"); cd != "" {
				t.Errorf("an error carries Content-Disposition %q", cd)
			}
			body := decode[errorBody](t, rec)
			if body.Error == "" || body.Param != tt.wantParam {
				t.Errorf("error %+v, want a message and param %q", body, tt.wantParam)
			}
		})
	}
}

func TestDoc(t *testing.T) {
	ts := newTestServer(t)
	id := docID("/corpus/wuhan-news-2011.html")
	rec := ts.get(t, "GET", "/api/docs/"+id)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, rec.Body.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	golden(t, "doc.json", pretty.Bytes())
}

// TestCopies follows a reposted news item through every endpoint: the
// document names its copies and where each was seen, search shows the
// original once with "also at 1 place" unless all_copies=1, and the
// metrics table marks or drops the copy's rows.
func TestCopies(t *testing.T) {
	ts := newTestServer(t)
	repost := addRepost(t, ts.dir)
	if _, err := ts.Index.CatchUp(context.Background(), ts.Store); err != nil {
		t.Fatal(err)
	}
	orig := docID("/corpus/wuhan-news-2011.html")
	type docInfo struct {
		ID         string
		Canonical  bool
		Provenance []corpus.Provenance
		Copies     []corpus.DupDoc
		// Present even when empty.
		ContainedIn *[]dedup.Containment `json:"contained_in"`
		Contains    *[]dedup.Containment
	}
	seen := testClock.Add(time.Hour)
	for _, tt := range []struct {
		id   string
		want docInfo
	}{
		{orig, docInfo{ID: orig, Canonical: true,
			Provenance: []corpus.Provenance{{Location: "/corpus/wuhan-news-2011.html", ContentHash: "hash-/corpus/wuhan-news-2011.html", FirstSeen: testClock, LastSeen: seen}},
			Copies: []corpus.DupDoc{{ID: repost, Source: repostSource, SourceFile: repostSource, URL: repostSource,
				Title: "武漢市總工會春節送溫暖 慰問困難職工_新聞範文_文庫網", Date: "2011-01-30"}}}},
		{repost, docInfo{ID: repost, Canonical: false,
			Provenance: []corpus.Provenance{{Location: repostSource, ContentHash: "hash-repost", FirstSeen: testClock, LastSeen: seen,
				WARCFile: "crawl-20240506.warc.gz", WARCOffset: 48213}},
			Copies: []corpus.DupDoc{{ID: orig, Source: "/corpus/wuhan-news-2011.html", SourceFile: "wuhan-news-2011.html", URL: "http://news.example.org/2011/0120.html",
				Title: "武漢市總工會春節送溫暖 慰問困難職工", Date: "2011-01-20", Canonical: true}}}},
	} {
		rec := ts.get(t, "GET", "/api/docs/"+tt.id)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		got := decode[docInfo](t, rec)
		if got.ContainedIn == nil || got.Contains == nil {
			t.Errorf("doc %s: contained_in or contains missing: %s", tt.id, rec.Body)
		}
		got.ContainedIn, got.Contains = nil, nil
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("doc %s (-want +got):\n%s", tt.id, diff)
		}
	}

	for _, tt := range []struct {
		query string
		want  []string // id:copies
	}{
		{"q=" + url.QueryEscape("慰问金"), []string{orig + ":1"}},
		{"q=" + url.QueryEscape("慰问金") + "&all_copies=1", []string{orig + ":1", repost + ":1"}},
	} {
		rec := ts.get(t, "GET", "/api/search?"+tt.query)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.query, rec.Code, rec.Body)
		}
		got := []string{}
		for _, h := range decode[index.Result](t, rec).Hits {
			got = append(got, fmt.Sprintf("%s:%d", h.ID, h.Copies))
		}
		if diff := cmp.Diff(sorted(tt.want), sorted(got)); diff != "" {
			t.Errorf("%s hits (-want +got):\n%s", tt.query, diff)
		}
	}

	for _, tt := range []struct {
		query string
		want  []string // doc:canonical
	}{
		{"category=funds&year=2011", []string{orig + ":true", repost + ":false"}},
		{"category=funds&year=2011&canonical_only=1", []string{orig + ":true"}},
		{"category=funds&q=" + url.QueryEscape("慰問金") + "&canonical_only=true", []string{orig + ":true"}},
	} {
		rec := ts.get(t, "GET", "/api/metrics?"+tt.query)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.query, rec.Code, rec.Body)
		}
		got := []string{}
		for _, r := range decode[[]report.MetricRow](t, rec) {
			got = append(got, fmt.Sprintf("%s:%t", r.DocID, r.Canonical))
		}
		if diff := cmp.Diff(sorted(tt.want), sorted(got)); diff != "" {
			t.Errorf("%s rows (-want +got):\n%s", tt.query, diff)
		}
	}
	for _, target := range []string{"/api/search?q=x&all_copies=yes", "/api/metrics?canonical_only=2"} {
		if rec := ts.get(t, "GET", target); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400: %s", target, rec.Code, rec.Body)
		}
	}
}

func TestMetrics(t *testing.T) {
	ts := newTestServer(t)
	t.Run("csv is what report writes", func(t *testing.T) {
		q := "year=2010-2011&format=csv"
		rec := ts.get(t, "GET", "/api/metrics?"+q)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
			t.Errorf("Content-Disposition = %q", cd)
		}
		var want bytes.Buffer
		mw := report.NewMetricCSV(&want, true)
		mq := report.MetricQuery{Search: index.Request{YearFrom: 2010, YearTo: 2011}}
		if err := report.Metrics(context.Background(), ts.Store, ts.Index, mq, mw.Write); err != nil {
			t.Fatal(err)
		}
		if err := mw.Close(); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), rec.Body.String()); diff != "" {
			t.Errorf("csv (-want +got):\n%s", diff)
		}
		if n := strings.Count(rec.Body.String(), "\r\n"); n != 4 {
			t.Errorf("csv has %d lines, want a header and 3 quantities:\n%s", n, rec.Body)
		}
	})
	t.Run("csv with no rows is the header", func(t *testing.T) {
		rec := ts.get(t, "GET", "/api/metrics?format=csv&q="+url.QueryEscape("航天"))
		if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), "\r\n") != 1 {
			t.Errorf("status %d, body %q", rec.Code, rec.Body)
		}
	})
	tests := []struct {
		query    string
		wantCats []string
	}{
		{"", []string{"funds", "people", "funds", "people", "rate"}},
		{"category=funds,rate", []string{"funds", "funds", "rate"}},
		{"category=people&doctype=summary", []string{"people", "people"}},
		{"q=" + url.QueryEscape("航天"), []string{}},
	}
	for _, tt := range tests {
		t.Run("json "+tt.query, func(t *testing.T) {
			rec := ts.get(t, "GET", "/api/metrics?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			rows := decode[[]report.MetricRow](t, rec)
			got := []string{}
			for _, r := range rows {
				got = append(got, r.Category)
			}
			// Rows come in document-ID order; compare the multiset.
			if diff := cmp.Diff(sorted(tt.wantCats), sorted(got)); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("jsonl", func(t *testing.T) {
		rec := ts.get(t, "GET", "/api/metrics?format=jsonl&category=rate")
		lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
		if rec.Code != http.StatusOK || len(lines) != 1 || !strings.Contains(lines[0], `"subject":"资助率"`) {
			t.Errorf("status %d, lines %q", rec.Code, lines)
		}
	})
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestCampaigns(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name, query string
	}{
		{"campaigns.json", ""},
		{"campaigns-by-year.json", "by=year"},
		{"campaigns-by-region-2011.json", "by=region&year=2011"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.get(t, "GET", "/api/campaigns?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			golden(t, tt.name, rec.Body.Bytes())
		})
	}
}

func TestKWIC(t *testing.T) {
	ts := newTestServer(t)
	rec := ts.get(t, "GET", "/api/kwic?q="+url.QueryEscape("困难职工")+"&width=6")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	lines := decode[[]report.KWICLine](t, rec)
	if len(lines) != 3 {
		t.Errorf("%d lines, want 3 (one in traditional script): %+v", len(lines), lines)
	}
	for _, l := range lines {
		if n := len([]rune(l.Left)); n > 6 {
			t.Errorf("left context %q is %d characters, want at most 6", l.Left, n)
		}
	}
	limited := decode[[]report.KWICLine](t, ts.get(t, "GET", "/api/kwic?q="+url.QueryEscape("困难职工")+"&limit=1"))
	if len(limited) != 1 {
		t.Errorf("limit=1 gave %d lines", len(limited))
	}
	csv := ts.get(t, "GET", "/api/kwic?format=csv&width=6&q="+url.QueryEscape("困难职工"))
	if cd := csv.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	golden(t, "kwic.csv", csv.Body.Bytes())
}

func TestStatsAndHealth(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.Store.SetMeta(context.Background(), "last_crawl", "2024-05-01T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	rec := ts.get(t, "GET", "/api/stats")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	s := decode[statsBody](t, rec)
	if s.Documents != 5 || s.Indexed != 5 || s.Metrics != 5 || s.IndexBytes <= 0 || s.StoreSeq != s.IndexSeq ||
		s.LastImport == "" || s.LastCrawl != "2024-05-01T08:00:00Z" {
		t.Errorf("stats %+v", s)
	}
	h := ts.get(t, "GET", "/healthz")
	if h.Code != http.StatusOK || decode[map[string]string](t, h)["status"] != "ok" {
		t.Errorf("healthz %d %s", h.Code, h.Body)
	}
}

func TestPage(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		path, wantType, wantText string
	}{
		{"/", "text/html; charset=utf-8", `<input id="q"`},
		{"/assets/app.js", "text/javascript; charset=utf-8", "/api/search"},
		{"/assets/style.css", "text/css; charset=utf-8", "line-height: 1.8"},
	}
	for _, tt := range tests {
		rec := ts.get(t, "GET", tt.path)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != tt.wantType || !strings.Contains(rec.Body.String(), tt.wantText) {
			t.Errorf("GET %s: status %d, type %q, body lacks %q", tt.path, rec.Code, rec.Header().Get("Content-Type"), tt.wantText)
		}
	}
	if head := ts.get(t, "HEAD", "/"); head.Code != http.StatusOK || head.Body.Len() != 0 {
		t.Errorf("HEAD /: status %d, %d bytes", head.Code, head.Body.Len())
	}
}
