// Package warc reads and writes WARC files (ISO 28500, versions 1.0 and
// 1.1) on github.com/nlnwa/gowarc/v3: it reads records from plain files
// and from gzip files with a member per record, several records in one
// member or the whole file in one, remembering where each record starts so
// that it can be read again or reading can resume there; it writes records
// as the crawler keeps them, one gzip member each.
package warc

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// Record types.
const (
	TypeWarcinfo   = "warcinfo"
	TypeRequest    = "request"
	TypeResponse   = "response"
	TypeResource   = "resource"
	TypeMetadata   = "metadata"
	TypeRevisit    = "revisit"
	TypeConversion = "conversion"
)

// Content types of HTTP request and response blocks.
const (
	ContentTypeHTTPRequest  = "application/http;msgtype=request"
	ContentTypeHTTPResponse = "application/http;msgtype=response"
)

// Position locates a record in its file. Offset is where its gzip member
// starts, or the record itself in an uncompressed file: the offset a CDX
// index gives. Inner is the record's offset in the member's decompressed
// bytes, 0 unless it shares its member with records before it (a file
// compressed as a whole).
type Position struct {
	Offset int64 `json:"offset"`
	Inner  int64 `json:"inner,omitempty"`
}

func (p Position) String() string {
	if p.Inner > 0 {
		return fmt.Sprintf("%d+%d", p.Offset, p.Inner)
	}
	return fmt.Sprint(p.Offset)
}

// Errors a reader wraps, with the position, in an *Error.
var (
	// ErrNotGzip is a file named .gz whose bytes are not gzip.
	ErrNotGzip = errors.New("not gzip")
	// ErrNotWARC is input that does not begin with a WARC record.
	ErrNotWARC = errors.New("not a WARC record")
	// ErrTruncated is a record whose Content-Length runs past the end of
	// the file or of its gzip member: the file was cut short.
	ErrTruncated = errors.New("truncated record")
	// ErrNoType is a record header without WARC-Type.
	ErrNoType = errors.New("record header without WARC-Type")
	// ErrFormat is any other record that cannot be read.
	ErrFormat = errors.New("malformed record")
)

// Error is a failure to read the record at Pos; reading the file cannot go
// on past it.
type Error struct {
	Pos Position
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("at offset %s: %v", e.Pos, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// ErrDigest marks a record whose block does not match its declared
// WARC-Block-Digest: its bytes were damaged after they were written.
var ErrDigest = errors.New("block digest mismatch")

// Record is one record of a WARC file, valid until the reader moves on.
type Record struct {
	// Pos is where the record starts.
	Pos Position
	// Version is "WARC/1.0" or "WARC/1.1".
	Version string
	// Type is the WARC-Type, lower-cased.
	Type string
	// Warnings are departures from the standard that do not stop reading,
	// as the library's validation reports them (ErrDigest among them).
	Warnings []error

	fields []Field // the header as written
	rec    gowarc.WarcRecord
}

// Get returns the first value of the named header field as the archive
// has it, or "".
func (r *Record) Get(name string) string {
	for _, f := range r.fields {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	if r.fields != nil {
		return ""
	}
	return r.rec.WarcHeader().Get(name)
}

// ID is the WARC-Record-ID, with its angle brackets.
func (r *Record) ID() string { return r.Get(gowarc.WarcRecordID) }

// TargetURI is the WARC-Target-URI, without the angle brackets WARC 1.0
// writers such as wget put around it.
func (r *Record) TargetURI() string { return unbracket(r.Get(gowarc.WarcTargetURI)) }

// RefersTo is the WARC-Refers-To record ID, RefersToURI and RefersToDate
// the WARC 1.1 fields that name the record a revisit repeats.
func (r *Record) RefersTo() string    { return r.Get(gowarc.WarcRefersTo) }
func (r *Record) RefersToURI() string { return unbracket(r.Get(gowarc.WarcRefersToTargetURI)) }

// Date is the WARC-Date: when the record's content was captured.
func (r *Record) Date() (time.Time, error) {
	return time.Parse(time.RFC3339Nano, r.Get(gowarc.WarcDate))
}

// PayloadDigest is the declared WARC-Payload-Digest, "" when none.
func (r *Record) PayloadDigest() string { return r.Get(gowarc.WarcPayloadDigest) }

// Damaged returns ErrDigest when the block failed its digest check.
func (r *Record) Damaged() error {
	for _, w := range r.Warnings {
		var de *gowarc.DigestError
		if errors.As(w, &de) && strings.HasPrefix(w.Error(), "block:") {
			return fmt.Errorf("%w: %v", ErrDigest, w)
		}
	}
	return nil
}

func unbracket(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<"), ">")
}
