package ingest

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/sample"
)

func newIngester(t *testing.T) *Ingester {
	t.Helper()
	dir := t.TempDir()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x, err := index.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return &Ingester{Store: st, Index: x}
}

// withRepost adds to the sample a copy of one document as an aggregator
// would post it: other clutter around the same report.
func withRepost(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(sample.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.FS, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	orig := string(m["pengan-2011-summary.txt"].Data)
	_, body, _ := strings.Cut(orig, "点击：312\n")
	body, _, _ = strings.Cut(body, "【打印本页】")
	m["repost.txt"] = &fstest.MapFile{Data: []byte("范文大全网 > 工作总结 > 工会工作总结\n蓬安县总工会2011年工作总结（精选）\n时间：2012-03-01 作者：范文网\n" + body + "\n更多精彩范文请访问范文大全网\n")}
	return m
}

func TestAddFSStoresIndexesAndClusters(t *testing.T) {
	ctx := context.Background()
	g := newIngester(t)
	var stored, skipped int
	report := func(path string, r Result, err error) {
		switch {
		case err != nil:
			skipped++
			t.Errorf("%s: %v", path, err)
		case r.Outcome == Stored:
			stored++
		}
	}
	fsys := withRepost(t)
	if err := g.AddFS(ctx, fsys, "test:", report); err != nil {
		t.Fatal(err)
	}
	if stored != 6 || skipped != 0 {
		t.Fatalf("stored %d, skipped %d; want 6, 0", stored, skipped)
	}
	n, _ := g.Store.Count(ctx)
	if c, _ := g.Index.Count(); int(c) != n {
		t.Errorf("index holds %d documents, store %d", c, n)
	}

	orig, repost := corpus.DocID("test:pengan-2011-summary.txt", 1), corpus.DocID("test:repost.txt", 1)
	copies, err := g.Store.Copies(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	var members []string
	for _, c := range copies {
		members = append(members, c.ID)
	}
	if strings.Join(members, ",") != orig+","+repost && strings.Join(members, ",") != repost+","+orig {
		t.Errorf("cluster of the original = %v, want it and the repost %s", members, repost)
	}
	if ok, _ := g.Store.IsCanonical(ctx, orig); !ok {
		t.Error("the earlier original is not the canonical copy")
	}
	res, err := g.Index.Search(ctx, index.Request{Query: "送温暖资金", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.ID == repost {
			t.Error("search shows the non-canonical repost by default")
		}
	}
	prov, err := g.Store.ProvenanceOf(ctx, orig)
	if err != nil || len(prov) != 1 || prov[0].Location != "test:pengan-2011-summary.txt" || prov[0].ContentHash == "" {
		t.Errorf("provenance = %+v, %v", prov, err)
	}

	// Again: nothing changes.
	stored = 0
	seq, _ := g.Store.LastSeq(ctx)
	if err := g.AddFS(ctx, fsys, "test:", report); err != nil {
		t.Fatal(err)
	}
	if seq2, _ := g.Store.LastSeq(ctx); stored != 0 || seq2 != seq {
		t.Errorf("second import stored %d sources and moved the change log %d → %d", stored, seq, seq2)
	}
}

func TestAddSkipsEmptyAndBinary(t *testing.T) {
	g := newIngester(t)
	for name, data := range map[string][]byte{"empty.txt": nil, "blank.txt": []byte(" \n\t\n"), "bin.txt": {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0, 1, 2, 3}} {
		_, err := g.Add(context.Background(), "/x/"+name, name, data, "", time.Time{})
		if !IsSkippable(err) {
			t.Errorf("Add(%s) error = %v, want a skippable input error", name, err)
		}
	}
}

// A process killed after storing sources but before clustering them leaves
// them marked; the next import clusters them first.
func TestClustersWhatAKilledImportStored(t *testing.T) {
	ctx := context.Background()
	g := newIngester(t)
	fsys := withRepost(t)
	// The killed process: parsed and stored, never clustered.
	for _, name := range []string{"pengan-2011-summary.txt", "repost.txt"} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := g.parse(ctx, "test:"+name, name, data, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := g.Store.ReplaceSource(ctx, p.source, p.hash, p.docs); err != nil {
			t.Fatal(err)
		}
	}
	if pending, err := g.Store.UnclusteredSources(ctx); err != nil || len(pending) != 2 {
		t.Fatalf("unclustered sources = %v, %v; want the two stored", pending, err)
	}

	// The next import stores something else, and the two become a cluster.
	next := &Ingester{Store: g.Store, Index: g.Index}
	other := fstest.MapFS{"other.txt": {Data: []byte("某县总工会2013年工作总结\n\n今年，县总工会开展“金秋助学”活动，资助困难职工子女86名。\n")}}
	if err := next.AddFS(ctx, other, "test:", func(string, Result, error) {}); err != nil {
		t.Fatal(err)
	}
	orig := corpus.DocID("test:pengan-2011-summary.txt", 1)
	if copies, err := g.Store.Copies(ctx, orig); err != nil || len(copies) != 2 {
		t.Errorf("copies of the original after the next import = %+v, %v; want it and the repost", copies, err)
	}
	if pending, err := g.Store.UnclusteredSources(ctx); err != nil || len(pending) != 0 {
		t.Errorf("unclustered sources after the next import = %v, %v; want none", pending, err)
	}
}
