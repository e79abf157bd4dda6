package index

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// serveMix is bench/serve.lua's query mix as the HTTP API turns it into
// requests: ten hits, highlighted.
var serveMix = []Request{
	{Query: "送温暖"},
	{Query: "工會"},
	{Query: "农民工"},
	{Query: "困难职工 帮扶"},
	{Query: "工资集体协商 企业"},
	{Query: `"职工之家"`},
	{Query: `"金秋助学" 助学金`},
	{Query: "送温暖", Facets: []string{"year", "doctype", "region"}},
	{Query: "劳动竞赛", Doctype: "summary", YearFrom: 2010, YearTo: 2015, Facets: []string{"year"}},
	{Query: "职工", Region: "四川省", Facets: []string{"campaign"}},
}

// benchIndex opens the index named by $UNIONSCOPE_BENCH_INDEX (an
// index.bleve folder made by import, for figures on a real corpus), or
// else builds one of n documents made from testdata/bench.txt.
func benchIndex(b *testing.B, n int) *Index {
	b.Helper()
	if p := os.Getenv("UNIONSCOPE_BENCH_INDEX"); p != "" {
		x, err := Open(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { x.Close() })
		return x
	}
	return proseIndex(b, n)
}

// proseIndex builds an index of n documents of paragraphs of
// testdata/bench.txt, drawn at random, and metadata likewise.
func proseIndex(tb testing.TB, n int) *Index {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bench.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if len(l) > 60 { // paragraphs, not titles or headings
			lines = append(lines, l)
		}
	}
	x, err := Open(filepath.Join(tb.TempDir(), "prose.bleve"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	rng := rand.New(rand.NewPCG(11, 12))
	provinces := []string{"四川省", "甘肃省", "福建省", "广东省", ""}
	doctypes := []string{"summary", "speech", "news", "experience"}
	campaigns := []string{"送温暖", "金秋助学", "工人先锋号", "安康杯"}
	batch := x.b.NewBatch()
	for i := range n {
		var text strings.Builder
		for text.Len() < 500+rng.IntN(5000) {
			text.WriteString(lines[rng.IntN(len(lines))] + "\n")
		}
		year := 2005 + rng.IntN(15)
		d := indexDoc{
			Title: string([]rune(lines[rng.IntN(len(lines))])[:12]), Text: text.String(),
			DateStr: strconv.Itoa(year), Year: strconv.Itoa(year), YearNum: float64(year),
			Doctype: doctypes[rng.IntN(len(doctypes))], Province: provinces[rng.IntN(len(provinces))],
			Canonical: rng.IntN(10) > 0,
		}
		d.RegionStr = d.Province
		if d.Province != "" {
			d.Region = []string{d.Province, shortRegion(d.Province)}
		}
		if rng.IntN(3) == 0 {
			d.Campaign = []string{campaigns[rng.IntN(len(campaigns))]}
		}
		if err := addDoc(batch, x.b.Mapping(), strconv.Itoa(i), d); err != nil {
			tb.Fatal(err)
		}
		if batch.Size() >= 500 {
			if err := x.b.Batch(batch); err != nil {
				tb.Fatal(err)
			}
			batch = x.b.NewBatch()
		}
	}
	if err := x.b.Batch(batch); err != nil {
		tb.Fatal(err)
	}
	return x
}

// BenchmarkSearchMix runs serve.lua's query mix, one op a whole round of
// it, through Index.Search as the HTTP API calls it; the sub-benchmarks
// are its parts.
func BenchmarkSearchMix(b *testing.B) {
	x := benchIndex(b, 3000)
	ctx := context.Background()
	search := func(b *testing.B, r Request) {
		r.Size, r.Highlight = 10, true
		if _, err := x.Search(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("mix", func(b *testing.B) {
		for b.Loop() {
			for _, r := range serveMix {
				search(b, r)
			}
		}
	})
	// mix-bleve is the same through Bleve's searchers alone (no direct
	// path), for the figure before fast.go beside the one after.
	plain := &Index{b: x.b, path: x.path, pairs: x.pairs, plain: true}
	b.Run("mix-bleve", func(b *testing.B) {
		for b.Loop() {
			for _, r := range serveMix {
				r.Size, r.Highlight = 10, true
				if _, err := plain.Search(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for i, r := range serveMix {
		b.Run(strconv.Itoa(i), func(b *testing.B) {
			for b.Loop() {
				search(b, r)
			}
		})
	}
	// count is search --count: the total alone.
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			if _, err := x.Search(ctx, Request{Query: "送温暖"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
