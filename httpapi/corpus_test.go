package httpapi

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
	"github.com/unionscope/unionscope/index"
)

// testDocs is a small corpus written for these tests, in the genre of the
// project's documents, whose facet counts are known:
//
//	year      2010:1 2011:2 2012:2
//	province  四川省:3 湖北省:2
//	doctype   summary:2 speech:1 news:1 experience:1
//	campaign  送温暖:2 金秋助学:2 (the news item spells 送溫暖 in
//	          traditional script; its key is simplified)
func testDocs() map[string][]corpus.Document {
	return map[string][]corpus.Document{
		"/corpus/qingshan-2010.txt": {{
			SourceFile: "qingshan-2010.txt",
			Title:      "青山县总工会2010年工作总结",
			Date:       "2010-12-28",
			Region:     corpus.Region{Province: "四川省", City: "南充市", County: "青山县"},
			Doctype:    corpus.DoctypeSummary,
			Body: []string{
				"一年来，县总工会围绕中心、服务大局，各项工作有序推进。",
				"深入开展“送温暖”活动，筹集慰问资金120万元，走访困难职工860户。",
				"全年新建基层工会组织35家，新发展会员2400人。",
			},
			Metrics: []corpus.Metric{
				{Category: "funds", Value: 1200000, Low: 1200000, High: 1200000, Unit: "元", Subject: "慰问资金", Surface: "120万元", Sentence: "深入开展“送温暖”活动，筹集慰问资金120万元，走访困难职工860户。", Offset: 45},
				{Category: "people", Value: 2400, Low: 2400, High: 2400, Unit: "人", Subject: "会员", Surface: "2400人", Sentence: "全年新建基层工会组织35家，新发展会员2400人。", Offset: 95},
			},
			Campaigns: []corpus.Campaign{{Name: "送温暖", Key: "送温暖", Count: 1}},
		}},
		"/corpus/plenary-2011.txt": {{
			SourceFile: "plenary-2011.txt",
			Title:      "在市总工会全委会议上的讲话",
			Date:       "2011-03-02",
			Region:     corpus.Region{Province: "四川省", City: "南充市"},
			Doctype:    corpus.DoctypeSpeech,
			Body: []string{
				"同志们：这次会议的任务是总结去年的工会工作，部署今年的任务。",
				"要继续办好“金秋助学”，让困难职工子女安心上学。",
			},
			Campaigns: []corpus.Campaign{{Name: "金秋助学", Key: "金秋助学", Count: 1}},
		}},
		"/corpus/wuhan-news-2011.html": {{
			SourceFile: "wuhan-news-2011.html",
			URL:        "http://news.example.org/2011/0120.html",
			Title:      "武漢市總工會春節送溫暖 慰問困難職工",
			Date:       "2011-01-20",
			Region:     corpus.Region{Province: "湖北省", City: "武汉市"},
			Doctype:    corpus.DoctypeNews,
			Body: []string{
				"本報訊 春節將至，市總工會開展送溫暖活動，慰問困難職工和農民工。",
				"此次共發放慰問金85萬元。",
			},
			Metrics: []corpus.Metric{
				{Category: "funds", Value: 850000, Low: 850000, High: 850000, Unit: "元", Subject: "慰問金", Surface: "85萬元", Sentence: "此次共發放慰問金85萬元。", Offset: 40},
			},
			Campaigns: []corpus.Campaign{{Name: "送溫暖", Key: "送温暖", Count: 1}},
		}},
		"/corpus/xiangyang-2012.txt": {{
			SourceFile: "xiangyang-2012.txt",
			Title:      "襄阳市工会助学经验交流材料",
			Date:       "2012-09-10",
			Region:     corpus.Region{Province: "湖北省", City: "襄阳市"},
			Doctype:    corpus.DoctypeExperience,
			Body: []string{
				"我们把“金秋助学”作为为职工办实事的重要载体，资助率达到95%。",
			},
			Metrics: []corpus.Metric{
				{Category: "rate", Value: 95, Low: 95, High: 95, Unit: "%", Subject: "资助率", Surface: "95%", Sentence: "我们把“金秋助学”作为为职工办实事的重要载体，资助率达到95%。", Offset: 29},
			},
			Campaigns: []corpus.Campaign{{Name: "金秋助学", Key: "金秋助学", Count: 2}},
		}},
		"/corpus/qingshan-2012.txt": {{
			SourceFile: "qingshan-2012.txt",
			Title:      "青山县总工会2012年上半年工作总结",
			Date:       "2012-07-05",
			Region:     corpus.Region{Province: "四川省", City: "南充市", County: "青山县"},
			Doctype:    corpus.DoctypeSummary,
			Body: []string{
				"上半年，县总工会组织职工技能竞赛，参赛职工1500余人。",
			},
			Metrics: []corpus.Metric{
				{Category: "people", Value: 1500, Low: 1500, High: 1600, Unit: "人", Approx: "over", Subject: "参赛职工", Surface: "1500余人", Sentence: "上半年，县总工会组织职工技能竞赛，参赛职工1500余人。", Offset: 22},
			},
		}},
	}
}

// docID returns the ID the store gives the test document from source.
func docID(source string) string { return corpus.DocID(source, 0) }

// testServer is a server over a fresh store and index in t.TempDir()
// holding testDocs; its logs go nowhere.
type testServer struct {
	*Server
	dir string
}

// testClock is the store's clock in these tests.
var testClock = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// Storing a source records when it was seen; a fixed clock keeps the
	// golden files stable.
	st.Now = func() time.Time { return testClock }
	for source, docs := range testDocs() {
		if _, err := st.ReplaceSource(ctx, source, "hash-"+source, docs); err != nil {
			t.Fatal(err)
		}
	}
	x, err := index.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	s := New(st, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return &testServer{Server: s, dir: dir}
}

// repostSource is where addRepost reposts the Wuhan news item: an
// aggregator, ten days later, under a longer title and with a credit line
// (the item is short: a longer addition would make it another text).
const repostSource = "https://www.example-wenku.com/doc/20110130/88123.html"

// addRepost stores a repost of wuhan-news-2011.html through a second store
// handle, records where both copies were seen (the repost in a WARC
// record), and finds the clusters again, as an import in another process
// would. It returns the repost's ID.
func addRepost(t testing.TB, dir string) string {
	t.Helper()
	ctx := context.Background()
	other, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return testClock }
	orig := testDocs()["/corpus/wuhan-news-2011.html"][0]
	repost := orig
	repost.SourceFile, repost.URL = repostSource, repostSource
	repost.Title = "武漢市總工會春節送溫暖 慰問困難職工_新聞範文_文庫網"
	repost.Date = "2011-01-30"
	repost.Body = append(append([]string{}, orig.Body...), "（來源：文庫網）")
	if _, err := other.ReplaceSource(ctx, repostSource, "hash-repost", []corpus.Document{repost}); err != nil {
		t.Fatal(err)
	}
	// A later sighting of the original, and the crawler's WARC record of
	// the repost.
	seen := testClock.Add(time.Hour)
	if err := other.AddSourceProvenance(ctx, "/corpus/wuhan-news-2011.html", corpus.Provenance{
		Location: "/corpus/wuhan-news-2011.html", ContentHash: "hash-/corpus/wuhan-news-2011.html", LastSeen: seen}); err != nil {
		t.Fatal(err)
	}
	if err := other.AddSourceProvenance(ctx, repostSource, corpus.Provenance{
		Location: repostSource, ContentHash: "hash-repost", LastSeen: seen,
		WARCFile: "crawl-20240506.warc.gz", WARCOffset: 48213}); err != nil {
		t.Fatal(err)
	}
	det, err := dedup.New(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := det.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	id := corpus.DocID(repostSource, 0)
	if m, ok, err := other.MembershipOf(ctx, id); err != nil || !ok || m.Cluster != corpus.DocID("/corpus/wuhan-news-2011.html", 0) {
		t.Fatalf("repost's cluster = %+v, %t, %v; want the original's", m, ok, err)
	}
	return id
}
