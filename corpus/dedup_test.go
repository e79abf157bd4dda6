package corpus

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMembershipLogsChangesAndFeedsCanonicalView(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var ids []string
	for _, src := range []string{"/a.txt", "/b.txt", "/c.txt"} {
		if _, err := s.ReplaceSource(ctx, src, "h", []Document{testDoc(0, src)}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, DocID(src, 0))
	}
	if err := s.Dedup(ctx, func(tx *DedupTx) error {
		return tx.PutPair(DupPair{A: ids[1], B: ids[0], Score: 0.9, AinB: 0.95, BinA: 0.9})
	}); err != nil {
		t.Fatal(err)
	}
	// The index holds only whether a document is canonical, so only a
	// change of that is logged.
	type set struct {
		id int
		m  *Membership
	}
	member := func(canonical bool, size int) *Membership {
		return &Membership{Cluster: ids[0], Canonical: canonical, Size: size}
	}
	for _, step := range []struct {
		name   string
		sets   []set
		logged []int
	}{
		{"a cluster forms", []set{{0, member(true, 2)}, {1, member(false, 2)}}, []int{1}},
		{"the same again", []set{{1, member(false, 2)}}, nil},
		{"it grows", []set{{0, member(true, 3)}, {1, member(false, 3)}, {2, member(false, 3)}}, []int{2}},
		{"the canonical copy moves", []set{{0, member(false, 3)}, {2, member(true, 3)}}, []int{0, 2}},
		{"it splits", []set{{2, nil}, {0, member(true, 2)}, {1, member(false, 2)}}, []int{0}},
	} {
		before, err := s.LastSeq(ctx)
		if err != nil {
			t.Fatal(err)
		}
		err = s.Dedup(ctx, func(tx *DedupTx) error {
			for _, st := range step.sets {
				if err := tx.SetMembership(ids[st.id], st.m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		changes, err := s.Changes(ctx, before, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, c := range changes {
			got = append(got, c.DocID)
		}
		for _, i := range step.logged {
			want = append(want, ids[i])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: logged changes of %v, want %v", step.name, got, want)
		}
	}
	counts, err := s.CopyCounts(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{ids[0]: 1, ids[1]: 1}; !maps.Equal(counts, want) {
		t.Errorf("CopyCounts = %v, want %v", counts, want)
	}

	var n int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM canonical_docs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("canonical_docs has %d documents, want 2 (the canonical copy and the unclustered one)", n)
	}
	for i, want := range []bool{true, false, true} {
		got, err := s.IsCanonical(ctx, ids[i])
		if err != nil || got != want {
			t.Errorf("IsCanonical(%s) = %v, %v; want %v", ids[i], got, err, want)
		}
	}
	copies, err := s.Copies(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(copies) != 2 || copies[0].ID != ids[0] || !copies[0].Canonical {
		t.Errorf("Copies = %+v, want the canonical %s first of 2", copies, ids[0])
	}
	pairs, err := s.PairsAbove(ctx, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	// PutPair orders the pair and swaps the containments with it.
	a, b := ids[0], ids[1]
	wantPair := DupPair{A: a, B: b, Score: 0.9, AinB: 0.9, BinA: 0.95}
	if a > b {
		wantPair = DupPair{A: b, B: a, Score: 0.9, AinB: 0.95, BinA: 0.9}
	}
	if diff := cmp.Diff([]DupPair{wantPair}, pairs); diff != "" {
		t.Errorf("PairsAbove (-want +got):\n%s", diff)
	}
}

// TestSketchSeqs checks what package dedup's in-memory postings rely on:
// a sketch stored again gets a new number, numbers are never reused, and a
// forgotten sketch's number reads as nothing.
func TestSketchSeqs(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	put := func(tx *DedupTx, id string) int64 {
		t.Helper()
		seq, err := tx.PutSketch(DupSketch{DocID: id, Source: "/" + id, Shingles: 50, Signature: []byte{1}, Samples: []byte{2}})
		if err != nil {
			t.Fatal(err)
		}
		return seq
	}
	var a1, b, a2, c int64
	err := s.Dedup(ctx, func(tx *DedupTx) error {
		a1, b = put(tx, "a"), put(tx, "b")
		if err := tx.Forget("a"); err != nil {
			return err
		}
		a2 = put(tx, "a")
		// The highest number forgotten is not handed out again.
		if err := tx.Forget("a"); err != nil {
			return err
		}
		c = put(tx, "c")
		a2again := put(tx, "a")
		if !(a1 < b && b < a2 && a2 < c && c < a2again) {
			t.Errorf("seqs a=%d b=%d a=%d c=%d a=%d, want increasing", a1, b, a2, c, a2again)
		}
		var after []DupSketch
		if err := tx.SketchesAfter(b, func(sk DupSketch) error {
			after = append(after, sk)
			return nil
		}); err != nil {
			return err
		}
		wantAfter := []DupSketch{
			{Seq: c, Shingles: 50, Signature: []byte{1}, Samples: []byte{2}},
			{Seq: a2again, Shingles: 50, Signature: []byte{1}, Samples: []byte{2}},
		}
		if diff := cmp.Diff(wantAfter, after); diff != "" {
			t.Errorf("SketchesAfter(%d) (-want +got):\n%s", b, diff)
		}
		got, err := tx.SketchDocs([]int64{a2again, a1, b, a2})
		if err != nil {
			return err
		}
		if diff := cmp.Diff(map[int64]string{b: "b", a2again: "a"}, got); diff != "" {
			t.Errorf("SketchDocs (-want +got):\n%s", diff)
		}
		sk, ok, err := tx.Sketch("a")
		if err != nil {
			return err
		}
		want := DupSketch{Seq: a2again, DocID: "a", Source: "/a", Shingles: 50, Signature: []byte{1}, Samples: []byte{2}}
		if diff := cmp.Diff(want, sk); !ok || diff != "" {
			t.Errorf("Sketch(a) = %v (-want +got):\n%s", ok, diff)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
