package crawler

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/warc"
)

// maxWARCFile is the size at which a new WARC file is begun, the usual
// limit of archiving crawlers.
const maxWARCFile = 1 << 30

// archive appends request and response records to the crawl's WARC files.
// A run never appends to an older run's file, so an offset once recorded
// stays valid whatever a crash left at the end of a file.
type archive struct {
	mu        sync.Mutex
	dir       string
	crawlID   int64
	userAgent string
	f         *os.File
	w         *warc.Writer
	name      string
	n         int
}

func (a *archive) open() error {
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return fmt.Errorf("warc folder: %w", err)
	}
	stamp := time.Now().UTC().Format("20060102T150405")
	var f *os.File
	for {
		// A resumed run may start within the second its predecessor did.
		a.n++
		a.name = fmt.Sprintf("crawl-%d-%s-%03d.warc.gz", a.crawlID, stamp, a.n)
		var err error
		f, err = os.OpenFile(filepath.Join(a.dir, a.name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || a.n > 999 {
			return fmt.Errorf("create warc file: %w", err)
		}
	}
	a.f, a.w = f, warc.NewWriter(f, 0)
	info := "software: unionscope\r\nformat: WARC File Format 1.1\r\nhttp-header-user-agent: " +
		strings.NewReplacer("\r", " ", "\n", " ").Replace(a.userAgent) + "\r\n"
	_, _, err := a.w.Write(warc.TypeWarcinfo, []warc.Field{
		{Name: "WARC-Filename", Value: a.name},
		{Name: "Content-Type", Value: "application/warc-fields"},
	}, []byte(info))
	return err
}

// write archives one exchange and returns the file and offset of the
// response record. The file is synced before returning, because the
// caller then records the offset in the store.
func (a *archive) write(req *http.Request, resp *http.Response, body []byte, at time.Time) (string, int64, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.w == nil || a.w.Offset() > maxWARCFile {
		if a.f != nil {
			a.f.Close()
		}
		if err := a.open(); err != nil {
			return "", 0, err
		}
	}
	date := at.UTC().Format(time.RFC3339Nano)
	target := req.URL.String()
	reqID, _, err := a.w.Write(warc.TypeRequest, []warc.Field{
		{Name: "WARC-Date", Value: date},
		{Name: "WARC-Target-URI", Value: target},
		{Name: "Content-Type", Value: warc.ContentTypeHTTPRequest},
	}, warc.RequestBlock(req))
	if err != nil {
		return "", 0, err
	}
	_, off, err := a.w.Write(warc.TypeResponse, []warc.Field{
		{Name: "WARC-Date", Value: date},
		{Name: "WARC-Target-URI", Value: target},
		{Name: "WARC-Concurrent-To", Value: reqID},
		{Name: "Content-Type", Value: warc.ContentTypeHTTPResponse},
	}, warc.ResponseBlock(resp, body))
	if err != nil {
		return "", 0, err
	}
	if err := a.f.Sync(); err != nil {
		return "", 0, fmt.Errorf("sync %s: %w", a.name, err)
	}
	return a.name, off, nil
}

func (a *archive) close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f != nil {
		a.f.Close()
		a.f, a.w = nil, nil
	}
}

// ReadArchived reads page's response back from its WARC record: a file
// in dir (the crawl's own archive) or, for a page imported from a web
// archive, the absolute path of that archive.
func ReadArchived(dir string, page corpus.Page) (*Response, error) {
	name := page.WARCFile
	switch {
	case name == "":
		return nil, fmt.Errorf("page %s: no archived response", page.URL)
	case !filepath.IsAbs(name):
		if strings.ContainsAny(name, `/\`) {
			return nil, fmt.Errorf("page %s: archive name %q is not a file of the archive folder", page.URL, name)
		}
		name = filepath.Join(dir, name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("archived %s: %w", page.URL, err)
	}
	defer f.Close()
	pos := warc.Position{Offset: page.WARCOffset, Inner: page.WARCInner}
	rec, err := warc.ReadAt(f, pos)
	if err != nil {
		return nil, fmt.Errorf("archived %s: %s: %w", page.URL, page.WARCFile, err)
	}
	defer rec.Close()
	r := &Response{URL: page.URL, Status: page.Status, ContentType: page.ContentType, FetchedAt: page.FetchedAt,
		ContentHash: page.ContentHash, WARCFile: page.WARCFile, WARCOffset: page.WARCOffset, WARCInner: page.WARCInner}
	switch {
	case rec.IsHTTP() && (rec.Type == warc.TypeResponse || rec.Type == warc.TypeResource):
		if r.Status, r.Header, err = rec.HTTP(); err == nil {
			r.ContentType = r.Header.Get("Content-Type")
			r.Body, err = rec.Body(maxArchivedBody)
		}
	case rec.Type == warc.TypeResource || rec.Type == warc.TypeConversion:
		// A page's text without HTTP around it, as a Common Crawl WET
		// conversion holds it; the page records its type.
		r.Body, err = rec.Block(maxArchivedBody)
	default:
		err = fmt.Errorf("record at %s:%s is %s, not a response", page.WARCFile, pos, rec.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("archived %s: %w", page.URL, err)
	}
	return r, nil
}

// maxArchivedBody bounds what ReadArchived loads of one record: more than
// any page the crawler keeps (Config.MaxBytes) or an import accepts.
const maxArchivedBody = 64 << 20

// Replay hands every archived article page to sink again, with no
// network, and records the new outcomes; report, if set, is called for
// each. It is how a corpus is rebuilt after the extractor improves.
func Replay(ctx context.Context, store *corpus.Store, dir string, sink Sink, report func(corpus.Page, Verdict, error)) error {
	return store.Pages(ctx, KindArticle, 0, "", func(p corpus.Page) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Outcome == OutcomeNoIndex {
			return nil
		}
		resp, err := ReadArchived(dir, p)
		if err != nil {
			if report != nil {
				report(p, Verdict{}, err)
			}
			return nil
		}
		v, err := sink.Store(ctx, resp)
		if err != nil {
			return err
		}
		if err := store.SetPageOutcome(ctx, p.URL, v.Outcome, v.TextHash); err != nil {
			return err
		}
		if report != nil {
			report(p, v, nil)
		}
		return nil
	})
}
