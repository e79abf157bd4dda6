package campaign

import (
	"path/filepath"
	"testing"

	"github.com/unionscope/unionscope/internal/sharedtest"
)

// heldoutDoc is one passage of a held-out set in testdata: a report
// written for this test in the genre of the corpus, with its campaign
// names annotated by hand before the extractor was run on it.
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

func TestHeldout(t *testing.T) { sharedtest.Heldout(t, scoreHeldout) }

// TestHeldoutRealRules scores the sets sharedtest does not list.
// heldout3.jsonl was written for the rules of real pages (party-wide
// campaigns, themes, pinyin readings, bracketed aliases, lists of honours,
// honours of other bodies, everyday activities) after the rules were
// tuned on the even realdev files and before it was first run.
//
// heldout4.jsonl was written after the realdev odd files were first
// scored, for the common forms of names in union reports (labour
// competitions with slogans, editions, pinyin readings, honours by level),
// before it was first run. heldout5.jsonl, written next, holds the heads
// of skills, culture and service programmes (比武, 征集, 展演, 大讲堂, 模式)
// and honours named by a body.
func TestHeldoutRealRules(t *testing.T) {
	for _, name := range []string{"heldout3.jsonl", "heldout4.jsonl", "heldout5.jsonl"} {
		t.Run(name, func(t *testing.T) {
			scoreHeldout(t, sharedtest.ReadJSONL[heldoutDoc](t, filepath.Join("testdata", name)))
		})
	}
}

func scoreHeldout(t *testing.T, docs []heldoutDoc) {
	var c nameCounts
	for _, d := range docs {
		gold := map[string]bool{}
		for _, n := range d.Campaigns {
			gold[scoreKey(n)] = true
		}
		c.add(t, d.ID, d.Text, gold)
	}
	c.check(t, "held-out campaigns", heldoutMinF1)
}
