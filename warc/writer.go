package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Writer appends records to a WARC file, each as its own gzip member, so a
// reader can start at any record's offset and a torn write damages only the
// last record.
type Writer struct {
	w   io.Writer
	off int64
}

// NewWriter writes records to w, which is at offset off of its file (0 for
// a new file), so that the offsets Write returns are file offsets.
func NewWriter(w io.Writer, off int64) *Writer { return &Writer{w: w, off: off} }

// Offset is where the next record will start.
func (w *Writer) Offset() int64 { return w.off }

// Write completes rec's header (WARC-Record-ID, WARC-Date, Content-Length,
// WARC-Block-Digest and, for HTTP responses, WARC-Payload-Digest when they
// are missing) and appends it, returning the offset of its gzip member.
func (w *Writer) Write(rec *Record) (int64, error) {
	buf, err := encode(rec)
	if err != nil {
		return 0, err
	}
	off := w.off
	// One Write per record: the member lands whole or is cut at the end of
	// the file, never interleaved with another.
	n, err := w.w.Write(buf)
	w.off += int64(n)
	if err != nil {
		return 0, fmt.Errorf("write warc record: %w", err)
	}
	return off, nil
}

func encode(rec *Record) ([]byte, error) {
	if rec.Version == "" {
		rec.Version = "WARC/1.1"
	}
	h := &rec.Header
	if h.Get("WARC-Type") == "" {
		return nil, errors.New("warc record without WARC-Type")
	}
	if h.Get("WARC-Record-ID") == "" {
		h.Set("WARC-Record-ID", NewID())
	}
	if h.Get("WARC-Date") == "" {
		h.Set("WARC-Date", time.Now().UTC().Format(time.RFC3339Nano))
	}
	h.Set("Content-Length", strconv.Itoa(len(rec.Block)))
	if h.Get("WARC-Block-Digest") == "" {
		h.Set("WARC-Block-Digest", Digest(rec.Block))
	}
	if h.Get("WARC-Payload-Digest") == "" && strings.HasPrefix(h.Get("Content-Type"), ContentTypeHTTPResponse) {
		if _, payload, err := splitHTTP(rec.Block); err == nil {
			h.Set("WARC-Payload-Digest", Digest(payload))
		}
	}
	var raw bytes.Buffer
	raw.WriteString(rec.Version + "\r\n")
	for _, f := range *h {
		if !validName(f.Name) || strings.ContainsAny(f.Value, "\r\n") {
			return nil, fmt.Errorf("warc header field %q: invalid name or line break in value", f.Name)
		}
		raw.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	raw.WriteString("\r\n")
	raw.Write(rec.Block)
	raw.WriteString("\r\n\r\n")

	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress warc record: %w", err)
	}
	return out.Bytes(), nil
}

// RequestBlock renders req's request line and header as an HTTP/1.1
// message head, the block of a request record.
func RequestBlock(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", req.Method, req.URL.RequestURI())
	fmt.Fprintf(&b, "Host: %s\r\n", req.URL.Host)
	req.Header.WriteSubset(&b, map[string]bool{"Host": true})
	b.WriteString("\r\n")
	return b.Bytes()
}

// ResponseBlock renders a response's status line, header and body, the
// block of a response record. body is the entity as the client decoded it,
// so Transfer-Encoding is dropped and Content-Length states its size.
func ResponseBlock(resp *http.Response, body []byte) []byte {
	var b bytes.Buffer
	proto := resp.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	status := resp.Status
	if status == "" {
		status = strconv.Itoa(resp.StatusCode) + " " + http.StatusText(resp.StatusCode)
	}
	fmt.Fprintf(&b, "%s %s\r\n", proto, status)
	keys := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		if k != "Transfer-Encoding" && k != "Content-Length" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range resp.Header[k] {
			v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}
