package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/warc"
)

// crawlArticles are union news items written for this test.
var crawlArticles = []struct{ title, body string }{
	{"市总工会开展夏季送清凉慰问活动", "7月以来，市总工会组织慰问组深入建筑工地、环卫站点和快递网点，为高温下坚守岗位的一线职工送去防暑降温物资。慰问组听取了企业工会关于高温津贴发放情况的汇报，要求各级工会切实维护职工劳动安全卫生权益。今年全市工会系统共投入慰问资金三百二十万元，惠及职工一万八千余人次。"},
	{"区总工会举办职工职业技能竞赛", "为弘扬劳模精神和工匠精神，区总工会联合区人社局举办电工、焊工和数控车工三个工种的职工职业技能竞赛。来自四十六家企业的二百一十名选手参加了理论考试和实际操作比赛，获得前三名的选手将申报区级五一劳动奖章，竞赛成绩突出的企业工会也将受到表彰。"},
	{"今日气温较高请注意防暑", "根据气象台预报，本周我市天气以晴到多云为主，最高气温三十五摄氏度左右，午后局部地区可能出现雷阵雨。气象部门提醒市民注意防暑降温，外出时做好防晒措施，合理安排出行时间，驾驶车辆时注意交通安全，遇雷雨天气尽量减少户外活动，老人和儿童尤其需要注意。"},
}

func crawlPortal(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.02\n")
	})
	mux.HandleFunc("/gzdt/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/gzdt/" {
			http.NotFound(w, r)
			return
		}
		var b strings.Builder
		b.WriteString("<html><head><title>工会动态</title></head><body><ul>")
		for i, a := range crawlArticles {
			fmt.Fprintf(&b, `<li><a href="/gzdt/202407/t20240712_%d.html?utm_source=test">%s</a> 2024-07-12</li>`, i, a.title)
		}
		b.WriteString("</ul></body></html>")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, b.String())
	})
	for i, a := range crawlArticles {
		mux.HandleFunc(fmt.Sprintf("/gzdt/202407/t20240712_%d.html", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>%s</title></head><body><div class="nav"><a href="/gzdt/">首页</a> <a href="/gzdt/">工会动态</a></div>
<div class="article"><h1>%s</h1><p class="info">发布时间：2024-07-12 来源：本站</p>`, a.title, a.title)
			for _, p := range strings.SplitAfter(a.body, "。") {
				if p != "" {
					fmt.Fprintf(w, "<p>%s</p>\n", p)
				}
			}
			fmt.Fprint(w, `</div><div class="footer">版权所有 某市总工会 备案号：某ICP备00000000号</div></body></html>`)
		})
	}
	return httptest.NewServer(mux)
}

func corpusTexts(t *testing.T, dir string) []string {
	t.Helper()
	s, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []string
	err = s.Each(context.Background(), func(d *corpus.Document) error {
		out = append(out, d.URL+" "+d.Title+" "+d.Text())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestCrawlAndReextract(t *testing.T) {
	// In parallel with the other tests: it waits for the next second.
	t.Parallel()
	srv := crawlPortal(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"crawl", "--data", dir, "--rate", "50", "--json", srv.URL + "/gzdt/"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("crawl exit %d: %s", code, stderr.String())
	}
	var last struct {
		Stats struct{ Stored, Skipped int }
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if err := json.Unmarshal([]byte(line), &last); err != nil {
			t.Fatalf("json event %q: %v", line, err)
		}
	}
	if last.Stats.Stored != 2 || last.Stats.Skipped != 1 {
		t.Errorf("stored %d, skipped %d; want 2 union articles stored and the weather report skipped\n%s", last.Stats.Stored, last.Stats.Skipped, stdout.String())
	}
	want := corpusTexts(t, dir)
	if len(want) != 2 {
		t.Fatalf("%d documents after the crawl, want 2", len(want))
	}
	records := archivedRecords(t, dir)
	for _, d := range want {
		if strings.Contains(d, "utm_source") {
			t.Errorf("document URL keeps a tracking parameter: %s", d)
		}
	}

	stdout.Reset()
	stderr.Reset()
	code = run(context.Background(), []string{"crawl", "--data", dir, "--resume"}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "no unfinished crawl") {
		t.Errorf("resume of a finished crawl: exit %d, %s", code, stderr.String())
	}

	srv.Close() // reextract must not need the network
	// A second later, so that a reextract that took its clock for when
	// the pages were seen would show.
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second)))
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"reextract", "--data", dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("reextract exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "2 stored (2 documents)") {
		t.Errorf("reextract summary: %s", stdout.String())
	}
	if diff := cmp.Diff(want, corpusTexts(t, dir)); diff != "" {
		t.Errorf("documents after reextract (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(records, archivedRecords(t, dir)); diff != "" {
		t.Errorf("WARC records in the provenance after reextract (-want +got):\n%s", diff)
	}
}

// archivedRecords checks that "show --json" names, for every stored
// document, the WARC record its page was read from, and that the record
// at that offset is the page's response with the recorded hash. It returns
// "id file@offset first-seen" per document.
func archivedRecords(t *testing.T, dir string) []string {
	t.Helper()
	s, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*corpus.Document
	err = s.Each(context.Background(), func(d *corpus.Document) error {
		docs = append(docs, d)
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"show", "--data", dir, "--json", d.ID}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("show exit %d: %s", code, stderr.String())
		}
		var shown struct{ Provenance []corpus.Provenance }
		if err := json.Unmarshal(stdout.Bytes(), &shown); err != nil {
			t.Fatalf("show --json %s: %v", d.ID, err)
		}
		if len(shown.Provenance) != 1 || shown.Provenance[0].WARCFile == "" || shown.Provenance[0].Location != d.URL {
			t.Errorf("provenance of %s = %+v; want one WARC record of %s", d.ID, shown.Provenance, d.URL)
			continue
		}
		p := shown.Provenance[0]
		f, err := os.Open(filepath.Join(dir, "warc", p.WARCFile))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := warc.ReadAt(f, p.WARCOffset)
		f.Close()
		if err != nil {
			t.Fatalf("read %s@%d: %v", p.WARCFile, p.WARCOffset, err)
		}
		_, body, err := rec.HTTPResponse()
		if err != nil {
			t.Fatalf("record %s@%d: %v", p.WARCFile, p.WARCOffset, err)
		}
		sum := sha256.Sum256(body)
		if rec.Type() != warc.TypeResponse || rec.TargetURI() != d.URL || hex.EncodeToString(sum[:]) != p.ContentHash ||
			!strings.Contains(string(body), "<h1>"+d.Title+"</h1>") {
			t.Errorf("record %s@%d is a %s of %s with %d bytes; want the response of %s (%s)", p.WARCFile, p.WARCOffset, rec.Type(), rec.TargetURI(), len(body), d.URL, d.Title)
		}
		// Seen when fetched, which the record's date says: parsing the
		// record again later is not seeing the page again.
		fetched, err := rec.Date()
		if err != nil {
			t.Fatalf("record %s@%d: %v", p.WARCFile, p.WARCOffset, err)
		}
		fetched = fetched.Truncate(time.Second)
		if !p.FirstSeen.Equal(fetched) || !p.LastSeen.Equal(fetched) {
			t.Errorf("provenance of %s seen %v..%v; want both %v, when it was fetched", d.ID, p.FirstSeen, p.LastSeen, fetched)
		}
		out = append(out, fmt.Sprintf("%s %s@%d %s %s", d.ID, p.WARCFile, p.WARCOffset, p.FirstSeen, p.LastSeen))
	}
	sort.Strings(out)
	return out
}

func TestCrawlUsage(t *testing.T) {
	for _, args := range [][]string{
		{"crawl", "--data", t.TempDir()},
		{"crawl", "--data", t.TempDir(), "--resume", "http://example.invalid/"},
		{"crawl", "--data", t.TempDir(), "--rate", "0", "http://example.invalid/"},
		{"crawl", "--data", t.TempDir(), "--include", "(", "http://example.invalid/"},
		{"crawl", "--data", t.TempDir(), "mailto:someone@example.invalid"},
		{"reextract", "--data", t.TempDir()},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, nil, &stdout, &stderr); code != 1 {
			t.Errorf("%v: exit %d, want 1 (user error): %s", args, code, stderr.String())
		}
	}
}
