package index

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The direct path answers the queries buildQuery makes of terms,
// conjunctions and disjunctions (words, two-word phrases through the pairs
// fields, field filters, exclusions) straight from the segments' postings,
// with the same results as Bleve's searchers:
//
//   - the matching documents of each segment are a roaring bitmap made of
//     the terms' postings with And, Or and AndNot, so the total is a
//     cardinality and a facet value's count is the cardinality of its
//     postings and the hits intersected, per value rather than per hit;
//   - the hits are scored in one pass over the bitmap, each term's postings
//     advanced to each hit, with Bleve's tf-idf formula evaluated in the
//     same order (so the same float64 scores), and the page kept in a heap
//     ordered as Bleve's collector orders hits (score, then index order).
//
// Bleve's searchers give every matching document a DocumentMatch, walk it
// through the disjunction, conjunction and boolean searchers and the
// collector, and visit its doc values for each facet; that was most of
// the cost of a query for a common word. A numeric range (the year filter)
// may be a conjunct of the top conjunction: its own Bleve searcher scores
// the hits and filters the other conjuncts' documents (fSearch). Anything
// else (longer phrases, a range alone, sorts by date, other scoring
// models) goes to Bleve.

// fnode is a query as the direct path evaluates it.
type fnode struct {
	kind     fkind
	field    string
	term     []byte
	boost    float64
	children []*fnode // in the order Bleve's searcher keeps them

	// fSearch: a query the direct path leaves to its Bleve searcher
	// (a numeric range filter), which scores the hits, and the
	// documents it matches in each segment
	q        query.Query
	searcher search.Searcher
	sweight  float64
	all      search.Searcher // unscored, for the documents it matches
	allCtx   *search.SearchContext
	allAt    *search.DocumentMatch // where all stands
	allEnded bool
	cur      *search.DocumentMatch // where the searcher stands
	curNum   uint64                // cur's document number in the index
	ended    bool

	// filled in per search
	count       uint64  // what the Bleve searcher's Count would say
	idf         float64 // leaves
	queryWeight float64 // leaves
	leaf        int     // index among the scored leaves
}

type fkind int

const (
	fTerm fkind = iota
	fConj
	fDisj
	fSearch
)

// fquery is a boolean query: hits match must and none of mustNot.
type fquery struct {
	must    *fnode
	mustNot []*fnode
}

// directQuery turns the Bleve query buildQuery made into an fquery, or
// says it cannot.
func directQuery(q query.Query) (*fquery, bool) {
	b, ok := q.(*query.BooleanQuery)
	if !ok || b.Must == nil || b.Should != nil || b.Filter != nil {
		return nil, false
	}
	must, ok := directNode(b.Must)
	if !ok {
		// A numeric range (the year filter) may be a conjunct of the
		// top conjunction, where every hit has it.
		c, isConj := b.Must.(*query.ConjunctionQuery)
		if !isConj || len(c.Conjuncts) > 10 || c.BoostVal != nil && c.BoostVal.Value() != 1 {
			return nil, false
		}
		must = &fnode{kind: fConj}
		for _, q := range c.Conjuncts {
			n, ok := directNode(q)
			if !ok {
				r, isRange := q.(*query.NumericRangeQuery)
				if !isRange {
					return nil, false
				}
				n = &fnode{kind: fSearch, q: r}
			}
			must.children = append(must.children, n)
		}
		// The range filters the documents the other conjuncts find.
		if !slices.ContainsFunc(must.children, func(n *fnode) bool { return n.kind != fSearch }) {
			return nil, false
		}
	}
	fq := &fquery{must: must}
	if b.MustNot != nil {
		d, ok := b.MustNot.(*query.DisjunctionQuery)
		if !ok {
			return nil, false
		}
		for _, c := range d.Disjuncts {
			n, ok := directNode(c)
			if !ok {
				return nil, false
			}
			fq.mustNot = append(fq.mustNot, n)
		}
	}
	return fq, true
}

func directNode(q query.Query) (*fnode, bool) {
	switch q := q.(type) {
	case *query.TermQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		return &fnode{kind: fTerm, field: q.FieldVal, term: []byte(q.Term), boost: q.BoostVal.Value()}, true
	case *query.BoolFieldQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		t := "F"
		if q.Bool {
			t = "T"
		}
		return &fnode{kind: fTerm, field: q.FieldVal, term: []byte(t), boost: q.BoostVal.Value()}, true
	case *query.ConjunctionQuery:
		return directComposite(fConj, q.Conjuncts, q.BoostVal)
	case *query.DisjunctionQuery:
		if q.Min > 1 {
			return nil, false
		}
		return directComposite(fDisj, q.Disjuncts, q.BoostVal)
	}
	return nil, false
}

func directComposite(kind fkind, qs []query.Query, boost *query.Boost) (*fnode, bool) {
	// Bleve ignores a composite's boost; so does this, but only 1 is
	// expected. More than 10 disjuncts make a heap searcher, which sums
	// in another order; more than 12 children would not be sorted stably.
	if boost != nil && boost.Value() != 1 || len(qs) == 0 || len(qs) > 10 {
		return nil, false
	}
	n := &fnode{kind: kind}
	for _, c := range qs {
		cn, ok := directNode(c)
		if !ok {
			return nil, false
		}
		n.children = append(n.children, cn)
	}
	return n, true
}

// dsearch is one search on one snapshot.
type dsearch struct {
	snap   *scorch.IndexSnapshot
	q      *fquery
	leaves []*fnode // the must tree's terms, which score
	hits   []*roaring.Bitmap
	total  uint64
	// bounds, when set, holds what top needs to skip blocks of hits that
	// cannot reach the page.
	bounds *boundCache
	m      mapping.IndexMapping
	// searchers are the fSearch nodes, whose Bleve searchers score
	searchers []*fnode
	sctx      *search.SearchContext
	offsets   []uint64 // each segment's first document number in the index
	offsetOf  map[*scorch.SegmentSnapshot]uint64
	curNum    uint64 // the document being scored, by its number in the index
}

// directReader is the index's current snapshot when the index is a scorch
// index with the default scoring; nil means the direct path does not
// apply.
func (x *Index) directReader() (*scorch.IndexSnapshot, func(), error) {
	if im, ok := x.b.Mapping().(*mapping.IndexMappingImpl); !ok || (im.ScoringModel != "" && im.ScoringModel != index.DefaultScoringModel) {
		return nil, nil, nil
	}
	adv, err := x.b.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, nil
	}
	return snap, func() { r.Close() }, nil
}

// prepare computes the counts, idf and query weights of the must tree as
// Bleve's searchers would, and each segment's hits.
func (d *dsearch) prepare(ctx context.Context) error {
	// Document numbers in the index run on from segment to segment, as
	// scorch's snapshot offsets do.
	var off uint64
	d.offsetOf = map[*scorch.SegmentSnapshot]uint64{}
	for _, s := range d.snap.Segments() {
		d.offsets = append(d.offsets, off)
		d.offsetOf[s] = off
		off += s.Segment().Count()
	}
	docTotal, err := d.snap.DocCount()
	if err != nil {
		return err
	}
	if err := d.counts(d.q.must, docTotal); err != nil {
		return err
	}
	// The top searcher's norm is what every term ends with: each composite
	// sets its children's on construction, and its parent then overrides.
	norm := 1.0 / math.Sqrt(weight(d.q.must))
	d.setNorm(d.q.must, norm)

	segs := d.snap.Segments()
	d.hits = make([]*roaring.Bitmap, len(segs))
	for i, s := range segs {
		if err := ctx.Err(); err != nil {
			return err
		}
		bm, err := d.bitmap(s, d.q.must)
		if err != nil {
			return err
		}
		for _, n := range d.q.mustNot {
			if bm.IsEmpty() {
				break
			}
			not, err := d.bitmap(s, n)
			if err != nil {
				return err
			}
			bm = roaring.AndNot(bm, not)
		}
		d.hits[i] = bm
		d.total += bm.GetCardinality()
	}
	return nil
}

// counts fills in Count for each node (a term's documents; a composite's
// children's sum, as Bleve's "worst case"), sorts composites' children by
// it as Bleve's OrderedSearcherList does (an insertion sort, so stable, for
// the few children allowed), and computes each leaf's idf.
func (d *dsearch) counts(n *fnode, docTotal uint64) error {
	switch n.kind {
	case fSearch:
		return d.search(n)
	case fTerm:
		n.count = 0
		for _, s := range d.snap.Segments() {
			dict, err := s.Segment().Dictionary(n.field)
			if err != nil {
				return err
			}
			pl, err := dict.PostingsList(n.term, s.Deleted(), nil)
			if err != nil {
				return err
			}
			n.count += pl.Count()
		}
		n.idf = 1.0 + math.Log(float64(docTotal)/float64(n.count+1.0))
		n.leaf = len(d.leaves)
		d.leaves = append(d.leaves, n)
		return nil
	}
	n.count = 0
	for _, c := range n.children {
		if err := d.counts(c, docTotal); err != nil {
			return err
		}
		n.count += c.count
	}
	slices.SortStableFunc(n.children, func(a, b *fnode) int {
		switch {
		case a.count < b.count:
			return -1
		case a.count > b.count:
			return 1
		}
		return 0
	})
	return nil
}

// weight is the Bleve searcher's Weight: a term's (boost·idf)², a
// composite's children's sum in their order.
func weight(n *fnode) float64 {
	if n.kind == fSearch {
		return n.sweight
	}
	if n.kind == fTerm {
		w := n.boost * n.idf
		return w * w
	}
	sum := 0.0
	for _, c := range n.children {
		sum += weight(c)
	}
	return sum
}

func (d *dsearch) setNorm(n *fnode, norm float64) {
	if n.kind == fSearch {
		n.searcher.SetQueryNorm(norm)
		return
	}
	if n.kind == fTerm {
		n.queryWeight = n.boost * n.idf * norm
		return
	}
	for _, c := range n.children {
		d.setNorm(c, norm)
	}
}

// bitmap is the live documents of segment s that match n.
func (d *dsearch) bitmap(s *scorch.SegmentSnapshot, n *fnode) (*roaring.Bitmap, error) {
	if n.kind == fTerm {
		dict, err := s.Segment().Dictionary(n.field)
		if err != nil {
			return nil, err
		}
		pl, err := dict.PostingsList(n.term, nil, nil)
		if err != nil {
			return nil, err
		}
		bm := roaring.New()
		or, ok := pl.(interface{ OrInto(*roaring.Bitmap) })
		if !ok {
			// Not zap: read the postings one by one.
			it := pl.Iterator(false, false, false, nil)
			for {
				p, err := it.Next()
				if err != nil {
					return nil, err
				}
				if p == nil {
					break
				}
				bm.Add(uint32(p.Number()))
			}
		} else {
			or.OrInto(bm)
		}
		if del := s.Deleted(); del != nil {
			bm.AndNot(del)
		}
		return bm, nil
	}
	bms := make([]*roaring.Bitmap, 0, len(n.children))
	var filters []*fnode
	for _, c := range n.children {
		if c.kind == fSearch {
			filters = append(filters, c) // only a conjunct (directQuery)
			continue
		}
		bm, err := d.bitmap(s, c)
		if err != nil {
			return nil, err
		}
		if n.kind == fConj && bm.IsEmpty() {
			return bm, nil
		}
		bms = append(bms, bm)
	}
	if n.kind == fConj {
		bm := roaring.FastAnd(bms...)
		for _, f := range filters {
			var err error
			if bm, err = d.filter(s, f, bm); err != nil {
				return nil, err
			}
		}
		return bm, nil
	}
	return roaring.FastOr(bms...), nil
}

// dhit is a hit of the direct path: its score and where it is.
type dhit struct {
	score float64
	seg   int
	num   uint64 // in its segment
}

// worse says whether a ranks below b: a lower score, or the same score
// later in the index, as Bleve's collector breaks ties.
func worse(a, b dhit) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	if a.seg != b.seg {
		return a.seg > b.seg
	}
	return a.num > b.num
}

// top scores every hit and returns the best k, best first.
func (d *dsearch) top(ctx context.Context, k int) ([]dhit, error) {
	if k <= 0 {
		return nil, nil
	}
	if d.bounds != nil && len(d.leaves) <= pruneLeaves && len(d.searchers) == 0 {
		return d.topPruned(ctx, k)
	}
	h := make([]dhit, 0, k) // a min-heap by worse: h[0] is the worst kept
	// Per leaf: its postings iterator in the segment, and where it stands.
	its := make([]segment.PostingsIterator, len(d.leaves))
	at := make([]uint64, len(d.leaves))
	started := make([]bool, len(d.leaves))
	done := make([]bool, len(d.leaves))
	freq := make([]uint64, len(d.leaves))
	norm := make([]float64, len(d.leaves))
	for si, s := range d.snap.Segments() {
		hits := d.hits[si]
		if hits.IsEmpty() {
			continue
		}
		for i, n := range d.leaves {
			dict, err := s.Segment().Dictionary(n.field)
			if err != nil {
				return nil, err
			}
			// No exceptions: hits holds no deleted document (see topPruned).
			pl, err := dict.PostingsList(n.term, nil, nil)
			if err != nil {
				return nil, err
			}
			its[i] = pl.Iterator(true, true, false, its[i])
			started[i], done[i] = false, false
		}
		it := hits.Iterator()
		for c := 0; it.HasNext(); c++ {
			if c&4095 == 4095 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			doc := uint64(it.Next())
			for i := range d.leaves {
				if done[i] || (started[i] && at[i] >= doc) {
					continue
				}
				p, err := its[i].Advance(doc)
				if err != nil {
					return nil, err
				}
				started[i] = true
				if p == nil {
					done[i] = true
					continue
				}
				at[i], freq[i], norm[i] = p.Number(), p.Frequency(), p.Norm()
			}
			if err := d.advanceSearchers(d.offsets[si] + doc); err != nil {
				return nil, err
			}
			score, _ := d.score(d.q.must, doc, at, started, done, freq, norm)
			hit := dhit{score: score, seg: si, num: doc}
			switch {
			case len(h) < k:
				h = append(h, hit)
				up(h, len(h)-1)
			case worse(h[0], hit):
				h[0] = hit
				down(h, 0)
			}
		}
	}
	sort.Slice(h, func(i, j int) bool { return worse(h[j], h[i]) })
	return h, nil
}

// score is n's score for doc, as Bleve's scorers compute it, and whether
// n matches doc.
func (d *dsearch) score(n *fnode, doc uint64, at []uint64, started, done []bool, freq []uint64, norm []float64) (float64, bool) {
	switch n.kind {
	case fSearch:
		// advanceSearchers moved it to this document when it has it.
		if n.ended || n.cur == nil || n.curNum != d.curNum {
			return 0, false
		}
		return n.cur.Score, true
	case fTerm:
		i := n.leaf
		if !started[i] || done[i] || at[i] != doc {
			return 0, false
		}
		var tf float64
		if freq[i] < scorer.MaxSqrtCache {
			tf = scorer.SqrtCache[int(freq[i])]
		} else {
			tf = math.Sqrt(float64(freq[i]))
		}
		s := tf * norm[i] * n.idf
		if n.queryWeight != 1.0 {
			s = s * n.queryWeight
		}
		return s, true
	case fConj:
		var sum float64
		for _, c := range n.children {
			s, ok := d.score(c, doc, at, started, done, freq, norm)
			if !ok {
				return 0, false
			}
			sum += s
		}
		return sum, true
	}
	var sum float64
	matched := 0
	for _, c := range n.children {
		if s, ok := d.score(c, doc, at, started, done, freq, norm); ok {
			sum += s
			matched++
		}
	}
	if matched == 0 {
		return 0, false
	}
	coord := float64(matched) / float64(len(n.children))
	return sum * coord, true
}

func up(h []dhit, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !worse(h[i], h[p]) {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func down(h []dhit, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && worse(h[r], h[l]) {
			m = r
		}
		if !worse(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// facet counts the values of field among the hits, as Bleve's terms facet
// does (each value a hit has counts once), best first, the first size.
func (d *dsearch) facet(ctx context.Context, field string, size int) ([]*search.TermFacet, error) {
	counts := map[string]int{}
	for si, s := range d.snap.Segments() {
		hits := d.hits[si]
		if hits.IsEmpty() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		terms := dict.AutomatonIterator(nil, nil, nil)
		var pl segment.PostingsList
		for {
			e, err := terms.Next()
			if err != nil {
				return nil, err
			}
			if e == nil {
				break
			}
			pl, err = dict.PostingsList([]byte(e.Term), s.Deleted(), pl)
			if err != nil {
				return nil, err
			}
			n := 0
			if or, ok := pl.(interface{ OrInto(*roaring.Bitmap) }); ok {
				bm := roaring.New()
				or.OrInto(bm)
				n = int(hits.AndCardinality(bm)) // hits holds no deleted document
			} else {
				it := pl.Iterator(false, false, false, nil)
				for {
					p, err := it.Next()
					if err != nil {
						return nil, err
					}
					if p == nil {
						break
					}
					if hits.Contains(uint32(p.Number())) {
						n++
					}
				}
			}
			if n > 0 {
				counts[e.Term] += n
			}
		}
	}
	out := make([]*search.TermFacet, 0, len(counts))
	for t, n := range counts {
		out = append(out, &search.TermFacet{Term: t, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Term < out[j].Term
	})
	if len(out) > size {
		out = out[:size]
	}
	return out, nil
}

// facetSize is how many values of a facet a result lists.
const facetSize = 50

// page is what a search found, by either path: the total, the page's hits
// (ID and score), each facet's values, and how to load a hit's document.
type page struct {
	total  uint64
	hits   search.DocumentMatchCollection
	facets map[string][]*search.TermFacet
	doc    func(id string) (index.Document, error)
	// locate finds the words of text in the page's hits, for highlights;
	// nil for Index.locations.
	locate func(text []textTerms) (map[string]search.TermLocationMap, error)
	close  func()
}

// direct runs r through the direct path, or returns nil when it does not
// apply to r (see the top of this file).
func (x *Index) direct(ctx context.Context, r Request, q query.Query) (*page, error) {
	if x.plain || r.Sort != "" && r.Sort != "relevance" {
		return nil, nil
	}
	fq, ok := directQuery(q)
	if !ok {
		return nil, nil
	}
	snap, closeSnap, err := x.directReader()
	if err != nil || snap == nil {
		return nil, err
	}
	p := &page{facets: map[string][]*search.TermFacet{}, doc: snap.Document, close: closeSnap}
	if err := p.fill(ctx, snap, fq, r, x.bounds, x.b.Mapping()); err != nil {
		closeSnap()
		return nil, err
	}
	return p, nil
}

func (p *page) fill(ctx context.Context, snap *scorch.IndexSnapshot, fq *fquery, r Request, bounds *boundCache, m mapping.IndexMapping) error {
	d := &dsearch{snap: snap, q: fq, bounds: bounds, m: m}
	defer d.closeSearchers()
	if err := d.prepare(ctx); err != nil {
		return err
	}
	p.total = d.total
	top, err := d.top(ctx, r.From+r.Size)
	if err != nil {
		return err
	}
	segs := snap.Segments()
	var ids []string
	for i := r.From; i < len(top); i++ {
		id, err := segs[top[i].seg].DocID(top[i].num)
		if err != nil {
			return err
		}
		ids = append(ids, string(id))
		p.hits = append(p.hits, &search.DocumentMatch{ID: string(id), Score: top[i].score})
	}
	if r.From < len(top) {
		top = top[r.From:]
	} else {
		top = nil
	}
	p.locate = func(text []textTerms) (map[string]search.TermLocationMap, error) {
		return d.locations(top, ids, text)
	}
	for _, f := range r.Facets {
		if p.facets[f], err = d.facet(ctx, facetFields[f], facetSize); err != nil {
			return err
		}
	}
	return nil
}

// locations is Index.locations for the page's hits, read from each word's
// postings in the hit's segment: no document-ID lookups and no searchers.
func (d *dsearch) locations(hits []dhit, ids []string, text []textTerms) (map[string]search.TermLocationMap, error) {
	var words []string
	for _, t := range text {
		for _, w := range t.words {
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	// In index order, so that each postings iterator only moves forward.
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if hits[a].seg != hits[b].seg {
			return hits[a].seg - hits[b].seg
		}
		return cmp.Compare(hits[a].num, hits[b].num)
	})
	segs := d.snap.Segments()
	out := make(map[string]search.TermLocationMap, len(hits))
	var it segment.PostingsIterator
	for _, w := range words {
		seg := -1
		var p segment.Posting // where it stands: a posting past a hit without w is the next one's
		ended := false
		for _, i := range order {
			h := hits[i]
			if h.seg != seg {
				seg, p, ended = h.seg, nil, false
				dict, err := segs[seg].Segment().Dictionary("text")
				if err != nil {
					return nil, err
				}
				pl, err := dict.PostingsList([]byte(w), nil, nil)
				if err != nil {
					return nil, err
				}
				it = pl.Iterator(true, true, true, it)
			}
			if !ended && (p == nil || p.Number() < h.num) {
				var err error
				if p, err = it.Advance(h.num); err != nil {
					return nil, err
				}
				ended = p == nil
			}
			if ended || p.Number() != h.num {
				continue
			}
			locs := out[ids[i]]
			if locs == nil {
				locs = search.TermLocationMap{}
				out[ids[i]] = locs
			}
			for _, l := range p.Locations() {
				loc := &search.Location{Pos: l.Pos(), Start: l.Start(), End: l.End()}
				if ap := l.ArrayPositions(); len(ap) > 0 {
					loc.ArrayPositions = append(search.ArrayPositions(nil), ap...)
				}
				locs[w] = append(locs[w], loc)
			}
		}
	}
	return out, nil
}

// Skipping hits that cannot reach the page (block-max pruning). Each
// segment's hits are split by which of the query's terms they have (a
// class), and each class into blocks of 1<<blockBits document numbers.
// For each term and block the largest tf·norm of the term's postings there
// bounds the term's score in that block; evaluating the query's scorer on
// the bounds, for the terms of the class, bounds the score of every hit of
// the block and class (IEEE rounding is monotonic, so the bound computed in
// the same order of operations is never below a real score). Blocks are
// scored best bound first, and once the page is full, blocks whose bound is
// below the page's lowest score are skipped: they cannot enter it, not even
// on a tie (a tie with the lowest is scored, and broken by index order).
//
// The bounds of a term in a segment take one pass over its postings, the
// cost of scoring every hit once; they are kept per segment, which never
// changes (deletions only lower the real maxima), so a term pays it once.

const (
	pruneLeaves = 6 // terms a query may have for top to prune (at most 2^6 classes)
	blockBits   = 5 // a block is 32 document numbers of a segment
	// maxBoundBytes bounds the memory the bounds take: 4 bytes a block,
	// 125 KB a term and field at a million documents.
	maxBoundBytes = 64 << 20
)

type boundKey struct {
	seg         segment.Segment
	field, term string
}

// boundCache holds each term's block bounds per segment.
type boundCache struct {
	mu    sync.Mutex
	m     map[boundKey][]float32
	bytes int
	// segs is the segments of the last snapshot searched: an entry of
	// another segment (merged away, or held in memory until persisted)
	// is dropped, so that the key does not keep the segment alive.
	segs map[segment.Segment]bool
}

// sweep drops the entries of segments that segs, the segments of the
// snapshot a search reads, no longer hold.
func (c *boundCache) sweep(segs []*scorch.SegmentSnapshot) {
	c.mu.Lock()
	defer c.mu.Unlock()
	same := len(segs) == len(c.segs)
	for _, s := range segs {
		if !same {
			break
		}
		same = c.segs[s.Segment()]
	}
	if same {
		return
	}
	c.segs = make(map[segment.Segment]bool, len(segs))
	for _, s := range segs {
		c.segs[s.Segment()] = true
	}
	for k, b := range c.m {
		if !c.segs[k.seg] {
			delete(c.m, k)
			c.bytes -= 4 * len(b)
		}
	}
}

func newBoundCache() *boundCache { return &boundCache{m: map[boundKey][]float32{}} }

func tfOf(freq uint64) float64 {
	if freq < scorer.MaxSqrtCache {
		return scorer.SqrtCache[int(freq)]
	}
	return math.Sqrt(float64(freq))
}

// get returns the largest tf·norm in each block of the term's postings pl
// in segment s, rounded up to a float32.
func (c *boundCache) get(s segment.Segment, field string, term []byte, pl segment.PostingsList) ([]float32, error) {
	key := boundKey{s, field, string(term)}
	c.mu.Lock()
	b, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return b, nil
	}
	max := make([]float64, s.Count()>>blockBits+1)
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			break
		}
		v := tfOf(p.Frequency()) * p.Norm()
		if blk := p.Number() >> blockBits; v > max[blk] {
			max[blk] = v
		}
	}
	b = make([]float32, len(max))
	for i, v := range max {
		b[i] = float32(v)
		if float64(b[i]) < v {
			b[i] = math.Nextafter32(b[i], float32(math.Inf(1)))
		}
	}
	c.mu.Lock()
	if c.bytes+4*len(b) > maxBoundBytes {
		clear(c.m)
		c.bytes = 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = b
		c.bytes += 4 * len(b)
	}
	c.mu.Unlock()
	return b, nil
}

// bound is n's score with the terms of mask at their bounds in block blk.
func (d *dsearch) bound(n *fnode, mask uint, blk uint64, bounds [][]float32) (float64, bool) {
	switch n.kind {
	case fTerm:
		if mask&(1<<n.leaf) == 0 {
			return 0, false
		}
		s := float64(bounds[n.leaf][blk]) * n.idf
		if n.queryWeight != 1.0 {
			s = s * n.queryWeight
		}
		return s, true
	case fConj:
		var sum float64
		for _, c := range n.children {
			s, ok := d.bound(c, mask, blk, bounds)
			if !ok {
				return 0, false
			}
			sum += s
		}
		return sum, true
	}
	var sum float64
	matched := 0
	for _, c := range n.children {
		if s, ok := d.bound(c, mask, blk, bounds); ok {
			sum += s
			matched++
		}
	}
	if matched == 0 {
		return 0, false
	}
	coord := float64(matched) / float64(len(n.children))
	return sum * coord, true
}

// pclass is the hits of a segment that have the same terms of the query.
type pclass struct {
	hits *roaring.Bitmap
	mask uint      // the terms the class has
	ub   []float64 // its bound in each block; -1 where it has no hit
	seed []bool    // the blocks scored first
}

// cand is a block of a class of hits, its bound and its number of hits.
type cand struct {
	ub    float64
	n     uint64
	seg   int
	class int
	blk   uint64
}

// candHeap is a max-heap of blocks by bound.
type candHeap []cand

func (h candHeap) Len() int           { return len(h) }
func (h candHeap) Less(i, j int) bool { return h[i].ub > h[j].ub }
func (h candHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any)        { *h = append(*h, x.(cand)) }
func (h *candHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// pseg is a segment as topPruned scores it.
type pseg struct {
	pls     []segment.PostingsList // each term's, without exceptions
	classes []pclass
	nblk    uint64
}

// topPruned is top, skipping blocks that cannot reach the page. The blocks
// with the best bounds (enough for twice the page) are scored first, so
// that the page's lowest score is high when the others are considered;
// each pass goes through a segment in index order, so that each term's
// postings only move forward.
func (d *dsearch) topPruned(ctx context.Context, k int) ([]dhit, error) {
	segs := d.snap.Segments()
	d.bounds.sweep(segs)
	ps := make([]*pseg, len(segs))
	var cands []cand
	bounds := make([][]float32, len(d.leaves))
	for si, s := range segs {
		hits := d.hits[si]
		if hits.IsEmpty() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := &pseg{pls: make([]segment.PostingsList, len(d.leaves)), classes: []pclass{{hits: hits}}}
		ps[si] = p
		for l, n := range d.leaves {
			dict, err := s.Segment().Dictionary(n.field)
			if err != nil {
				return nil, err
			}
			// Without the deleted documents as exceptions, so that zap
			// advances its postings iterator without walking every
			// posting in between; hits holds no deleted document.
			pl, err := dict.PostingsList(n.term, nil, nil)
			if err != nil {
				return nil, err
			}
			p.pls[l] = pl
			if bounds[l], err = d.bounds.get(s.Segment(), n.field, n.term, pl); err != nil {
				return nil, err
			}
			has, err := d.bitmap(s, n)
			if err != nil {
				return nil, err
			}
			var next []pclass
			for _, c := range p.classes {
				if in := roaring.And(c.hits, has); !in.IsEmpty() {
					next = append(next, pclass{hits: in, mask: c.mask | 1<<l})
				}
				if out := roaring.AndNot(c.hits, has); !out.IsEmpty() {
					next = append(next, pclass{hits: out, mask: c.mask})
				}
			}
			p.classes = next
		}
		p.nblk = uint64(s.Segment().Count()>>blockBits + 1)
		counts := make([]uint32, p.nblk)
		buf := make([]uint32, 256)
		for ci := range p.classes {
			c := &p.classes[ci]
			c.ub = make([]float64, p.nblk)
			c.seed = make([]bool, p.nblk)
			clear(counts)
			it := c.hits.ManyIterator()
			for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
				for _, doc := range buf[:n] {
					counts[doc>>blockBits]++
				}
			}
			for blk := range p.nblk {
				c.ub[blk] = -1
				if counts[blk] == 0 {
					continue
				}
				ub, ok := d.bound(d.q.must, c.mask, blk, bounds)
				if !ok {
					continue
				}
				c.ub[blk] = ub
				cands = append(cands, cand{ub: ub, n: uint64(counts[blk]), seg: si, class: ci, blk: blk})
			}
		}
	}
	// The best blocks, enough for twice the page, without sorting them all.
	ch := candHeap(cands)
	heap.Init(&ch)
	for n := uint64(0); len(ch) > 0 && n < 2*uint64(k); {
		c := heap.Pop(&ch).(cand)
		ps[c.seg].classes[c.class].seed[c.blk] = true
		n += c.n
	}

	h := make([]dhit, 0, k)
	for _, seeds := range []bool{true, false} {
		for si, p := range ps {
			if p == nil {
				continue
			}
			var err error
			if h, err = d.scoreSegment(ctx, si, p, seeds, h, k); err != nil {
				return nil, err
			}
		}
	}
	sort.Slice(h, func(i, j int) bool { return worse(h[j], h[i]) })
	return h, nil
}

// scoreSegment scores the seed blocks of segment si (seeds) or the others,
// those that may still reach the page h of k hits, into h.
func (d *dsearch) scoreSegment(ctx context.Context, si int, p *pseg, seeds bool, h []dhit, k int) ([]dhit, error) {
	its := make([]segment.PostingsIterator, len(d.leaves))
	at := make([]uint64, len(d.leaves))
	started := make([]bool, len(d.leaves))
	done := make([]bool, len(d.leaves))
	freq := make([]uint64, len(d.leaves))
	norm := make([]float64, len(d.leaves))
	for l, pl := range p.pls {
		its[l] = pl.Iterator(true, true, false, nil)
	}
	it := d.hits[si].Iterator()
	var live []*pclass
	for blk := range p.nblk {
		live = live[:0]
		for i := range p.classes {
			c := &p.classes[i]
			if c.ub[blk] >= 0 && c.seed[blk] == seeds && (len(h) < k || c.ub[blk] >= h[0].score) {
				live = append(live, c)
			}
		}
		if len(live) == 0 {
			continue
		}
		if blk&63 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		lo, hi := blk<<blockBits, (blk+1)<<blockBits
		it.AdvanceIfNeeded(uint32(lo))
		for it.HasNext() {
			doc32 := it.PeekNext()
			doc := uint64(doc32)
			if doc >= hi {
				break
			}
			it.Next()
			var c *pclass
			for _, lc := range live {
				if lc.hits.Contains(doc32) {
					c = lc
					break
				}
			}
			if c == nil || len(h) == k && c.ub[blk] < h[0].score {
				continue
			}
			for l := range d.leaves {
				if c.mask&(1<<l) == 0 {
					done[l] = true // for this document
					continue
				}
				done[l] = false
				p, err := its[l].Advance(doc)
				if err != nil {
					return nil, err
				}
				if p == nil || p.Number() != doc {
					return nil, fmt.Errorf("index: the postings of %s:%s lack document %d of their bitmap", d.leaves[l].field, d.leaves[l].term, doc)
				}
				started[l] = true
				at[l], freq[l], norm[l] = doc, p.Frequency(), p.Norm()
			}
			score, _ := d.score(d.q.must, doc, at, started, done, freq, norm)
			hit := dhit{score: score, seg: si, num: doc}
			switch {
			case len(h) < k:
				h = append(h, hit)
				up(h, len(h)-1)
			case worse(h[0], hit):
				h[0] = hit
				down(h, 0)
			}
		}
	}
	return h, nil
}

// search makes n's Bleve searcher, which scores, and reads the documents
// it matches, by segment, through a second one that does not.
func (d *dsearch) search(n *fnode) error {
	ctx := context.Background()
	if d.sctx == nil {
		d.sctx = &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(16, 0)}
	}
	var err error
	if n.searcher, err = n.q.Searcher(ctx, d.snap, d.m, search.SearcherOptions{}); err != nil {
		return err
	}
	d.searchers = append(d.searchers, n)
	n.count, n.sweight = n.searcher.Count(), n.searcher.Weight()
	if n.all, err = n.q.Searcher(ctx, d.snap, d.m, search.SearcherOptions{Score: "none"}); err != nil {
		return err
	}
	n.allCtx = &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(n.all.DocumentMatchPoolSize()+1, 0)}
	return nil
}

// filter keeps the documents of cand, in segment s, that n's searcher
// matches, advancing it to each: segments come in order, so it only moves
// forward, and it reads only the documents the other conjuncts leave.
func (d *dsearch) filter(s *scorch.SegmentSnapshot, n *fnode, cand *roaring.Bitmap) (*roaring.Bitmap, error) {
	out := roaring.New()
	off := d.offsetOf[s]
	it := cand.Iterator()
	for it.HasNext() && !n.allEnded {
		num := off + uint64(it.Next())
		if n.allAt == nil || n.allAt.IndexInternalID.Value() < num {
			if n.allAt != nil {
				n.allCtx.DocumentMatchPool.Put(n.allAt)
			}
			var err error
			if n.allAt, err = n.all.Advance(n.allCtx, index.NewIndexInternalID(nil, num)); err != nil {
				return nil, err
			}
			if n.allAt == nil {
				n.allEnded = true
				break
			}
		}
		if n.allAt.IndexInternalID.Value() == num {
			out.Add(uint32(num - off))
		}
	}
	return out, nil
}

// advanceSearchers moves the fSearch nodes' searchers to the document
// numbered num in the index, which comes after the last.
func (d *dsearch) advanceSearchers(num uint64) error {
	d.curNum = num
	for _, n := range d.searchers {
		if n.ended || n.cur != nil && n.curNum >= num {
			continue
		}
		if n.cur != nil {
			d.sctx.DocumentMatchPool.Put(n.cur)
		}
		var err error
		n.cur, err = n.searcher.Advance(d.sctx, index.NewIndexInternalID(nil, num))
		if err != nil {
			return err
		}
		if n.cur == nil {
			n.ended = true
			continue
		}
		n.curNum = n.cur.IndexInternalID.Value()
	}
	return nil
}

// closeSearchers closes the fSearch nodes' searchers.
func (d *dsearch) closeSearchers() {
	for _, n := range d.searchers {
		n.searcher.Close()
		if n.all != nil {
			n.all.Close()
		}
	}
}
