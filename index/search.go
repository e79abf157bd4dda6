package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Hit is one matching document.
type Hit struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Date     string   `json:"date"`
	Region   string   `json:"region"`
	Doctype  string   `json:"doctype"`
	Source   string   `json:"source"`
	URL      string   `json:"url"`
	Score    float64  `json:"score"`
	Snippets []string `json:"snippets"`
	// Copies is how many other places hold a copy of this document. The
	// index knows only whether a document is canonical; callers that want
	// the count join it from the store with Result.CountCopies.
	Copies int `json:"copies"`
}

// FacetCount is one value of a facet and how many hits have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is one page of hits.
type Result struct {
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// buildQuery turns the request into a Bleve query, and returns with it
// the parts of it that find words in the text, which highlights mark.
// pairs says whether the index has the text_pairs field.
func (r *Request) buildQuery(pairs bool) (q query.Query, text []textTerms, err error) {
	clauses, err := parseQuery(r.Query)
	if err != nil {
		return nil, nil, err
	}
	var must, mustNot []query.Query
	for _, c := range clauses {
		if c.negate {
			mustNot = append(mustNot, c.query(pairs))
			continue
		}
		must = append(must, c.query(pairs))
		if t, ok := c.textTerms(); ok {
			text = append(text, t)
		}
	}
	if r.YearFrom != 0 || r.YearTo != 0 {
		var lo, hi *float64
		if r.YearFrom != 0 {
			v := float64(r.YearFrom)
			lo = &v
		}
		if r.YearTo != 0 {
			v := float64(r.YearTo)
			hi = &v
		}
		incl := true
		q := bleve.NewNumericRangeInclusiveQuery(lo, hi, &incl, &incl)
		q.SetField("year_num")
		must = append(must, q)
	}
	if r.Region != "" {
		must = append(must, clause{field: "region", value: r.Region}.query(pairs))
	}
	if d := normDoctype(r.Doctype); d != "" {
		must = append(must, clause{field: "doctype", value: d}.query(pairs))
	}
	if r.Campaign != "" {
		must = append(must, clause{field: "campaign", value: r.Campaign}.query(pairs))
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	if !r.AllCopies {
		// Excluding non-canonical copies, rather than requiring canonical
		// ones, keeps documents indexed before the field existed.
		q := bleve.NewBoolFieldQuery(false)
		q.SetField("canonical")
		mustNot = append(mustNot, q)
	}
	b := bleve.NewBooleanQuery()
	if len(must) == 1 {
		// Not in a conjunction of one, which costs a step a document.
		b.Must = must[0]
	} else {
		b.AddMust(must...)
	}
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	return b, text, nil
}

// Search runs the request.
//
// It finds the page's hits first, and only then the places of the query's
// words in those hits, for highlights: asking Bleve for highlights makes
// every term searcher of the query decode the term vectors of every
// matching document, not just of the page's, which was most of the cost of
// a query for a common word.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	q, text, err := r.buildQuery(x.pairs)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, r.Size, r.From, false)
	// No tie-break on _id: sorting on it loads every matching document's
	// ID from its stored fields. Bleve breaks ties by index order, which is
	// stable for a given index.
	switch r.Sort {
	case "date":
		req.SortBy([]string{"date", "-_score"})
	case "-date":
		req.SortBy([]string{"-date", "-_score"})
	}
	start := time.Now()
	p, err := x.direct(ctx, r, q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	if p == nil {
		for _, f := range r.Facets {
			req.AddFacet(f, bleve.NewFacetRequest(facetFields[f], facetSize))
		}
		res, err := x.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", r.Query, err)
		}
		p = &page{total: res.Total, hits: res.Hits, doc: x.b.Document, facets: map[string][]*search.TermFacet{}}
		for name, fr := range res.Facets {
			if fr.Terms != nil {
				p.facets[name] = fr.Terms.Terms()
			} else {
				p.facets[name] = nil
			}
		}
	} else {
		defer p.close()
	}
	var locs map[string]search.TermLocationMap
	if r.Highlight && len(p.hits) > 0 {
		if p.locate != nil {
			locs, err = p.locate(text)
		} else {
			locs, err = x.locations(ctx, p.hits, text)
		}
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", r.Query, err)
		}
	}
	out := &Result{Total: p.total, Hits: make([]Hit, 0, len(p.hits))}
	for _, h := range p.hits {
		doc, err := p.doc(h.ID)
		if err != nil {
			return nil, fmt.Errorf("search %q: load %s: %w", r.Query, h.ID, err)
		}
		if doc == nil {
			continue // deleted since the search
		}
		hit := toHit(h, doc)
		if r.Highlight {
			hit.Snippets, err = snippets(doc, marks(locs[h.ID], text))
			if err != nil {
				return nil, err
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if len(r.Facets) > 0 {
		out.Facets = map[string][]FacetCount{}
		for name, terms := range p.facets {
			counts := []FacetCount{}
			for _, t := range terms {
				// Documents without a value (no province, say) index
				// an empty term, which is no value to filter by.
				if t.Term == "" {
					continue
				}
				counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
			}
			sort.SliceStable(counts, func(i, j int) bool {
				if counts[i].Count != counts[j].Count {
					return counts[i].Count > counts[j].Count
				}
				return counts[i].Value < counts[j].Value
			})
			out.Facets[name] = counts
		}
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// CopyCounter says how many other documents hold a copy of each of ids;
// *corpus.Store is one.
type CopyCounter interface {
	CopyCounts(ctx context.Context, ids []string) (map[string]int, error)
}

// CountCopies fills in each hit's Copies from c, which knows the clusters.
func (r *Result) CountCopies(ctx context.Context, c CopyCounter) error {
	if len(r.Hits) == 0 {
		return nil
	}
	ids := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		ids[i] = h.ID
	}
	counts, err := c.CopyCounts(ctx, ids)
	if err != nil {
		return fmt.Errorf("count copies: %w", err)
	}
	for i := range r.Hits {
		r.Hits[i].Copies = counts[r.Hits[i].ID]
	}
	return nil
}

// locations finds where the words of the text clauses occur in the text
// of each hit, by hit ID. Each word is a term query, which Bleve only
// advances to the hits; a phrase query would also read, from the first
// document on, every document with all the words until it found the
// phrase, and marks picks the phrases out afterwards.
func (x *Index) locations(ctx context.Context, hits search.DocumentMatchCollection, text []textTerms) (map[string]search.TermLocationMap, error) {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(bleve.NewDocIDQuery(ids))
	seen := map[string]bool{}
	for _, t := range text {
		for _, w := range t.words {
			if !seen[w] {
				seen[w] = true
				tq := bleve.NewTermQuery(w)
				tq.SetField("text")
				// A hit may have a word only in its title: each is optional.
				b.AddShould(tq)
			}
		}
	}
	req := bleve.NewSearchRequestOptions(b, len(ids), 0, false)
	req.IncludeLocations = true
	req.Score = bleve.ScoreNone
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]search.TermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Locations["text"]
	}
	return out, nil
}

var htmlHighlighter = sync.OnceValues(func() (highlight.Highlighter, error) {
	return bleve.Config.Cache.HighlighterNamed("html")
})

// snippets is the best fragment of doc's text around the marked places,
// or the start of the text when none is marked.
func snippets(doc index.Document, marked search.TermLocationMap) ([]string, error) {
	h, err := htmlHighlighter()
	if err != nil {
		return nil, err
	}
	dm := &search.DocumentMatch{Locations: search.FieldTermLocationMap{"text": marked}}
	out := []string{}
	for _, frag := range h.BestFragmentsInField(dm, doc, "text", 1) {
		out = append(out, strings.TrimSpace(frag))
	}
	return out, nil
}

// toHit makes a hit of a search hit and its stored fields.
func toHit(h *search.DocumentMatch, doc index.Document) Hit {
	hit := Hit{ID: h.ID, Score: h.Score, Snippets: []string{}}
	text := map[string]*string{"title": &hit.Title, "date_str": &hit.Date, "region_str": &hit.Region,
		"doctype": &hit.Doctype, "source": &hit.Source, "url": &hit.URL}
	doc.VisitFields(func(f index.Field) {
		if t, ok := f.(index.TextField); ok && text[f.Name()] != nil {
			*text[f.Name()] = t.Text()
		}
	})
	return hit
}

// MatchingIDs calls fn with the ID of every document matching the
// request's query and filters, in ID order, a page at a time, so that an
// export of a large result does not hold it in memory.
func (x *Index) MatchingIDs(ctx context.Context, r Request, fn func(id string) error) error {
	r.From, r.Size, r.Facets, r.Highlight, r.Sort = 0, 0, nil, false, ""
	// Exports list every copy; report marks the non-canonical ones.
	r.AllCopies = true
	if err := r.Validate(); err != nil {
		return err
	}
	q, _, err := r.buildQuery(x.pairs)
	if err != nil {
		return err
	}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, 5000, 0, false)
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := x.b.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("search %q: %w", r.Query, err)
		}
		if len(res.Hits) == 0 {
			return nil
		}
		for _, h := range res.Hits {
			if err := fn(h.ID); err != nil {
				return err
			}
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}
