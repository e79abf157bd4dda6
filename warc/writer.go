package warc

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// Field is one named field of a record header.
type Field struct{ Name, Value string }

// writeOptions make the library fill in Content-Length and the block and
// payload digests, in SHA-1 and base32 as wget, Heritrix and Common Crawl
// write them (so digests compare across archives), and refuse a record
// that breaks the standard.
var writeOptions = []gowarc.WarcRecordOption{
	gowarc.WithStrictValidation(),
	gowarc.WithAddMissingDigest(true),
	gowarc.WithDefaultDigestAlgorithm("sha1"),
	gowarc.WithDefaultDigestEncoding(gowarc.Base32),
	gowarc.WithBufferMaxMemBytes(memPerRecord),
}

var recordTypes = map[string]gowarc.RecordType{
	TypeWarcinfo: gowarc.Warcinfo, TypeRequest: gowarc.Request, TypeResponse: gowarc.Response,
	TypeResource: gowarc.Resource, TypeMetadata: gowarc.Metadata, TypeRevisit: gowarc.Revisit,
	TypeConversion: gowarc.Conversion,
}

// Writer appends WARC 1.1 records to a file, each as its own gzip member,
// so a reader can start at any record's offset and a torn write damages
// only the last record.
type Writer struct {
	w   io.Writer
	off int64
	m   gowarc.Marshaler
	buf bytes.Buffer
	zw  *gzip.Writer
}

// NewWriter writes records to w, which is at offset off of its file (0 for
// a new file), so that the offsets Write returns are file offsets.
func NewWriter(w io.Writer, off int64) *Writer {
	return &Writer{w: w, off: off, m: gowarc.NewMarshaler(), zw: gzip.NewWriter(nil)}
}

// Offset is where the next record will start.
func (w *Writer) Offset() int64 { return w.off }

// Write appends a record of type typ with the given header fields and
// block. WARC-Record-ID, WARC-Date (now), Content-Length and the digests
// are added when missing. It returns the record's ID and the offset of its
// gzip member.
func (w *Writer) Write(typ string, fields []Field, block []byte) (id string, off int64, err error) {
	rt, ok := recordTypes[typ]
	if !ok {
		return "", 0, fmt.Errorf("warc record type %q unknown", typ)
	}
	rb := gowarc.NewRecordBuilder(rt, writeOptions...)
	hasDate := false
	for _, f := range fields {
		if strings.ContainsAny(f.Value, "\r\n") {
			rb.Close()
			return "", 0, fmt.Errorf("warc header field %s: line break in value", f.Name)
		}
		hasDate = hasDate || strings.EqualFold(f.Name, gowarc.WarcDate)
		rb.AddWarcHeader(f.Name, f.Value)
	}
	if !hasDate {
		rb.AddWarcHeaderTime(gowarc.WarcDate, time.Now())
	}
	if _, err := rb.Write(block); err != nil {
		rb.Close()
		return "", 0, fmt.Errorf("warc %s record: %w", typ, err)
	}
	rec, _, err := rb.Build()
	if err != nil {
		return "", 0, fmt.Errorf("warc %s record: %w", typ, err)
	}
	defer rec.Close()
	w.buf.Reset()
	w.zw.Reset(&w.buf)
	if _, _, err := w.m.Marshal(w.zw, rec, 0); err != nil {
		return "", 0, fmt.Errorf("warc %s record: %w", typ, err)
	}
	if err := w.zw.Close(); err != nil {
		return "", 0, fmt.Errorf("compress warc record: %w", err)
	}
	off = w.off
	// One Write per record: the member lands whole or is cut at the end of
	// the file, never interleaved with another.
	n, err := w.w.Write(w.buf.Bytes())
	w.off += int64(n)
	if err != nil {
		return "", 0, fmt.Errorf("write warc record: %w", err)
	}
	return "<" + rec.RecordId() + ">", off, nil
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
