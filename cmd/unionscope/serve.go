package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/unionscope/unionscope/httpapi"
	"github.com/unionscope/unionscope/ingest"
	"github.com/unionscope/unionscope/sample"
)

func init() {
	register(command{name: "serve", summary: "serve the JSON API and the research web page", run: runServe, lightGC: true})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "serve [flags]", `  unionscope serve                      # http://127.0.0.1:8080/
  unionscope serve --addr 127.0.0.1:9000 --data ~/corpora/sichuan
  unionscope serve --demo --data /tmp/demo   # import the bundled samples first

The server picks up documents that "unionscope import" or "crawl" store
while it runs, within a second or two. Stop it with Ctrl-C.`)
	var df dataFlags
	df.register(fs, e)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`; the default answers only this machine")
	demo := fs.Bool("demo", false, "import the bundled sample documents into the data folder first")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return userErrorf("serve takes no arguments, got %q", fs.Args())
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))

	// Store, then index, then listener; closed in the reverse order.
	store, x, closeData, err := df.openSearchable(ctx, *demo)
	if err != nil {
		return err
	}
	defer closeData()
	if *demo {
		g := &ingest.Ingester{Store: store, Index: x}
		err := g.AddFS(ctx, sample.FS, "sample:", func(path string, _ ingest.Result, err error) {
			if err != nil {
				log.Warn("demo document skipped", "file", path, "err", err)
			}
		})
		if err != nil {
			return fmt.Errorf("import demo documents: %w", err)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usageError{fmt.Errorf("listen on %s: %w", *addr, err)}
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "data", df.Dir)
	srv := httpapi.New(store, x, log)
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}
