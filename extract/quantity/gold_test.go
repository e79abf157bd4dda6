package quantity

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/sharedtest"
)

type goldKey struct {
	File string
	Part int
}

type goldMetric struct {
	SourceFile string `json:"source_file"`
	Part       int    `json:"part"`
	corpus.Metric
}

// closeTo is score.py's value test: equal within 1e-6 relative.
func closeTo(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func TestGold(t *testing.T) {
	dir := sharedtest.Dir(t, "gold")
	docs := sharedtest.ReadJSONL[corpus.Document](t, filepath.Join(dir, "documents.jsonl"))
	golds := map[goldKey][]corpus.Metric{}
	for _, m := range sharedtest.ReadJSONL[goldMetric](t, filepath.Join(dir, "metrics.jsonl")) {
		k := goldKey{m.SourceFile, max(m.Part, 1)}
		golds[k] = append(golds[k], m.Metric)
	}
	var tp, npred, ngold, subjOK int
	for _, d := range docs {
		k := goldKey{filepath.Base(d.SourceFile), max(d.Part, 1)}
		gold := golds[k]
		pred := Extract(d.Text())
		npred += len(pred)
		ngold += len(gold)
		used := make([]bool, len(gold))
		for _, p := range pred {
			hit := -1
			for i, g := range gold {
				if !used[i] && p.Category == g.Category && p.Unit == g.Unit && closeTo(p.Value, g.Value) {
					hit = i
					break
				}
			}
			if hit < 0 {
				t.Logf("false %s/%d: %s %v %s %q subject %q", k.File[:6], k.Part, p.Category, p.Value, p.Unit, p.Surface, p.Subject)
				continue
			}
			used[hit] = true
			tp++
			gs := strings.Join(strings.Fields(gold[hit].Subject), "")
			ps := strings.Join(strings.Fields(p.Subject), "")
			if gs != "" && ps != "" && (strings.Contains(gs, ps) || strings.Contains(ps, gs)) {
				subjOK++
			} else {
				t.Logf("subject %s/%d: %q got %q want %q", k.File[:6], k.Part, p.Surface, ps, gs)
			}
		}
		for i, g := range gold {
			if !used[i] {
				t.Logf("miss %s/%d: %s %v %s %q subject %q", k.File[:6], k.Part, g.Category, g.Value, g.Unit, g.Surface, g.Subject)
			}
		}
	}
	p, r, f := sharedtest.PRF(tp, npred, ngold)
	subj := 0.0
	if tp > 0 {
		subj = float64(subjOK) / float64(tp)
	}
	t.Logf("metrics: P=%.3f R=%.3f F1=%.3f gold=%d predicted=%d matched=%d subject=%.3f", p, r, f, ngold, npred, tp, subj)
	if f < 0.95 || p < 0.95 {
		t.Errorf("metrics F1 = %.3f, P = %.3f, want both ≥ 0.95", f, p)
	}
	if subj < 0.80 {
		t.Errorf("subject agreement = %.3f, want ≥ 0.80", subj)
	}
}
