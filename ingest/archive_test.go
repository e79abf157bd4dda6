package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/unionscope/unionscope/warc"
)

// archiveWriter writes a test archive with the project's writer.
type archiveWriter struct {
	t   *testing.T
	buf bytes.Buffer
	w   *warc.Writer
	at  time.Time
	// ids of the response records by URL, for revisits.
	ids map[string]string
}

func newArchiveWriter(t *testing.T) *archiveWriter {
	a := &archiveWriter{t: t, at: time.Date(2016, 4, 1, 9, 0, 0, 0, time.UTC), ids: map[string]string{}}
	a.w = warc.NewWriter(&a.buf, 0)
	a.write(warc.TypeWarcinfo, fields("Content-Type", "application/warc-fields"), []byte("software: test\r\n"))
	return a
}

func (a *archiveWriter) write(typ string, header []warc.Field, block []byte) string {
	a.t.Helper()
	a.at = a.at.Add(time.Minute)
	header = append(fields("WARC-Date", a.at.Format(time.RFC3339)), header...)
	id, _, err := a.w.Write(typ, header, block)
	if err != nil {
		a.t.Fatal(err)
	}
	return id
}

// exchange writes a request and its response, as a crawler does.
func (a *archiveWriter) exchange(url string, status int, ct string, body []byte) {
	a.t.Helper()
	req := httptest.NewRequest("GET", url, nil)
	id := a.write(warc.TypeRequest, fields("WARC-Target-URI", url, "Content-Type", warc.ContentTypeHTTPRequest), warc.RequestBlock(req))
	resp := &http.Response{StatusCode: status, Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {ct}}}
	a.ids[url] = a.write(warc.TypeResponse, fields("WARC-Target-URI", url, "WARC-Concurrent-To", id, "Content-Type", warc.ContentTypeHTTPResponse), warc.ResponseBlock(resp, body))
}

// revisit writes a revisit of url's response, identical payload.
func (a *archiveWriter) revisit(url, of string, body []byte) {
	a.t.Helper()
	rec, err := warc.ReadAt(bytes.NewReader(a.buf.Bytes()), a.position(a.ids[of]))
	if err != nil {
		a.t.Fatal(err)
	}
	digest := rec.PayloadDigest()
	rec.Close()
	a.write(warc.TypeRevisit, fields("WARC-Target-URI", url, "WARC-Refers-To", a.ids[of], "WARC-Refers-To-Target-URI", of, "WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", "WARC-Payload-Digest", digest, "Content-Type", warc.ContentTypeHTTPResponse), []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"))
}

func (a *archiveWriter) position(id string) warc.Position {
	r, err := warc.NewReader(bytes.NewReader(a.buf.Bytes()))
	if err != nil {
		a.t.Fatal(err)
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if err != nil {
			a.t.Fatalf("record %s not found: %v", id, err)
		}
		if rec.ID() == id {
			return rec.Pos
		}
	}
}

// portalArchive is a small crawl of a union portal with one of each kind
// of record the import skips.
func portalArchive(t *testing.T) []byte {
	a := newArchiveWriter(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Replace(string(articlePage("镇工会开展困难职工帮扶",
		"3月28日，白河镇工会走访慰问困难职工家庭二十四户，为每户送去慰问金六百元和生活用品。",
		"镇工会主席详细了解职工的家庭生活和就业情况，鼓励大家树立信心，并表示工会将持续做好帮扶工作。",
		"今年以来，镇工会已累计发放帮扶资金四万余元，帮助八名困难职工实现再就业，职工满意度不断提高。")), "utf-8", "gbk", 1)))
	if err != nil {
		t.Fatal(err)
	}
	a.exchange("http://ps.example/gzdt/1.html", 200, "text/html; charset=utf-8", unionNews)
	a.exchange("http://ps.example/gzdt/2.html", 200, "text/html; charset=gbk", gbk)
	a.exchange("http://ps.example/tq/1.html", 200, "text/html; charset=utf-8", weather)
	a.exchange("http://ps.example/tz/1.html", 200, "text/html; charset=utf-8", notice)
	a.exchange("http://ps.example/gone.html", 404, "text/html", []byte("<html>not found</html>"))
	a.exchange("http://ps.example/logo.png", 200, "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	a.exchange("http://other.example/copy.html", 200, "text/html; charset=utf-8", unionNews)
	a.write(warc.TypeMetadata, fields("WARC-Target-URI", "http://ps.example/gzdt/1.html", "Content-Type", "application/warc-fields"), []byte("outlink: http://ps.example/\r\n"))
	a.revisit("http://ps.example/gzdt/1.html", "http://ps.example/gzdt/1.html", unionNews)
	a.write(warc.TypeRevisit, fields("WARC-Target-URI", "http://ps.example/old.html", "WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified", "Content-Type", warc.ContentTypeHTTPResponse), []byte("HTTP/1.1 304 Not Modified\r\n\r\n"))
	return a.buf.Bytes()
}

var portalStats = ArchiveStats{Records: 18, Kept: 2, Docs: 2, Skipped: map[string]int{
	SkipWarcinfo: 1, SkipRequest: 7, SkipMetadata: 1, SkipStatus: 1, SkipNotText: 1, SkipPayloadDup: 1,
	PageOffTopic: 1, PageShort: 1, SkipUnchanged: 1, SkipUnresolved: 1,
}}

// recompress turns a file of one gzip member per record into another
// framing of the same records.
func recompress(t *testing.T, data []byte, whole bool) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !whole {
		return plain
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(plain)
	zw.Close()
	return b.Bytes()
}

func TestAddArchive(t *testing.T) {
	ctx := context.Background()
	data := portalArchive(t)
	for name, file := range map[string]struct {
		name string
		data []byte
	}{
		"a member per record": {"portal.warc.gz", data},
		"one member":          {"portal.warc.gz", recompress(t, data, true)},
		"uncompressed":        {"portal.warc", recompress(t, data, false)},
	} {
		t.Run(name, func(t *testing.T) {
			g := newIngester(t)
			g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
			path := filepath.Join(t.TempDir(), file.name)
			if err := os.WriteFile(path, file.data, 0o644); err != nil {
				t.Fatal(err)
			}
			stats, err := g.AddArchive(ctx, path, ArchiveOptions{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			want := portalStats
			want.File, want.Bytes = path, stats.Bytes
			if diff := cmp.Diff(want, stats); diff != "" {
				t.Errorf("stats (-want +got):\n%s", diff)
			}
			// The first page's document: its URL, fetched when the record
			// says, seen again when the revisit says, at its record.
			docs, err := g.Store.SourceDocuments(ctx, "http://ps.example/gzdt/1.html")
			if err != nil || len(docs) != 1 {
				t.Fatalf("documents of the first page: %v, %v", docs, err)
			}
			prov, err := g.Store.ProvenanceOf(ctx, docs[0].ID)
			if err != nil || len(prov) != 1 {
				t.Fatalf("provenance %v, %v", prov, err)
			}
			p := prov[0]
			f, err := os.Open(p.WARCFile)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rec, err := warc.ReadAt(f, warc.Position{Offset: p.WARCOffset, Inner: p.WARCInner})
			if err != nil {
				t.Fatal(err)
			}
			defer rec.Close()
			fetched, _ := rec.Date()
			if rec.TargetURI() != docs[0].URL || rec.Type != warc.TypeResponse || !p.FirstSeen.Equal(fetched) || !p.LastSeen.After(fetched) {
				t.Errorf("provenance %+v leads to a %s of %s at %v; want the response of %s, seen again later", p, rec.Type, rec.TargetURI(), fetched, docs[0].URL)
			}
			// Read again, it is not read: the import finished.
			again, err := g.AddArchive(ctx, path, ArchiveOptions{Workers: 2})
			if err != nil || !again.Done || again.Records != 0 {
				t.Errorf("second import: %+v, %v; want it found done", again, err)
			}
		})
	}
}

// TestAddArchiveWET imports a Common Crawl WET file: conversion records
// of extracted text.
func TestAddArchiveWET(t *testing.T) {
	ctx := context.Background()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, 0)
	text := strings.Join([]string{"县总工会开展职工健步走活动",
		"6月1日，平山县总工会在滨河公园举办职工健步走活动，全县五十二家单位的八百余名职工参加。",
		"活动全程六公里，县总工会在沿途设置了四个服务点，为参加活动的职工提供饮用水和应急药品。",
		"县总工会负责人表示，将继续开展形式多样的职工文体活动，丰富职工业余文化生活，增强职工体质。"}, "\n")
	for _, r := range []struct {
		typ    string
		fields []warc.Field
		block  string
	}{
		{warc.TypeWarcinfo, fields("Content-Type", "application/warc-fields"), "isPartOf: CC-MAIN-2016-18\r\n"},
		{warc.TypeConversion, fields("WARC-Target-URI", "http://ps.example/gzdt/1.html", "WARC-Date", "2016-05-02T03:04:05Z", "WARC-Refers-To", "<urn:uuid:6a4d2ff8-0000-4000-8000-000000000001>", "Content-Type", "text/plain"), text},
		{warc.TypeConversion, fields("WARC-Target-URI", "http://shop.example/", "WARC-Date", "2016-05-02T03:04:06Z", "Content-Type", "text/plain"), "本店新到一批夏季连衣裙，欢迎选购。全场八折，满三百元包邮，会员另享积分兑换礼品活动，详情请咨询在线客服。我们承诺七天无理由退换货，所有商品均为正品，假一赔十，欢迎广大顾客朋友前来选购。本周末门店举办新品发布会，到店顾客可免费领取精美小礼品一份，数量有限，送完即止。"},
	} {
		if _, _, err := w.Write(r.typ, r.fields, []byte(r.block)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "CC-MAIN-test.warc.wet.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	g := newIngester(t)
	g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
	stats, err := g.AddArchive(ctx, path, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Records != 3 || stats.Kept != 1 || stats.Skipped[SkipWarcinfo] != 1 || stats.Skipped[PageOffTopic] != 1 {
		t.Errorf("stats %+v", stats)
	}
	docs, err := g.Store.SourceDocuments(ctx, "http://ps.example/gzdt/1.html")
	if err != nil || len(docs) != 1 || docs[0].Title != "县总工会开展职工健步走活动" || docs[0].URL != "http://ps.example/gzdt/1.html" {
		t.Errorf("documents %+v, %v", docs, err)
	}
}

func TestAddArchiveScope(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "portal.warc.gz")
	if err := os.WriteFile(path, portalArchive(t), 0o644); err != nil {
		t.Fatal(err)
	}
	scope, err := NewScope([]string{`/gzdt/`}, []string{`/2\.html$`}, []string{"ps.example"})
	if err != nil {
		t.Fatal(err)
	}
	g := newIngester(t)
	g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
	stats, err := g.AddArchive(ctx, path, ArchiveOptions{Scope: scope})
	if err != nil {
		t.Fatal(err)
	}
	// Of the responses: the first union page kept, the second excluded,
	// another host's and the rest not included.
	if stats.Kept != 1 || stats.Skipped[ScopeExcluded] != 1 || stats.Skipped[ScopeHost] != 1 || stats.Skipped[ScopeNotIncluded] != 5 {
		t.Errorf("stats %+v", stats)
	}
	if _, err := NewScope([]string{"("}, nil, nil); err == nil {
		t.Error("an invalid --include is accepted")
	}
}

// TestAddArchiveBadInput: a damaged file keeps what was read before it
// and says where it broke.
func TestAddArchiveBadInput(t *testing.T) {
	ctx := context.Background()
	data := portalArchive(t)
	dir := t.TempDir()
	g := newIngester(t)
	g.Rules = PageRules{MinBody: DefaultMinBody, Topic: true}
	cut := filepath.Join(dir, "cut.warc.gz")
	os.WriteFile(cut, data[:len(data)*2/3], 0o644)
	stats, err := g.AddArchive(ctx, cut, ArchiveOptions{})
	var we *warc.Error
	if !IsSkippable(err) || !errors.As(err, &we) || !errors.Is(err, warc.ErrTruncated) || !strings.Contains(err.Error(), "cut.warc.gz") {
		t.Fatalf("cut archive: %v", err)
	}
	if stats.Kept != 2 || stats.Records == 0 {
		t.Errorf("records before the cut: %+v", stats)
	}
	notGzip := filepath.Join(dir, "page.warc.gz")
	os.WriteFile(notGzip, unionNews, 0o644)
	if _, err := g.AddArchive(ctx, notGzip, ArchiveOptions{}); !IsSkippable(err) || !errors.Is(err, warc.ErrNotGzip) {
		t.Errorf("not gzip: %v", err)
	}
}

// fields makes a record header of name, value pairs.
func fields(kv ...string) []warc.Field {
	var out []warc.Field
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, warc.Field{Name: kv[i], Value: kv[i+1]})
	}
	return out
}
