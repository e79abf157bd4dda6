package loadtest

import (
	"context"
	"fmt"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/synth"
)

// Synthesize returns n documents made from seed by the benchmarks'
// generator (package internal/synth), as extraction would store them: each
// with a title, a date from 2006 to 2023, a region, a doctype, paragraphs,
// campaigns and quantities.
func Synthesize(n int, seed uint64) ([]corpus.Document, error) {
	g, err := synth.New(seed)
	if err != nil {
		return nil, err
	}
	docs := make([]corpus.Document, n)
	for i := range docs {
		d, err := g.Next()
		if err != nil {
			return nil, err
		}
		docs[i] = d.Document()
	}
	return docs, nil
}

// sourcePrefix begins the name of every source Store writes.
const sourcePrefix = "synthetic:"

// Store adds docs to st as parts of sources named synthetic:N, N the
// number of documents stored before the source's first, a few hundred
// documents to a transaction, and returns how many it wrote.
func Store(ctx context.Context, st *corpus.Store, docs []corpus.Document) (int, error) {
	const per = 500
	have, err := st.Count(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for start := 0; start < len(docs); start += per {
		batch := docs[start:min(start+per, len(docs))]
		source := fmt.Sprintf("%s%d", sourcePrefix, have+start)
		for i := range batch {
			batch[i].Part = i
			batch[i].SourceFile = source
		}
		if _, err := st.ReplaceSource(ctx, source, source, batch); err != nil {
			return n, fmt.Errorf("store synthetic documents: %w", err)
		}
		n += len(batch)
	}
	return n, nil
}
