package campaign

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

// goldDir finds ../shared/gold beside the module root, or skips the test.
func goldDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	gold := filepath.Join(dir, "..", "shared", "gold")
	if _, err := os.Stat(filepath.Join(gold, "documents.jsonl")); err != nil {
		t.Skipf("gold annotations not found at %s: %v", gold, err)
	}
	return gold
}

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

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
	dir := goldDir(t)
	docs := readJSONL[corpus.Document](t, filepath.Join(dir, "documents.jsonl"))
	golds := map[goldKey]map[string]bool{}
	for _, c := range readJSONL[goldCampaign](t, filepath.Join(dir, "campaigns.jsonl")) {
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
	p, r := 1.0, 1.0
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
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
