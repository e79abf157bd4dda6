package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
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

// TestImportIndexesEachDocumentOnce imports originals, each followed some
// files later by a later-dated repost, clustering and indexing every few
// sources. No canonical choice ever moves, so the index must write each
// document once: a catch-up that ran ahead of clustering indexed reposts
// as originals and then again as copies.
func TestImportIndexesEachDocumentOnce(t *testing.T) {
	defer func(n int) { syncEvery = n }(syncEvery)
	syncEvery = 1
	ctx := context.Background()
	g := newIngester(t)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	const han = "工会职工劳动模范困难帮扶慰问资金发放金秋助学农民工维权服务中心建设县市区乡镇企业组织会员发展培训技能竞赛安全生产民主管理厂务公开集体合同工资协商女职工权益保护文体活动书屋阵地"
	hanzi := []rune(han)
	body := func() string {
		var b strings.Builder
		for p := range 3 {
			for range 90 {
				b.WriteRune(hanzi[rng.IntN(len(hanzi))])
			}
			fmt.Fprintf(&b, "第%d段。\n", p+1)
		}
		return b.String()
	}
	var files []string
	write := func(name, text string) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	const originals, reposts = 40, 30
	var bodies []string
	for i := range originals {
		bodies = append(bodies, body())
		write(fmt.Sprintf("%02d-report.txt", i), fmt.Sprintf("某县总工会第%d号工作通报\n时间：2011-01-%02d\n%s", i, i+1, bodies[i]))
		if j := i - 5; j >= 0 && j < reposts {
			write(fmt.Sprintf("%02d-repost.txt", i), fmt.Sprintf("范文网 > 工作通报\n第%d号工作通报（转载）\n时间：2012-05-%02d 作者：范文网\n%s更多范文请访问范文网\n", j, j+1, bodies[j]))
		}
	}
	err := g.AddFiles(ctx, files, 1, func(path string, _ Result, err error) {
		if err != nil {
			t.Errorf("%s: %v", path, err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := g.Store.Count(ctx)
	if n != originals+reposts {
		t.Fatalf("stored %d documents, want %d", n, originals+reposts)
	}
	clusters := 0
	err = g.Store.EachCluster(ctx, 2, func([]corpus.DupDoc) error { clusters++; return nil })
	if err != nil || clusters != reposts {
		t.Fatalf("%d clusters (%v), want %d", clusters, err, reposts)
	}
	if w := g.Index.Writes(); w != uint64(n) {
		t.Errorf("the index wrote %d documents for %d stored", w, n)
	}
	res, err := g.Index.Search(ctx, index.Request{Query: "工会", Size: 0})
	if err != nil || res.Total != originals {
		t.Errorf("search finds %v (%v), want the %d originals only", res, err, originals)
	}
}

// TestAddFilesStoresGroupsWhole cancels an import whose files are stored
// in groups, part way: every file reported stored is in the store and no
// other, and the next import stores the others only, each document once.
func TestAddFilesStoresGroupsWhole(t *testing.T) {
	defer func(n int, d time.Duration) { groupMax, groupWait = n, d }(groupMax, groupWait)
	groupMax, groupWait = 7, time.Second
	g := newIngester(t)
	dir := t.TempDir()
	const n = 60
	var files []string
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		text := fmt.Sprintf("某县总工会第%d号工作通报\n时间：2011-01-%02d\n今年，县总工会开展第%d期职工技能培训，%d名职工参加，资助困难职工子女%d名。\n", i, i%28+1, i, 100+i, 10+i)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reported := map[string]bool{}
	err := g.AddFiles(ctx, files, 2, func(path string, r Result, err error) {
		if errors.Is(err, context.Canceled) {
			return // a file being parsed at the cancel
		}
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return
		}
		if r.Outcome != Stored || r.Docs != 1 || r.Changed != 1 {
			t.Errorf("%s: %+v, want one document stored", path, r)
		}
		reported[r.Source] = true
		if len(reported) == 20 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("the cancelled import returned no error")
	}
	if len(reported) < 20 || len(reported) >= n {
		t.Fatalf("%d files reported before and after the cancel, want 20 and the rest of their group", len(reported))
	}
	for _, f := range files {
		abs, _ := filepath.Abs(f)
		_, ok, err := g.Store.SourceHash(context.Background(), abs)
		if err != nil {
			t.Fatal(err)
		}
		if ok != reported[abs] {
			t.Errorf("%s: stored %v, reported %v", f, ok, reported[abs])
		}
	}

	again := map[Outcome]int{}
	err = g.AddFiles(context.Background(), files, 2, func(path string, r Result, err error) {
		if err != nil {
			t.Errorf("%s: %v", path, err)
		}
		again[r.Outcome]++
	})
	if err != nil {
		t.Fatal(err)
	}
	if again[Unchanged] != len(reported) || again[Stored] != n-len(reported) {
		t.Errorf("the next import: %v, want %d unchanged and %d stored", again, len(reported), n-len(reported))
	}
	if c, _ := g.Store.Count(context.Background()); c != n {
		t.Errorf("%d documents, want %d", c, n)
	}
	if seq, _ := g.Store.LastSeq(context.Background()); seq != n {
		t.Errorf("%d changes logged for %d documents", seq, n)
	}
}
