package dedup

import (
	"context"
	"slices"
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

// TestClustersAtAnotherThreshold joins three stored documents by two pairs
// of different scores and lists the clusters at thresholds either side of
// the weaker pair, leaving the stored clusters alone.
func TestClustersAtAnotherThreshold(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	dates := map[string]string{"/a.txt": "2012-03-01", "/b.txt": "2011-05-04", "/c.txt": "2013-01-09"}
	for src, date := range dates {
		if _, err := s.ReplaceSource(ctx, src, "h", []corpus.Document{{SourceFile: src, Title: src, Date: date, Body: []string{src}}}); err != nil {
			t.Fatal(err)
		}
	}
	a, b, c := corpus.DocID("/a.txt", 0), corpus.DocID("/b.txt", 0), corpus.DocID("/c.txt", 0)
	err := s.Dedup(ctx, func(tx *corpus.DedupTx) error {
		if err := tx.PutPair(corpus.DupPair{A: a, B: b, Score: 0.95, AinB: 0.95, BinA: 0.95}); err != nil {
			return err
		}
		return tx.PutPair(corpus.DupPair{A: b, B: c, Score: 0.85, AinB: 0.85, BinA: 0.85})
	})
	if err != nil {
		t.Fatal(err)
	}
	list := func(threshold float64, minSize int) [][]string {
		t.Helper()
		var out [][]string
		err := ClustersAt(ctx, s, threshold, minSize, func(members []corpus.DupDoc) error {
			var ids []string
			for i, m := range members {
				if m.Canonical != (i == 0) {
					t.Errorf("member %d of %v: canonical %v", i, members, m.Canonical)
				}
				ids = append(ids, m.ID)
			}
			out = append(out, ids)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// The earliest date is canonical: b.
	sorted := func(first string, rest ...string) []string {
		slices.Sort(rest)
		return append([]string{first}, rest...)
	}
	for _, tt := range []struct {
		threshold float64
		minSize   int
		want      [][]string
	}{
		{0.9, 2, [][]string{{b, a}}},
		{0.8, 2, [][]string{sorted(b, a, c)}},
		{0.8, 4, nil},
	} {
		got := list(tt.threshold, tt.minSize)
		if !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("ClustersAt(%g, %d) = %v, want %v", tt.threshold, tt.minSize, got, tt.want)
		}
	}
	if m, ok, err := s.MembershipOf(ctx, a); err != nil || ok {
		t.Errorf("the stored clusters changed: %+v, %v, %v", m, ok, err)
	}
}
