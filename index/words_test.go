package index

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"
)

// TestSharedWordsSameTerms: a document whose pairs fields take the words
// of their text fields has every field analysed as the mapping alone
// analyses it, the same terms, counts, positions and offsets, in an index
// with pairs fields and in one made before them.
func TestSharedWordsSameTerms(t *testing.T) {
	prose, err := os.ReadFile(filepath.Join("testdata", "bench.txt"))
	if err != nil {
		t.Fatal(err)
	}
	mappings := []struct {
		name   string
		m      func() mapping.IndexMapping
		shared bool
	}{
		{"pairs", newMapping, true},
		{"before pairs", noPairsMapping, false},
	}
	docs := []struct {
		name string
		d    indexDoc
	}{
		{"sub-words", indexDoc{Title: "送溫暖活動", Text: "县工会开展送温暖活动，帮扶困难职工。"}},
		{"mixed script", indexDoc{Title: "2015年工作總結", Text: "ABC公司职工之家建设，COVID-19 期间 100 名职工。"}},
		{"empty title", indexDoc{Text: "工会帮扶职工"}},
		{"empty", indexDoc{}},
		{"one word", indexDoc{Title: "工会", Text: "职工"}},
		{"prose", indexDoc{Title: "关于开展金秋助学活动的通知", Text: string(prose[:20000])}},
	}
	for _, mc := range mappings {
		m := mc.m()
		for _, dc := range docs {
			t.Run(mc.name+"/"+dc.name, func(t *testing.T) {
				want := document.NewDocument("x")
				if err := m.MapDocument(want, dc.d); err != nil {
					t.Fatal(err)
				}
				got, err := mapDoc(m, "x", dc.d)
				if err != nil {
					t.Fatal(err)
				}
				if shared := slices.ContainsFunc(got.Fields, isCut); shared != mc.shared {
					t.Errorf("fields share words: %v, want %v", shared, mc.shared)
				}
				if diff := cmp.Diff(analysed(want), analysed(got)); diff != "" {
					t.Errorf("analysis (-mapping +shared):\n%s", diff)
				}
			})
		}
	}
}

func isCut(f document.Field) bool {
	_, ok := f.(*cutField)
	return ok
}

// analysed analyses every field of doc and renders each as its name,
// value, length and terms with their frequency and locations.
func analysed(doc *document.Document) []string {
	var out []string
	for _, f := range doc.Fields {
		f.Analyze()
		var terms []string
		for term, tf := range f.AnalyzedTokenFrequencies() {
			s := fmt.Sprintf("%q×%d", strings.ReplaceAll(term, pairSep, "|"), tf.Frequency())
			for _, l := range tf.Locations {
				s += fmt.Sprintf(" %d-%d/%d%v", l.Start, l.End, l.Position, l.ArrayPositions)
			}
			terms = append(terms, s)
		}
		slices.Sort(terms)
		out = append(out, fmt.Sprintf("%s %q len=%d opts=%v", f.Name(), f.Value(), f.AnalyzedLength(), f.Options()))
		out = append(out, terms...)
	}
	return out
}
