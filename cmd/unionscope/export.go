package main

import (
	"context"

	"github.com/unionscope/unionscope/corpus"
)

func init() {
	register(command{name: "export", summary: "print every stored document as JSON lines", run: runExport})
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "export", "export [flags]", `  unionscope export --format jsonl > corpus.jsonl
  python3 ../shared/gold/score.py --gold ../shared/gold corpus.jsonl`)
	var df dataFlags
	df.register(fs, e)
	fs.format("jsonl, one JSON object per document", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return userErrorf("export takes no arguments, got %q", fs.Args())
	}
	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	out := newJSONLines(e.stdout)
	return store.Each(ctx, func(d *corpus.Document) error { return out.write(toDocJSON(d)) })
}
