package index

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// directCases are requests of every shape the direct path takes, and some
// it leaves to Bleve, on proseIndex's words and metadata.
var directCases = func() []Request {
	out := append([]Request{}, serveMix...)
	out = append(out,
		Request{Query: "工会"},
		Request{Query: "职工 -工会"},
		Request{Query: "工会 职工 企业", Facets: []string{"year", "doctype", "region", "campaign"}},
		Request{Query: "title:工会"},
		Request{Query: "工会", Region: "四川省", Doctype: "speech", Campaign: "送温暖", Facets: []string{"campaign", "region"}},
		Request{Query: "工会", AllCopies: true, Facets: []string{"doctype"}},
		Request{Query: "工会", From: 37, Size: 25},
		Request{Query: "工会", From: 9990, Size: 10},
		Request{Query: "劳动竞赛", YearFrom: 2010, YearTo: 2012},
		Request{Query: "工会", YearFrom: 2008, Facets: []string{"year", "doctype"}},
		Request{Query: "工会 职工", YearTo: 2012, Region: "四川省", From: 5, Facets: []string{"region"}},
		Request{Query: "", YearFrom: 2010, YearTo: 2012, Facets: []string{"year"}}, // a range alone: Bleve's path
		Request{Query: "工会", Sort: "-date"},                                        // by date: Bleve's path
		Request{Query: `"困难职工帮扶中心"`},                                               // a longer phrase: Bleve's path
		Request{Query: "没有这个词儿", Facets: []string{"year"}},
		Request{Query: "-工会", Facets: []string{"year"}},
		Request{Query: "doctype:news 职工", Facets: []string{"region"}},
		Request{Query: "工资集体协商", Size: -1, Facets: []string{"year", "region"}},
	)
	return out
}()

// TestDirectMatchesBleve checks that the direct path finds what Bleve's
// searchers find: the same total, the same hits in the same order with the
// same scores, the same facet counts, on a real on-disk index of several
// segments with deleted and replaced documents.
func TestDirectMatchesBleve(t *testing.T) {
	x := proseIndex(t, 1600)
	// Deletes and updates leave deleted documents in older segments.
	b := x.b.NewBatch()
	for i := 0; i < 1600; i += 7 {
		b.Delete(strconv.Itoa(i))
	}
	if err := x.b.Batch(b); err != nil {
		t.Fatal(err)
	}
	d, err := x.b.Document("3")
	if err != nil || d == nil {
		t.Fatal(d, err)
	}
	compareDirect(t, x)
}

func compareDirect(t *testing.T, x *Index) {
	ctx := context.Background()
	plain := &Index{b: x.b, path: x.path, pairs: x.pairs, plain: true}
	// unpruned scores every hit; x skips blocks by the bounds it keeps
	// from the first search of a term on (each case runs twice).
	unpruned := &Index{b: x.b, path: x.path, pairs: x.pairs}
	for i, r := range directCases {
		switch r.Size {
		case 0: // a page of ten, highlighted, as the HTTP API asks
			r.Size, r.Highlight = 10, true
		case -1: // the total and facets alone
			r.Size = 0
		}
		t.Run(strconv.Itoa(i)+" "+r.Query, func(t *testing.T) {
			want, err := plain.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			want.TookMS = 0
			for _, run := range []struct {
				name string
				x    *Index
			}{{"unpruned", unpruned}, {"pruned, cold", x}, {"pruned, warm", x}} {
				got, err := run.x.Search(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				got.TookMS = 0
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("direct path (%s) differs from Bleve's (-bleve +direct):\n%s", run.name, diff)
				}
			}
			if want.Total == 0 && r.Query == "工会" {
				t.Error("no hits: the case tests nothing")
			}
			t.Logf("%d hits", want.Total)
		})
	}
}

// TestDirectAppliesToTheMix makes sure the equivalence above covers the
// path the bench mix takes: all of it goes direct.
func TestDirectAppliesToTheMix(t *testing.T) {
	for _, r := range serveMix {
		q, _, err := r.buildQuery(true)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := directQuery(q)
		if !ok {
			t.Errorf("%+v: not direct", r)
		}
	}
}

// TestDirectMatchesBleveOnBenchIndex is the same comparison on the index
// named by $UNIONSCOPE_BENCH_INDEX (an index.bleve folder made by import),
// when set: the bench mix and the other cases on a real corpus.
func TestDirectMatchesBleveOnBenchIndex(t *testing.T) {
	p := os.Getenv("UNIONSCOPE_BENCH_INDEX")
	if p == "" {
		t.Skip("UNIONSCOPE_BENCH_INDEX is not set")
	}
	x, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	compareDirect(t, x)
}

// TestBoundsFollowTheSegments checks that the bounds of segments a
// snapshot no longer holds are dropped, and that they come back the same.
func TestBoundsFollowTheSegments(t *testing.T) {
	x := proseIndex(t, 1200)
	ctx := context.Background()
	r := Request{Query: "工会", Size: 10}
	want, err := x.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	x.bounds.mu.Lock()
	n := len(x.bounds.m)
	x.bounds.mu.Unlock()
	if n == 0 {
		t.Fatal("no bounds kept")
	}
	x.bounds.sweep(nil)
	x.bounds.mu.Lock()
	n, bytes := len(x.bounds.m), x.bounds.bytes
	x.bounds.mu.Unlock()
	if n != 0 || bytes != 0 {
		t.Fatalf("after a sweep with no segment: %d entries, %d bytes", n, bytes)
	}
	got, err := x.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	want.TookMS, got.TookMS = 0, 0
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("search after the sweep differs:\n%s", diff)
	}
}
