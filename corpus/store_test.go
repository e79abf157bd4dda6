package corpus

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func mustOpen(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	t.Cleanup(func() { s.Close() })
	return s
}

func testDoc(part int, title string) Document {
	return Document{
		SourceFile: "a.txt", Part: part, Title: title, Date: "2011-07-12",
		Region: Region{Province: "四川省", City: "巴中市"}, Doctype: DoctypeSummary,
		Body:      []string{"第一段。", "第二段，送温暖资金20万元。"},
		Metrics:   []Metric{{Category: "funds", Value: 200000, Low: 200000, High: 200000, Unit: "元", Subject: "送温暖资金", Surface: "20万元", Sentence: "第二段，送温暖资金20万元。", Offset: 14}},
		Campaigns: []Campaign{{Name: "送溫暖", Key: "送温暖", Count: 2}},
	}
}

func TestReplaceSourceIsIdempotentAndReplaces(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	docs := []Document{testDoc(1, "一"), testDoc(2, "二")}
	n, err := s.ReplaceSource(ctx, "/x/a.txt", "h1", docs)
	if err != nil || n != 2 {
		t.Fatalf("first ReplaceSource = %d, %v; want 2, nil", n, err)
	}
	n, err = s.ReplaceSource(ctx, "/x/a.txt", "h1", []Document{testDoc(1, "一"), testDoc(2, "二")})
	if err != nil || n != 0 {
		t.Fatalf("same documents again = %d, %v; want 0 changes", n, err)
	}
	seq, _ := s.LastSeq(ctx)
	if seq != 2 {
		t.Errorf("LastSeq = %d, want 2", seq)
	}

	// The source now yields one changed part: part 1 is rewritten, part 2 deleted.
	n, err = s.ReplaceSource(ctx, "/x/a.txt", "h2", []Document{testDoc(1, "一改")})
	if err != nil || n != 2 {
		t.Fatalf("changed source = %d, %v; want 2 changes", n, err)
	}
	if c, _ := s.Count(ctx); c != 1 {
		t.Errorf("Count = %d, want 1", c)
	}
	got, err := s.Get(ctx, DocID("/x/a.txt", 1))
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "一改" || len(got.Metrics) != 1 || got.Metrics[0].Value != 200000 || got.Campaigns[0].Count != 2 {
		t.Errorf("Get = %+v", got)
	}
	if _, err := s.Get(ctx, DocID("/x/a.txt", 2)); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted part: err = %v, want ErrNotFound", err)
	}
	changes, err := s.Changes(ctx, 2, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{{3, DocID("/x/a.txt", 1), false}, {4, DocID("/x/a.txt", 2), true}}
	if len(changes) != len(want) {
		t.Fatalf("Changes = %+v, want %+v", changes, want)
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, changes[i], want[i])
		}
	}
	if h, ok, _ := s.SourceHash(ctx, "/x/a.txt"); !ok || h != "h2" {
		t.Errorf("SourceHash = %q, %v", h, ok)
	}
	var metrics int
	s.DB().QueryRow(`SELECT COUNT(*) FROM metrics`).Scan(&metrics)
	if metrics != 1 {
		t.Errorf("metrics rows = %d, want 1 (deleted with their document)", metrics)
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceSource(ctx, "/x/a.txt", "h", []Document{testDoc(1, "一")}); err != nil {
		t.Fatal(err)
	}
	v1, _ := s.SchemaVersion(ctx)
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v2, _ := s.SchemaVersion(ctx)
	if v1 == 0 || v1 != v2 {
		t.Errorf("schema version %d then %d", v1, v2)
	}
	var ids []string
	s.Each(ctx, func(d *Document) error { ids = append(ids, d.ID); return nil })
	if len(ids) != 1 {
		t.Errorf("Each after reopen saw %v", ids)
	}
}

func TestDocIDIsStable(t *testing.T) {
	if DocID("/a", 1) != DocID("/a", 1) || DocID("/a", 1) == DocID("/a", 2) || len(DocID("/a", 1)) != 16 {
		t.Error("DocID is not a stable 16-digit key per source and part")
	}
}

// TestConcurrentWritersFromTwoHandles is what an import and a crawl (or a
// server) writing at once look like: two connections to one file. With
// deferred transactions, a read-then-write one fails with "database is
// locked" when the other writes in between.
func TestConcurrentWritersFromTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	errs := make(chan error, 2)
	for i, s := range stores {
		go func() {
			for j := range 30 {
				src := "/w" + strconv.Itoa(i) + "/" + strconv.Itoa(j)
				if _, err := s.ReplaceSource(ctx, src, "h", []Document{testDoc(1, src)}); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := stores[0].Count(ctx); n != 60 {
		t.Errorf("Count = %d, want 60", n)
	}
}

// TestToIndexMatchesGet checks the batched read the index uses against
// Get and IsCanonical, document by document.
func TestToIndexMatchesGet(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	one := testDoc(1, "一")
	two := testDoc(2, "二")
	two.Campaigns = append(two.Campaigns, Campaign{Name: "金秋助学", Key: "金秋助学", Count: 1})
	three := testDoc(1, "三")
	three.Campaigns = nil
	if _, err := s.ReplaceSource(ctx, "/x/a.txt", "h", []Document{one, two}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceSource(ctx, "/x/b.txt", "h", []Document{three}); err != nil {
		t.Fatal(err)
	}
	ids := []string{DocID("/x/a.txt", 1), DocID("/x/a.txt", 2), DocID("/x/b.txt", 1)}
	err := s.Dedup(ctx, func(tx *DedupTx) error {
		if err := tx.SetMembership(ids[0], &Membership{Cluster: ids[2], Size: 2}); err != nil {
			return err
		}
		return tx.SetMembership(ids[2], &Membership{Cluster: ids[2], Canonical: true, Size: 2})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ToIndex(ctx, append(ids, "missing"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) {
		t.Errorf("ToIndex returned %d documents, want %d", len(got), len(ids))
	}
	for _, id := range ids {
		want, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want.Metrics = []Metric{}
		canonical, err := s.IsCanonical(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(Indexable{Document: want, Canonical: canonical}, got[id]); diff != "" {
			t.Errorf("ToIndex(%s) differs from Get without metrics (-want +got):\n%s", id, diff)
		}
	}
	var each []Indexable
	if err := s.EachToIndex(ctx, func(d Indexable) error { each = append(each, d); return nil }); err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	var want []Indexable
	for _, id := range ids {
		want = append(want, got[id])
	}
	if diff := cmp.Diff(want, each); diff != "" {
		t.Errorf("EachToIndex differs from ToIndex in ID order (-want +got):\n%s", diff)
	}
}
