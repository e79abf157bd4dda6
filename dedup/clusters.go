package dedup

import (
	"context"

	"github.com/unionscope/unionscope/corpus"
)

// ClustersAt calls fn with every cluster of at least minSize documents
// that the stored pairs form at threshold, canonical member first, without
// changing the stored clusters: what "dups --threshold" lists when the
// clusters were built at another one.
func ClustersAt(ctx context.Context, store *corpus.Store, threshold float64, minSize int, fn func([]corpus.DupDoc) error) error {
	pairs, err := store.PairsAbove(ctx, threshold)
	if err != nil {
		return err
	}
	for _, comp := range Components(pairs, threshold) {
		if len(comp) < minSize {
			continue
		}
		docs, err := store.DupDocs(ctx, comp)
		if err != nil {
			return err
		}
		if len(docs) < minSize {
			continue
		}
		canon := Canonical(docs)
		members := make([]corpus.DupDoc, 0, len(docs))
		for _, doc := range docs {
			doc.Canonical = doc.ID == canon
			if doc.Canonical {
				members = append([]corpus.DupDoc{doc}, members...)
			} else {
				members = append(members, doc)
			}
		}
		if err := fn(members); err != nil {
			return err
		}
	}
	return nil
}
