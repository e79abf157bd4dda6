package index

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/derrors"
)

const (
	// MaxSize is the most hits one page may ask for.
	MaxSize = 100
	// MaxFrom bounds paging: Bleve keeps from+size hits in memory to find
	// one page, and nobody reads past the ten-thousandth hit.
	MaxFrom = 10000
	// MaxQuery bounds the query's length in characters.
	MaxQuery = 1000
)

// Request is a search: the query language of parseQuery plus filters.
// Every front end fills one and Search checks it with Validate, so that
// the command line and the HTTP API accept the same requests.
type Request struct {
	Query    string
	From     int
	Size     int
	Sort     string // "relevance" (default), "date" or "-date"
	YearFrom int    // 0 for no lower bound
	YearTo   int    // 0 for no upper bound
	Region   string
	Doctype  string // one of Doctypes, in any case
	Campaign string
	// Facets names the facets to count: year, region, doctype, campaign.
	Facets    []string
	Highlight bool
	// AllCopies lists every copy of a report; by default only canonical
	// copies and documents without copies match.
	AllCopies bool
}

// Doctypes are the values the doctype filter accepts.
var Doctypes = []string{corpus.DoctypeSpeech, corpus.DoctypeSummary, corpus.DoctypeNews, corpus.DoctypeExperience, corpus.DoctypeOther}

// Sorts are the orders Sort accepts; "" means relevance.
var Sorts = []string{"relevance", "date", "-date"}

// facetFields maps a facet's name to the index field it counts.
var facetFields = map[string]string{"year": "year", "region": "province", "doctype": "doctype", "campaign": "campaign"}

// Validate checks every parameter of the request and names the first bad
// one in a *derrors.ParamError.
func (r *Request) Validate() error {
	if n := utf8.RuneCountInString(r.Query); n > MaxQuery {
		return derrors.BadParam("q", "query is %d characters long; at most %d", n, MaxQuery)
	}
	if r.From < 0 || r.From > MaxFrom {
		return derrors.BadParam("from", "must be 0..%d", MaxFrom)
	}
	if r.Size < 0 || r.Size > MaxSize {
		return derrors.BadParam("size", "must be 0..%d", MaxSize)
	}
	if r.Sort != "" && !slices.Contains(Sorts, r.Sort) {
		return derrors.BadParam("sort", "unknown sort %q (%s)", r.Sort, strings.Join(Sorts, ", "))
	}
	for _, y := range []int{r.YearFrom, r.YearTo} {
		if y != 0 && !validYear(y) {
			return derrors.BadParam("year", "%d is not a year", y)
		}
	}
	if r.YearFrom != 0 && r.YearTo != 0 && r.YearFrom > r.YearTo {
		return derrors.BadParam("year", "range %d-%d runs backwards", r.YearFrom, r.YearTo)
	}
	if d := normDoctype(r.Doctype); d != "" && !slices.Contains(Doctypes, d) {
		return derrors.BadParam("doctype", "unknown doctype %q (%s)", r.Doctype, strings.Join(Doctypes, ", "))
	}
	for _, f := range r.Facets {
		if _, ok := facetFields[f]; !ok {
			return derrors.BadParam("facets", "unknown facet %q (year, region, doctype, campaign)", f)
		}
	}
	_, err := parseQuery(r.Query)
	return err
}

func normDoctype(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func validYear(y int) bool { return y >= 1000 && y <= 9999 }

// ParseYears reads the year filter as people write it: "" for none,
// "2011", or a range "2010-2012".
func ParseYears(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, nil
	}
	year := func(t string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(t))
		return n, err == nil && validYear(n)
	}
	a, b, isRange := strings.Cut(s, "-")
	var ok bool
	if from, ok = year(a); !ok {
		return 0, 0, derrors.BadParam("year", "%q is not a year or a range like 2010-2012", s)
	}
	to = from
	if isRange {
		if to, ok = year(b); !ok {
			return 0, 0, derrors.BadParam("year", "%q is not a year or a range like 2010-2012", s)
		}
	}
	if from > to {
		return 0, 0, derrors.BadParam("year", "range %s runs backwards", s)
	}
	return from, to, nil
}

// ParseFacets reads a comma-separated list of facet names, dropping
// spaces, empty items and repeats; Validate checks the names.
func ParseFacets(s string) []string {
	var out []string
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
