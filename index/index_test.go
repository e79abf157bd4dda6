package index

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/derrors"
)

func TestTokenizerOffsetsAndPositions(t *testing.T) {
	tests := []struct {
		in   string
		want []string // term@start-end/position
	}{
		{"市總工會", []string{"市@0-3/1", "总工会@3-12/2", "总工@3-9/2", "工会@6-12/2"}},
		{"市总工会", []string{"市@0-3/1", "总工会@3-12/2", "总工@3-9/2", "工会@6-12/2"}},
		// fullwidth ２ is 3 bytes in the original: offsets stay in the original.
		{"送溫暖２萬元", []string{"送温暖@0-9/1", "温暖@3-9/1", "2@9-12/2", "万元@12-18/3"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range (zhTokenizer{search: true}).Tokenize([]byte(tt.in)) {
			got = append(got, string(tk.Term)+"@"+itoa(tk.Start)+"-"+itoa(tk.End)+"/"+itoa(tk.Position))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

type scenarioQuery struct {
	Name       string                    `json:"name"`
	Query      string                    `json:"query"`
	YearFrom   int                       `json:"year_from"`
	YearTo     int                       `json:"year_to"`
	Region     string                    `json:"region"`
	Doctype    string                    `json:"doctype"`
	Campaign   string                    `json:"campaign"`
	Sort       string                    `json:"sort"`
	Ordered    bool                      `json:"ordered"`
	Facets     []string                  `json:"facets"`
	Want       []string                  `json:"want"`
	WantFacets map[string]map[string]int `json:"want_facets"`
}

// TestSearchScenarios walks testdata/search/*: each folder holds docs.jsonl
// (documents as the store keeps them) and queries.json (queries with the
// IDs and facet counts they must give). A search bug becomes a new folder.
func TestSearchScenarios(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/search/*")
	if len(dirs) == 0 {
		t.Fatal("no scenarios")
	}
	for _, dir := range dirs {
		for _, m := range []struct {
			name    string
			mapping func() mapping.IndexMapping
		}{{"", newMapping}, {"/no_pairs", noPairsMapping}} {
			t.Run(filepath.Base(dir)+m.name, func(t *testing.T) {
				runScenario(t, dir, m.mapping)
			})
		}
	}
}

// noPairsMapping is the mapping of indexes made before title_pairs and
// text_pairs, which search phrases through the words until rebuilt.
func noPairsMapping() mapping.IndexMapping {
	im := newMapping().(*mapping.IndexMappingImpl)
	for _, f := range []string{"title", "text"} {
		dm := im.DefaultMapping.Properties[f]
		dm.Fields = dm.Fields[:1]
	}
	return im
}

// runScenario runs the queries of one scenario folder on an index of its
// documents with mapping m.
func runScenario(t *testing.T, dir string, m func() mapping.IndexMapping) {
	ctx := context.Background()
	x, _ := buildIndexWith(t, filepath.Join(dir, "docs.jsonl"), m())
	var queries []scenarioQuery
	buf, err := os.ReadFile(filepath.Join(dir, "queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf, &queries); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		res, err := x.Search(ctx, Request{Query: q.Query, Size: 100, Sort: q.Sort, YearFrom: q.YearFrom, YearTo: q.YearTo,
			Region: q.Region, Doctype: q.Doctype, Campaign: q.Campaign, Facets: q.Facets, Highlight: true})
		if err != nil {
			t.Errorf("%s: Search(%q): %v", q.Name, q.Query, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if !q.Ordered {
			sort.Strings(got)
		}
		if diff := cmp.Diff(q.Want, got); diff != "" {
			t.Errorf("%s: Search(%q) ids (-want +got):\n%s", q.Name, q.Query, diff)
		}
		if int(res.Total) != len(q.Want) {
			t.Errorf("%s: total = %d, want %d", q.Name, res.Total, len(q.Want))
		}
		for name, want := range q.WantFacets {
			got := map[string]int{}
			for _, fc := range res.Facets[name] {
				got[fc.Value] = fc.Count
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: facet %s (-want +got):\n%s", q.Name, name, diff)
			}
		}
	}
}

func buildIndex(t *testing.T, docsPath string) (*Index, *corpus.Store) {
	t.Helper()
	return buildIndexWith(t, docsPath, newMapping())
}

// buildIndexWith stores the documents of docsPath and indexes them in a
// new index with mapping m.
func buildIndexWith(t *testing.T, docsPath string, m mapping.IndexMapping) (*Index, *corpus.Store) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := os.Open(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d corpus.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ReplaceSource(ctx, d.ID, "h", []corpus.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := bleve.NewUsing(filepath.Join(dir, "index.bleve"), m, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	return x, st
}

func TestHighlightShowsOriginalScript(t *testing.T) {
	x, _ := buildIndex(t, "testdata/search/basic/docs.jsonl")
	res, err := x.Search(context.Background(), Request{Query: "送温暖", Size: 10, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, h := range res.Hits {
		all = append(all, h.Snippets...)
	}
	joined := strings.Join(all, "|")
	for _, want := range []string{"<mark>送温暖</mark>", "<mark>送溫暖</mark>"} {
		if !strings.Contains(joined, want) {
			t.Errorf("snippets %q lack %q", joined, want)
		}
	}
}

func TestCatchUpFollowsDeletesAndIsResumable(t *testing.T) {
	ctx := context.Background()
	x, st := buildIndex(t, "testdata/search/basic/docs.jsonl")
	if _, err := st.ReplaceSource(ctx, "d1", "h2", nil); err != nil { // the source now yields nothing
		t.Fatal(err)
	}
	if n, err := x.CatchUp(ctx, st); err != nil || n != 1 {
		t.Fatalf("CatchUp = %d, %v; want 1 change", n, err)
	}
	if c, _ := x.Count(); c != 3 {
		t.Errorf("Count = %d after a delete, want 3", c)
	}
	if n, _ := x.CatchUp(ctx, st); n != 0 {
		t.Errorf("second CatchUp applied %d changes, want 0", n)
	}
	seq, _ := x.Seq()
	last, _ := st.LastSeq(ctx)
	if seq != last {
		t.Errorf("index seq %d, store seq %d", seq, last)
	}
}

func TestInvalidRequests(t *testing.T) {
	x, _ := buildIndex(t, "testdata/search/basic/docs.jsonl")
	for _, tt := range []struct {
		req   Request
		param string
	}{
		{Request{Query: "\"unbalanced", Size: 10}, "q"},
		{Request{Query: "a", Size: 101}, "size"},
		{Request{Query: "a", Size: 10, Sort: "random"}, "sort"},
		{Request{Query: "a", Size: 10, YearFrom: 2012, YearTo: 2010}, "year"},
		{Request{Query: "a", Size: 10, Facets: []string{"colour"}}, "facets"},
		{Request{Query: "region:", Size: 10}, "q"},
		{Request{Query: "a", From: -1, Size: 10}, "from"},
		{Request{Query: "a", From: MaxFrom + 1, Size: 10}, "from"},
		{Request{Query: "a", Size: 10, Doctype: "foo"}, "doctype"},
		{Request{Query: strings.Repeat("工", MaxQuery+1), Size: 10}, "q"},
		{Request{Query: "a", Size: 10, YearFrom: 99}, "year"},
	} {
		_, err := x.Search(context.Background(), tt.req)
		var inv *derrors.ParamError
		if !errors.As(err, &inv) || inv.Param != tt.param {
			t.Errorf("Search(%+v) error = %v, want InvalidError for %s", tt.req, err, tt.param)
		}
	}
}

func TestReloadMatchesCatchUp(t *testing.T) {
	ctx := context.Background()
	_, st := buildIndex(t, "testdata/search/basic/docs.jsonl")
	y, err := Rebuild(filepath.Join(t.TempDir(), "re.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	n, err := y.Reload(ctx, st)
	if err != nil || n != 4 {
		t.Fatalf("Reload = %d, %v", n, err)
	}
	if c, _ := y.CatchUp(ctx, st); c != 0 {
		t.Errorf("CatchUp after Reload applied %d, want 0", c)
	}
}

func TestLatestChanges(t *testing.T) {
	ch := func(seq int64, id string, deleted bool) corpus.Change {
		return corpus.Change{Seq: seq, DocID: id, Deleted: deleted}
	}
	for _, tt := range []struct {
		name     string
		in, want []corpus.Change
	}{
		{"none", nil, []corpus.Change{}},
		{"all distinct", []corpus.Change{ch(1, "a", false), ch(2, "b", false)}, []corpus.Change{ch(1, "a", false), ch(2, "b", false)}},
		{"stored then found a copy", []corpus.Change{ch(1, "a", false), ch(2, "b", false), ch(3, "a", false)}, []corpus.Change{ch(2, "b", false), ch(3, "a", false)}},
		{"stored then deleted", []corpus.Change{ch(1, "a", false), ch(2, "a", true)}, []corpus.Change{ch(2, "a", true)}},
		{"deleted then stored again", []corpus.Change{ch(4, "a", true), ch(5, "b", false), ch(6, "a", false)}, []corpus.Change{ch(5, "b", false), ch(6, "a", false)}},
	} {
		if got := latestChanges(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("%s: latestChanges = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCopiesAreHiddenAndCounted clusters two documents in the store and
// checks that search hides the copy, counts it on the canonical hit from
// the store, and follows the canonical copy when it moves.
func TestCopiesAreHiddenAndCounted(t *testing.T) {
	ctx := context.Background()
	x, st := buildIndex(t, "testdata/search/basic/docs.jsonl")
	setCluster := func(canonical, copy string) {
		t.Helper()
		err := st.Dedup(ctx, func(tx *corpus.DedupTx) error {
			if err := tx.SetMembership(canonical, &corpus.Membership{Cluster: canonical, Canonical: true, Size: 2}); err != nil {
				return err
			}
			return tx.SetMembership(copy, &corpus.Membership{Cluster: canonical, Size: 2})
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.CatchUp(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	counted := false
	hits := func(all bool) []string {
		t.Helper()
		res, err := x.Search(ctx, Request{Query: "金秋助学", Size: 10, AllCopies: all, Sort: "date"})
		if err != nil {
			t.Fatal(err)
		}
		if counted {
			if err := res.CountCopies(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, fmt.Sprintf("%s:%d", h.ID, h.Copies))
		}
		return out
	}

	setCluster("d2", "d1")
	if got, want := hits(false), []string{"d2:0"}; !slices.Equal(got, want) {
		t.Errorf("without a copy counter: hits %v, want %v", got, want)
	}
	counted = true
	for _, tt := range []struct {
		canonical, copy string
		want, all       []string
	}{
		{"d2", "d1", []string{"d2:1"}, []string{"d2:1", "d1:1"}},
		{"d1", "d2", []string{"d1:1"}, []string{"d2:1", "d1:1"}},
	} {
		setCluster(tt.canonical, tt.copy)
		if got := hits(false); !slices.Equal(got, tt.want) {
			t.Errorf("%s canonical: hits %v, want %v", tt.canonical, got, tt.want)
		}
		if got := hits(true); !slices.Equal(got, tt.all) {
			t.Errorf("%s canonical, all copies: hits %v, want %v", tt.canonical, got, tt.all)
		}
	}
}

// TestCatchUpWindowsResume interrupts a catch-up, in small windows and
// batches, of a log in which each document changed several times, and
// checks that the next one finishes it: every document indexed once, in
// its last version.
func TestCatchUpWindowsResume(t *testing.T) {
	setCatchUpSizes(t, 50, 7)
	ctx := context.Background()
	x, st := buildIndex(t, "testdata/search/basic/docs.jsonl")
	start, _ := x.Seq()
	for round := range 3 {
		for i := range 40 {
			id := fmt.Sprintf("w%02d", i)
			d := corpus.Document{ID: id, SourceFile: id + ".txt", Title: fmt.Sprintf("第%d版通知", round), Body: []string{"职工书屋建设。"}}
			if _, err := st.ReplaceSource(ctx, id, fmt.Sprint(round), []corpus.Document{d}); err != nil {
				t.Fatal(err)
			}
		}
	}
	last, _ := st.LastSeq(ctx)
	if _, err := x.CatchUp(&stopAfter{Context: ctx, checks: 3}, st); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted CatchUp = %v, want context.Canceled", err)
	}
	if seq, _ := x.Seq(); seq <= start || seq >= last {
		t.Fatalf("interrupted CatchUp stopped at %d, want between %d and %d", seq, start, last)
	}
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	if c, _ := x.Count(); c != 44 {
		t.Errorf("Count = %d, want 44", c)
	}
	res, err := x.Search(ctx, Request{Query: "title:第2版通知", Size: 0})
	if err != nil || res.Total != 40 {
		t.Errorf("documents in their last version: %v, %v; want 40", res, err)
	}
	if seq, _ := x.Seq(); seq != last {
		t.Errorf("index seq %d, store seq %d", seq, last)
	}
}

// setCatchUpSizes sets CatchUp's window and batch for the test.
func setCatchUpSizes(t *testing.T, window, batch int) {
	w, b := catchUpWindow, catchUpBatch
	t.Cleanup(func() { catchUpWindow, catchUpBatch = w, b })
	catchUpWindow, catchUpBatch = window, batch
}

// stopAfter is a context that reports itself cancelled once Err has been
// asked checks times.
type stopAfter struct {
	context.Context
	checks int
}

func (c *stopAfter) Err() error {
	if c.checks--; c.checks < 0 {
		return context.Canceled
	}
	return nil
}

// TestCatchUpToStopsAtTheHorizon checks that CatchUpTo applies the changes
// up to its bound and no further, inside a window as at its end, and that
// a later CatchUp takes the rest.
func TestCatchUpToStopsAtTheHorizon(t *testing.T) {
	setCatchUpSizes(t, 4, 3)
	ctx := context.Background()
	x, st := buildIndex(t, "testdata/search/basic/docs.jsonl")
	before, _ := x.Count()
	store := func(from, to int) {
		for i := from; i < to; i++ {
			id := fmt.Sprintf("h%02d", i)
			d := corpus.Document{ID: id, SourceFile: id + ".txt", Title: "职工书屋通知", Body: []string{"职工书屋建设。"}}
			if _, err := st.ReplaceSource(ctx, id, "1", []corpus.Document{d}); err != nil {
				t.Fatal(err)
			}
		}
	}
	store(0, 6)
	horizon, _ := st.LastSeq(ctx)
	store(6, 10)
	writes := x.Writes()
	if _, err := x.CatchUpTo(ctx, st, horizon); err != nil {
		t.Fatal(err)
	}
	if seq, _ := x.Seq(); seq != horizon {
		t.Errorf("CatchUpTo stopped at %d, want %d", seq, horizon)
	}
	if c, _ := x.Count(); c != before+6 {
		t.Errorf("Count = %d after CatchUpTo, want %d", c, before+6)
	}
	if w := x.Writes() - writes; w != 6 {
		t.Errorf("CatchUpTo wrote %d documents, want 6", w)
	}
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	last, _ := st.LastSeq(ctx)
	if seq, _ := x.Seq(); seq != last {
		t.Errorf("CatchUp stopped at %d, want %d", seq, last)
	}
	if c, _ := x.Count(); c != before+10 {
		t.Errorf("Count = %d after CatchUp, want %d", c, before+10)
	}
}

func TestParseYears(t *testing.T) {
	for _, tt := range []struct {
		in       string
		from, to int
		bad      bool
	}{
		{"", 0, 0, false},
		{"2011", 2011, 2011, false},
		{" 2010 - 2012 ", 2010, 2012, false},
		{"2012-2010", 0, 0, true},
		{"11", 0, 0, true},
		{"2010-", 0, 0, true},
		{"二〇一一", 0, 0, true},
	} {
		from, to, err := ParseYears(tt.in)
		var inv *derrors.ParamError
		if tt.bad != (err != nil) || (err != nil && (!errors.As(err, &inv) || inv.Param != "year")) || from != tt.from || to != tt.to {
			t.Errorf("ParseYears(%q) = %d, %d, %v; want %d, %d, bad %v", tt.in, from, to, err, tt.from, tt.to, tt.bad)
		}
	}
}

func TestParseFacets(t *testing.T) {
	if got, want := ParseFacets(" year, region,,year "), []string{"year", "region"}; !slices.Equal(got, want) {
		t.Errorf("ParseFacets = %v, want %v", got, want)
	}
}
