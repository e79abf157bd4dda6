package zh

import (
	"os"
	"strings"
	"testing"
)

// benchLines is generated trade-union prose (bench/gencorpus -seed 7), cut
// line by line as the index cuts paragraphs.
func benchLines(b *testing.B) ([]string, int64) {
	b.Helper()
	data, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Split(string(data), "\n"), int64(len(data))
}

func BenchmarkCut(b *testing.B) {
	lines, n := benchLines(b)
	if err := Load(); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name   string
		search bool
	}{{"search", true}, {"exact", false}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				for _, l := range lines {
					Cut(l, mode.search)
				}
			}
		})
	}
}

// BenchmarkGseCut is the same work done by gse itself, for comparison.
func BenchmarkGseCut(b *testing.B) {
	lines, n := benchLines(b)
	s := gseSegmenter(b)
	for _, mode := range []struct {
		name   string
		search bool
	}{{"search", true}, {"exact", false}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				for _, l := range lines {
					gseCut(s, l, mode.search)
				}
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	lines, n := benchLines(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, l := range lines {
			Fold(l)
		}
	}
}

// BenchmarkLoadDict is the start-up cost of the dictionary: decoding the
// embedded trie.
func BenchmarkLoadDict(b *testing.B) {
	b.SetBytes(int64(len(dictBin)))
	for b.Loop() {
		if _, err := decodeDict(dictBin); err != nil {
			b.Fatal(err)
		}
	}
}
