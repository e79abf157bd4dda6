package dedup

import (
	"context"
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

func TestContainmentsPointFromPartToWhole(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	for _, src := range []string{"/speech.txt", "/huibian.txt"} {
		if _, err := s.ReplaceSource(ctx, src, "h", []corpus.Document{{SourceFile: src, Title: src, Body: []string{src}}}); err != nil {
			t.Fatal(err)
		}
	}
	speech, book := corpus.DocID("/speech.txt", 0), corpus.DocID("/huibian.txt", 0)
	err := s.Dedup(ctx, func(tx *corpus.DedupTx) error {
		return tx.PutPair(corpus.DupPair{A: book, B: speech, Score: 0.45, AinB: 0, BinA: 0.97})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{speech, book} {
		links, err := Containments(ctx, s, id, Options{Threshold: 0.8, Containment: 0.8})
		if err != nil {
			t.Fatal(err)
		}
		if len(links) != 1 || links[0].Part.ID != speech || links[0].Whole.ID != book || links[0].Share != 0.97 {
			t.Errorf("Containments(%s) = %+v, want the speech inside the compilation", id, links)
		}
	}
	// Above the copy threshold the pair is a copy, not a containment.
	if links, err := Containments(ctx, s, speech, Options{Threshold: 0.4, Containment: 0.8}); err != nil || len(links) != 0 {
		t.Errorf("Containments at threshold 0.4 = %+v, %v; want none", links, err)
	}
}
