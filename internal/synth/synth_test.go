package synth

import (
	"bytes"
	"strings"
	"testing"
)

func TestNextIsRepeatable(t *testing.T) {
	a, b := mustNew(t, 3), mustNew(t, 3)
	for i := range 200 {
		da, db := mustNext(t, a), mustNext(t, b)
		if da.Title != db.Title || !bytes.Equal(da.File, db.File) {
			t.Fatalf("document %d differs between two generators of one seed: %q, %q", i, da.Title, db.Title)
		}
	}
}

// TestDocumentHoldsWhatWasWritten checks the stored form against the
// text: every quantity at its offset and inside its sentence, campaigns
// that occur, a region with its province, a date in the document's year.
func TestDocumentHoldsWhatWasWritten(t *testing.T) {
	g := mustNew(t, 11)
	var reposts, traditional, html int
	for range 300 {
		d := mustNext(t, g)
		if d.Repost {
			reposts++
		}
		if d.Traditional {
			traditional++
		}
		if d.Ext == ".html" {
			html++
		}
		doc := d.Document()
		text := []rune(doc.Text())
		if doc.Region.Province == "" || doc.Year() != d.Year || doc.Doctype == "" || doc.Title == "" {
			t.Errorf("%q: region %+v, year %d (want %d), doctype %q", d.Title, doc.Region, doc.Year(), d.Year, doc.Doctype)
		}
		if len(doc.Metrics) == 0 && len(d.Quantities) > 0 {
			t.Errorf("%q: none of its %d quantities found in the text", d.Title, len(d.Quantities))
		}
		for _, m := range doc.Metrics {
			at := string(text[m.Offset:min(len(text), m.Offset+len([]rune(m.Surface)))])
			if at != m.Surface || !strings.Contains(m.Sentence, m.Surface) || strings.ContainsAny(m.Sentence, "\n") {
				t.Errorf("%q: metric %q at %d reads %q, sentence %q", d.Title, m.Surface, m.Offset, at, m.Sentence)
			}
		}
		for _, c := range doc.Campaigns {
			if c.Count < 1 || c.Key == "" {
				t.Errorf("%q: campaign %+v", d.Title, c)
			}
		}
	}
	// The shares the package comment promises, loosely.
	if reposts < 10 || traditional < 15 || html < 30 {
		t.Errorf("of 300 documents %d reposts, %d traditional, %d HTML; want about 30, 43 and 60", reposts, traditional, html)
	}
}

func mustNew(t *testing.T, seed uint64) *Generator {
	t.Helper()
	g, err := New(seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustNext(t *testing.T, g *Generator) Doc {
	t.Helper()
	d, err := g.Next()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
