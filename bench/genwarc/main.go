// Command genwarc writes a web archive of union pages for the import
// benchmark: the documents bench/gencorpus wrote to DIR/docs, each served
// as a portal page (HTML or text, in UTF-8 or GBK as gencorpus wrote it)
// with the request before it, as the project's crawler archives them (a
// gzip member per record, written by package warc), with an image and a
// missing page among every fifty, as a crawl meets them. It prints the
// archive's size and record counts as JSON.
//
// With -read FILE it only reads an archive through package warc, every
// record and every response body, as an import does before parsing: the
// benchmark measures that reading streams in flat memory.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unionscope/unionscope/warc"
)

func main() {
	docs := flag.String("docs", "", "gencorpus's docs `dir`")
	out := flag.String("o", "", "archive `file` to write (.warc.gz)")
	maxMB := flag.Int("mb", 0, "stop once the archive holds this many `MB` of records, uncompressed (0: every document)")
	read := flag.String("read", "", "only read the archive `file` and count its records")
	flag.Parse()
	if *read != "" {
		st, err := readAll(*read)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genwarc:", err)
			os.Exit(1)
		}
		json.NewEncoder(os.Stdout).Encode(st)
		return
	}
	if *docs == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	st, err := run(*docs, *out, int64(*maxMB)*1e6)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genwarc:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(st)
}

type stats struct {
	Pages        int   `json:"pages"`
	Records      int   `json:"records"`
	Uncompressed int64 `json:"uncompressed_bytes"`
	File         int64 `json:"file_bytes"`
}

func run(dir, out string, max int64) (stats, error) {
	var st stats
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return st, err
	}
	sort.Strings(files)
	f, err := os.Create(out)
	if err != nil {
		return st, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := warc.NewWriter(bw, 0)
	at := time.Date(2012, 3, 1, 8, 0, 0, 0, time.UTC)
	write := func(typ string, block []byte, kv ...string) (string, error) {
		var fields []warc.Field
		for i := 0; i+1 < len(kv); i += 2 {
			fields = append(fields, warc.Field{Name: kv[i], Value: kv[i+1]})
		}
		st.Records++
		st.Uncompressed += int64(len(block))
		id, _, err := w.Write(typ, fields, block)
		return id, err
	}
	if _, err := write(warc.TypeWarcinfo, []byte("software: unionscope bench/genwarc\r\nformat: WARC File Format 1.1\r\n"),
		"Content-Type", "application/warc-fields"); err != nil {
		return st, err
	}
	exchange := func(u string, status int, ct string, body []byte) error {
		at = at.Add(1500 * time.Millisecond)
		date := at.Format(time.RFC3339)
		req := httptest.NewRequest("GET", u, nil)
		req.Header.Set("User-Agent", "unionscope/1 (+https://github.com/unionscope/unionscope)")
		id, err := write(warc.TypeRequest, warc.RequestBlock(req), "WARC-Date", date, "WARC-Target-URI", u, "Content-Type", warc.ContentTypeHTTPRequest)
		if err != nil {
			return err
		}
		resp := &http.Response{StatusCode: status, Proto: "HTTP/1.1", Header: http.Header{"Content-Type": {ct},
			"Server": {"nginx"}, "Last-Modified": {at.Add(-48 * time.Hour).Format(http.TimeFormat)}}}
		_, err = write(warc.TypeResponse, warc.ResponseBlock(resp, body), "WARC-Date", date, "WARC-Target-URI", u,
			"WARC-Concurrent-To", id, "Content-Type", warc.ContentTypeHTTPResponse)
		return err
	}
	for i, p := range files {
		if max > 0 && st.Uncompressed >= max {
			break
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return st, err
		}
		rel, _ := filepath.Rel(dir, p)
		host := fmt.Sprintf("www.county%02d-zgh.example", i%40)
		u := "http://" + host + "/gzdt/" + filepath.ToSlash(rel)
		ct := "text/plain"
		if strings.HasSuffix(p, ".html") {
			ct = "text/html"
		}
		cs := "utf-8"
		if !utf8.Valid(body) {
			cs = "gbk" // gencorpus writes one document in twenty in GBK
		}
		if err := exchange(u, 200, ct+"; charset="+cs, body); err != nil {
			return st, err
		}
		st.Pages++
		switch i % 50 {
		case 10:
			if err := exchange("http://"+host+"/images/banner.png", 200, "image/png", pngLike); err != nil {
				return st, err
			}
		case 30:
			if err := exchange("http://"+host+"/gzdt/old.html", 404, "text/html", []byte("<html><body>404 Not Found</body></html>")); err != nil {
				return st, err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return st, err
	}
	if err := f.Close(); err != nil {
		return st, err
	}
	info, err := os.Stat(out)
	if err != nil {
		return st, err
	}
	st.File = info.Size()
	return st, nil
}

// readAll reads every record of the archive at path, and the body of
// every response.
func readAll(path string) (stats, error) {
	var st stats
	r, err := warc.Open(path, warc.Position{})
	if err != nil {
		return st, err
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			st.File = r.Offset()
			return st, nil
		}
		if err != nil {
			return st, err
		}
		st.Records++
		if rec.Type == warc.TypeResponse {
			st.Pages++
			body, err := rec.Body(8 << 20)
			if err != nil {
				return st, err
			}
			st.Uncompressed += int64(len(body))
		}
	}
}

// pngLike is the start of a PNG, enough for its type to show.
var pngLike = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 2048)...)
