package report

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testCorpus is a store and an index over testdata/docs.json, documents
// written for these tests in the genre's style, with their quantities and
// campaigns set by hand.
type testCorpus struct {
	st *corpus.Store
	x  *index.Index
	// name maps a document ID to its source file, which reads better in
	// expectations than a hash.
	name map[string]string
}

func openTestCorpus(t *testing.T, docs []corpus.Document) *testCorpus {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
	tc := &testCorpus{st: st, name: map[string]string{}}
	// The parts of one source are stored together, as the source they are.
	var sources []string
	parts := map[string][]corpus.Document{}
	for _, d := range docs {
		if parts[d.SourceFile] == nil {
			sources = append(sources, d.SourceFile)
		}
		parts[d.SourceFile] = append(parts[d.SourceFile], d)
		tc.name[corpus.DocID(d.SourceFile, d.Part)] = d.SourceFile
	}
	for _, src := range sources {
		if _, err := st.ReplaceSource(ctx, src, "hash:"+src, parts[src]); err != nil {
			t.Fatal(err)
		}
	}
	x, err := index.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	tc.x = x
	return tc
}

// loadDocs reads testdata/docs.json and fills in each metric's offset and
// sentence from its surface, as the extractor would.
func loadDocs(t *testing.T) []corpus.Document {
	t.Helper()
	buf, err := os.ReadFile(filepath.Join("testdata", "docs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpus.Document
	if err := json.Unmarshal(buf, &docs); err != nil {
		t.Fatalf("parse docs.json: %v", err)
	}
	for i := range docs {
		d := &docs[i]
		text := d.Text()
		for j := range d.Metrics {
			m := &d.Metrics[j]
			at := strings.Index(text, m.Surface)
			if at < 0 {
				t.Fatalf("%s: surface %q not in text", d.SourceFile, m.Surface)
			}
			m.Offset = len([]rune(text[:at]))
			start := strings.LastIndexAny(text[:at], "。\n") + 1
			if text[start:start+1] == "\n" || strings.HasPrefix(text[start:], "。") {
				start += len("。")
			}
			end := strings.IndexAny(text[at:], "。\n")
			if end < 0 {
				end = len(text) - at
			} else if strings.HasPrefix(text[at+end:], "。") {
				end += len("。")
			}
			m.Sentence = strings.TrimPrefix(text[start:at+end], "\n")
		}
	}
	return docs
}

func TestMetrics(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	tests := []struct {
		name string
		q    MetricQuery
		want []string // source:category:value, in output order
	}{
		{"everything", MetricQuery{}, nil},
		{"funds", MetricQuery{Categories: []string{"funds"}}, []string{
			"bazhong-2010.txt:funds:2e+06", "bazhong-2010.txt:funds:800000",
			"https://example.org/news/2011/0120.html:funds:360000", "yibin-2012.txt:funds:30000"}},
		{"region either script", MetricQuery{Search: index.Request{Region: "四川"}, Categories: []string{"people", "rate"}}, []string{
			"bazhong-2010.txt:people:3000", "bazhong-2010.txt:people:120", "chengdu-speech.docx:rate:85", "yibin-2012.txt:people:500"}},
		{"year range", MetricQuery{Search: index.Request{YearFrom: 2011, YearTo: 2012}, Categories: []string{"count"}}, []string{
			"chengdu-speech.docx:count:120", "yibin-2012.txt:count:36"}},
		{"query in traditional script finds simplified", MetricQuery{Search: index.Request{Query: "金秋助學"}}, []string{
			"bazhong-2010.txt:funds:2e+06", "bazhong-2010.txt:people:3000", "bazhong-2010.txt:funds:800000", "bazhong-2010.txt:people:120"}},
		{"query in simplified script finds traditional", MetricQuery{Search: index.Request{Query: "慰问金", Doctype: "news"}}, []string{
			"https://example.org/news/2011/0120.html:people:1200", "https://example.org/news/2011/0120.html:funds:360000"}},
		{"campaign filter", MetricQuery{Search: index.Request{Campaign: "送溫暖"}, Categories: []string{"rate", "funds"}}, []string{
			"bazhong-2010.txt:funds:2e+06", "bazhong-2010.txt:funds:800000",
			"https://example.org/news/2011/0120.html:funds:360000", "chengdu-speech.docx:rate:85"}},
		{"nothing matches", MetricQuery{Search: index.Request{Query: "铁路"}}, []string{}},
	}
	// Every quantity, in document-ID order, is the expectation for the
	// whole corpus.
	var all []string
	for _, id := range sortedKeys(tc.name) {
		d, err := tc.st.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Metrics {
			all = append(all, fmt.Sprintf("%s:%s:%g", d.SourceFile, m.Category, m.Value))
		}
	}
	tests[0].want = all
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			err := Metrics(context.Background(), tc.st, tc.x, tt.q, func(r MetricRow) error {
				got = append(got, fmt.Sprintf("%s:%s:%g", r.Source, r.Category, r.Value))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.name != "everything" {
				// Order follows document IDs, which are hashes.
				tt.want = inIDOrder(tc, tt.want)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Metrics(%+v) (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

// inIDOrder reorders source:… strings by the ID of their document,
// keeping the order within one document.
func inIDOrder(tc *testCorpus, rows []string) []string {
	out := []string{}
	for _, id := range sortedKeys(tc.name) {
		for _, r := range rows {
			if strings.HasPrefix(r, tc.name[id]+":") {
				out = append(out, r)
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestMetricsRowFields(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	want := []MetricRow{{
		DocID: corpus.DocID("chengdu-speech.docx", 0), Title: "在全市工会工作会议上的讲话", Date: "2011-03-15", Year: 2011,
		Region:  corpus.Region{Province: "四川省", City: "成都市", County: "金牛区"},
		Doctype: "speech", Source: "chengdu-speech.docx", Canonical: true,
		Metric: corpus.Metric{Category: "rate", Value: 85, Low: 85, High: 85, Unit: "%", Subject: "工会组建率", Surface: "85%",
			Sentence: "同志们：过去一年，全市工会组建率达到85%，新建基层工会120家。", Offset: 18},
	}}
	// The same row through the index and through the whole table.
	for _, x := range []*index.Index{tc.x, nil} {
		var got []MetricRow
		req := index.Request{Region: "成都"}
		if x == nil {
			req = index.Request{}
		}
		err := Metrics(context.Background(), tc.st, x, MetricQuery{Search: req, Categories: []string{"rate"}}, func(r MetricRow) error {
			got = append(got, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("index %v: rows (-want +got):\n%s", x != nil, diff)
		}
	}
}

func TestMetricsErrors(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	tests := []struct {
		name      string
		x         *index.Index
		q         MetricQuery
		wantParam string // "" for an error that is not an InvalidError
	}{
		{"unknown category", tc.x, MetricQuery{Categories: []string{"funds", "money"}}, "category"},
		{"backwards years", tc.x, MetricQuery{Search: index.Request{YearFrom: 2012, YearTo: 2010}}, "year"},
		{"unbalanced quote", tc.x, MetricQuery{Search: index.Request{Query: `"送温暖`}}, "q"},
		{"bad request without a query", nil, MetricQuery{Search: index.Request{Sort: "size"}}, "sort"},
		{"filter without an index", nil, MetricQuery{Search: index.Request{Region: "四川"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := Metrics(context.Background(), tc.st, tt.x, tt.q, func(MetricRow) error { calls++; return nil })
			if err == nil {
				t.Fatal("no error")
			}
			if calls != 0 {
				t.Errorf("fn called %d times before the error", calls)
			}
			var inv *derrors.ParamError
			if errors.As(err, &inv) != (tt.wantParam != "") || (inv != nil && inv.Param != tt.wantParam) {
				t.Errorf("error %v, want an InvalidError for %q", err, tt.wantParam)
			}
		})
	}
}

func TestMetricsStopsOnError(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	stop := errors.New("client went away")
	for _, req := range []index.Request{{}, {Region: "四川"}} {
		calls := 0
		err := Metrics(context.Background(), tc.st, tc.x, MetricQuery{Search: req}, func(MetricRow) error {
			calls++
			return stop
		})
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("%+v: err %v after %d calls, want %v after 1", req, err, calls, stop)
		}
	}
}

// TestMetricsManyDocuments crosses several ID batches and checks that the
// index path and the whole-table path give the same rows in the same
// order.
func TestMetricsManyDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 1,200 documents")
	}
	const n = 2*batchSize + 200
	docs := make([]corpus.Document, n)
	for i := range docs {
		region := "四川省"
		if i%3 == 0 {
			region = "湖北省"
		}
		docs[i] = corpus.Document{
			// A hundred issues to a file: a transaction a document cost
			// most of the test's time under -race.
			SourceFile: fmt.Sprintf("bulk/%02d.txt", i/100), Part: i % 100, Title: fmt.Sprintf("第%d号简报", i), Date: "2013-05-01",
			Region: corpus.Region{Province: region}, Doctype: "news",
			Body: []string{fmt.Sprintf("本期慰问职工%d人，发放慰问金%d元。", i+1, 100*(i+1))},
			Metrics: []corpus.Metric{
				{Category: "people", Value: float64(i + 1), Unit: "人"},
				{Category: "funds", Value: float64(100 * (i + 1)), Unit: "元"},
			},
		}
	}
	tc := openTestCorpus(t, docs)
	collect := func(x *index.Index, q MetricQuery) []string {
		var out []string
		err := Metrics(context.Background(), tc.st, x, q, func(r MetricRow) error {
			out = append(out, r.DocID+":"+r.Category)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	whole := collect(nil, MetricQuery{})
	viaIndex := collect(tc.x, MetricQuery{Search: index.Request{Doctype: "news"}})
	if len(whole) != 2*n {
		t.Fatalf("whole table gave %d rows, want %d", len(whole), 2*n)
	}
	if diff := cmp.Diff(whole, viaIndex); diff != "" {
		t.Errorf("index path differs from table path (-table +index):\n%s", diff)
	}
	sichuan := collect(tc.x, MetricQuery{Search: index.Request{Region: "四川"}, Categories: []string{"funds"}})
	if want := n - (n+2)/3; len(sichuan) != want {
		t.Errorf("四川 funds rows = %d, want %d", len(sichuan), want)
	}
}

// repostURL is where openRepostCorpus reposts bazhong-2010.txt.
const repostURL = "https://essays.example.com/fanwen/2011/3391.html"

// openRepostCorpus is the test corpus plus a repost of bazhong-2010.txt on
// an essay site, a month later and under another title, with the clusters
// found by package dedup and the index told about them.
func openRepostCorpus(t *testing.T) *testCorpus {
	t.Helper()
	ctx := context.Background()
	docs := loadDocs(t)
	repost := docs[0]
	if repost.SourceFile != "bazhong-2010.txt" {
		t.Fatalf("docs.json starts with %s, want bazhong-2010.txt", repost.SourceFile)
	}
	repost.SourceFile, repost.URL = repostURL, repostURL
	repost.Title = "2010年送温暖工作总结范文"
	repost.Date = "2011-01-30"
	repost.Doctype = "other"
	repost.Body = append([]string{"本站整理，仅供参考。"}, repost.Body...)
	tc := openTestCorpus(t, append(docs, repost))
	det, err := dedup.New(ctx, tc.st)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := det.Rebuild(ctx, nil); err != nil || st.Copies != 1 {
		t.Fatalf("Rebuild = %+v, %v; want one copy", st, err)
	}
	if _, err := tc.x.CatchUp(ctx, tc.st); err != nil {
		t.Fatal(err)
	}
	return tc
}

func TestMetricsCanonical(t *testing.T) {
	tc := openRepostCorpus(t)
	for _, tt := range []struct {
		name string
		x    *index.Index
		q    MetricQuery
		want []string // source:category:canonical
	}{
		{"every copy, marked", nil, MetricQuery{Categories: []string{"funds"}}, []string{
			"bazhong-2010.txt:funds:true", "bazhong-2010.txt:funds:true",
			"https://example.org/news/2011/0120.html:funds:true", "yibin-2012.txt:funds:true",
			repostURL + ":funds:false", repostURL + ":funds:false"}},
		{"canonical only", nil, MetricQuery{Categories: []string{"funds"}, CanonicalOnly: true}, []string{
			"bazhong-2010.txt:funds:true", "bazhong-2010.txt:funds:true",
			"https://example.org/news/2011/0120.html:funds:true", "yibin-2012.txt:funds:true"}},
		// A search selects the copy too, and CanonicalOnly drops it.
		{"query finds both copies", tc.x, MetricQuery{Search: index.Request{Query: "金秋助学"}, Categories: []string{"people"}}, []string{
			"bazhong-2010.txt:people:true", "bazhong-2010.txt:people:true", repostURL + ":people:false", repostURL + ":people:false"}},
		{"query, canonical only", tc.x, MetricQuery{Search: index.Request{Query: "金秋助学"}, Categories: []string{"people"}, CanonicalOnly: true}, []string{
			"bazhong-2010.txt:people:true", "bazhong-2010.txt:people:true"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			err := Metrics(context.Background(), tc.st, tt.x, tt.q, func(r MetricRow) error {
				got = append(got, fmt.Sprintf("%s:%s:%t", r.Source, r.Category, r.Canonical))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(inIDOrder(tc, tt.want), got); diff != "" {
				t.Errorf("Metrics(%+v) (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

func TestMetricCSVGolden(t *testing.T) {
	tc := openRepostCorpus(t)
	for _, tt := range []struct {
		golden string
		format string
	}{
		{"metrics.golden.csv", "csv"},
		{"metrics.golden.jsonl", "jsonl"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var b strings.Builder
			w := NewMetricJSONL(&b)
			if tt.format == "csv" {
				w = NewMetricCSV(&b, true)
			}
			if err := Metrics(context.Background(), tc.st, tc.x, MetricQuery{}, w.Write); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, b.String())
		})
	}
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// TestQueryPlans keeps the queries streaming: SQLite must read quantities
// and campaigns in key order, never collect and sort them in a temporary
// B-tree, whose size grows with the export.
func TestQueryPlans(t *testing.T) {
	tc := openTestCorpus(t, nil)
	in, ids := inList([]string{"a", "b", "c"})
	for _, tt := range []struct {
		q    string
		args []any
	}{
		{fmt.Sprintf(metricQuery, "1", " AND +m.category IN (?, ?)"), []any{"funds", "rate"}},
		{fmt.Sprintf(metricQuery, "m.doc_id IN "+in, " AND +m.category IN (?, ?)"), append(ids, "funds", "rate")},
		{fmt.Sprintf(metricQuery, "1", canonicalCond), nil},
		{fmt.Sprintf(campaignQuery, "1"), nil},
		{fmt.Sprintf(campaignQuery, "c.doc_id IN "+in), ids},
	} {
		rows, err := tc.st.DB().Query("EXPLAIN QUERY PLAN "+tt.q, tt.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused any
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "metrics_category") {
			t.Errorf("%s:\nplan %q sorts or reads by category", tt.q, p)
		}
	}
}
