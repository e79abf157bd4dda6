package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/warc"
)

// maxArchivePage is the largest page an archive import reads, the
// crawler's default limit: a larger response is a file, not an article.
const maxArchivePage = 8 << 20

// Reasons a record is skipped, as the import summary counts them (with
// the Scope reasons and the Page outcomes other than stored).
const (
	SkipWarcinfo   = "warcinfo"
	SkipRequest    = "request"
	SkipMetadata   = "metadata"
	SkipOtherType  = "other record type" // continuation, unknown types
	SkipStatus     = "not 2xx"
	SkipNotText    = "not HTML or text"
	SkipTooLarge   = "too large"
	SkipDamaged    = "damaged"           // a block digest or HTTP message that does not check out
	SkipPayloadDup = "duplicate payload" // the same bytes as a page stored from another URL
	SkipUnresolved = "revisit of a record not imported"
	SkipUnchanged  = "already stored" // the same bytes as stored from the URL before
)

// ArchiveStats is what an archive import did with the records it read.
type ArchiveStats struct {
	File    string         `json:"file"`
	Records int            `json:"records"`   // records read
	Kept    int            `json:"kept"`      // pages whose documents were stored
	Docs    int            `json:"documents"` // documents of the kept pages
	Skipped map[string]int `json:"skipped"`   // records not kept, by reason
	// ResumedAt is where a killed import of the same file was continued
	// from, "" when it started at the beginning.
	ResumedAt string `json:"resumed_at,omitempty"`
	// Done is set when a finished import of the same bytes was found and
	// nothing was read.
	Done bool `json:"already_imported,omitempty"`
	// Bytes is how far into the file the import read.
	Bytes int64 `json:"bytes"`
}

func (s *ArchiveStats) skip(reason string) { s.Skipped[reason]++ }

// ArchiveOptions tune AddArchive.
type ArchiveOptions struct {
	// Scope selects the URLs imported; nil imports every web page.
	Scope *Scope
	// Workers parse pages in parallel; the store is written in the
	// archive's order by one goroutine.
	Workers int
	// Progress, if set, is called with how many bytes of the file have
	// been read, from the goroutine that stores.
	Progress func(offset int64)
}

// IsArchive reports whether a file's name marks it as a WARC archive
// (.warc, .warc.gz, Common Crawl's .warc.wet.gz).
func IsArchive(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// archiveJob is one record on its way from the reader to the store.
type archiveJob struct {
	pos      warc.Position
	id       string
	skip     string      // why the record is not a page, or ""
	revisit  *revisitRef // a revisit, resolved when it is stored
	page     Page
	status   int
	etag     string
	modified string
	offset   int64 // how far the reader had read, for the progress bar
	prepared preparedPage
	ready    chan struct{} // closed once prepared
}

// revisitRef is what a revisit record says about the record it repeats.
type revisitRef struct {
	uri, payloadDigest string
}

// AddArchive imports the web pages of the WARC file at path: each HTML or
// text response (and each conversion of a WET file) in scope goes through
// the page path as a crawled page does, with the record's URL, its
// WARC-Date as fetch time and the archive file and record position as
// provenance. Revisits resolve to the record they repeat. The import
// notes its place in the store as it goes: run again after a kill, it
// continues after the last record stored, and a finished import of the
// same file is not read again unless Force is set.
//
// A file that cannot be read on (damaged, truncated) ends the import of
// that file with an *InputError naming it and the offset; what was read
// before stays stored. Other errors are failures of the store or index.
func (g *Ingester) AddArchive(ctx context.Context, path string, opt ArchiveOptions) (ArchiveStats, error) {
	stats := ArchiveStats{File: path, Skipped: map[string]int{}}
	abs, err := filepath.Abs(path)
	if err != nil {
		return stats, &InputError{Name: path, Err: err}
	}
	prog, err := g.loadProgress(ctx, abs)
	if err != nil {
		return stats, err
	}
	if prog.Done && !g.Force {
		stats.Done = true
		return stats, nil
	}
	from := warc.Position{}
	if prog.ID != "" && !g.Force {
		from = prog.Pos
		stats.ResumedAt = from.String()
	}
	prog.Done = false
	r, err := warc.Open(abs, from)
	if err != nil {
		return stats, &InputError{Name: path, Err: err}
	}
	defer r.Close()
	workers := max(opt.Workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The reader turns records into jobs in the archive's order; workers
	// prepare the pages among them; this goroutine stores them in order,
	// so that the place it notes has everything before it stored.
	queue := make(chan *archiveJob, 4*workers)
	work := make(chan *archiveJob, 4*workers)
	var readErr error
	go func() {
		defer close(queue)
		defer close(work)
		first := true
		for {
			rec, err := r.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			if first && from != (warc.Position{}) {
				first = false
				if id := rec.ID(); id == prog.ID || id == "" && "@"+rec.Pos.String() == prog.ID {
					continue // stored before the kill
				}
			}
			first = false
			j := g.classify(rec, abs, opt.Scope)
			j.offset = r.Offset()
			j.ready = make(chan struct{})
			select {
			case queue <- j:
			case <-ctx.Done():
				return
			}
			if j.skip != "" || j.revisit != nil {
				close(j.ready)
				continue
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.prepared = g.preparePage(j.page)
				close(j.ready)
			}
		}()
	}
	defer wg.Wait()

	cu := g.startCatchUp(ctx, cancel)
	var fatal error
	for j := range queue {
		if fatal != nil {
			continue
		}
		<-j.ready
		stats.Records++
		changed, err := g.storeJob(ctx, j, abs, &stats)
		if err == nil {
			err = g.noteProgress(ctx, abs, &prog, j, stats.Records)
		}
		if err == nil {
			err = cu.stored(ctx, changed)
		}
		if err != nil {
			fatal = err
			cancel()
			continue
		}
		stats.Bytes = j.offset
		if opt.Progress != nil {
			opt.Progress(j.offset)
		}
	}
	if fatal == nil && readErr == nil && ctx.Err() == nil {
		prog.Done = true
		if err := g.saveProgress(ctx, abs, &prog); err != nil {
			fatal = err
		}
	}
	if err := cu.finish(ctx, fatal); err != nil {
		return stats, err
	}
	if readErr != nil {
		return stats, &InputError{Name: path, Err: readErr}
	}
	return stats, nil
}

// classify reads what the job needs from rec before the reader moves on:
// whether it is a page, and the page's bytes.
func (g *Ingester) classify(rec *warc.Record, file string, scope *Scope) *archiveJob {
	j := &archiveJob{pos: rec.Pos, id: rec.ID()}
	if j.id == "" {
		// Resuming checks the record found at the place noted is the one
		// noted; without an ID its position stands in.
		j.id = "@" + rec.Pos.String()
	}
	switch rec.Type {
	case warc.TypeWarcinfo:
		j.skip = SkipWarcinfo
	case warc.TypeRequest:
		j.skip = SkipRequest
	case warc.TypeMetadata:
		j.skip = SkipMetadata
	case warc.TypeResponse, warc.TypeResource, warc.TypeConversion, warc.TypeRevisit:
	default:
		j.skip = SkipOtherType
	}
	if j.skip != "" {
		return j
	}
	u := rec.TargetURI()
	if ok, why := scope.Allows(u); !ok {
		j.skip = why
		return j
	}
	if rec.Damaged() != nil {
		j.skip = SkipDamaged
		return j
	}
	at, err := rec.Date()
	if err != nil {
		at = time.Time{} // the store's clock, as for a file
	}
	j.page = Page{URL: u, FetchedAt: at,
		Archive: corpus.Provenance{WARCFile: file, WARCOffset: rec.Pos.Offset, WARCInner: rec.Pos.Inner}}
	if rec.Type == warc.TypeRevisit {
		uri := rec.RefersToURI()
		if uri == "" {
			uri = u // most revisits repeat an earlier capture of their own URL
		}
		j.revisit = &revisitRef{uri: uri, payloadDigest: rec.PayloadDigest()}
		return j
	}
	j.skip = readPage(rec, j)
	return j
}

// readPage fills j.page with the body of a page record, or says why the
// record is not one.
func readPage(rec *warc.Record, j *archiveJob) string {
	var body []byte
	var err error
	switch {
	case rec.IsHTTP() && rec.Type != warc.TypeConversion:
		var h http.Header
		j.status, h, err = rec.HTTP()
		if err != nil {
			return SkipDamaged
		}
		if j.status < 200 || j.status > 299 {
			return SkipStatus
		}
		j.page.ContentType, j.etag, j.modified = h.Get("Content-Type"), h.Get("ETag"), h.Get("Last-Modified")
		body, err = rec.Body(maxArchivePage)
	default:
		// A resource is a page without HTTP around it; a conversion (a WET
		// file's) is its text.
		j.status = http.StatusOK
		j.page.ContentType = rec.Get("Content-Type")
		if rec.Type == warc.TypeConversion {
			j.page.ContentType = "text/plain; charset=utf-8"
		}
		body, err = rec.Block(maxArchivePage)
	}
	switch {
	case errors.Is(err, warc.ErrTooLarge):
		return SkipTooLarge
	case err != nil:
		return SkipDamaged
	case !textType(j.page.ContentType, body):
		return SkipNotText
	}
	j.page.Body = body
	return ""
}

// textType reports whether a response is a page: HTML or text, by its
// Content-Type or, when it has none or a generic one, by its bytes.
func textType(ct string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}

// storeJob applies a job to the store and counts it; changed reports
// whether documents were written.
func (g *Ingester) storeJob(ctx context.Context, j *archiveJob, file string, stats *ArchiveStats) (changed bool, err error) {
	if j.skip != "" {
		stats.skip(j.skip)
		return false, nil
	}
	if j.revisit != nil {
		ok, err := g.resolveRevisit(ctx, j)
		if err != nil || !ok {
			if ok = err == nil; ok {
				stats.skip(SkipUnresolved)
			}
			return false, err
		}
		j.prepared = g.preparePage(j.page)
	}
	p := j.prepared.page
	page := corpus.Page{URL: p.URL, Status: j.status, ContentType: p.ContentType, Kind: "article",
		ContentHash: p.ContentHash, ETag: j.etag, LastModified: j.modified,
		WARCFile: p.Archive.WARCFile, WARCOffset: p.Archive.WARCOffset, WARCInner: p.Archive.WARCInner, FetchedAt: p.FetchedAt}
	if _, dup, err := g.Store.StoredDuplicate(ctx, p.URL, p.ContentHash, ""); err != nil {
		return false, err
	} else if dup {
		stats.skip(SkipPayloadDup)
		page.Outcome = PageDuplicate
		return false, g.Store.PutPage(ctx, page)
	}
	res, err := g.commitPage(ctx, j.prepared)
	if err != nil {
		return false, err
	}
	switch {
	case res.Outcome != PageStored:
		stats.skip(res.Outcome)
	case res.Unchanged:
		stats.skip(SkipUnchanged)
	default:
		stats.Kept++
		stats.Docs += res.Docs
		changed = true
	}
	page.Outcome, page.TextHash = res.Outcome, res.TextHash
	return changed, g.Store.PutPage(ctx, page)
}

// resolveRevisit finds the record a revisit repeats, through the page the
// store keeps for its URL, and reads the payload from it. The revisit is
// then a capture of those bytes at its own URL and date; the record read
// is its provenance.
func (g *Ingester) resolveRevisit(ctx context.Context, j *archiveJob) (bool, error) {
	prev, ok, err := g.Store.PageByURL(ctx, j.revisit.uri)
	if err != nil || !ok || prev.WARCFile == "" {
		return false, err
	}
	name := prev.WARCFile
	if !filepath.IsAbs(name) {
		if g.ArchiveDir == "" {
			return false, nil
		}
		name = filepath.Join(g.ArchiveDir, name)
	}
	f, err := os.Open(name)
	if err != nil {
		return false, nil // the archive is gone: nothing to resolve to
	}
	defer f.Close()
	pos := warc.Position{Offset: prev.WARCOffset, Inner: prev.WARCInner}
	rec, err := warc.ReadAt(f, pos)
	if err != nil {
		return false, nil
	}
	defer rec.Close()
	if d := j.revisit.payloadDigest; d != "" && rec.PayloadDigest() != "" && !strings.EqualFold(d, rec.PayloadDigest()) {
		return false, nil // the URL's page is now another capture
	}
	orig := &archiveJob{}
	if skip := readPage(rec, orig); skip != "" {
		return false, nil
	}
	j.status, j.etag, j.modified = orig.status, orig.etag, orig.modified
	j.page.Body, j.page.ContentType = orig.page.Body, orig.page.ContentType
	j.page.Archive = corpus.Provenance{WARCFile: prev.WARCFile, WARCOffset: prev.WARCOffset, WARCInner: prev.WARCInner}
	return true, nil
}

// progress is where an import of one archive file stands, kept in the
// store's meta table under progressKey.
type progress struct {
	// Head identifies the file's bytes: a file replaced by another under
	// the same name starts over.
	Head string        `json:"head"`
	Pos  warc.Position `json:"pos"`
	ID   string        `json:"record_id"` // the last record stored
	Done bool          `json:"done,omitempty"`
}

// progressEvery is how many records may be read past the place last noted
// when they change nothing: after a kill they are read again, and change
// nothing again.
const progressEvery = 200

func progressKey(abs string) string { return "warc-import " + abs }

// fileHead hashes the first bytes of a file, enough to tell two archives
// apart: WARC files begin with a warcinfo record naming the file and the
// time it was written.
func fileHead(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyN(h, f, 64<<10); err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (g *Ingester) loadProgress(ctx context.Context, abs string) (progress, error) {
	head, err := fileHead(abs)
	if err != nil {
		return progress{}, &InputError{Name: abs, Err: err}
	}
	v, err := g.Store.Meta(ctx, progressKey(abs))
	if err != nil {
		return progress{}, err
	}
	var p progress
	if v == "" || json.Unmarshal([]byte(v), &p) != nil || p.Head != head {
		return progress{Head: head}, nil
	}
	return p, nil
}

func (g *Ingester) saveProgress(ctx context.Context, abs string, p *progress) error {
	buf, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return g.Store.SetMeta(ctx, progressKey(abs), string(buf))
}

// noteProgress records j as the last record stored: at once for a page,
// which wrote to the store, else every progressEvery records.
func (g *Ingester) noteProgress(ctx context.Context, abs string, p *progress, j *archiveJob, n int) error {
	p.Pos, p.ID = j.pos, j.id
	if j.skip != "" && n%progressEvery != 0 {
		return nil
	}
	return g.saveProgress(ctx, abs, p)
}
