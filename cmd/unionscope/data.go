package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract"
	"github.com/unionscope/unionscope/extract/decode"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/ingest"
	"github.com/unionscope/unionscope/internal/derrors"
)

// dataFlags are the flags every command that reads the corpus shares.
type dataFlags struct {
	Dir string
}

// defaultData is the data folder when neither --data nor
// $UNIONSCOPE_DATA names one.
const defaultData = "./unionscope-data"

// register adds --data. Its default is the --data given before the
// command, else $UNIONSCOPE_DATA, else defaultData.
func (d *dataFlags) register(fs *flagSet, e *env) {
	def := e.data
	if def == "" {
		def = e.getenv("UNIONSCOPE_DATA")
	}
	if def == "" {
		def = defaultData
	}
	fs.StringVar(&d.Dir, "data", def, "data `dir` holding the store and the index; $UNIONSCOPE_DATA when set")
}

func (d *dataFlags) storePath() string { return filepath.Join(d.Dir, "corpus.db") }
func (d *dataFlags) indexPath() string { return filepath.Join(d.Dir, "index.bleve") }

// openStore opens the store, creating the data folder if create is set; a
// missing data folder is otherwise a user error.
func (d *dataFlags) openStore(create bool) (*corpus.Store, error) {
	if _, err := os.Stat(d.storePath()); err != nil {
		if !create {
			return nil, userErrorf("no corpus at %s (import something first, or pass --data)", d.Dir)
		}
		if err := os.MkdirAll(d.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	return corpus.Open(d.storePath())
}

// openIndex opens the index and brings it up to date with the store.
func (d *dataFlags) openIndex(ctx context.Context, s *corpus.Store) (*index.Index, error) {
	x, err := index.Open(d.indexPath())
	if err != nil {
		if errors.Is(err, index.ErrLocked) {
			return nil, userErrorf("%v: a running \"unionscope serve\" holds it; query it over HTTP or stop it", err)
		}
		return nil, err
	}
	if _, err := x.CatchUp(ctx, s); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// openSearchable opens the store and its index, brought up to date, for
// commands that query; close closes both in reverse order.
func (d *dataFlags) openSearchable(ctx context.Context, create bool) (*corpus.Store, *index.Index, func(), error) {
	store, err := d.openStore(create)
	if err != nil {
		return nil, nil, nil, err
	}
	x, err := d.openIndex(ctx, store)
	if err != nil {
		store.Close()
		return nil, nil, nil, err
	}
	return store, x, func() { x.Close(); store.Close() }, nil
}

// openIngester opens the store for writing and, unless a running server
// holds it, the index. When the server holds the index the documents are
// only stored, and the server indexes them from the store's change log.
func (d *dataFlags) openIngester(ctx context.Context, e *env, create bool) (*ingest.Ingester, func(), error) {
	store, err := d.openStore(create)
	if err != nil {
		return nil, nil, err
	}
	g := &ingest.Ingester{Store: store}
	x, err := d.openIndex(ctx, store)
	switch {
	case err == nil:
		g.Index = x
		return g, func() { x.Close(); store.Close() }, nil
	case isUserError(err):
		fmt.Fprintf(e.stderr, "note: %v; documents are stored and the server will index them\n", errors.Unwrap(err))
		return g, func() { store.Close() }, nil
	}
	store.Close()
	return nil, nil, err
}

// isUserError reports whether err is the caller's mistake rather than ours.
func isUserError(err error) bool {
	var u usageError
	return errors.As(err, &u) || errors.Is(err, derrors.InvalidArgument) || errors.Is(err, corpus.ErrNotFound) ||
		errors.Is(err, decode.ErrEmpty) || errors.Is(err, decode.ErrBinary) || errors.Is(err, extract.ErrNoArticle) || errors.Is(err, os.ErrNotExist)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// newProgress returns a progress bar on stderr when it is a terminal, and a
// silent one otherwise, so piped output stays clean.
func newProgress(e *env, max int, what string) *progressbar.ProgressBar {
	if !isTerminal(e.stderr) {
		// Invisible rather than DefaultSilent: a silent bar of unknown
		// length (reextract's) starts a spinner goroutine that reads the
		// bar's state without its lock, which -race reports.
		return progressbar.NewOptions(max, progressbar.OptionSetWriter(io.Discard), progressbar.OptionSetVisibility(false))
	}
	return progressbar.NewOptions(max,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)
}
