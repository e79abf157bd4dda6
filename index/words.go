package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Bleve analyses each field of a document on its own, so title and
// title_pairs, text and text_pairs, would each cut the same string into
// words, twice the cutting, a large part of indexing's CPU. addDoc has the
// pairs field take the words its text field cut instead, which gives the
// same terms as the mapping's own analysis (TestSharedWordsSameTerms).

// addDoc adds d to batch under id as mapping m makes it, with the words of
// each text field cut once for the field and its pairs.
func addDoc(batch *bleve.Batch, m mapping.IndexMapping, id string, d indexDoc) error {
	doc, err := mapDoc(m, id, d)
	if err != nil {
		return err
	}
	if err := batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	return nil
}

// mapDoc is d as mapping m makes it, with its text fields sharing their
// words with their pairs fields.
func mapDoc(m mapping.IndexMapping, id string, d indexDoc) (*document.Document, error) {
	doc := document.NewDocument(id)
	if err := m.MapDocument(doc, d); err != nil {
		return nil, fmt.Errorf("map document %s: %w", id, err)
	}
	words, pairs := m.AnalyzerNamed(AnalyzerIndex), m.AnalyzerNamed(AnalyzerPairs)
	for _, field := range []string{"title", "text"} {
		shareWords(doc, field, words, pairs)
	}
	return doc, nil
}

// shareWords makes doc's field and its pairs field analyse one cutting of
// the text, when they are one field each, analysed by words and by pairs,
// which is words then pairFilter. Otherwise, as in an index whose mapping
// has no pairs, it leaves doc alone.
func shareWords(doc *document.Document, field string, words, pairs analysis.Analyzer) {
	wi, wf := onlyField(doc, field)
	pi, pf := onlyField(doc, pairsOf(field))
	if wf == nil || pf == nil || wf.Analyzer() != words || pf.Analyzer() != pairs {
		return
	}
	c := &cut{field: wf, readers: 2}
	doc.Fields[wi] = &cutField{TextField: wf, cut: c}
	doc.Fields[pi] = &cutField{TextField: pf, cut: c, pairs: true}
}

// onlyField is the text field named name and its place in doc, or nil
// when doc has none or several.
func onlyField(doc *document.Document, name string) (int, *document.TextField) {
	at, found := -1, (*document.TextField)(nil)
	for i, f := range doc.Fields {
		if f.Name() != name {
			continue
		}
		t, ok := f.(*document.TextField)
		if !ok || found != nil {
			return -1, nil
		}
		at, found = i, t
	}
	return at, found
}

// cut is a text field's words, shared with its pairs field. The tokens
// are dropped once both have read them, since the batch keeps its
// documents until it is written. Bleve analyses a document's fields in
// turn on one goroutine; the lock spares cut from relying on it.
type cut struct {
	mu      sync.Mutex
	field   *document.TextField
	tokens  analysis.TokenStream
	done    bool // tokens holds the words
	readers int  // fields yet to read tokens
}

// words is the field's tokens, cut on the first call of a pair.
func (c *cut) words() analysis.TokenStream {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.done {
		// zhTokenizer copies the terms out of its input, so unlike
		// TextField.Analyze this need not copy a stored value first.
		c.tokens, c.done = c.field.Analyzer().Analyze(c.field.Value()), true
	}
	ts := c.tokens
	if c.readers--; c.readers == 0 {
		// A later call, which Bleve does not make, cuts the text again.
		c.tokens, c.done, c.readers = nil, false, 2
	}
	return ts
}

// cutField is a text field, or its pairs field, analysed from a cut.
type cutField struct {
	*document.TextField
	cut    *cut
	pairs  bool
	length int
	freqs  index.TokenFrequencies
}

func (f *cutField) Analyze() {
	ts := f.cut.words()
	if f.pairs {
		ts = pairFilter{}.Filter(ts)
	}
	f.length = len(ts)
	f.freqs = analysis.TokenFrequency(ts, f.ArrayPositions(), f.Options())
}

func (f *cutField) AnalyzedLength() int { return f.length }

func (f *cutField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

func (f *cutField) Size() int {
	n := f.TextField.Size()
	if f.freqs != nil {
		n += f.freqs.Size()
	}
	return n
}
