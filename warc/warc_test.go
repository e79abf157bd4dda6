package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
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
	"github.com/nlnwa/gowarc/v3"
)

// A union news page of our own writing, in the genre the crawler archives.
const page = `<html><head><meta charset="utf-8"><title>区总工会开展夏季送清凉活动</title></head>
<body><p>7月12日，区总工会组织慰问组深入建筑工地，为一线职工送去防暑降温物资。</p></body></html>`

const pageURL = "http://www.example-union.cn/gzdt/202407/t20240712_1.html"

// sample writes what the crawler writes for one page: warcinfo, request,
// response.
func sample() ([]byte, []int64, error) {
	var buf bytes.Buffer
	w := NewWriter(&buf, 0)
	req := httptest.NewRequest("GET", pageURL, nil)
	req.Header.Set("User-Agent", "unionscope-test")
	resp := &http.Response{StatusCode: 200, Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
	var offs []int64
	_, off, err := w.Write(TypeWarcinfo, []Field{{"Content-Type", "application/warc-fields"}}, []byte("software: unionscope\r\n"))
	if err != nil {
		return nil, nil, err
	}
	offs = append(offs, off)
	id, off, err := w.Write(TypeRequest, []Field{{"WARC-Target-URI", pageURL}, {"Content-Type", ContentTypeHTTPRequest}}, RequestBlock(req))
	if err != nil {
		return nil, nil, err
	}
	offs = append(offs, off)
	_, off, err = w.Write(TypeResponse, []Field{{"WARC-Target-URI", pageURL}, {"WARC-Concurrent-To", id},
		{"Content-Type", ContentTypeHTTPResponse}}, ResponseBlock(resp, []byte(page)))
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), append(offs, off), nil
}

func writeSample(t *testing.T) ([]byte, []int64) {
	t.Helper()
	data, offs, err := sample()
	if err != nil {
		t.Fatal(err)
	}
	return data, offs
}

// readAll reads every record of data, returning their types and positions
// and the error that ended the reading (nil at a clean end).
func readAll(t *testing.T, data []byte) (types []string, pos []Position, err error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return types, pos, nil
		}
		if err != nil {
			return types, pos, err
		}
		types = append(types, rec.Type)
		pos = append(pos, rec.Pos)
	}
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
		if len(rec.Warnings) > 0 {
			t.Errorf("%s record: warnings %v", rec.Type, rec.Warnings)
		}
		if rec.Version != "WARC/1.1" {
			t.Errorf("version = %q", rec.Version)
		}
		for _, f := range []string{"WARC-Record-ID", "WARC-Date", "WARC-Block-Digest"} {
			if rec.Get(f) == "" {
				t.Errorf("%s record lacks %s", rec.Type, f)
			}
		}
		types = append(types, rec.Type)
		gotOffs = append(gotOffs, rec.Pos.Offset)
	}
	if diff := cmp.Diff([]string{TypeWarcinfo, TypeRequest, TypeResponse}, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(offs, gotOffs); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}

	rec, err := ReadAt(bytes.NewReader(data), Position{Offset: offs[2]})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	if want := "sha1:" + sha1Base32(page); rec.PayloadDigest() != want {
		t.Errorf("payload digest = %s, want %s", rec.PayloadDigest(), want)
	}
	status, header, err := rec.HTTP()
	if err != nil {
		t.Fatal(err)
	}
	body, err := rec.Body(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if status != 200 || string(body) != page || header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("response = %d %q %q", status, header.Get("Content-Type"), body)
	}
	if _, err := rec.Body(10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Body over the limit: %v, want ErrTooLarge", err)
	}
}

// TestLibraryValidates reads what Writer writes with the library's own
// file reader at its strictest: every field, length and digest checked.
func TestLibraryValidates(t *testing.T) {
	data, _ := writeSample(t)
	strictlyValid(t, bytes.NewReader(data))
}

// strictlyValid fails t unless gowarc reads every record of r with
// validation and digest checks turned to errors.
func strictlyValid(t *testing.T, r io.Reader) {
	t.Helper()
	wf, err := gowarc.NewWarcFileReaderFromStream(r, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer wf.Close()
	n := 0
	for rec, err := range wf.Records() {
		if err != nil {
			t.Fatalf("record %d at offset %d: %v", n, rec.Offset, err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("record %d at offset %d: %v", n, rec.Offset, rec.Validation)
		}
		rec.Close()
		n++
	}
	if n == 0 {
		t.Error("no records")
	}
}

func TestTornWrite(t *testing.T) {
	data, offs := writeSample(t)
	types, _, err := readAll(t, data[:len(data)-10])
	var we *Error
	if !errors.As(err, &we) || !errors.Is(err, ErrTruncated) || we.Pos.Offset != offs[2] {
		t.Fatalf("torn last record: %v; want ErrTruncated at offset %d", err, offs[2])
	}
	if len(types) != 2 {
		t.Errorf("read %d whole records before the torn one, want 2", len(types))
	}
}

// raw renders one uncompressed record as a writer other than ours might.
func raw(version string, fields []Field, block string) string {
	var b strings.Builder
	b.WriteString(version + "\r\n")
	for _, f := range fields {
		fmt.Fprintf(&b, "%s: %s\r\n", f.Name, f.Value)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func TestDigestMismatch(t *testing.T) {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
	good := raw("WARC/1.0", []Field{{"WARC-Type", "response"}, {"WARC-Record-ID", "<urn:uuid:1>"}, {"WARC-Date", "2012-05-16T08:00:00Z"},
		{"WARC-Target-URI", pageURL}, {"Content-Type", "application/http; msgtype=response"}, {"WARC-Block-Digest", "sha1:" + sha1Base32(block)}}, block)
	bad := strings.Replace(good, "送清凉", "送温暖", 1)
	for name, in := range map[string]string{"intact": good, "altered": bad} {
		r, err := NewReader(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.Damaged(); (name == "altered") != errors.Is(got, ErrDigest) {
			t.Errorf("%s block: Damaged() = %v", name, got)
		}
		r.Close()
	}
}

func TestUncompressed(t *testing.T) {
	in := raw("WARC/1.0", []Field{{"WARC-Type", "resource"}, {"WARC-Record-ID", "<urn:uuid:2>"}, {"WARC-Date", "2012-05-16T08:00:00Z"},
		{"WARC-Target-URI", "<http://example.org/a>"}, {"Content-Type", "text/plain"}}, "hello") +
		"WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Record-ID: <urn:uuid:3>\r\nWARC-Date: 2012-05-16T08:00:00Z\r\nX-Long: a\r\n  b\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
	r, err := NewReader(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	block, err := rec.Block(100)
	if err != nil || rec.TargetURI() != "http://example.org/a" || string(block) != "hello" || rec.Version != "WARC/1.0" {
		t.Errorf("first record %q %q %s, %v", rec.TargetURI(), block, rec.Version, err)
	}
	rec, err = r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Type != TypeMetadata || !strings.HasPrefix(rec.Get("X-Long"), "a") || rec.Pos.Offset != int64(strings.Index(in, "WARC/1.0\r\nWARC-Type: metadata")) {
		t.Errorf("second record %s field %q at %v", rec.Type, rec.Get("X-Long"), rec.Pos)
	}
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("after last record: %v, want io.EOF", err)
	}
}

// records are three records as another crawler writes them, uncompressed.
func records() []string {
	var out []string
	for i, u := range []string{"http://a.example/1.html", "http://a.example/2.html", "http://a.example/3.html"} {
		block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>第%d篇</p>", i+1)
		out = append(out, raw("WARC/1.1", []Field{{"WARC-Type", "response"}, {"WARC-Record-ID", fmt.Sprintf("<urn:uuid:r%d>", i)},
			{"WARC-Date", "2015-01-02T03:04:05Z"}, {"WARC-Target-URI", u}, {"Content-Type", "application/http;msgtype=response"}}, block))
	}
	return out
}

func gz(parts ...string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	for _, p := range parts {
		io.WriteString(zw, p)
	}
	zw.Close()
	return b.Bytes()
}

// TestGzipMembers reads records however the gzip members are cut: one
// file-wide member, several records to a member, a member each; every
// position reads back the same record, and a reader opened at one goes on
// from there.
func TestGzipMembers(t *testing.T) {
	recs := records()
	perRecord := append(append(gz(recs[0]), gz(recs[1])...), gz(recs[2])...)
	for name, data := range map[string][]byte{
		"whole file":    gz(recs...),
		"two in one":    append(gz(recs[0], recs[1]), gz(recs[2])...),
		"one each":      perRecord,
		"uncompressed":  []byte(strings.Join(recs, "")),
		"blank between": append(gz(recs[0]+"\r\n"), gz("\r\n"+recs[1], recs[2])...),
	} {
		types, pos, err := readAll(t, data)
		if err != nil || len(types) != 3 {
			t.Errorf("%s: %d records, %v", name, len(types), err)
			continue
		}
		path := filepath.Join(t.TempDir(), "x.warc")
		if data[0] == 0x1f {
			path += ".gz"
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for i, p := range pos {
			rec, err := ReadAt(bytes.NewReader(data), p)
			if err != nil || rec.ID() != fmt.Sprintf("<urn:uuid:r%d>", i) {
				t.Errorf("%s: ReadAt(%v) = %v, %v; want record %d", name, p, rec, err, i)
				continue
			}
			rec.Close()
			r, err := Open(path, p)
			if err != nil {
				t.Fatalf("%s: Open at %v: %v", name, p, err)
			}
			n := 0
			for {
				rec, err := r.Next()
				if err != nil {
					if !errors.Is(err, io.EOF) {
						t.Errorf("%s: from %v: %v", name, p, err)
					}
					break
				}
				if want := fmt.Sprintf("<urn:uuid:r%d>", i+n); rec.ID() != want {
					t.Errorf("%s: from %v, record %d is %s, want %s", name, p, n, rec.ID(), want)
				}
				n++
			}
			r.Close()
			if n != 3-i {
				t.Errorf("%s: from %v read %d records, want %d", name, p, n, 3-i)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	recs := records()
	dir := t.TempDir()
	notGzip := filepath.Join(dir, "page.warc.gz")
	os.WriteFile(notGzip, []byte("<!DOCTYPE html><html>"), 0o644)
	if _, err := Open(notGzip, Position{}); !errors.Is(err, ErrNotGzip) || !strings.Contains(err.Error(), "at offset 0") {
		t.Errorf("a .warc.gz that is not gzip: %v", err)
	}
	if _, err := NewReader(strings.NewReader("<!DOCTYPE html>")); !errors.Is(err, ErrNotWARC) {
		t.Errorf("HTML as a WARC: %v", err)
	}
	long := strings.Replace(recs[1], "Content-Length: ", "Content-Length: 9", 1)
	noType := strings.Replace(recs[1], "WARC-Type: response\r\n", "", 1)
	for _, tt := range []struct {
		name string
		data []byte
		want error
	}{
		{"Content-Length past the end", []byte(recs[0] + long), ErrTruncated},
		{"Content-Length past its member", append(gz(recs[0]), gz(long)...), ErrTruncated},
		{"no WARC-Type", []byte(recs[0] + noType + recs[2]), ErrNoType},
		{"gzip cut short", append(gz(recs[0]), gz(recs[1])[:40]...), ErrTruncated},
	} {
		types, _, err := readAll(t, tt.data)
		var we *Error
		if !errors.Is(err, tt.want) || !errors.As(err, &we) || len(types) != 1 {
			t.Errorf("%s: %d records then %v; want 1 record then %v", tt.name, len(types), err, tt.want)
			continue
		}
		if want := int64(len(gz(recs[0]))); tt.data[0] != 0x1f {
			want = int64(len(recs[0]))
			if we.Pos.Offset != want {
				t.Errorf("%s: error at %v, want offset %d", tt.name, we.Pos, want)
			}
		} else if we.Pos.Offset != want {
			t.Errorf("%s: error at %v, want offset %d", tt.name, we.Pos, want)
		}
	}
}

// TestWget reads what Debian's wget writes with --warc-file, from a local
// server: a gzip member per record, WARC/1.0 with bracketed URIs, chunked
// and gzip bodies, and its metadata and resource records.
func TestWget(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget not installed (.ci/run installs it)")
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
	mux.HandleFunc("/gzdt/gz.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz(page))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	out, err := exec.Command(wget, "-q", "--no-config", "--tries=1", "--timeout=10",
		"--warc-file="+filepath.Join(dir, "out"), "-O", os.DevNull,
		srv.URL+"/gzdt/a.html", srv.URL+"/gzdt/gbk.html", srv.URL+"/gzdt/gz.html").CombinedOutput()
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
	defer r.Close()
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
		types = append(types, rec.Type)
		if err := rec.Damaged(); err != nil {
			t.Errorf("%s %s: %v", rec.Type, rec.TargetURI(), err)
		}
		if rec.Version != "WARC/1.0" {
			t.Errorf("%s record of version %s", rec.Type, rec.Version)
		}
		// Every position the reader reports leads back to the same record.
		again, err := ReadAt(bytes.NewReader(data), rec.Pos)
		if err != nil || again.ID() != rec.ID() {
			t.Errorf("ReadAt(%v) = %v, %v", rec.Pos, again, err)
		} else {
			again.Close()
		}
		if rec.Type == TypeResponse {
			body, err := rec.Body(1 << 20)
			if err != nil {
				t.Fatal(err)
			}
			bodies[rec.TargetURI()] = body
		}
	}
	want := map[string][]byte{srv.URL + "/gzdt/a.html": []byte(page), srv.URL + "/gzdt/gbk.html": gbk, srv.URL + "/gzdt/gz.html": []byte(page)}
	if diff := cmp.Diff(want, bodies); diff != "" {
		t.Errorf("bodies (-want +got):\n%s\nrecord types %v", diff, types)
	}
	for _, typ := range []string{TypeWarcinfo, TypeRequest, TypeMetadata, TypeResource} {
		if !strings.Contains(strings.Join(types, " "), typ) {
			t.Errorf("no %s record among %v", typ, types)
		}
	}
}

func sha1Base32(s string) string {
	sum := sha1.Sum([]byte(s))
	return base32.StdEncoding.EncodeToString(sum[:])
}
