package campaign

import (
	"github.com/unionscope/unionscope/internal/sharedtest"

	"path/filepath"
	"slices"
	"testing"
)

// heldoutDoc is one passage of testdata/heldout.jsonl: a report written for
// this test in the genre of the corpus, with its campaign names annotated
// by hand before the extractor was run on it.
type heldoutDoc struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Campaigns []string `json:"campaigns"`
}

// heldoutMinF1 comes from the final measurement: heldout.jsonl F1 1.000
// over 28 names (first, before any fix: P 0.917 R 0.786 F1 0.846);
// heldout2.jsonl, written after those fixes, F1 0.889 over 12 (first
// 0.800), its false hits being a medical screening (“两癌”) and two
// generic activities.
const heldoutMinF1 = 0.85

// heldoutFiles are the held-out sets: heldout.jsonl was measured first and
// its failures fixed by general rules; heldout2.jsonl was written after
// those fixes and measures whether they carry over.
var heldoutFiles = []string{"heldout.jsonl", "heldout2.jsonl"}

func TestHeldout(t *testing.T) {
	for _, name := range heldoutFiles {
		t.Run(name, func(t *testing.T) { testHeldout(t, name) })
	}
}

func testHeldout(t *testing.T, name string) {
	docs := sharedtest.ReadJSONL[heldoutDoc](t, filepath.Join("testdata", name))
	if len(docs) < 4 {
		t.Fatalf("only %d held-out passages in %s, want at least 4", len(docs), name)
	}
	var tp, npred, ngold int
	for _, d := range docs {
		gold := map[string]bool{}
		for _, n := range d.Campaigns {
			gold[Normalize(n)] = true
		}
		pred := map[string]bool{}
		for _, c := range Extract(d.Text) {
			if n := Normalize(c.Name); n != "" {
				pred[n] = true
			}
		}
		npred += len(pred)
		ngold += len(gold)
		for _, n := range slices.Sorted(mapKeys(pred)) {
			if gold[n] {
				tp++
			} else {
				t.Logf("false %s: %s", d.ID, n)
			}
		}
		for _, n := range slices.Sorted(mapKeys(gold)) {
			if !pred[n] {
				t.Logf("miss %s: %s", d.ID, n)
			}
		}
	}
	p, r, f := sharedtest.PRF(tp, npred, ngold)
	t.Logf("held-out campaigns: P=%.3f R=%.3f F1=%.3f gold=%d predicted=%d matched=%d", p, r, f, ngold, npred, tp)
	if f < heldoutMinF1 {
		t.Errorf("held-out campaigns F1 = %.3f, want ≥ %.2f", f, heldoutMinF1)
	}
}
