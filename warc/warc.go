// Package warc writes and reads WARC 1.1 archives (ISO 28500), one gzip
// member per record, so a crawl's raw responses can be kept and read back
// record by record or from a remembered offset.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Record types this package writes; a reader returns whatever the file holds.
const (
	TypeWarcinfo = "warcinfo"
	TypeRequest  = "request"
	TypeResponse = "response"
	TypeResource = "resource"
	TypeMetadata = "metadata"
)

// Content types of HTTP request and response blocks.
const (
	ContentTypeHTTPRequest  = "application/http;msgtype=request"
	ContentTypeHTTPResponse = "application/http;msgtype=response"
)

// Header is a record's named fields, in the order they were written.
// Names compare case-insensitively.
type Header []Field

// Field is one named field of a record header.
type Field struct{ Name, Value string }

// Get returns the first value of the named field, or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Set replaces the named field, or appends it.
func (h *Header) Set(name, value string) {
	for i, f := range *h {
		if strings.EqualFold(f.Name, name) {
			(*h)[i].Value = value
			return
		}
	}
	*h = append(*h, Field{name, value})
}

// Record is one WARC record: its version line, header fields and block.
type Record struct {
	// Version is "WARC/1.1" for records this package writes; wget writes 1.0.
	Version string
	Header  Header
	Block   []byte
}

// Type is the WARC-Type field.
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// TargetURI is the WARC-Target-URI field, without the angle brackets WARC
// 1.0 writers sometimes put around it.
func (r *Record) TargetURI() string {
	return strings.TrimSuffix(strings.TrimPrefix(r.Header.Get("WARC-Target-URI"), "<"), ">")
}

// Date is the WARC-Date field.
func (r *Record) Date() (time.Time, error) {
	return time.Parse(time.RFC3339Nano, r.Header.Get("WARC-Date"))
}

// Digest returns the "sha1:BASE32" digest WARC uses for block and payload
// digests.
func Digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// NewID returns a fresh WARC-Record-ID, a random (version 4) UUID URN in
// angle brackets.
func NewID() string {
	var b [16]byte
	// crypto/rand.Read never returns an error.
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// ErrDigest is returned by Verify when a record's bytes do not match its
// declared digest.
var ErrDigest = errors.New("digest mismatch")

// Verify checks the block digest and, for HTTP responses, the payload
// digest when the record declares them in sha1.
func (r *Record) Verify() error {
	if d := r.Header.Get("WARC-Block-Digest"); d != "" && isSHA1(d) && !strings.EqualFold(d, Digest(r.Block)) {
		return fmt.Errorf("record %s block: %w", r.Header.Get("WARC-Record-ID"), ErrDigest)
	}
	if d := r.Header.Get("WARC-Payload-Digest"); d != "" && isSHA1(d) && strings.HasPrefix(r.Header.Get("Content-Type"), "application/http") {
		_, payload, err := splitHTTP(r.Block)
		if err != nil {
			return fmt.Errorf("record %s payload: %w", r.Header.Get("WARC-Record-ID"), err)
		}
		if !strings.EqualFold(d, Digest(payload)) {
			return fmt.Errorf("record %s payload: %w", r.Header.Get("WARC-Record-ID"), ErrDigest)
		}
	}
	return nil
}

func isSHA1(d string) bool { return strings.HasPrefix(strings.ToLower(d), "sha1:") }

// splitHTTP splits an HTTP message block at the blank line that ends its
// head; the payload is the entity as it went over the wire.
func splitHTTP(block []byte) (head, payload []byte, err error) {
	if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
		return block[:i+4], block[i+4:], nil
	}
	if i := bytes.Index(block, []byte("\n\n")); i >= 0 {
		return block[:i+2], block[i+2:], nil
	}
	return nil, nil, errors.New("no end of http header")
}

// HTTPResponse parses the block of a response record. The body is decoded
// from chunked transfer encoding and from gzip or deflate content encoding
// (as wget stores what the server sent), and the size of what is read is
// capped by the block itself.
func (r *Record) HTTPResponse() (*http.Response, []byte, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.Block)), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("http response in record %s: %w", r.Header.Get("WARC-Record-ID"), err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, nil, fmt.Errorf("gzip body in record %s: %w", r.Header.Get("WARC-Record-ID"), err)
		}
		body = zr
	}
	// A decompressed body cannot be larger than a generous multiple of the
	// block; the cap keeps a hostile archive from exhausting memory.
	data, err := io.ReadAll(io.LimitReader(body, int64(len(r.Block))*64+1<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("body in record %s: %w", r.Header.Get("WARC-Record-ID"), err)
	}
	return resp, data, nil
}

// HTTPRequest parses the block of a request record.
func (r *Record) HTTPRequest() (*http.Request, error) {
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(r.Block)))
	if err != nil {
		return nil, fmt.Errorf("http request in record %s: %w", r.Header.Get("WARC-Record-ID"), err)
	}
	return req, nil
}

// validName reports whether s can be a header field name.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == ':' {
			return false
		}
	}
	return true
}
