package index

import (
	"cmp"
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Phrases are searched through the title_pairs and text_pairs fields,
// which hold each pair of neighbouring words as one term (see pairFilter).
// Bleve's phrase search reads the position of every occurrence of every
// word of the phrase in every document that has them all: for a phrase of
// two common words that was 95 ms on 10,000 documents, where one term of
// text_pairs takes 2 ms. The pairs carry no positions, which would double
// the index, so a phrase of three words or more, whose pairs may all occur
// but apart, is checked against the words' positions in title or text, in
// the few documents that have every pair.

// phraseWords is a phrase's words as the query analyzer cuts them.
func phraseWords(value string) []string {
	var words []string
	for _, tk := range (zhTokenizer{search: false}).Tokenize([]byte(value)) {
		words = append(words, string(tk.Term))
	}
	return words
}

// pairsPhrase finds two words or more next to each other in field.
func pairsPhrase(field string, words []string, boost float64) query.Query {
	if len(words) == 2 {
		t := bleve.NewTermQuery(words[0] + pairSep + words[1])
		t.SetField(pairsOf(field))
		t.SetBoost(boost)
		return t
	}
	return &pairPhraseQuery{field: field, words: words, boost: boost}
}

// pairTerms is the pair terms a phrase of words looks for, in order.
func pairTerms(words []string) []string {
	out := make([]string, 0, len(words)-1)
	for i := 1; i < len(words); i++ {
		out = append(out, words[i-1]+pairSep+words[i])
	}
	return out
}

// pairPhraseQuery is a phrase of three words or more: documents with all
// its pairs in field, which has the words one after the other.
type pairPhraseQuery struct {
	field string
	words []string
	boost float64
}

func (q *pairPhraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	// The pairs have no term vectors to give.
	opts.IncludeTermVectors = false
	var pairs []search.Searcher
	closeAll := func() {
		for _, s := range pairs {
			s.Close()
		}
	}
	for _, p := range pairTerms(q.words) {
		s, err := searcher.NewTermSearcher(ctx, r, p, pairsOf(q.field), q.boost, opts)
		if err != nil {
			closeAll()
			return nil, err
		}
		pairs = append(pairs, s)
	}
	all, err := searcher.NewConjunctionSearcher(ctx, r, pairs, opts)
	if err != nil {
		closeAll()
		return nil, err
	}
	v := &phraseCheck{docs: make([]*index.TermFieldDoc, len(q.words)), pos: make([][]uint64, len(q.words))}
	for _, w := range q.words {
		tr, err := r.TermFieldReader(ctx, []byte(w), q.field, false, false, true)
		if err != nil {
			v.close()
			all.Close()
			return nil, err
		}
		v.readers = append(v.readers, tr)
	}
	return &checkedSearcher{Searcher: searcher.NewFilteringSearcher(ctx, all, v.accept), check: v}, nil
}

// phraseCheck tells whether a document's field has the words one after
// the other, reading their positions in that document only. Documents
// come in index order, so each word's reader only moves forward.
type phraseCheck struct {
	readers []index.TermFieldReader // one per word of the phrase
	docs    []*index.TermFieldDoc   // where each reader stands; nil before the first
	ended   bool                    // a word has no more documents
	err     error
	pos     [][]uint64 // each word's positions in the document, reused
}

func (v *phraseCheck) accept(_ *search.SearchContext, d *search.DocumentMatch) bool {
	if v.ended || v.err != nil {
		return false
	}
	for i, r := range v.readers {
		if v.docs[i] == nil || v.docs[i].ID.Compare(d.IndexInternalID) < 0 {
			doc, err := r.Advance(d.IndexInternalID, v.docs[i])
			if err != nil {
				v.err = err
				return false
			}
			if doc == nil {
				v.ended = true
				return false
			}
			v.docs[i] = doc
		}
		if !v.docs[i].ID.Equals(d.IndexInternalID) {
			return false
		}
	}
	for i, doc := range v.docs {
		v.pos[i] = v.pos[i][:0]
		for _, tv := range doc.Vectors {
			v.pos[i] = append(v.pos[i], tv.Pos)
		}
	}
	found := false
	phraseStarts(v.pos, func(int) bool { found = true; return false })
	return found
}

func (v *phraseCheck) close() {
	for _, r := range v.readers {
		r.Close()
	}
}

// checkedSearcher is a filtering searcher that also closes its phrase
// check's readers and reports their errors.
type checkedSearcher struct {
	search.Searcher
	check *phraseCheck
}

func (s *checkedSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if err == nil && s.check.err != nil {
		return nil, s.check.err
	}
	return d, err
}

func (s *checkedSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if err == nil && s.check.err != nil {
		return nil, s.check.err
	}
	return d, err
}

func (s *checkedSearcher) Close() error {
	s.check.close()
	return s.Searcher.Close()
}

// phraseStarts calls fn with the index in pos[0] of each position p at
// which the i-th word stands at p+i for every i, given each word's
// positions, until fn returns false.
func phraseStarts(pos [][]uint64, fn func(i int) bool) {
	for _, p := range pos {
		if !slices.IsSorted(p) {
			slices.Sort(p)
		}
	}
	for k, p := range pos[0] {
		ok := true
		for i := 1; i < len(pos) && ok; i++ {
			_, ok = slices.BinarySearch(pos[i], p+uint64(i))
		}
		if ok && !fn(k) {
			return
		}
	}
}

// textTerms is what a plain clause looks for in the text: words, all of
// which must occur, or a phrase.
type textTerms struct {
	words  []string
	phrase bool
}

// marks picks the places to highlight among locs, where each word of the
// query occurs in a document's text: every occurrence of a clause's words
// when all of them occur, and for a phrase, the occurrences that form it.
func marks(locs search.TermLocationMap, clauses []textTerms) search.TermLocationMap {
	out := search.TermLocationMap{}
	seen := map[*search.Location]bool{}
	add := func(word string, l *search.Location) {
		if !seen[l] {
			seen[l] = true
			out[word] = append(out[word], l)
		}
	}
	for _, c := range clauses {
		if !c.phrase || len(c.words) == 1 {
			all := len(c.words) > 0
			for _, w := range c.words {
				all = all && len(locs[w]) > 0
			}
			if all {
				for _, w := range c.words {
					for _, l := range locs[w] {
						add(w, l)
					}
				}
			}
			continue
		}
		// Each word's locations by position, for the phrase's occurrences.
		byPos := make([][]*search.Location, len(c.words))
		pos := make([][]uint64, len(c.words))
		for i, w := range c.words {
			byPos[i] = slices.Clone(locs[w])
			slices.SortFunc(byPos[i], func(a, b *search.Location) int { return cmp.Compare(a.Pos, b.Pos) })
			for _, l := range byPos[i] {
				pos[i] = append(pos[i], l.Pos)
			}
		}
		phraseStarts(pos, func(k int) bool {
			p := pos[0][k]
			for i, w := range c.words {
				j, _ := slices.BinarySearch(pos[i], p+uint64(i))
				add(w, byPos[i][j])
			}
			return true
		})
	}
	return out
}
