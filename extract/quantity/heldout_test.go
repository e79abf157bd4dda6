package quantity

import (
	"github.com/unionscope/unionscope/internal/sharedtest"

	"strings"
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

// heldoutDoc is one passage of testdata/heldout.jsonl: a report written for
// this test in the genre of the corpus, with its metrics annotated by hand
// before the extractor was run on it. The grammar is not tuned to these
// passages one by one; they measure how the rules carry over to text that
// the seed documents do not contain.
type heldoutDoc struct {
	ID      string          `json:"id"`
	Text    string          `json:"text"`
	Metrics []corpus.Metric `json:"metrics"`
}

// Floors from the final measurement: heldout.jsonl P 1.000 R 1.000 subject
// 1.000 over 143 metrics (first, before any fix: P 0.986 R 0.972 F1 0.979
// subject 0.842); heldout2.jsonl, written after the fixes, P 1.000 R 1.000
// subject 0.982 over 57 (before its own fixes: subject 0.877). The margin
// lets one changed match pass but not a broken rule.
const (
	heldoutMinF1      = 0.95
	heldoutMinP       = 0.95
	heldoutMinSubject = 0.90
)

func TestHeldout(t *testing.T) { sharedtest.Heldout(t, scoreHeldout) }

func scoreHeldout(t *testing.T, docs []heldoutDoc) {
	var tp, npred, ngold, subjOK, approxOK int
	for _, d := range docs {
		pred := Extract(d.Text)
		npred += len(pred)
		ngold += len(d.Metrics)
		used := make([]bool, len(d.Metrics))
		for _, p := range pred {
			hit := -1
			for i, g := range d.Metrics {
				if !used[i] && p.Category == g.Category && p.Unit == g.Unit && closeTo(p.Value, g.Value) {
					hit = i
					break
				}
			}
			if hit < 0 {
				t.Logf("false %s: %s %v %s %q subject %q", d.ID, p.Category, p.Value, p.Unit, p.Surface, p.Subject)
				continue
			}
			used[hit] = true
			tp++
			g := d.Metrics[hit]
			if p.Approx == g.Approx {
				approxOK++
			} else {
				t.Logf("approx %s: %q got %q want %q", d.ID, p.Surface, p.Approx, g.Approx)
			}
			if p.Subject != "" && (strings.Contains(g.Subject, p.Subject) || strings.Contains(p.Subject, g.Subject)) {
				subjOK++
			} else {
				t.Logf("subject %s: %q got %q want %q", d.ID, p.Surface, p.Subject, g.Subject)
			}
		}
		for i, g := range d.Metrics {
			if !used[i] {
				t.Logf("miss %s: %s %v %s %q subject %q", d.ID, g.Category, g.Value, g.Unit, g.Surface, g.Subject)
			}
		}
	}
	p, r, f := sharedtest.PRF(tp, npred, ngold)
	subj, approx := 0.0, 0.0
	if tp > 0 {
		subj, approx = float64(subjOK)/float64(tp), float64(approxOK)/float64(tp)
	}
	t.Logf("held-out metrics: P=%.3f R=%.3f F1=%.3f gold=%d predicted=%d matched=%d subject=%.3f approx=%.3f", p, r, f, ngold, npred, tp, subj, approx)
	if f < heldoutMinF1 || p < heldoutMinP {
		t.Errorf("held-out metrics F1 = %.3f, P = %.3f, want F1 ≥ %.2f and P ≥ %.2f", f, p, heldoutMinF1, heldoutMinP)
	}
	if subj < heldoutMinSubject {
		t.Errorf("held-out subject agreement = %.3f, want ≥ %.2f", subj, heldoutMinSubject)
	}
}

// TestHeldoutRealPages scores testdata/heldout3.jsonl: passages written for
// this test after the real-page rules (readings, hard wraps, 户(次), 分别
// lists, thresholds, articles and vague amounts), annotated by hand before
// the extractor was run on them, with the floors of the other sets.
// First measurement: P 0.978 R 1.000 F1 0.989 subject 0.844 over 45
// metrics (作为一名 as a count, 不低于 unread, 占 and gse's 之家 in
// subjects); after the general fixes, P 1.000 R 1.000 subject 1.000.
func TestHeldoutRealPages(t *testing.T) {
	docs := sharedtest.ReadJSONL[heldoutDoc](t, "testdata/heldout3.jsonl")
	if len(docs) < 4 {
		t.Fatalf("only %d passages in heldout3.jsonl, want at least 4", len(docs))
	}
	scoreHeldout(t, docs)
}

// TestHeldoutHonoursAndBulletins scores testdata/heldout4.jsonl: passages
// written and annotated by hand after the second round of real-page rules
// (honours granted and won, statistical bulletins with shares and
// superlatives, modifiers between a count and its noun of people, 两个100%,
// 的一次, 两个老人), before the extractor was first run on them, with the
// floors of the other sets. First measurement: P 0.973 R 0.973 subject
// 0.944 over 37 metrics (3个县区职工入会率 taken for people); after the
// general fix (a phrase running on into a rate), P 1.000 R 1.000 subject
// 0.946. The two subjects left (an elided 职工入会率, 两个100%的目标) are
// the annotator's inference, not the text's phrase.
func TestHeldoutHonoursAndBulletins(t *testing.T) {
	docs := sharedtest.ReadJSONL[heldoutDoc](t, "testdata/heldout4.jsonl")
	if len(docs) < 5 {
		t.Fatalf("only %d passages in heldout4.jsonl, want at least 5", len(docs))
	}
	scoreHeldout(t, docs)
}
