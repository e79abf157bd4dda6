package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
	"github.com/unionscope/unionscope/report"
)

// format reads the format parameter: one of allowed, the first by default.
func format(r *http.Request, allowed ...string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("format")))
	if f == "" {
		return allowed[0], nil
	}
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	return "", derrors.BadParam("format", "unknown format %q (%s)", f, strings.Join(allowed, ", "))
}

// tableRequest reads the filters of a table endpoint. The tables walk
// every matching document, so paging and facets do not apply.
func tableRequest(r *http.Request) (index.Request, error) {
	req, err := searchRequest(r.URL.Query())
	req.From, req.Size, req.Facets, req.Sort = 0, 0, nil, ""
	return req, err
}

// startDownload sets the headers of a streamed table; writeError takes
// them back if the table fails before its first byte.
func startDownload(w http.ResponseWriter, contentType, filename string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if filename != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	}
}

// jsonArray streams a JSON array one element at a time, so that a long
// table is valid JSON without being held in memory.
type jsonArray struct {
	w   io.Writer
	enc *json.Encoder
	n   int
}

func newJSONArray(w io.Writer) *jsonArray {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonArray{w: w, enc: enc}
}

func (a *jsonArray) add(v any) error {
	sep := ","
	if a.n == 0 {
		sep = "[\n"
	}
	a.n++
	if _, err := io.WriteString(a.w, sep); err != nil {
		return err
	}
	return a.enc.Encode(v)
}

func (a *jsonArray) close() error {
	end := "]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}

// metrics answers GET /api/metrics: every quantity of the matching
// documents, as a JSON array, JSON lines, or the CSV the metrics command
// writes, streamed.
func (s *Server) metrics(w http.ResponseWriter, r *http.Request) error {
	req, err := tableRequest(r)
	if err != nil {
		return err
	}
	cats, err := report.ParseCategories(r.URL.Query().Get("category"))
	if err != nil {
		return err
	}
	f, err := format(r, "json", "csv", "jsonl")
	if err != nil {
		return err
	}
	canonicalOnly, err := boolParam(r.URL.Query(), "canonical_only")
	if err != nil {
		return err
	}
	q := report.MetricQuery{Search: req, Categories: cats, CanonicalOnly: canonicalOnly}
	switch f {
	case "csv":
		startDownload(w, "text/csv; charset=utf-8", "metrics.csv")
		// The byte-order mark makes Excel read the file as UTF-8.
		return writeMetrics(r, s, q, func() rowWriter[report.MetricRow] { return report.NewMetricCSV(w, true) })
	case "jsonl":
		startDownload(w, "application/x-ndjson; charset=utf-8", "")
		return writeMetrics(r, s, q, func() rowWriter[report.MetricRow] { return report.NewMetricJSONL(w) })
	}
	startDownload(w, "application/json; charset=utf-8", "")
	arr := newJSONArray(w)
	err = report.Metrics(r.Context(), s.Store, s.Index, q, func(row report.MetricRow) error { return arr.add(row) })
	if err != nil {
		return err
	}
	return arr.close()
}

func writeMetrics(r *http.Request, s *Server, q report.MetricQuery, open func() rowWriter[report.MetricRow]) error {
	lw := &lazyWriter[report.MetricRow]{open: open}
	if err := report.Metrics(r.Context(), s.Store, s.Index, q, lw.Write); err != nil {
		return err
	}
	return lw.Close()
}

// rowWriter is what report's table writers have in common.
type rowWriter[T any] interface {
	Write(T) error
	Close() error
}

// lazyWriter opens its writer at the first row, so that an error before
// any row (a bad query, a timeout) still gets a JSON error response
// rather than a truncated table that began with its header.
type lazyWriter[T any] struct {
	open func() rowWriter[T]
	w    rowWriter[T]
}

func (l *lazyWriter[T]) Write(row T) error {
	if l.w == nil {
		l.w = l.open()
	}
	return l.w.Write(row)
}

// Close writes the table, which is only its header when no row came.
func (l *lazyWriter[T]) Close() error {
	if l.w == nil {
		l.w = l.open()
	}
	return l.w.Close()
}

// campaignsBody is what GET /api/campaigns returns.
type campaignsBody struct {
	By        string                 `json:"by"`
	Campaigns []report.CampaignCount `json:"campaigns"`
}

// campaigns answers GET /api/campaigns: the campaigns the matching
// documents mention, with document and mention counts, per year or per
// region when by asks for it.
func (s *Server) campaigns(w http.ResponseWriter, r *http.Request) error {
	req, err := tableRequest(r)
	if err != nil {
		return err
	}
	by := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("by")))
	if err := report.CheckGrouping(by); err != nil {
		return err
	}
	counts, err := report.Campaigns(r.Context(), s.Store, s.Index, req, by)
	if err != nil {
		return err
	}
	if counts == nil {
		counts = []report.CampaignCount{}
	}
	writeJSON(w, http.StatusOK, campaignsBody{By: by, Campaigns: counts})
	return nil
}

const (
	defaultKWICWidth = 20
	defaultKWICLimit = 1000
	maxKWICLimit     = 100000
)

// kwic answers GET /api/kwic: keyword-in-context lines for the query's
// words in the matching documents, as a JSON array or the CSV the kwic
// command writes, streamed. The JSON form stops at limit lines (1000 by
// default); the CSV has every line unless limit says otherwise.
func (s *Server) kwic(w http.ResponseWriter, r *http.Request) error {
	req, err := tableRequest(r)
	if err != nil {
		return err
	}
	v := r.URL.Query()
	width, err := intParam(v, "width", defaultKWICWidth, 0, report.MaxWidth)
	if err != nil {
		return err
	}
	f, err := format(r, "json", "csv")
	if err != nil {
		return err
	}
	defLimit := defaultKWICLimit
	if f == "csv" {
		defLimit = 0
	}
	limit, err := intParam(v, "limit", defLimit, 0, maxKWICLimit)
	if err != nil {
		return err
	}
	if f == "csv" {
		startDownload(w, "text/csv; charset=utf-8", "kwic.csv")
		kw := &lazyWriter[report.KWICLine]{open: func() rowWriter[report.KWICLine] { return report.NewKWICCSV(w, true) }}
		if err := report.KWIC(r.Context(), s.Store, s.Index, req, width, limit, kw.Write); err != nil {
			return err
		}
		return kw.Close()
	}
	startDownload(w, "application/json; charset=utf-8", "")
	arr := newJSONArray(w)
	err = report.KWIC(r.Context(), s.Store, s.Index, req, width, limit, func(l report.KWICLine) error { return arr.add(l) })
	if err != nil {
		return err
	}
	return arr.close()
}
