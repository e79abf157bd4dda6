package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract"
	"github.com/unionscope/unionscope/extract/decode"
)

// Page is one web page as fetched by the crawler or read from a web
// archive: what the page path needs to decide whether to keep it and to
// say where it came from.
type Page struct {
	URL         string
	Body        []byte // the entity as the server sent it, decompressed
	ContentType string // the HTTP Content-Type, or "" when unknown
	// Text is Body decoded to UTF-8 by a caller that has decoded it
	// already (the crawler, to read links); "" makes the page path decode.
	Text      string
	FetchedAt time.Time
	// ContentHash is the hex SHA-256 of Body; "" makes the page path
	// compute it.
	ContentHash string
	// Archive locates the WARC record that holds Body, for provenance;
	// its File is "" when there is none.
	Archive corpus.Provenance
}

// Page outcomes, the words the crawler records for a page.
const (
	PageStored    = "stored"
	PageDuplicate = "duplicate" // the same text as a page stored from another URL
	PageShort     = "short"     // too little body text to be an article
	PageOffTopic  = "offtopic"  // fails the topic rule
	PageRejected  = "rejected"  // the extractor found no article
)

// PageRules are what a page must have for its documents to be kept; files
// a user names are kept whatever they hold, pages found on the web only by
// these rules.
type PageRules struct {
	// MinBody is the fewest characters of body, over all parts.
	MinBody int
	// Topic keeps only pages that mention unions or workers (OnTopic).
	Topic bool
}

// DefaultMinBody is the body a page needs by default: shorter articles on
// union portals are captions, notices and link stubs, not reports.
const DefaultMinBody = 100

// topicWords mark a page as being about unions or workers, in both scripts.
var topicWords = []string{"工会", "工會", "职工", "職工", "劳模", "勞模"}

// OnTopic reports whether text is about unions or workers: the relevance
// rule the page path applies unless the user switches it off.
func OnTopic(text string) bool {
	for _, w := range topicWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// PageResult is what the page path did with a page.
type PageResult struct {
	Outcome string // one of the Page outcomes
	// TextHash identifies the extracted text (titles and bodies), for
	// text-level duplicate detection; "" when nothing was extracted.
	TextHash string
	// Docs is the number of documents the page yields when stored.
	Docs int
	// Unchanged is set when the page's bytes were stored already.
	Unchanged bool
	// DuplicateOf is the URL a duplicate page repeats.
	DuplicateOf string
}

// preparedPage is a page after the work that needs no store: decoding,
// extraction, hashing and sketching. Preparing runs on any goroutine;
// committing on one.
type preparedPage struct {
	page     Page
	parsed   parsed
	textHash string
	body     int  // runes of body over all documents
	onTopic  bool // the topic rule holds
	rejected bool // nothing to extract
}

// preparePage decodes and parses p once.
func (g *Ingester) preparePage(p Page) preparedPage {
	if p.ContentHash == "" {
		sum := sha256.Sum256(p.Body)
		p.ContentHash = hex.EncodeToString(sum[:])
	}
	pp := preparedPage{page: p, parsed: parsed{source: p.URL, hash: p.ContentHash, seen: p.FetchedAt}}
	text := p.Text
	if text == "" {
		var err error
		if text, _, err = decode.Text(p.Body, p.ContentType); err != nil {
			pp.rejected = true
			return pp
		}
	}
	// The text is UTF-8 already, which decode.Text in Parse accepts as it
	// is: the page is not decoded from its charset a second time.
	docs, err := extract.Parse(extract.Input{Name: p.URL, Data: []byte(text), ContentType: p.ContentType})
	if err != nil || len(docs) == 0 {
		pp.rejected = true
		return pp
	}
	var all strings.Builder
	for i := range docs {
		d := &docs[i]
		// The hash of the bytes as fetched, not of their UTF-8 form.
		d.ContentHash = p.ContentHash
		all.WriteString(d.Title)
		all.WriteString("\n")
		all.WriteString(d.Text())
		all.WriteString("\n")
		pp.body += utf8.RuneCountInString(d.Text())
	}
	sum := sha256.Sum256([]byte(all.String()))
	pp.textHash = hex.EncodeToString(sum[:])
	pp.onTopic = OnTopic(all.String())
	g.finishParse(&pp.parsed, docs)
	return pp
}

// commitPage applies the rules to a prepared page and stores its
// documents, or drops what the URL stored before when the page no longer
// qualifies. Only one goroutine commits.
func (g *Ingester) commitPage(ctx context.Context, pp preparedPage) (PageResult, error) {
	p := pp.page
	res := PageResult{TextHash: pp.textHash}
	switch {
	case pp.rejected:
		res.Outcome = PageRejected
	case pp.body < g.Rules.MinBody:
		res.Outcome = PageShort
	case g.Rules.Topic && !pp.onTopic:
		res.Outcome = PageOffTopic
	default:
		dup, ok, err := g.Store.StoredDuplicate(ctx, p.URL, "", pp.textHash)
		if err != nil {
			return res, err
		}
		res.Outcome = PageStored
		if ok {
			res.Outcome, res.DuplicateOf = PageDuplicate, dup
		}
	}
	if res.Outcome != PageStored {
		// A page that no longer qualifies takes its old documents with it.
		if _, ok, err := g.Store.SourceHash(ctx, p.URL); err != nil {
			return res, err
		} else if ok {
			if _, err := g.Store.ReplaceSource(ctx, p.URL, p.ContentHash, nil); err != nil {
				return res, err
			}
		}
		return res, nil
	}
	if !g.Force {
		old, ok, err := g.Store.SourceHash(ctx, p.URL)
		if err != nil {
			return res, err
		}
		pp.parsed.unchanged = ok && old == pp.parsed.hash
	}
	r, err := g.commit(ctx, pp.parsed)
	if err != nil {
		return res, err
	}
	res.Docs, res.Unchanged = len(pp.parsed.docs), r.Outcome == Unchanged
	// The URL and the bytes the ingester knows; the WARC record that holds
	// them, and when they were fetched, only the caller. Replaying the
	// archive gives the same record, so reextract keeps it.
	prov := p.Archive
	prov.Location, prov.ContentHash, prov.LastSeen = p.URL, p.ContentHash, p.FetchedAt
	if err := g.Store.AddSourceProvenance(ctx, p.URL, prov); err != nil {
		return res, err
	}
	return res, nil
}

// pageSyncEvery is how many stored pages the index may lag behind the
// store when pages come one at a time.
const pageSyncEvery = 50

// AddPage runs one page through the page path: it decodes and parses the
// page once, applies Rules and text-level duplicate detection, stores the
// documents of a page that qualifies with its provenance, and brings the
// index up to date every pageSyncEvery stored pages. An error means the
// store or the index failed; a page that is not kept is a PageResult.
func (g *Ingester) AddPage(ctx context.Context, p Page) (PageResult, error) {
	res, err := g.commitPage(ctx, g.preparePage(p))
	if err != nil || res.Outcome != PageStored || res.Unchanged {
		return res, err
	}
	if g.pagesSinceSync++; g.pagesSinceSync >= pageSyncEvery {
		g.pagesSinceSync = 0
		return res, g.Sync(ctx)
	}
	return res, nil
}
