package dedup

import (
	"context"

	"github.com/unionscope/unionscope/corpus"
)

// Containment is a link between a part and a larger document that holds it
// without being a copy of it: a speech inside a compilation, say.
type Containment struct {
	Part  corpus.DupDoc `json:"part"`
	Whole corpus.DupDoc `json:"whole"`
	Share float64       `json:"share"`
}

// Containments returns the contained-in links of document id in either
// direction at the thresholds o: its stored pairs that score below
// o.Threshold, so are not copies, while the smaller side has at least
// o.Containment of its shingles inside the other.
func Containments(ctx context.Context, store *corpus.Store, id string, o Options) ([]Containment, error) {
	pairs, err := store.PairsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	out := []Containment{}
	for _, p := range pairs {
		if p.Score >= o.Threshold || max(p.AinB, p.BinA) < o.Containment {
			continue
		}
		part, whole, share := p.A, p.B, p.AinB
		if p.BinA > p.AinB {
			part, whole, share = p.B, p.A, p.BinA
		}
		docs, err := store.DupDocs(ctx, []string{part, whole})
		if err != nil {
			return nil, err
		}
		if len(docs) != 2 {
			continue // one side is gone and its pairs are not yet cleaned up
		}
		c := Containment{Share: share}
		for _, d := range docs {
			if d.ID == part {
				c.Part = d
			} else {
				c.Whole = d
			}
		}
		out = append(out, c)
	}
	return out, nil
}
