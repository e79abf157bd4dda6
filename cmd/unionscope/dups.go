package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
)

func init() {
	register(command{name: "dups", summary: "list clusters of reposted copies, or rebuild them", run: runDups})
}

// dupCluster is one line of "dups --format jsonl".
type dupCluster struct {
	Cluster string          `json:"cluster"`
	Size    int             `json:"size"`
	Members []corpus.DupDoc `json:"members"`
}

func runDups(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "dups", "dups [flags]", `  unionscope dups
  unionscope dups --min-size 3 --format jsonl | jq -r '.members[].url'
  unionscope dups --threshold 0.9          # stricter, without changing the stored clusters
  unionscope dups --rebuild --threshold 0.7  # recompute every cluster and keep this threshold

Two documents are copies when the share of shingles (five-character
pieces of the folded text) they have in common, over the larger one's,
reaches the threshold. Each cluster's canonical copy, listed first and
marked *, has the earliest date, then the most official source (a union,
then a government site), then the smallest ID; search shows only it.`)
	var df dataFlags
	df.register(fs, e)
	minSize := fs.Int("min-size", 2, "list clusters of at least `n` documents")
	format := fs.format("text, or jsonl for one JSON object per cluster", "text", "jsonl")
	threshold := fs.Float64("threshold", dedup.DefaultThreshold, fmt.Sprintf("copy `score` (%g..1); when not given, the one the clusters were built with", dedup.MinThreshold))
	rebuild := fs.Bool("rebuild", false, "recompute every sketch, pair and cluster from the stored documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return userErrorf("dups takes no arguments, got %q", fs.Args())
	}
	if *minSize < 2 {
		return userErrorf("--min-size %d: a cluster has at least 2 documents", *minSize)
	}
	thresholdSet := false
	fs.Visit(func(f *flag.Flag) { thresholdSet = thresholdSet || f.Name == "threshold" })

	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := dedup.New(ctx, store)
	if err != nil {
		return err
	}
	if thresholdSet {
		d.Options.Threshold = *threshold
		if err := d.Options.Validate(); err != nil {
			return usageError{fmt.Errorf("--threshold: %w", err)}
		}
	}
	if *rebuild {
		if err := rebuildDups(ctx, e, &df, store, d); err != nil {
			return err
		}
	}

	out := newJSONLines(e.stdout)
	n := 0
	emit := func(members []corpus.DupDoc) error {
		n++
		if *format == "jsonl" {
			return out.write(dupCluster{Cluster: members[0].ID, Size: len(members), Members: members})
		}
		printCluster(e.stdout, members)
		return nil
	}
	stored, err := dedup.LoadOptions(ctx, store)
	if err != nil {
		return err
	}
	if d.Options.Threshold == stored.Threshold {
		err = store.EachCluster(ctx, *minSize, emit)
	} else {
		err = dedup.ClustersAt(ctx, store, d.Options.Threshold, *minSize, emit)
	}
	if err != nil {
		return err
	}
	if *format == "text" && n == 0 {
		fmt.Fprintf(e.stdout, "no clusters of %d or more copies at threshold %g\n", *minSize, d.Options.Threshold)
	}
	return nil
}

func rebuildDups(ctx context.Context, e *env, df *dataFlags, store *corpus.Store, d *dedup.Detector) error {
	total, err := store.Count(ctx)
	if err != nil {
		return err
	}
	bar := newProgress(e, total, "finding copies")
	st, err := d.Rebuild(ctx, func() { bar.Add(1) })
	bar.Finish()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d documents: %d pairs of copies, %d clusters, %d non-canonical copies (threshold %g)\n",
		st.Documents, st.Pairs, st.Clusters, st.Copies, d.Options.Threshold)
	// The index learns the new clusters from the change log; apply it now
	// unless a server holds the index and will do so itself.
	x, err := df.openIndex(ctx, store)
	switch {
	case err == nil:
		return x.Close()
	case isUserError(err):
		fmt.Fprintf(e.stderr, "note: %v; the server will apply the new clusters\n", errors.Unwrap(err))
		return nil
	}
	return err
}

func printCluster(w io.Writer, members []corpus.DupDoc) {
	fmt.Fprintf(w, "%s  %d copies  %s\n", members[0].ID, len(members), members[0].Title)
	for _, m := range members {
		mark := " "
		if m.Canonical {
			mark = "*"
		}
		fmt.Fprintf(w, "  %s %s  %-10s  %s  %s\n", mark, m.ID, orDash(m.Date), orDash(m.Publisher), where(m))
	}
}

// where is a document's URL, or its file when it has none.
func where(m corpus.DupDoc) string {
	if m.URL != "" {
		return m.URL
	}
	if m.SourceFile != "" {
		return m.SourceFile
	}
	return m.Source
}

// dupInfo is what "show" adds about a document's copies and origins.
type dupInfo struct{ dedup.Info }

func loadDupInfo(ctx context.Context, store *corpus.Store, id string) (*dupInfo, error) {
	info, err := dedup.LoadInfo(ctx, store, id)
	if err != nil {
		return nil, err
	}
	return &dupInfo{*info}, nil
}

func (info *dupInfo) print(w io.Writer) {
	if len(info.Provenance) > 0 {
		fmt.Fprintf(w, "\nseen at (%d):\n", len(info.Provenance))
		for _, p := range info.Provenance {
			fmt.Fprintf(w, "  %s  %s  sha256:%.12s", p.FirstSeen.Format("2006-01-02 15:04"), p.Location, p.ContentHash)
			if !p.LastSeen.Equal(p.FirstSeen) {
				fmt.Fprintf(w, "  last %s", p.LastSeen.Format("2006-01-02 15:04"))
			}
			if p.WARCFile != "" {
				fmt.Fprintf(w, "  warc %s@%d", p.WARCFile, p.WARCOffset)
			}
			fmt.Fprintln(w)
		}
	}
	if len(info.Copies) > 0 {
		state := "this is the canonical copy"
		if !info.Canonical {
			state = "the canonical copy is marked *"
		}
		fmt.Fprintf(w, "\nalso at %d other %s (%s):\n", len(info.Copies), plural(len(info.Copies), "place", "places"), state)
		for _, c := range info.Copies {
			mark := " "
			if c.Canonical {
				mark = "*"
			}
			fmt.Fprintf(w, "  %s %s  %-10s  %s\n", mark, c.ID, orDash(c.Date), where(c))
		}
	}
	for _, l := range info.ContainedIn {
		fmt.Fprintf(w, "\ncontained in %s (%.0f%% of this text)  %s  %s\n", l.Whole.ID, 100*l.Share, l.Whole.Title, where(l.Whole))
	}
	for _, l := range info.Contains {
		fmt.Fprintf(w, "\ncontains %s (%.0f%% of it)  %s  %s\n", l.Part.ID, 100*l.Share, l.Part.Title, where(l.Part))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
