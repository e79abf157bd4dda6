package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/warc"
)

// TestImportWget imports what wget's mirror of a portal wrote with
// --warc-file: the union articles are kept, with their record as
// provenance in show and export.
func TestImportWget(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget not installed (.ci/run installs it)")
	}
	srv := crawlPortal(t)
	defer srv.Close()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	out, err := exec.Command(wget, "-q", "--no-config", "--tries=1", "--timeout=10", "-r", "-l2", "-P", filepath.Join(dir, "mirror"),
		"--warc-file="+site, srv.URL+"/gzdt/").CombinedOutput()
	if err != nil {
		t.Fatalf("wget: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	stdout, stderr, code := runCLI(t, "import", "--data", data, site+".warc.gz")
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, stderr)
	}
	// Two union articles kept; the weather report off topic, the list
	// page and robots.txt without an article (rejected or short, as the
	// extractor sees them); wget's requests, metadata and log skipped.
	for _, want := range []string{": 2 kept (2 documents)", "1 offtopic", "5 request", "1 metadata", "not a web page", "1 warcinfo"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q: %s", want, stdout)
		}
	}
	abs, _ := filepath.Abs(site + ".warc.gz")
	exported, _, code := runCLI(t, "export", "--data", data)
	if code != 0 {
		t.Fatal("export failed")
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(exported), "\n") {
		var d struct {
			ID, URL, Title string
			Provenance     []corpus.Provenance
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		n++
		if len(d.Provenance) != 1 || d.Provenance[0].WARCFile != abs || d.Provenance[0].Location != d.URL {
			t.Errorf("export of %s: provenance %+v; want its record in %s", d.URL, d.Provenance, abs)
			continue
		}
		p := d.Provenance[0]
		shown, _, _ := runCLI(t, "show", "--data", data, d.ID)
		if want := fmt.Sprintf("warc %s@%d", abs, p.WARCOffset); !strings.Contains(shown, want) {
			t.Errorf("show %s lacks %q:\n%s", d.ID, want, shown)
		}
		f, err := os.Open(abs)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := warc.ReadAt(f, warc.Position{Offset: p.WARCOffset})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if rec.Type != warc.TypeResponse || rec.TargetURI() != d.URL {
			t.Errorf("the provenance of %s leads to a %s of %s", d.URL, rec.Type, rec.TargetURI())
		}
		rec.Close()
	}
	if n != 2 {
		t.Errorf("%d documents exported, want 2", n)
	}
	stdout, _, _ = runCLI(t, "import", "--data", data, "--json", site+".warc.gz")
	var again struct {
		Done bool `json:"already_imported"`
	}
	if err := json.Unmarshal([]byte(stdout), &again); err != nil || !again.Done {
		t.Errorf("second import: %s (%v); want it found imported", stdout, err)
	}
}

// TestImportBadArchives: each damaged archive is named with the offset
// where it broke, what came before is kept, and the import goes on.
func TestImportBadArchives(t *testing.T) {
	dir := t.TempDir()
	good := unionArchive(t, 3, false)
	records := splitRecords(t, good)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// The first page (warcinfo, request, response), then a damaged request.
	before := bytes.Join(records[:3], nil)
	noType := strings.Replace(string(records[3]), "WARC-Type: request\r\n", "", 1)
	long := strings.Replace(string(records[3]), "Content-Length: ", "Content-Length: 9", 1)
	files := []string{
		write("a-not-gzip.warc.gz", []byte("<!DOCTYPE html><html><body>404</body></html>")),
		write("b-cut.warc", append(append([]byte{}, before...), long...)),
		write("c-notype.warc", append(append([]byte{}, before...), noType...)),
		write("d-good.warc", bytes.Join(records, nil)),
	}
	data := filepath.Join(dir, "data")
	stdout, stderr, code := runCLI(t, append([]string{"import", "--data", data}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cutAt, typeAt := len(before), len(before)
	for _, want := range []string{
		"a-not-gzip.warc.gz: at offset 0: not gzip",
		fmt.Sprintf("b-cut.warc: at offset %d: truncated record", cutAt),
		fmt.Sprintf("c-notype.warc: at offset %d: record header without WARC-Type", typeAt),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// b and c hold the first page before the damage (c stores it again),
	// d the three pages, of which the second is empty.
	for _, want := range []string{"b-cut.warc: 3 records: 1 kept", "c-notype.warc: 3 records: 0 kept (0 documents); skipped 1 already stored",
		"d-good.warc: 7 records: 1 kept (1 documents); skipped 3 request, 1 already stored, 1 short"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if n := countExport(t, data); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
}

// unionPage is the n-th of a run of distinct union news pages.
func unionPage(n int) []byte {
	counties := []string{"平山", "青川", "蓬溪", "白河", "宁强", "安岳", "剑阁", "南江"}
	c := counties[n%len(counties)]
	return []byte(fmt.Sprintf(`<html><head><meta charset="utf-8"><title>%s县总工会开展第%d期职工技能培训</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gzdt/">工会动态</a></div>
<div class="article"><h1>%s县总工会开展第%d期职工技能培训</h1><p class="info">发布时间：2015-%02d-%02d 来源：县总工会</p>
<p>近日，%s县总工会在县职教中心举办第%d期职工技能培训班，来自全县%d家企业的%d名职工参加培训。</p>
<p>培训围绕电工实操、安全生产和劳动法律知识展开，县总工会邀请技能大师现场授课，考核合格的%d名学员获得结业证书。</p>
<p>县总工会负责人表示，今年将继续实施职工素质提升工程，计划全年培训职工%d人次，帮助一线职工提升技能、增加收入。</p>
</div><div class="footer">版权所有 %s县总工会</div></body></html>`, c, n, c, n, n%12+1, n%28+1, c, n, 20+n%50, 100+n, 90+n, 1000+10*n, c))
}

// unionArchive writes n union pages as a crawl would, with a request
// before each response; whole puts every record in one gzip member.
func unionArchive(t *testing.T, n int, whole bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, 0)
	if _, _, err := w.Write(warc.TypeWarcinfo, fields("Content-Type", "application/warc-fields"), []byte("software: test\r\n")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2015, 6, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		u := fmt.Sprintf("http://www.pszgh.example/gzdt/2015/t%d.html", i)
		req := httptest.NewRequest("GET", u, nil)
		date := at.Add(time.Duration(i) * time.Second).Format(time.RFC3339)
		id, _, err := w.Write(warc.TypeRequest, fields("WARC-Date", date, "WARC-Target-URI", u, "Content-Type", warc.ContentTypeHTTPRequest), warc.RequestBlock(req))
		if err != nil {
			t.Fatal(err)
		}
		body := unionPage(i)
		if i == 1 {
			body = []byte("<html><body><p>没有正文。</p></body></html>")
		}
		resp := &http.Response{StatusCode: 200, Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
		if _, _, err := w.Write(warc.TypeResponse, fields("WARC-Date", date, "WARC-Target-URI", u, "WARC-Concurrent-To", id, "Content-Type", warc.ContentTypeHTTPResponse), warc.ResponseBlock(resp, body)); err != nil {
			t.Fatal(err)
		}
	}
	if !whole {
		return buf.Bytes()
	}
	var out bytes.Buffer
	for _, r := range splitRecords(t, buf.Bytes()) {
		out.Write(r)
	}
	return gzipBytes(out.Bytes())
}

// splitRecords decompresses an archive of a member per record into its
// records, uncompressed.
func splitRecords(t *testing.T, data []byte) [][]byte {
	t.Helper()
	r, err := warc.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var offs []int64
	for {
		rec, err := r.Next()
		if err != nil {
			break
		}
		offs = append(offs, rec.Pos.Offset)
	}
	offs = append(offs, int64(len(data)))
	var out [][]byte
	for i := 0; i+1 < len(offs); i++ {
		out = append(out, gunzip(t, data[offs[i]:offs[i+1]]))
	}
	return out
}

// TestHelperProcess is the command line in a process of its own, for the
// test that kills it.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("UNIONSCOPE_HELPER") != "1" {
		t.Skip("run by TestImportResumesAfterKill")
	}
	os.Exit(run(context.Background(), strings.Split(os.Getenv("UNIONSCOPE_ARGS"), "\x1f"), os.Stdin, os.Stdout, os.Stderr))
}

// TestImportResumesAfterKill kills an import with SIGKILL halfway and runs
// it again: it continues after the last record stored, and the corpus is
// the one an uninterrupted import makes, nothing stored twice or lost.
func TestImportResumesAfterKill(t *testing.T) {
	dir := t.TempDir()
	for _, framing := range []string{"member per record", "whole file"} {
		t.Run(framing, func(t *testing.T) {
			archive := filepath.Join(dir, strings.ReplaceAll(framing, " ", "-")+".warc.gz")
			if err := os.WriteFile(archive, unionArchive(t, 150, framing == "whole file"), 0o644); err != nil {
				t.Fatal(err)
			}
			killed := filepath.Join(dir, "killed-"+filepath.Base(archive))
			killImport(t, killed, archive)
			stdout, stderr, code := runCLI(t, "import", "--data", killed, archive)
			if code != 0 {
				t.Fatalf("import after the kill: exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, " from offset ") {
				t.Errorf("the second import did not resume: %s", stdout)
			}
			clean := filepath.Join(dir, "clean-"+filepath.Base(archive))
			if _, stderr, code := runCLI(t, "import", "--data", clean, archive); code != 0 {
				t.Fatalf("uninterrupted import: %s", stderr)
			}
			want, got := corpusTexts(t, clean), corpusTexts(t, killed)
			if len(want) != 149 {
				t.Errorf("uninterrupted import: %d documents, want 149", len(want))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("documents after kill and resume (-uninterrupted +resumed):\n%s", diff)
			}
			if a, b := changeCount(t, clean), changeCount(t, killed); a != b {
				t.Errorf("%d changes logged after kill and resume, %d without: documents were stored twice", b, a)
			}
		})
	}
}

// TestFolderImportResumesAfterKill kills an import of a folder, which
// stores its files in groups of a transaction each, with SIGKILL part way,
// and imports the folder again: the corpus is the one an uninterrupted
// import makes, and no document is stored twice.
func TestFolderImportResumesAfterKill(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 300
	for i := range n {
		if err := os.WriteFile(filepath.Join(docs, fmt.Sprintf("%04d.html", i)), unionPage(i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	killed := filepath.Join(dir, "killed")
	killImport(t, killed, docs)
	stdout, stderr, code := runCLI(t, "import", "--data", killed, docs)
	if code != 0 {
		t.Fatalf("import after the kill: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, " unchanged") || strings.Contains(stdout, " 0 unchanged") {
		t.Errorf("the second import stored everything again: %s", stdout)
	}
	clean := filepath.Join(dir, "clean")
	if _, stderr, code := runCLI(t, "import", "--data", clean, docs); code != 0 {
		t.Fatalf("uninterrupted import: %s", stderr)
	}
	want, got := corpusTexts(t, clean), corpusTexts(t, killed)
	if len(want) != n {
		t.Errorf("uninterrupted import: %d documents, want %d", len(want), n)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents after kill and resume (-uninterrupted +resumed):\n%s", diff)
	}
	if a, b := changeCount(t, clean), changeCount(t, killed); a != b {
		t.Errorf("%d changes logged after kill and resume, %d without: documents were stored twice", b, a)
	}
}

// waitStored waits until the store at path holds at least n documents,
// and returns how many it holds. It reads the database read-only: opening
// the store would take the write lock the import needs.
func waitStored(t *testing.T, path string, n int, cmd *exec.Cmd) int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
		if err != nil {
			continue
		}
		var c int
		err = db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&c)
		db.Close()
		if err == nil && c >= n {
			return c
		}
	}
	cmd.Process.Kill()
	t.Fatalf("no %d documents in %s", n, path)
	return 0
}

func changeCount(t *testing.T, dir string) int {
	t.Helper()
	s, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seq, err := s.LastSeq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(seq)
}

func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fields makes a record header of name, value pairs.
func fields(kv ...string) []warc.Field {
	var out []warc.Field
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, warc.Field{Name: kv[i], Value: kv[i+1]})
	}
	return out
}

// TestImportCrawlArchive imports the archive unionscope's own crawler
// wrote into another corpus: the same documents as the crawl stored.
func TestImportCrawlArchive(t *testing.T) {
	srv := crawlPortal(t)
	defer srv.Close()
	crawled := t.TempDir()
	if _, stderr, code := runCLI(t, "crawl", "--data", crawled, "--rate", "50", srv.URL+"/gzdt/"); code != 0 {
		t.Fatalf("crawl: %s", stderr)
	}
	imported := t.TempDir()
	stdout, stderr, code := runCLI(t, "import", "--data", imported, filepath.Join(crawled, "warc"))
	if code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if !strings.Contains(stdout, ": 2 kept (2 documents)") || !strings.Contains(stdout, "1 offtopic") {
		t.Errorf("summary: %s", stdout)
	}
	if diff := cmp.Diff(corpusTexts(t, crawled), corpusTexts(t, imported)); diff != "" {
		t.Errorf("documents (-crawled +imported):\n%s", diff)
	}
}

// killImport starts `unionscope import --data data input` in a child
// process and kills it once it has stored some documents, well before the
// end; it fails the test if the import ended on its own first.
func killImport(t *testing.T, data, input string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "UNIONSCOPE_HELPER=1", "UNIONSCOPE_ARGS="+strings.Join([]string{"import", "--data", data, "--workers", "1", input}, "\x1f"))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := waitStored(t, filepath.Join(data, "corpus.db"), 10, cmd)
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the import ended before it was killed (%v, %d documents): %s", err, stored, errb.String())
	}
}
