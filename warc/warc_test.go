package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A union news page of our own writing, in the genre the crawler archives.
const page = `<html><head><meta charset="utf-8"><title>区总工会开展夏季送清凉活动</title></head>
<body><p>7月12日，区总工会组织慰问组深入建筑工地，为一线职工送去防暑降温物资。</p></body></html>`

func writeSample(t *testing.T) ([]byte, []int64) {
	t.Helper()
	data, offs, err := sample()
	if err != nil {
		t.Fatal(err)
	}
	return data, offs
}

func sample() ([]byte, []int64, error) {
	var buf bytes.Buffer
	w := NewWriter(&buf, 0)
	req := httptest.NewRequest("GET", "http://www.example-union.cn/gzdt/202407/t20240712_1.html", nil)
	req.Header.Set("User-Agent", "unionscope-test")
	resp := &http.Response{StatusCode: 200, Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
	recs := []*Record{
		{Header: Header{{"WARC-Type", TypeWarcinfo}, {"Content-Type", "application/warc-fields"}}, Block: []byte("software: unionscope\r\n")},
		{Header: Header{{"WARC-Type", TypeRequest}, {"WARC-Target-URI", req.URL.String()}, {"Content-Type", ContentTypeHTTPRequest}}, Block: RequestBlock(req)},
		{Header: Header{{"WARC-Type", TypeResponse}, {"WARC-Target-URI", req.URL.String()}, {"Content-Type", ContentTypeHTTPResponse}}, Block: ResponseBlock(resp, []byte(page))},
	}
	var offs []int64
	for _, r := range recs {
		off, err := w.Write(r)
		if err != nil {
			return nil, nil, err
		}
		offs = append(offs, off)
	}
	return buf.Bytes(), offs, nil
}

func TestRoundTrip(t *testing.T) {
	data, offs := writeSample(t)
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	var gotOffs []int64
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Verify(); err != nil {
			t.Errorf("verify %s: %v", rec.Type(), err)
		}
		if rec.Version != "WARC/1.1" {
			t.Errorf("version = %q", rec.Version)
		}
		for _, f := range []string{"WARC-Record-ID", "WARC-Date", "WARC-Block-Digest"} {
			if rec.Header.Get(f) == "" {
				t.Errorf("%s record lacks %s", rec.Type(), f)
			}
		}
		types = append(types, rec.Type())
		gotOffs = append(gotOffs, r.Offset())
	}
	if diff := cmp.Diff([]string{TypeWarcinfo, TypeRequest, TypeResponse}, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(offs, gotOffs); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}

	rec, err := ReadAt(bytes.NewReader(data), offs[2])
	if err != nil {
		t.Fatal(err)
	}
	if rec.Header.Get("WARC-Payload-Digest") != Digest([]byte(page)) {
		t.Errorf("payload digest = %s, want %s", rec.Header.Get("WARC-Payload-Digest"), Digest([]byte(page)))
	}
	resp, body, err := rec.HTTPResponse()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(body) != page || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("response = %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	req, err := mustRecord(t, data, offs[1]).HTTPRequest()
	if err != nil {
		t.Fatal(err)
	}
	if req.Host != "www.example-union.cn" || req.Header.Get("User-Agent") != "unionscope-test" {
		t.Errorf("request host %q agent %q", req.Host, req.Header.Get("User-Agent"))
	}
}

func mustRecord(t *testing.T, data []byte, off int64) *Record {
	t.Helper()
	rec, err := ReadAt(bytes.NewReader(data), off)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestTornWrite(t *testing.T) {
	data, offs := writeSample(t)
	torn := data[:len(data)-10]
	r, err := NewReader(bytes.NewReader(torn))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			t.Fatal("torn last record read as a clean end")
		}
		if err != nil {
			break
		}
		n++
	}
	if n != len(offs)-1 {
		t.Errorf("read %d whole records before the torn one, want %d", n, len(offs)-1)
	}
}

func TestDigestMismatch(t *testing.T) {
	data, offs := writeSample(t)
	rec := mustRecord(t, data, offs[2])
	rec.Block = bytes.Replace(rec.Block, []byte("送清凉"), []byte("送温暖"), 1)
	if err := rec.Verify(); !errors.Is(err, ErrDigest) {
		t.Errorf("Verify of altered block = %v, want ErrDigest", err)
	}
}

func TestUncompressed(t *testing.T) {
	raw := "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <http://example.org/a>\r\n" +
		"Content-Length: 5\r\n\r\nhello\r\n\r\n" +
		"WARC/1.0\r\nWARC-Type: metadata\r\nX-Long: a\r\n  b\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
	r, err := NewReader(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.TargetURI() != "http://example.org/a" || string(rec.Block) != "hello" {
		t.Errorf("first record %q %q", rec.TargetURI(), rec.Block)
	}
	rec, err = r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Header.Get("x-long") != "a b" || r.Offset() != int64(strings.Index(raw, "WARC/1.0\r\nWARC-Type: metadata")) {
		t.Errorf("second record field %q at %d", rec.Header.Get("x-long"), r.Offset())
	}
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("after last record: %v, want io.EOF", err)
	}
}

// TestWget reads what Debian's wget writes with --warc-file, from a local
// server: a gzip member per record, WARC/1.0, chunked and gzip bodies.
func TestWget(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget not installed")
	}
	gbk := []byte{0xb9, 0xa4, 0xbb, 0xe1} // 工会 in GBK
	mux := http.NewServeMux()
	mux.HandleFunc("/gzdt/a.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	mux.HandleFunc("/gzdt/gbk.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=gbk")
		w.(http.Flusher).Flush() // no Content-Length: the body goes out chunked
		w.Write(gbk)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	out, err := exec.Command(wget, "-q", "--no-config", "--tries=1", "--timeout=10",
		"--warc-file="+filepath.Join(dir, "out"), "-O", os.DevNull,
		srv.URL+"/gzdt/a.html", srv.URL+"/gzdt/gbk.html").CombinedOutput()
	if err != nil {
		t.Fatalf("wget: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string][]byte{}
	var types []string
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		types = append(types, rec.Type())
		if err := rec.Verify(); err != nil {
			t.Errorf("verify %s %s: %v", rec.Type(), rec.TargetURI(), err)
		}
		// Every offset the reader reports must lead back to the same record.
		again, err := ReadAt(bytes.NewReader(data), r.Offset())
		if err != nil || again.Header.Get("WARC-Record-ID") != rec.Header.Get("WARC-Record-ID") {
			t.Errorf("ReadAt(%d) = %v, %v", r.Offset(), again, err)
		}
		if rec.Type() == TypeResponse {
			_, body, err := rec.HTTPResponse()
			if err != nil {
				t.Fatal(err)
			}
			bodies[rec.TargetURI()] = body
		}
	}
	want := map[string][]byte{srv.URL + "/gzdt/a.html": []byte(page), srv.URL + "/gzdt/gbk.html": gbk}
	if diff := cmp.Diff(want, bodies); diff != "" {
		t.Errorf("bodies (-want +got):\n%s\nrecord types %v", diff, types)
	}
	if fmt.Sprint(types[0]) != TypeWarcinfo {
		t.Errorf("first record is %s, want warcinfo", types[0])
	}
}
