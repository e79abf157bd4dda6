package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// MaxSize is the most hits one page may ask for.
const MaxSize = 100

// Request is a search: the query language of parseQuery plus filters.
type Request struct {
	Query    string
	From     int
	Size     int
	Sort     string // "relevance" (default), "date" or "-date"
	YearFrom int    // 0 for no lower bound
	YearTo   int    // 0 for no upper bound
	Region   string
	Doctype  string
	Campaign string
	// Facets names the facets to count: year, region, doctype, campaign.
	Facets    []string
	Highlight bool
	// AllCopies lists every copy of a report; by default only canonical
	// copies and documents without copies match.
	AllCopies bool
}

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
	// Copies is how many other places hold a copy of this document.
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

var facetFields = map[string]string{"year": "year", "region": "province", "doctype": "doctype", "campaign": "campaign"}

// Validate checks the request's parameters.
func (r *Request) Validate() error {
	if r.From < 0 {
		return &InvalidError{Param: "from", Msg: "must not be negative"}
	}
	if r.Size < 0 || r.Size > MaxSize {
		return &InvalidError{Param: "size", Msg: fmt.Sprintf("must be 0..%d", MaxSize)}
	}
	switch r.Sort {
	case "", "relevance", "date", "-date":
	default:
		return &InvalidError{Param: "sort", Msg: fmt.Sprintf("unknown sort %q (relevance, date, -date)", r.Sort)}
	}
	if r.YearFrom != 0 && r.YearTo != 0 && r.YearFrom > r.YearTo {
		return &InvalidError{Param: "year", Msg: fmt.Sprintf("range %d-%d runs backwards", r.YearFrom, r.YearTo)}
	}
	for _, f := range r.Facets {
		if _, ok := facetFields[f]; !ok {
			return &InvalidError{Param: "facets", Msg: fmt.Sprintf("unknown facet %q (year, region, doctype, campaign)", f)}
		}
	}
	_, err := parseQuery(r.Query)
	return err
}

// buildQuery turns the request into a Bleve query.
func (r *Request) buildQuery() (query.Query, error) {
	clauses, err := parseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	var must, mustNot []query.Query
	for _, c := range clauses {
		if c.negate {
			mustNot = append(mustNot, c.query())
		} else {
			must = append(must, c.query())
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
		must = append(must, clause{field: "region", value: r.Region}.query())
	}
	if r.Doctype != "" {
		must = append(must, clause{field: "doctype", value: r.Doctype}.query())
	}
	if r.Campaign != "" {
		must = append(must, clause{field: "campaign", value: r.Campaign}.query())
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
	b.AddMust(must...)
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	return b, nil
}

// Search runs the request.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	q, err := r.buildQuery()
	if err != nil {
		return nil, err
	}
	size := r.Size
	req := bleve.NewSearchRequestOptions(q, size, r.From, false)
	req.Fields = []string{"title", "date_str", "region_str", "doctype", "source", "url", "copies"}
	switch r.Sort {
	case "date":
		req.SortBy([]string{"date", "-_score", "_id"})
	case "-date":
		req.SortBy([]string{"-date", "-_score", "_id"})
	default:
		req.SortBy([]string{"-_score", "_id"})
	}
	if r.Highlight {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("text")
	}
	for _, f := range r.Facets {
		req.AddFacet(f, bleve.NewFacetRequest(facetFields[f], 50))
	}
	start := time.Now()
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	if len(r.Facets) > 0 {
		out.Facets = map[string][]FacetCount{}
		for name, fr := range res.Facets {
			counts := []FacetCount{}
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
				}
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

func toHit(h *search.DocumentMatch) Hit {
	str := func(k string) string {
		s, _ := h.Fields[k].(string)
		return s
	}
	hit := Hit{
		ID: h.ID, Title: str("title"), Date: str("date_str"), Region: str("region_str"),
		Doctype: str("doctype"), Source: str("source"), URL: str("url"), Score: h.Score,
		Snippets: []string{},
	}
	if n, ok := h.Fields["copies"].(float64); ok {
		hit.Copies = int(n)
	}
	for _, frag := range h.Fragments["text"] {
		hit.Snippets = append(hit.Snippets, strings.TrimSpace(frag))
	}
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
	q, err := r.buildQuery()
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
