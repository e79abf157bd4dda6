package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/unionscope/unionscope/corpus"
)

// articlePage is a portal article of our own writing around paragraphs.
func articlePage(title string, paras ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><meta charset="utf-8"><title>%s</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gzdt/">工作动态</a></div>
<div class="article"><h1>%s</h1><p class="info">发布时间：2023-06-02 来源：本站</p>`, title, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</div><div class="footer">版权所有</div></body></html>`)
	return []byte(b.String())
}

var (
	unionNews = articlePage("县总工会开展职工健步走活动",
		"6月1日，平山县总工会在滨河公园举办职工健步走活动，全县五十二家单位的八百余名职工参加。",
		"活动全程六公里，县总工会在沿途设置了四个服务点，为参加活动的职工提供饮用水和应急药品。",
		"县总工会负责人表示，将继续开展形式多样的职工文体活动，丰富职工业余文化生活，增强职工体质。")
	weather = articlePage("本周天气以晴为主",
		"根据气象台预报，本周我县天气以晴到多云为主，最高气温三十三摄氏度左右，午后局部地区有雷阵雨。",
		"气象部门提醒市民注意防暑降温，外出时做好防晒措施，合理安排出行时间，遇雷雨天气减少户外活动。",
		"农业部门建议农户抓住晴好天气抢收小麦，及时晾晒入仓，防止连阴雨造成损失，并做好秋粮播种准备。")
	notice = articlePage("停电通知", "因线路检修，明日上午城区部分路段停电。")
)

func TestAddPageRules(t *testing.T) {
	ctx := context.Background()
	g := newIngester(t)
	g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
	at := time.Date(2023, 6, 3, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name, url string
		body      []byte
		want      string
		unchanged bool
	}{
		{"on topic", "http://ps.example/gzdt/1.html", unionNews, PageStored, false},
		{"same bytes again", "http://ps.example/gzdt/1.html", unionNews, PageStored, true},
		{"same text at another URL", "http://mirror.example/a/1.html", unionNews, PageDuplicate, false},
		{"off topic", "http://ps.example/tq/1.html", weather, PageOffTopic, false},
		{"too short", "http://ps.example/tz/1.html", notice, PageShort, false},
		{"binary", "http://ps.example/x.html", []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7}, PageRejected, false},
	}
	for _, tt := range tests {
		res, err := g.AddPage(ctx, Page{URL: tt.url, Body: tt.body, ContentType: "text/html; charset=utf-8", FetchedAt: at,
			Archive: corpus.Provenance{WARCFile: "crawl-1.warc.gz", WARCOffset: 512}})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.Outcome != tt.want || res.Unchanged != tt.unchanged {
			t.Errorf("%s: outcome %s (unchanged %v), want %s (%v)", tt.name, res.Outcome, res.Unchanged, tt.want, tt.unchanged)
		}
		if tt.want == PageStored && (res.Docs != 1 || res.TextHash == "") {
			t.Errorf("%s: %d documents, text hash %q", tt.name, res.Docs, res.TextHash)
		}
		// The caller (the crawler, the archive import) records each
		// page's outcome, which duplicate detection reads.
		if err := g.Store.PutPage(ctx, corpus.Page{URL: tt.url, Status: 200, Kind: "article", Outcome: res.Outcome,
			ContentHash: hash(tt.body), TextHash: res.TextHash, FetchedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := g.Store.SourceDocuments(ctx, "http://ps.example/gzdt/1.html")
	if err != nil || len(docs) != 1 {
		t.Fatalf("documents of the stored page: %v, %v", docs, err)
	}
	if docs[0].URL != "http://ps.example/gzdt/1.html" || docs[0].ContentHash != hash(unionNews) {
		t.Errorf("stored document URL %q, content hash %q; want the page's URL and the hash of its bytes", docs[0].URL, docs[0].ContentHash)
	}
	prov, err := g.Store.ProvenanceOf(ctx, docs[0].ID)
	if err != nil || len(prov) != 1 || prov[0].WARCFile != "crawl-1.warc.gz" || prov[0].WARCOffset != 512 || !prov[0].LastSeen.Equal(at) {
		t.Errorf("provenance %+v, %v; want the WARC record and the fetch time", prov, err)
	}

	// The topic rule off, the weather report is kept; a stored page that
	// no longer qualifies loses its documents.
	g.Rules.Topic = false
	if res, err := g.AddPage(ctx, Page{URL: "http://ps.example/tq/1.html", Body: weather, FetchedAt: at}); err != nil || res.Outcome != PageStored {
		t.Errorf("off-topic page without the topic rule: %+v, %v", res, err)
	}
	if res, err := g.AddPage(ctx, Page{URL: "http://ps.example/gzdt/1.html", Body: notice, FetchedAt: at}); err != nil || res.Outcome != PageShort {
		t.Errorf("stored page fetched again too short: %+v, %v", res, err)
	}
	if docs, err := g.Store.SourceDocuments(ctx, "http://ps.example/gzdt/1.html"); err != nil || len(docs) != 0 {
		t.Errorf("after the page stopped qualifying: %d documents, %v; want none", len(docs), err)
	}
}

// TestAddPageTakesDecodedText checks that a caller's decoded text is what
// is parsed: bytes in GBK with their UTF-8 text beside them.
func TestAddPageTakesDecodedText(t *testing.T) {
	ctx := context.Background()
	g := newIngester(t)
	g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
	raw := []byte("not the page: the page path must read Text")
	res, err := g.AddPage(ctx, Page{URL: "http://ps.example/gbk.html", Body: raw, Text: string(unionNews), ContentType: "text/html; charset=gbk"})
	if err != nil || res.Outcome != PageStored {
		t.Fatalf("AddPage with decoded text: %+v, %v", res, err)
	}
	docs, err := g.Store.SourceDocuments(ctx, "http://ps.example/gbk.html")
	if err != nil || len(docs) != 1 || docs[0].Title != "县总工会开展职工健步走活动" || docs[0].ContentHash != hash(raw) {
		t.Errorf("documents %+v, %v", docs, err)
	}
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
