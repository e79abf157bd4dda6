package index

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// benchDocs reads testdata/bench.txt (bench/gencorpus -seed 11: generated
// union prose, one paragraph a line) as documents of about 2 KB.
func benchDocs(b *testing.B) ([]indexDoc, int64) {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bench.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []indexDoc
	var cur strings.Builder
	title := ""
	for _, line := range strings.Split(string(data), "\n") {
		if title == "" {
			title = line
			continue
		}
		cur.WriteString(line + "\n")
		if cur.Len() > 2000 {
			docs = append(docs, indexDoc{Title: title, Text: cur.String(), Doctype: "summary", Year: "2015", YearNum: 2015})
			cur.Reset()
			title = ""
		}
	}
	return docs, int64(len(data))
}

// BenchmarkAnalyzer is the Chinese analyzer as the index runs it on text
// fields: fold, segment in search mode, Bleve tokens.
func BenchmarkAnalyzer(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench.txt"))
	if err != nil {
		b.Fatal(err)
	}
	an, err := registry.NewCache().AnalyzerNamed(AnalyzerIndex)
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, l := range lines {
			an.Analyze([]byte(l))
		}
	}
}

// noAllMapping is the index mapping without the composite _all field,
// which no query reads: it repeats every token of title and text.
func noAllMapping() mapping.IndexMapping {
	im := newMapping().(*mapping.IndexMappingImpl)
	for _, name := range []string{"title", "text"} {
		for _, f := range im.DefaultMapping.Properties[name].Fields {
			f.IncludeInAll = false
		}
	}
	return im
}

// BenchmarkIndexBatch indexes the same documents into a fresh on-disk
// index with different batch sizes (CatchUp uses 500), and with and
// without the _all field.
func BenchmarkIndexBatch(b *testing.B) {
	docs, n := benchDocs(b)
	for _, bc := range []struct {
		name string
		size int
		m    func() mapping.IndexMapping
	}{
		{"batch=50", 50, newMapping},
		{"batch=500", 500, newMapping},
		{"batch=5000", 5000, newMapping},
		{"batch=500/no_all", 500, noAllMapping},
	} {
		size := bc.size
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				idx, err := bleve.NewUsing(filepath.Join(b.TempDir(), "x.bleve"), bc.m(), "scorch", "scorch", nil)
				if err != nil {
					b.Fatal(err)
				}
				batch := idx.NewBatch()
				for i, d := range docs {
					if err := addDoc(batch, idx.Mapping(), strconv.Itoa(i), d); err != nil {
						b.Fatal(err)
					}
					if batch.Size() >= size {
						if err := idx.Batch(batch); err != nil {
							b.Fatal(err)
						}
						batch.Reset()
					}
				}
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				if err := idx.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(docs)), "docs/op")
		})
	}
}
