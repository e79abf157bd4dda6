package httpapi

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
	"github.com/unionscope/unionscope/index"
)

// search answers GET /api/search with one page of ranked hits, their
// highlighted snippets and the facets asked for.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	req, err := searchRequest(r.URL.Query())
	if err != nil {
		return err
	}
	req.Highlight = req.Size > 0
	done, err := s.searchTurn(r.Context())
	if err != nil {
		return err
	}
	res, err := s.Index.Search(r.Context(), req)
	if err == nil {
		// Hits say where else a report is posted; the store knows.
		err = res.CountCopies(r.Context(), s.Store)
	}
	done()
	if err != nil {
		return err
	}
	body := searchBody{Result: res, Facets: res.Facets}
	if body.Facets == nil {
		body.Facets = map[string][]index.FacetCount{}
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// searchBody is index.Result with facets always present, empty when none
// were asked for, so that clients need not test for the key.
type searchBody struct {
	*index.Result
	Facets map[string][]index.FacetCount `json:"facets"`
}

// docIDPattern is the shape of corpus.DocID, checked so that a mistyped
// link says so instead of looking like a missing document.
var docIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// docBody is a stored document as the API returns it: the document, its
// text as one string (which metric offsets count into), where it was seen
// and its copies, and never a null list.
type docBody struct {
	*corpus.Document
	Text string `json:"text"`
	*dedup.Info
}

// doc answers GET /api/docs/{id} with the stored document, its metrics,
// its campaigns, its provenance, its copies and its containment links.
func (s *Server) doc(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !docIDPattern.MatchString(id) {
		return notFound("id", "no document "+id+" (ids are 16 hex digits)")
	}
	d, err := s.Store.Get(r.Context(), id)
	if errors.Is(err, corpus.ErrNotFound) {
		return notFound("id", "no document "+id)
	}
	if err != nil {
		return err
	}
	if d.Body == nil {
		d.Body = []string{}
	}
	if d.Metrics == nil {
		d.Metrics = []corpus.Metric{}
	}
	if d.Campaigns == nil {
		d.Campaigns = []corpus.Campaign{}
	}
	info, err := dedup.LoadInfo(r.Context(), s.Store, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, docBody{Document: d, Text: d.Text(), Info: info})
	return nil
}

// statsBody is what GET /api/stats reports.
type statsBody struct {
	Documents int `json:"documents"`
	// Indexed lags Documents by the changes the index has yet to apply.
	Indexed    uint64 `json:"indexed"`
	Metrics    int    `json:"metrics"`
	IndexBytes int64  `json:"index_bytes"`
	StoreSeq   int64  `json:"store_seq"`
	IndexSeq   int64  `json:"index_seq"`
	LastImport string `json:"last_import"`
	LastCrawl  string `json:"last_crawl"`
}

// stats answers GET /api/stats: the corpus's size and freshness.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var b statsBody
	var err error
	if b.Documents, err = s.Store.Count(ctx); err != nil {
		return err
	}
	if b.Metrics, err = s.Store.CountMetrics(ctx); err != nil {
		return err
	}
	if b.StoreSeq, err = s.Store.LastSeq(ctx); err != nil {
		return err
	}
	if b.LastImport, err = s.Store.Meta(ctx, "last_import"); err != nil {
		return err
	}
	if b.LastCrawl, err = s.Store.Meta(ctx, "last_crawl"); err != nil {
		return err
	}
	if b.Indexed, err = s.Index.Count(); err != nil {
		return err
	}
	if b.IndexSeq, err = s.Index.Seq(); err != nil {
		return err
	}
	if b.IndexBytes, err = dirSize(s.Index.Path()); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}

// dirSize adds up the sizes of the files under dir. Bleve replaces segment
// files while it merges, so a file that vanishes during the walk is
// skipped rather than reported.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	return n, err
}

// health answers GET /healthz: ok when the store answers.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	if err := s.Store.DB().PingContext(r.Context()); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
