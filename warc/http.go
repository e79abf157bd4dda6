package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// ErrTooLarge is returned by Body and Block for content over the limit
// the caller set.
var ErrTooLarge = errors.New("larger than the limit")

// IsHTTP reports whether the record's block is an HTTP message.
func (r *Record) IsHTTP() bool {
	return strings.HasPrefix(strings.ToLower(r.Get(gowarc.ContentType)), "application/http")
}

// HTTP returns the status and header of the HTTP response a response or
// revisit record holds.
func (r *Record) HTTP() (status int, header http.Header, err error) {
	switch b := r.rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if h := b.HttpHeader(); h != nil && b.HttpStatusCode() > 0 {
			return b.HttpStatusCode(), *h, nil
		}
		return 0, nil, fmt.Errorf("record %s: unreadable HTTP response header", r.ID())
	case gowarc.ProtocolHeaderBlock:
		// A revisit repeats the response header without its payload.
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(b.ProtocolHeaderBytes())), nil)
		if err != nil {
			return 0, nil, fmt.Errorf("record %s: HTTP response header: %w", r.ID(), err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header, nil
	}
	return 0, nil, fmt.Errorf("record %s: %w: no HTTP response", r.ID(), ErrFormat)
}

// Block returns the record's block, at most limit bytes of it.
func (r *Record) Block(limit int64) ([]byte, error) {
	rd, err := r.rec.Block().RawBytes()
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", r.ID(), err)
	}
	return readLimited(rd, limit, r.ID())
}

// Body returns the entity of an HTTP response record as the server meant
// it: its transfer encoding (wget keeps chunks as they came) and its gzip
// or deflate content encoding undone, at most limit bytes of it.
func (r *Record) Body(limit int64) ([]byte, error) {
	b, ok := r.rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, fmt.Errorf("record %s: %w: no HTTP response", r.ID(), ErrFormat)
	}
	payload, err := b.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", r.ID(), err)
	}
	return decodeBody(payload, b.ProtocolHeaderBytes(), limit, r.ID())
}

// decodeBody undoes the encodings the response head names. The head is
// read as written: net/http moves Transfer-Encoding out of the header.
func decodeBody(payload io.Reader, head []byte, limit int64, id string) ([]byte, error) {
	var te, ce string
	for _, line := range strings.Split(string(head), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "transfer-encoding":
			te = strings.ToLower(value)
		case "content-encoding":
			ce = strings.ToLower(strings.TrimSpace(value))
		}
	}
	body := payload
	if strings.Contains(te, "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	switch ce {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("record %s: gzip body: %w", id, err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		zr := flate.NewReader(body)
		defer zr.Close()
		body = zr
	}
	return readLimited(body, limit, id)
}

func readLimited(rd io.Reader, limit int64, id string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", id, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("record %s: %w of %d bytes", id, ErrTooLarge, limit)
	}
	return data, nil
}
