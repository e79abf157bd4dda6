package dedup

import (
	"context"

	"github.com/unionscope/unionscope/corpus"
)

// Info is what is known about a document's copies and origins, as `show`
// and GET /api/docs/{id} report it.
type Info struct {
	// Provenance is every place the document was seen at.
	Provenance []corpus.Provenance `json:"provenance"`
	// Canonical is false when another copy stands for the document's
	// cluster.
	Canonical bool `json:"canonical"`
	// Copies are the other members of its cluster, canonical first.
	Copies []corpus.DupDoc `json:"copies"`
	// ContainedIn links to larger documents holding this one, Contains to
	// the parts it holds.
	ContainedIn []Containment `json:"contained_in"`
	Contains    []Containment `json:"contains"`
}

// LoadInfo reads the provenance, copies and containment links of document
// id, at the thresholds the store's clusters were built with. Lists are
// empty, never nil.
func LoadInfo(ctx context.Context, store *corpus.Store, id string) (*Info, error) {
	var info Info
	var err error
	if info.Provenance, err = store.ProvenanceOf(ctx, id); err != nil {
		return nil, err
	}
	if info.Canonical, err = store.IsCanonical(ctx, id); err != nil {
		return nil, err
	}
	copies, err := store.Copies(ctx, id)
	if err != nil {
		return nil, err
	}
	info.Copies = []corpus.DupDoc{}
	for _, c := range copies {
		if c.ID != id {
			info.Copies = append(info.Copies, c)
		}
	}
	o, err := LoadOptions(ctx, store)
	if err != nil {
		return nil, err
	}
	links, err := Containments(ctx, store, id, o)
	if err != nil {
		return nil, err
	}
	info.ContainedIn, info.Contains = []Containment{}, []Containment{}
	for _, l := range links {
		if l.Part.ID == id {
			info.ContainedIn = append(info.ContainedIn, l)
		} else {
			info.Contains = append(info.Contains, l)
		}
	}
	return &info, nil
}
