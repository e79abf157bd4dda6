package crawler

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/unionscope/unionscope/corpus"
)

// strictlyValid fails t unless the library reads every record of the WARC
// file at path with its validation, digests included, turned to errors.
func strictlyValid(t *testing.T, path string) int {
	t.Helper()
	wf, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer wf.Close()
	n := 0
	for rec, err := range wf.Records() {
		if err != nil {
			t.Fatalf("%s: record %d at offset %d: %v", path, n, rec.Offset, err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("%s: record %d at offset %d: %v", path, n, rec.Offset, rec.Validation)
		}
		rec.Close()
		n++
	}
	return n
}

// TestArchivePassesValidation writes what a crawl writes for a page and a
// redirect and has the WARC library check it at its strictest.
func TestArchivePassesValidation(t *testing.T) {
	dir := t.TempDir()
	a := &archive{dir: dir, crawlID: 3, userAgent: "unionscope/1 (+https://example.org/crawler)"}
	at := time.Date(2024, 7, 12, 8, 30, 0, 0, time.UTC)
	req := httptest.NewRequest("GET", "http://www.example-union.cn/gzdt/a1.html", nil)
	req.Header.Set("User-Agent", a.userAgent)
	ok := &http.Response{StatusCode: 200, Status: "200 OK", Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
	file, off, err := a.write(req, ok, []byte(articleHTML("a1", true)), at)
	if err != nil {
		t.Fatal(err)
	}
	moved := &http.Response{StatusCode: 301, Proto: "HTTP/1.1", Header: http.Header{"Location": {"/gzdt/a2.html"}}}
	if _, _, err := a.write(req, moved, nil, at); err != nil {
		t.Fatal(err)
	}
	a.close()
	if n := strictlyValid(t, filepath.Join(dir, file)); n != 5 {
		t.Errorf("%d records, want warcinfo and two request/response pairs", n)
	}
	r, err := ReadArchived(dir, corpus.Page{URL: req.URL.String(), WARCFile: file, WARCOffset: off, FetchedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != 200 || string(r.Body) != articleHTML("a1", true) || r.ContentType != "text/html; charset=utf-8" {
		t.Errorf("read back %d %q, %d bytes", r.Status, r.ContentType, len(r.Body))
	}
}

// TestReadLegacyArchive reads a crawl archive written by the hand-made
// WARC writer this package used before the library: reextract must still
// rebuild corpora crawled then.
func TestReadLegacyArchive(t *testing.T) {
	const dir = "testdata/legacy"
	buf, err := os.ReadFile(filepath.Join(dir, "pages.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []corpus.Page
	if err := json.Unmarshal(buf, &pages); err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no pages in pages.json")
	}
	strictlyValid(t, filepath.Join(dir, pages[0].WARCFile))
	for _, p := range pages {
		r, err := ReadArchived(dir, p)
		if err != nil {
			t.Errorf("%s: %v", p.URL, err)
			continue
		}
		if r.Status != p.Status || hash(r.Body) != p.ContentHash || r.ContentType != p.ContentType {
			t.Errorf("%s: status %d, type %q, body hash %s; want %d, %q, %s", p.URL, r.Status, r.ContentType, hash(r.Body), p.Status, p.ContentType, p.ContentHash)
		}
	}
}
