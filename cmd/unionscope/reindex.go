package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/unionscope/unionscope/index"
)

func init() {
	register(command{name: "reindex", summary: "rebuild the search index from the store", run: runReindex, bulk: true})
}

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reindex", "reindex [flags]", `  unionscope reindex
  unionscope reindex --data ~/corpora/sichuan`)
	var df dataFlags
	df.register(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return userErrorf("reindex takes no arguments, got %q", fs.Args())
	}
	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	// Open first, so that an index held by a server is reported rather than
	// deleted under it.
	x, err := index.Open(df.indexPath())
	if err != nil {
		if errors.Is(err, index.ErrLocked) {
			return userErrorf("%v: stop \"unionscope serve\" first", err)
		}
	} else {
		x.Close()
	}
	x, err = index.Rebuild(df.indexPath())
	if err != nil {
		return err
	}
	defer x.Close()
	n, err := x.Reload(ctx, store)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(e.stdout, "reindexed %d documents\n", n)
	return nil
}
