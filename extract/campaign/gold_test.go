package campaign

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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
		golds[k][scoreKey(c.Name)] = true
	}
	var c nameCounts
	for _, d := range docs {
		k := goldKey{filepath.Base(d.SourceFile), max(d.Part, 1)}
		c.add(t, fmt.Sprintf("%s/%d", k.File[:6], k.Part), d.Text(), golds[k])
	}
	c.check(t, "campaigns", 0.80)
}

// nameCounts are the matches, predicted names and gold names of a set of
// passages.
type nameCounts struct{ tp, npred, ngold int }

// add counts the campaign names Extract finds in text against gold,
// logging each false and missed name under label.
func (c *nameCounts) add(t *testing.T, label, text string, gold map[string]bool) {
	pred := map[string]bool{}
	for _, m := range Extract(text) {
		if n := scoreKey(m.Name); n != "" {
			pred[n] = true
		}
	}
	c.npred += len(pred)
	c.ngold += len(gold)
	for _, n := range slices.Sorted(maps.Keys(pred)) {
		if gold[n] {
			c.tp++
		} else {
			t.Logf("false %s: %s", label, n)
		}
	}
	for _, n := range slices.Sorted(maps.Keys(gold)) {
		if !pred[n] {
			t.Logf("miss %s: %s", label, n)
		}
	}
}

// levels lead an honour's name with the level it is awarded at; names
// are compared without them (../shared/gold/README.md: 全国五一劳动奖章
// and 五一劳动奖章 match), longest first.
var levels = []string{"全国", "全省", "全市", "全县", "全区", "省级", "市级", "县级", "区级", "省", "市", "县"}

// scoreKey is the key under which the definitions compare two names:
// Normalize without a leading level, when at least three runes remain.
func scoreKey(name string) string {
	k := Normalize(name)
	for _, l := range levels {
		if rest, ok := strings.CutPrefix(k, l); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return k
}

// check logs precision, recall and F1 and fails below minF1.
func (c nameCounts) check(t *testing.T, what string, minF1 float64) {
	p, r, f := sharedtest.PRF(c.tp, c.npred, c.ngold)
	t.Logf("%s: P=%.3f R=%.3f F1=%.3f gold=%d predicted=%d matched=%d", what, p, r, f, c.ngold, c.npred, c.tp)
	if f < minF1 {
		t.Errorf("%s F1 = %.3f, want ≥ %.2f", what, f, minF1)
	}
}
