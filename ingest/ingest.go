// Package ingest reads files, fetched pages and web archives into the
// corpus: it parses them with extract, keeps the pages its rules accept,
// stores the documents with their provenance and brings the index up to
// date. It is the one path from bytes to stored document: the crawler,
// reextract and the archive import only wire it.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
	"github.com/unionscope/unionscope/extract"
	"github.com/unionscope/unionscope/index"
)

// Ingester adds sources to a store and, when it holds it, an index.
type Ingester struct {
	Store *corpus.Store
	// Index may be nil when another process (a server) holds the index; that
	// process then catches up from the store's change log.
	Index *index.Index
	// Force parses a source again even when its bytes have not changed,
	// for use after the extractor has improved.
	Force bool

	// Dedup keeps the store's clusters of copies up to date; when nil, the
	// first flush makes one with the options the store records.
	Dedup *dedup.Detector
	// NoClusters leaves the stored sources marked unclustered, for the
	// next import or "dups --rebuild" to cluster.
	NoClusters bool
	// Rules decide which web pages (AddPage, AddArchive) are kept.
	Rules PageRules
	// ArchiveDir is the crawl's WARC folder, where a revisit in an
	// imported archive may find the record it repeats.
	ArchiveDir string

	mu sync.Mutex
	// unclustered are stored sources whose clusters are not yet updated.
	// Clustering a batch in one transaction costs a fraction of clustering
	// each source in its own.
	unclustered []dedup.SourceDocs
	// resumed is set once the sources left unclustered by an earlier
	// process are queued.
	resumed bool
	// pagesSinceSync counts pages AddPage stored since the index caught up.
	pagesSinceSync int
}

// syncEvery is how many stored sources AddFiles clusters and then indexes
// at a time; a variable for tests.
var syncEvery = 500

// clusterBatch is how many stored sources wait before they are clustered.
// Each clustering commit rewrites the pages its postings touched, spread
// over whole tables, so per document a batch of 1,000 costs 60% of one of
// 100 (dedup's BenchmarkIngest at 10,000 documents).
const clusterBatch = 1000

// Outcome says what happened to one source.
type Outcome int

const (
	Stored    Outcome = iota // new or changed documents were stored
	Unchanged                // the source's bytes were already stored as they are
)

// Result describes one ingested source.
type Result struct {
	Source  string
	Outcome Outcome
	Docs    int // documents the source yields
	Changed int // documents written or deleted
}

// Add parses data read from source (an absolute path or a URL; name is how
// the user named it) at seen (zero for now) and stores its documents,
// replacing what the source yielded before. It does not update the index:
// call Sync after a batch.
func (g *Ingester) Add(ctx context.Context, source, name string, data []byte, contentType string, seen time.Time) (Result, error) {
	p, err := g.parse(ctx, source, name, data, contentType)
	if err != nil {
		return Result{Source: source}, err
	}
	p.seen = seen
	return g.commit(ctx, p)
}

// parsed is a source after extraction, before it is stored.
type parsed struct {
	source, hash string
	docs         []corpus.Document
	sketches     []*dedup.Sketch
	unchanged    bool
	seen         time.Time // zero for now
}

func (g *Ingester) parse(ctx context.Context, source, name string, data []byte, contentType string) (parsed, error) {
	sum := sha256.Sum256(data)
	p := parsed{source: source, hash: hex.EncodeToString(sum[:])}
	if !g.Force {
		old, ok, err := g.Store.SourceHash(ctx, source)
		if err != nil {
			return p, err
		}
		if ok && old == p.hash {
			p.unchanged = true
			return p, nil
		}
	}
	docs, err := extract.Parse(extract.Input{Name: name, Data: data, ContentType: contentType})
	if err != nil {
		return p, &InputError{Name: name, Err: err}
	}
	g.finishParse(&p, docs)
	return p, nil
}

// finishParse names docs after p's source and, unless clustering is left
// for later, sketches them: here, on the parsing workers, rather than on
// the one goroutine that clusters.
func (g *Ingester) finishParse(p *parsed, docs []corpus.Document) {
	isURL := strings.HasPrefix(p.source, "http://") || strings.HasPrefix(p.source, "https://")
	for i := range docs {
		docs[i].Source = p.source
		docs[i].ID = corpus.DocID(p.source, docs[i].Part)
		if isURL && docs[i].URL == "" {
			docs[i].URL = p.source
		}
	}
	p.docs = docs
	if g.NoClusters {
		return // whoever clusters later sketches them
	}
	p.sketches = make([]*dedup.Sketch, len(docs))
	for i := range docs {
		p.sketches[i] = dedup.NewSketch(docs[i].Text())
	}
}

func (g *Ingester) commit(ctx context.Context, p parsed) (Result, error) {
	rs, err := g.commitGroup(ctx, []parsed{p})
	if err != nil {
		return Result{Source: p.source}, err
	}
	return rs[0], nil
}

// commitGroup stores ps in one transaction (corpus.ReplaceSources): all
// of them or, when it fails, none. It returns a result for each.
func (g *Ingester) commitGroup(ctx context.Context, ps []parsed) ([]Result, error) {
	ws := make([]corpus.SourceWrite, len(ps))
	for i, p := range ps {
		// Seen again when unchanged: moves the provenance's last-seen time.
		ws[i] = corpus.SourceWrite{Source: p.source, Hash: p.hash, Seen: p.seen, Docs: p.docs, SeenOnly: p.unchanged}
	}
	changed, err := g.Store.ReplaceSources(ctx, ws)
	if err != nil {
		return nil, err
	}
	rs := make([]Result, len(ps))
	g.mu.Lock()
	for i, p := range ps {
		rs[i] = Result{Source: p.source}
		if p.unchanged {
			rs[i].Outcome = Unchanged
			continue
		}
		rs[i].Docs, rs[i].Changed = len(p.docs), changed[i]
		if changed[i] > 0 {
			g.unclustered = append(g.unclustered, dedup.SourceDocs{Source: p.source, Docs: p.docs, Sketches: p.sketches})
		}
	}
	full := len(g.unclustered) >= clusterBatch
	g.mu.Unlock()
	if full {
		return rs, g.cluster(ctx)
	}
	return rs, nil
}

// cluster updates the near-duplicate clusters of the sources stored since
// the last call. The first call also takes the sources a killed process
// stored but did not cluster, which the store keeps marked.
func (g *Ingester) cluster(ctx context.Context) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.NoClusters {
		g.unclustered = g.unclustered[:0]
		return nil
	}
	if !g.resumed {
		if err := g.resumeClustering(ctx); err != nil {
			return err
		}
		g.resumed = true
	}
	if len(g.unclustered) == 0 {
		return nil
	}
	if g.Dedup == nil {
		d, err := dedup.New(ctx, g.Store)
		if err != nil {
			return err
		}
		g.Dedup = d
	}
	if err := g.Dedup.UpdateSources(ctx, g.unclustered); err != nil {
		return err
	}
	g.unclustered = g.unclustered[:0]
	return nil
}

// resumeClustering queues the sources marked unclustered that this
// ingester did not store itself.
func (g *Ingester) resumeClustering(ctx context.Context) error {
	pending, err := g.Store.UnclusteredSources(ctx)
	if err != nil {
		return err
	}
	queued := map[string]bool{}
	for _, sd := range g.unclustered {
		queued[sd.Source] = true
	}
	var earlier []dedup.SourceDocs
	for _, src := range pending {
		if queued[src] {
			continue
		}
		docs, err := g.Store.SourceDocuments(ctx, src)
		if err != nil {
			return err
		}
		earlier = append(earlier, dedup.SourceDocs{Source: src, Docs: docs})
	}
	g.unclustered = append(earlier, g.unclustered...)
	return nil
}

// AddFiles imports files, parsing on workers goroutines and storing on one,
// and syncs the index every syncEvery stored sources and at the end. It
// calls report once per file, from a single goroutine. A file that cannot
// be read or parsed is reported and skipped; only a failure of the store or
// the index, or ctx ending, stops the batch.
func (g *Ingester) AddFiles(ctx context.Context, files []string, workers int, report func(path string, r Result, err error)) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		path string
		p    parsed
		err  error
	}
	jobs := make(chan string)
	done := make(chan job, workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				j := job{path: path}
				data, err := os.ReadFile(path)
				if err != nil {
					j.err = &InputError{Name: path, Err: err}
				} else if abs, err := filepath.Abs(path); err != nil {
					j.err = &InputError{Name: path, Err: err}
				} else {
					j.p, j.err = g.parse(ctx, abs, path, data, "")
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()

	cu := g.startCatchUp(ctx, cancel)
	var fatal error
	// store commits a group of parsed files in one transaction and then
	// reports them: a file reported stored is committed, and one not yet
	// reported when the process dies is parsed again by the next import.
	store := func(group []job) {
		ps := make([]parsed, 0, len(group))
		paths := make([]string, 0, len(group))
		for _, j := range group {
			if fatal != nil {
				return
			}
			if j.err != nil {
				if !IsSkippable(j.err) && ctx.Err() == nil {
					fatal = j.err
					cancel()
					return
				}
				report(j.path, Result{Source: j.path}, j.err)
				continue
			}
			ps = append(ps, j.p)
			paths = append(paths, j.path)
		}
		if len(ps) == 0 || ctx.Err() != nil {
			return // after Ctrl-C: not stored, and not reported
		}
		rs, err := g.commitGroup(ctx, ps)
		if err != nil {
			fatal = err
			cancel()
			return
		}
		for i, r := range rs {
			report(paths[i], r, nil)
			if err := cu.stored(ctx, r.Changed > 0); err != nil {
				fatal = err
				cancel()
				return
			}
		}
	}
	var group []job
	for j := range done {
		// A group is what has been parsed by the time groupWait has
		// passed since its first file, or groupMax files.
		group = append(group[:0], j)
		wait := time.NewTimer(groupWait)
	fill:
		for len(group) < groupMax {
			select {
			case j, ok := <-done:
				if !ok {
					break fill
				}
				group = append(group, j)
			case <-wait.C:
				break fill
			}
		}
		wait.Stop()
		store(group)
	}
	return cu.finish(ctx, fatal)
}

// groupMax is how many parsed files AddFiles stores in one transaction at
// most, and groupWait how long the first of them waits for the others.
// A dying process loses what it parsed in the last groupWait; variables
// for tests.
var (
	groupMax  = 64
	groupWait = 200 * time.Millisecond
)

// catchUp brings the index up to date on its own goroutine while the one
// goroutine that stores goes on storing: the index only reads the store,
// and takes a fifth of an import's time.
type catchUp struct {
	g       *Ingester
	cancel  func()
	kick    chan struct{}
	done    chan struct{}
	horizon atomic.Int64
	err     error
	since   int
}

func (g *Ingester) startCatchUp(ctx context.Context, cancel func()) *catchUp {
	cu := &catchUp{g: g, cancel: cancel, kick: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(cu.done)
		for range cu.kick {
			if cu.err != nil || g.Index == nil {
				continue
			}
			// It stops at the last change clustered (horizon): reading on
			// into sources stored since, it indexed a tenth of a generated
			// corpus a second time, once as originals and again when
			// clustering found them to be copies. After Ctrl-C the final
			// Sync catches up instead.
			if _, err := g.Index.CatchUpTo(ctx, g.Store, cu.horizon.Load()); err != nil && ctx.Err() == nil {
				cu.err = err
				cancel()
			}
		}
	}()
	return cu
}

// stored counts a stored source (changed: it wrote documents) and every
// syncEvery of them clusters and lets the index catch up. Only the
// goroutine that stores calls it.
func (cu *catchUp) stored(ctx context.Context, changed bool) error {
	if changed {
		cu.since++
	}
	if cu.since < syncEvery {
		return nil
	}
	cu.since = 0
	// Clustered first, so that a new copy is indexed once, already marked
	// as a copy, rather than once as an original and again when
	// clustering finds its original.
	if err := cu.g.cluster(ctx); err != nil {
		return err
	}
	// Everything stored so far is clustered: this goroutine is the one
	// that stores and clusters.
	seq, err := cu.g.Store.LastSeq(ctx)
	if err != nil {
		return fmt.Errorf("read the change log: %w", err)
	}
	cu.horizon.Store(seq)
	select {
	case cu.kick <- struct{}{}:
	default: // a catch-up is already due; it will see these too
	}
	return nil
}

// finish waits for the index and, unless the batch failed (fatal), syncs
// what is left.
func (cu *catchUp) finish(ctx context.Context, fatal error) error {
	close(cu.kick)
	<-cu.done
	if fatal == nil {
		fatal = cu.err
	}
	if fatal != nil {
		return fatal
	}
	if err := cu.g.Sync(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	return ctx.Err()
}

// Sync clusters what was stored since the last call and applies the
// store's changes to the index, if this ingester holds one.
func (g *Ingester) Sync(ctx context.Context) error {
	if err := g.cluster(ctx); err != nil {
		return err
	}
	if g.Index == nil {
		return nil
	}
	_, err := g.Index.CatchUp(ctx, g.Store)
	return err
}

// Extensions are the file types a folder walk picks up; a file named on the
// command line is read whatever its extension.
var Extensions = map[string]bool{".txt": true, ".html": true, ".htm": true, ".shtml": true, ".xhtml": true}

// ListFiles expands paths (files or folders) into the files to import
// (web archives among them, which IsArchive tells apart),
// sorted within each folder. A path that does not exist is an error naming it.
func ListFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && (Extensions[strings.ToLower(filepath.Ext(path))] || IsArchive(path)) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", p, err)
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

// InputError is a source that could not be read or parsed (empty, binary,
// unreadable); a batch reports and skips it.
type InputError struct {
	Name string
	Err  error
}

func (e *InputError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// IsSkippable reports whether err means one input had nothing to import,
// as opposed to a failure of the store or the index.
func IsSkippable(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// AddFS imports every file of fsys with one of Extensions, naming each
// source prefix + its path, and syncs the index at the end.
func (g *Ingester) AddFS(ctx context.Context, fsys fs.FS, prefix string, report func(path string, r Result, err error)) error {
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !Extensions[strings.ToLower(filepath.Ext(path))] {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			report(path, Result{Source: prefix + path}, &InputError{Name: path, Err: err})
			return nil
		}
		r, err := g.Add(ctx, prefix+path, path, data, "", time.Time{})
		if err != nil && !IsSkippable(err) {
			return err
		}
		report(path, r, err)
		return nil
	})
	if err != nil {
		return fmt.Errorf("import %s: %w", prefix, err)
	}
	return g.Sync(ctx)
}
