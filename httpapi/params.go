package httpapi

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
)

const (
	defaultSize = 10
	// maxFrom bounds paging: the index keeps from+size hits in memory to
	// find one page, and nobody reads past the ten-thousandth hit.
	maxFrom = 10000
	// maxQuery bounds the query's length in characters.
	maxQuery = 1000
)

var doctypes = []string{corpus.DoctypeSpeech, corpus.DoctypeSummary, corpus.DoctypeNews, corpus.DoctypeExperience, corpus.DoctypeOther}

// searchRequest reads the query and filters every search-based endpoint
// shares: q, from, size, sort, year, region, doctype, campaign, facets,
// all_copies.
func searchRequest(v url.Values) (index.Request, error) {
	req := index.Request{
		Query:    strings.TrimSpace(v.Get("q")),
		Size:     defaultSize,
		Sort:     v.Get("sort"),
		Region:   strings.TrimSpace(v.Get("region")),
		Campaign: strings.TrimSpace(v.Get("campaign")),
	}
	if n := utf8.RuneCountInString(req.Query); n > maxQuery {
		return req, badParam("q", "query is %d characters long; at most %d", n, maxQuery)
	}
	var err error
	if req.From, err = intParam(v, "from", 0, 0, maxFrom); err != nil {
		return req, err
	}
	if req.Size, err = intParam(v, "size", defaultSize, 0, index.MaxSize); err != nil {
		return req, err
	}
	switch req.Sort {
	case "", "relevance", "date", "-date":
	default:
		return req, badParam("sort", "unknown sort %q (relevance, date, -date)", req.Sort)
	}
	if req.YearFrom, req.YearTo, err = parseYears(v.Get("year")); err != nil {
		return req, err
	}
	if d := strings.ToLower(strings.TrimSpace(v.Get("doctype"))); d != "" {
		if !slices.Contains(doctypes, d) {
			return req, badParam("doctype", "unknown doctype %q (%s)", d, strings.Join(doctypes, ", "))
		}
		req.Doctype = d
	}
	if req.AllCopies, err = boolParam(v, "all_copies"); err != nil {
		return req, err
	}
	if f := v.Get("facets"); f != "" {
		for _, name := range strings.Split(f, ",") {
			if name = strings.TrimSpace(name); name != "" && !slices.Contains(req.Facets, name) {
				req.Facets = append(req.Facets, name)
			}
		}
	}
	// The index checks the query language and the facet names, and names
	// the parameter at fault.
	if err := req.Validate(); err != nil {
		return req, err
	}
	return req, nil
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q is not a whole number in %d..%d", s, lo, hi)
	}
	return n, nil
}

// boolParam reads a flag parameter: 1 or true sets it; 0, false or
// absence leaves it unset.
func boolParam(v url.Values, name string) (bool, error) {
	switch s := strings.ToLower(strings.TrimSpace(v.Get(name))); s {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, badParam(name, "%q is not 1 or 0", s)
	}
}

// parseYears reads "", "2011" or "2010-2012".
func parseYears(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, nil
	}
	a, b, isRange := strings.Cut(s, "-")
	year := func(t string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(t))
		return n, err == nil && n >= 1000 && n <= 9999
	}
	var ok bool
	if from, ok = year(a); !ok {
		return 0, 0, badParam("year", "%q is not a year or a range like 2010-2012", s)
	}
	to = from
	if isRange {
		if to, ok = year(b); !ok {
			return 0, 0, badParam("year", "%q is not a year or a range like 2010-2012", s)
		}
	}
	if from > to {
		return 0, 0, badParam("year", "range %s runs backwards", s)
	}
	return from, to, nil
}
