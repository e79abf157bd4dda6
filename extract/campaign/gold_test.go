package campaign

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/sharedtest"
)

type goldKey struct {
	File string
	Part int
}

type goldCampaign struct {
	SourceFile string `json:"source_file"`
	Part       int    `json:"part"`
	Name       string `json:"name"`
}

func TestGold(t *testing.T) {
	dir := sharedtest.Dir(t, "gold")
	docs := sharedtest.ReadJSONL[corpus.Document](t, filepath.Join(dir, "documents.jsonl"))
	golds := map[goldKey]map[string]bool{}
	for _, c := range sharedtest.ReadJSONL[goldCampaign](t, filepath.Join(dir, "campaigns.jsonl")) {
		k := goldKey{c.SourceFile, max(c.Part, 1)}
		if golds[k] == nil {
			golds[k] = map[string]bool{}
		}
		golds[k][Normalize(c.Name)] = true
	}
	var tp, npred, ngold int
	for _, d := range docs {
		k := goldKey{filepath.Base(d.SourceFile), max(d.Part, 1)}
		gold := golds[k]
		pred := map[string]bool{}
		for _, c := range Extract(d.Text()) {
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
				t.Logf("false %s/%d: %s", k.File[:6], k.Part, n)
			}
		}
		for _, n := range slices.Sorted(mapKeys(gold)) {
			if !pred[n] {
				t.Logf("miss %s/%d: %s", k.File[:6], k.Part, n)
			}
		}
	}
	p, r, f := sharedtest.PRF(tp, npred, ngold)
	t.Logf("campaigns: P=%.3f R=%.3f F1=%.3f gold=%d predicted=%d matched=%d", p, r, f, ngold, npred, tp)
	if f < 0.80 {
		t.Errorf("campaigns F1 = %.3f, want ≥ 0.80", f)
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
