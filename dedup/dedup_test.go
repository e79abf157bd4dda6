package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/unionscope/unionscope/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/sketch.golden")

func TestSourceRank(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  corpus.DupDoc
		want int
	}{
		{"union publisher", corpus.DupDoc{Publisher: "青石县总工会", URL: "https://www.fanwen123.com/a.html"}, rankUnion},
		{"traditional publisher", corpus.DupDoc{Publisher: "青石縣總工會"}, rankUnion},
		{"zgh host", corpus.DupDoc{URL: "http://www.qszgh.org.cn/gzzj/1.html"}, rankUnion},
		{"gh label", corpus.DupDoc{URL: "http://gh.qingshi.gov.cn/1.html"}, rankUnion},
		{"acftu", corpus.DupDoc{URL: "https://www.acftu.org/wjzl/1.html"}, rankUnion},
		{"gov host", corpus.DupDoc{URL: "http://www.mutang.gov.cn/xwdt/1.html"}, rankGovernment},
		{"government publisher", corpus.DupDoc{Publisher: "木塘镇人民政府"}, rankGovernment},
		{"source URL when URL is empty", corpus.DupDoc{Source: "http://www.mutang.gov.cn/1.html"}, rankGovernment},
		{"essay site", corpus.DupDoc{Publisher: "范文网", URL: "https://www.fanwen123.com/doc/1.html"}, rankOther},
		{"file", corpus.DupDoc{Source: "/home/me/reports/a.txt"}, rankOther},
		{"gh only inside a word", corpus.DupDoc{URL: "https://www.ghost-essays.com/1.html"}, rankOther},
	} {
		if got := sourceRank(tc.doc); got != tc.want {
			t.Errorf("%s: sourceRank(%+v) = %d, want %d", tc.name, tc.doc, got, tc.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	union := corpus.DupDoc{ID: "c1", Date: "2022-12-26", Publisher: "青石县总工会"}
	portal := corpus.DupDoc{ID: "a1", Date: "2022-12-26", Publisher: "中州新闻网"}
	early := corpus.DupDoc{ID: "f1", Date: "2022-12-20", Publisher: "范文网"}
	undated := corpus.DupDoc{ID: "00", Publisher: "青石县总工会"}
	for _, tc := range []struct {
		name    string
		members []corpus.DupDoc
		want    string
	}{
		{"earliest date wins", []corpus.DupDoc{union, portal, early}, "f1"},
		{"union over portal on the same date", []corpus.DupDoc{portal, union}, "c1"},
		{"a date over none", []corpus.DupDoc{undated, portal}, "a1"},
		{"smallest ID last", []corpus.DupDoc{{ID: "b"}, {ID: "a"}}, "a"},
	} {
		for seed := range uint64(4) {
			m := slices.Clone(tc.members)
			rand.New(rand.NewPCG(seed, 1)).Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
			if got := Canonical(m); got != tc.want {
				t.Errorf("%s: Canonical(%v) = %s, want %s", tc.name, m, got, tc.want)
			}
		}
	}
}

func TestComponentsIgnorePairOrder(t *testing.T) {
	pairs := []corpus.DupPair{
		{A: "a", B: "b", Score: 0.9},
		{A: "b", B: "c", Score: 0.85},
		{A: "d", B: "e", Score: 0.95},
		{A: "c", B: "d", Score: 0.6}, // below the threshold: two clusters
		{A: "f", B: "g", Score: 0.7},
	}
	want := [][]string{{"a", "b", "c"}, {"d", "e"}}
	for seed := range uint64(5) {
		p := slices.Clone(pairs)
		rand.New(rand.NewPCG(seed, 2)).Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		if diff := cmp.Diff(want, Components(p, 0.8)); diff != "" {
			t.Errorf("Components (-want +got):\n%s", diff)
		}
	}
	if diff := cmp.Diff([][]string{{"a", "b", "c", "d", "e"}, {"f", "g"}}, Components(pairs, 0.6)); diff != "" {
		t.Errorf("Components at 0.6 (-want +got):\n%s", diff)
	}
}

func TestCompareIgnoresScriptWidthAndPunctuation(t *testing.T) {
	simp := "青石县总工会筹集资金186万元，走访慰问困难职工3260人次，开展送温暖活动。"
	for _, tc := range []struct {
		name, text string
	}{
		{"traditional", "青石縣總工會籌集資金186萬元，走訪慰問困難職工3260人次，開展送溫暖活動。"},
		{"fullwidth digits", "青石县总工会筹集资金１８６万元，走访慰问困难职工３２６０人次，开展送温暖活动。"},
		{"other punctuation and spacing", "青石县总工会 筹集资金 186 万元; 走访慰问困难职工 3260 人次\n开展“送温暖”活动"},
	} {
		if e := Compare(NewSketch(simp), NewSketch(tc.text)); e.Score != 1 || e.Jaccard != 1 {
			t.Errorf("%s: Compare = %+v, want identical", tc.name, e)
		}
	}
	if e := Compare(NewSketch(simp), NewSketch("")); e != (Estimate{}) {
		t.Errorf("Compare with empty text = %+v, want zero", e)
	}
}

// TestSketchIsStable pins the sketch of a fixed text, so that a change of
// seeds or shingling, which would make stored sketches incomparable with
// new ones, is noticed (and followed by "dups --rebuild").
func TestSketchIsStable(t *testing.T) {
	text := "和溪区总工会以会员实名制管理为基础，大力推进普惠服务工作，全区工会会员实名制入库8.6万人，入库率达到92%。"
	sk := NewSketch(text)
	sum := sha256.Sum256(append(sk.MarshalSig(), sk.MarshalSamples()...))
	got := hex.EncodeToString(sum[:]) + "\n"
	path := filepath.Join("testdata", "sketch.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("sketch digest %s, want %s (run go test -update if the change is meant, and say that stores need dups --rebuild)", strings.TrimSpace(got), strings.TrimSpace(string(want)))
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		o  Options
		ok bool
	}{
		{Options{Threshold: 0.8, Containment: 0.8}, true},
		{Options{Threshold: 1, Containment: 1}, true},
		{Options{Threshold: 0.4, Containment: 0.8}, false},
		{Options{Threshold: 1.1, Containment: 0.8}, false},
		{Options{Threshold: 0.8, Containment: 0}, false},
	} {
		if err := tc.o.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v.Validate() = %v, want ok %v", tc.o, err, tc.ok)
		}
	}
}

// FuzzSketch checks properties of sketching arbitrary text: a text equals
// itself, estimates are shares, samples are sorted and distinct, and a
// sketch survives storage.
func FuzzSketch(f *testing.F) {
	f.Add("青石县总工会筹集资金186万元，走访慰问困难职工3260人次。", "青石縣總工會籌集資金")
	f.Add("", "a")
	f.Add("一二三四", "一二三四五六")
	f.Add("\xff\xfe送温暖", "送溫暖活動")
	f.Fuzz(func(t *testing.T, a, b string) {
		ska, skb := NewSketch(a), NewSketch(b)
		if !ska.Empty() {
			if e := Compare(ska, ska); e.Score != 1 || e.AinB != 1 || e.BinA != 1 {
				t.Errorf("Compare(a, a) = %+v, want all 1", e)
			}
		}
		e := Compare(ska, skb)
		for _, v := range []float64{e.Jaccard, e.Score, e.AinB, e.BinA} {
			if v < 0 || v > 1 {
				t.Errorf("Compare = %+v: estimate out of 0..1", e)
			}
		}
		if r := Compare(skb, ska); r.Score != e.Score || r.AinB != e.BinA {
			t.Errorf("Compare is not symmetric: %+v vs %+v", e, r)
		}
		for i := 1; i < len(ska.Samples); i++ {
			if ska.Samples[i] <= ska.Samples[i-1] {
				t.Fatalf("samples not sorted and distinct: %v", ska.Samples)
			}
		}
		if ska.Shingles > utf8.RuneCountInString(a) {
			t.Errorf("%d shingles from %d runes", ska.Shingles, utf8.RuneCountInString(a))
		}
		back, ok := unmarshalSketch(ska.Shingles, ska.MarshalSig(), ska.MarshalSamples())
		if !ok || !cmp.Equal(back, ska, cmpopts.EquateEmpty()) {
			t.Errorf("sketch does not survive storage: %+v vs %+v", back, ska)
		}
		// Stored bytes may be damaged: decoding reports it, never panics.
		unmarshalSketch(1, []byte(a), []byte(b))
	})
}
