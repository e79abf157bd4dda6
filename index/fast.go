package index

import (
	"context"
	"math"
	"slices"
	"sort"

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
// the cost of a query for a common word. Anything else (numeric ranges,
// longer phrases, sorts by date, other scoring models) goes to Bleve.

// fnode is a query as the direct path evaluates it.
type fnode struct {
	kind     fkind
	field    string
	term     []byte
	boost    float64
	children []*fnode // in the order Bleve's searcher keeps them

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
		return nil, false
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
		bm, err := bitmap(s, d.q.must)
		if err != nil {
			return err
		}
		for _, n := range d.q.mustNot {
			if bm.IsEmpty() {
				break
			}
			not, err := bitmap(s, n)
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
	if n.kind == fTerm {
		n.queryWeight = n.boost * n.idf * norm
		return
	}
	for _, c := range n.children {
		d.setNorm(c, norm)
	}
}

// bitmap is the live documents of segment s that match n.
func bitmap(s *scorch.SegmentSnapshot, n *fnode) (*roaring.Bitmap, error) {
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
	for _, c := range n.children {
		bm, err := bitmap(s, c)
		if err != nil {
			return nil, err
		}
		if n.kind == fConj && bm.IsEmpty() {
			return bm, nil
		}
		bms = append(bms, bm)
	}
	if n.kind == fConj {
		return roaring.FastAnd(bms...), nil
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
			pl, err := dict.PostingsList(n.term, s.Deleted(), nil)
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
	if err := p.fill(ctx, snap, fq, r); err != nil {
		closeSnap()
		return nil, err
	}
	return p, nil
}

func (p *page) fill(ctx context.Context, snap *scorch.IndexSnapshot, fq *fquery, r Request) error {
	d := &dsearch{snap: snap, q: fq}
	if err := d.prepare(ctx); err != nil {
		return err
	}
	p.total = d.total
	top, err := d.top(ctx, r.From+r.Size)
	if err != nil {
		return err
	}
	segs := snap.Segments()
	for i := r.From; i < len(top); i++ {
		id, err := segs[top[i].seg].DocID(top[i].num)
		if err != nil {
			return err
		}
		p.hits = append(p.hits, &search.DocumentMatch{ID: string(id), Score: top[i].score})
	}
	for _, f := range r.Facets {
		if p.facets[f], err = d.facet(ctx, facetFields[f], facetSize); err != nil {
			return err
		}
	}
	return nil
}
