// Package httpapi serves the corpus over HTTP: the JSON API and the
// research web page.
package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
)

// Server answers search requests from a store and the index it holds, and
// keeps the index up to date with documents that other processes store.
type Server struct {
	Store *corpus.Store
	Index *index.Index
	// Logger receives one line per request and the catch-up loop's errors;
	// nil means slog.Default().
	Logger *slog.Logger
	// Timeout bounds one ordinary request; StreamTimeout bounds the
	// streamed exports (metrics, kwic), which may walk the whole corpus.
	Timeout       time.Duration
	StreamTimeout time.Duration
	// CatchUpEvery is how often the index applies the store's new changes.
	CatchUpEvery time.Duration
	// MaxSearches bounds the searches that run at once; the others wait
	// their turn (within their deadline). 0 means GOMAXPROCS, a negative
	// value no bound. A search is CPU work: more at once than there are
	// cores only share the cores, so each takes longer and the slowest
	// much longer.
	MaxSearches int

	searchesOnce sync.Once
	searches     chan struct{} // a token per search running; nil for no bound
}

// New returns a server over store and x with the default timeouts.
func New(store *corpus.Store, x *index.Index, logger *slog.Logger) *Server {
	return &Server{
		Store:         store,
		Index:         x,
		Logger:        logger,
		Timeout:       15 * time.Second,
		StreamTimeout: 2 * time.Minute,
		CatchUpEvery:  time.Second,
	}
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// Handler returns the routes: the API under /api/, /healthz and the page.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, timeout time.Duration, h handlerFunc) {
		mux.Handle(pattern, s.handle(timeout, h))
	}
	api("/api/search", s.Timeout, s.search)
	api("/api/docs/{id}", s.Timeout, s.doc)
	api("/api/metrics", s.StreamTimeout, s.metrics)
	api("/api/campaigns", s.Timeout, s.campaigns)
	api("/api/kwic", s.StreamTimeout, s.kwic)
	api("/api/stats", s.Timeout, s.stats)
	api("/healthz", s.Timeout, s.health)
	api("/{$}", s.Timeout, servePage)
	mux.Handle("/assets/", s.handle(s.Timeout, serveAsset))
	api("/", s.Timeout, func(w http.ResponseWriter, r *http.Request) error {
		return notFound("", "no such page: "+r.URL.Path)
	})
	return s.logRequests(mux)
}

// handlerFunc is a handler that returns its error for writeError to report.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts h: only GET and HEAD, a deadline on the request's context,
// and every error written by writeError.
func (s *Server) handle(timeout time.Duration, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.writeError(w, r, &httpError{status: http.StatusMethodNotAllowed, msg: "method " + r.Method + " not allowed"})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// Serve answers on ln until ctx is cancelled, then shuts down gracefully,
// letting requests in flight finish. It catches the index up with the
// store every CatchUpEvery meanwhile.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// A little more than the longest request may take, so that the
		// handler's own deadline ends it with a message first.
		WriteTimeout: max(s.Timeout, s.StreamTimeout) + 5*time.Second,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(s.logger().Handler(), slog.LevelWarn),
		// Requests do not inherit ctx: cancelling it starts a shutdown
		// that lets the requests in flight finish.
	}
	followCtx, stopFollow := context.WithCancel(ctx)
	followed := make(chan struct{})
	go func() {
		defer close(followed)
		s.Follow(followCtx)
	}()
	defer func() {
		stopFollow()
		<-followed
	}()

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		// Requests still running after the grace period are cut off.
		srv.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

// Follow applies the store's change log to the index every CatchUpEvery
// until ctx is cancelled, so that documents another process imports become
// searchable without a restart.
func (s *Server) Follow(ctx context.Context) {
	every := s.CatchUpEvery
	if every <= 0 {
		every = time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.Index.CatchUp(ctx, s.Store)
		switch {
		case err != nil && ctx.Err() == nil:
			s.logger().Warn("catch up with the store", "err", err)
		case n > 0:
			s.logger().Info("indexed changes", "changes", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach Flush on the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.logger().LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("query", r.URL.RawQuery),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Duration("took", time.Since(start)),
		)
	})
}

// searchTurn waits for a search's turn and returns the function that ends
// it, or the context's error when the deadline comes first.
func (s *Server) searchTurn(ctx context.Context) (done func(), err error) {
	s.searchesOnce.Do(func() {
		n := s.MaxSearches
		if n == 0 {
			n = runtime.GOMAXPROCS(0)
		}
		if n > 0 {
			s.searches = make(chan struct{}, n)
		}
	})
	if s.searches == nil {
		return func() {}, nil
	}
	select {
	case s.searches <- struct{}{}:
		return func() { <-s.searches }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
