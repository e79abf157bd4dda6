package corpus

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestProvenanceMergesSightings(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 8, 0, 0, 0, time.UTC) }
	// Storing a source is itself a sighting, at the store's clock.
	s.Now = func() time.Time { return day(3) }
	src := "https://www.example-union.org.cn/news/1.html"
	if _, err := s.ReplaceSource(ctx, src, "h1", []Document{testDoc(0, "一")}); err != nil {
		t.Fatal(err)
	}
	id := DocID(src, 0)
	for _, p := range []Provenance{
		{Location: src, ContentHash: "h1", LastSeen: day(5)},
		// The crawler adds the WARC record of the same fetch later.
		{Location: src, ContentHash: "h1", LastSeen: day(5), WARCFile: "crawl-0001.warc.gz", WARCOffset: 4096},
		// An earlier sighting arrives late: first_seen moves back,
		// last_seen stays, the WARC location is kept.
		{Location: src, ContentHash: "h1", LastSeen: day(2)},
		{Location: src, ContentHash: "h2", LastSeen: day(9)},
	} {
		if err := s.AddProvenance(ctx, id, p); err != nil {
			t.Fatal(err)
		}
	}
	// A document that does not exist gets nothing, and no error.
	if err := s.AddProvenance(ctx, "0000000000000000", Provenance{Location: "x", ContentHash: "h"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProvenanceOf(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []Provenance{
		{Location: src, ContentHash: "h1", FirstSeen: day(2), LastSeen: day(5), WARCFile: "crawl-0001.warc.gz", WARCOffset: 4096},
		{Location: src, ContentHash: "h2", FirstSeen: day(9), LastSeen: day(9)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ProvenanceOf (-want +got):\n%s", diff)
	}

	// Provenance goes with its document.
	if _, err := s.ReplaceSource(ctx, src, "h3", nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ProvenanceOf(ctx, id); err != nil || len(got) != 0 {
		t.Errorf("after deletion ProvenanceOf = %v, %v; want none", got, err)
	}
}

func TestSourceProvenanceCoversEveryPart(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.ReplaceSource(ctx, "/data/huibian.txt", "h", []Document{testDoc(1, "一"), testDoc(2, "二")}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSourceProvenance(ctx, "/data/huibian.txt", Provenance{Location: "/data/huibian.txt", ContentHash: "h"}); err != nil {
		t.Fatal(err)
	}
	for _, part := range []int{1, 2} {
		got, err := s.ProvenanceOf(ctx, DocID("/data/huibian.txt", part))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !got[0].FirstSeen.Equal(s.Now()) {
			t.Errorf("part %d: provenance %+v, want one sighting at the store's clock", part, got)
		}
	}
}
