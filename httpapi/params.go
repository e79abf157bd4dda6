package httpapi

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
)

const defaultSize = 10

// searchRequest reads the query and filters every search-based endpoint
// shares: q, from, size, sort, year, region, doctype, campaign, facets,
// all_copies. It only reads the parameters' HTTP spelling; the request's
// own Validate judges them, as it does for the command line.
func searchRequest(v url.Values) (index.Request, error) {
	req := index.Request{
		Query:    strings.TrimSpace(v.Get("q")),
		Size:     defaultSize,
		Sort:     v.Get("sort"),
		Region:   strings.TrimSpace(v.Get("region")),
		Doctype:  strings.ToLower(strings.TrimSpace(v.Get("doctype"))),
		Campaign: strings.TrimSpace(v.Get("campaign")),
		Facets:   index.ParseFacets(v.Get("facets")),
	}
	var err error
	if req.From, err = intParam(v, "from", 0, 0, index.MaxFrom); err != nil {
		return req, err
	}
	if req.Size, err = intParam(v, "size", defaultSize, 0, index.MaxSize); err != nil {
		return req, err
	}
	if req.YearFrom, req.YearTo, err = index.ParseYears(v.Get("year")); err != nil {
		return req, err
	}
	if req.AllCopies, err = boolParam(v, "all_copies"); err != nil {
		return req, err
	}
	return req, req.Validate()
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, derrors.BadParam(name, "%q is not a whole number in %d..%d", s, lo, hi)
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
		return false, derrors.BadParam(name, "%q is not 1 or 0", s)
	}
}
