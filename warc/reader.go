package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// memPerRecord is how much of a record's block the library keeps in
// memory before it spills the rest to a temporary file: a page's HTML fits,
// a video does not take memory with it.
const memPerRecord = 2 << 20

// readOptions make the library report, rather than fail on, what real
// archives get wrong (wget's bracketed URIs, Heritrix's metadata records),
// and check every digest; the reader decides which findings stop it.
var readOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
	gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
	gowarc.WithBufferMaxMemBytes(memPerRecord),
}

// Reader reads the records of one WARC file in order.
type Reader struct {
	file io.Closer // closed by Close when the reader opened it
	cr   *countReader
	br   *bufio.Reader
	// base is the file offset the reader started at.
	base    int64
	gzipped bool

	// The gzip member being read: its offset, its decompressed bytes
	// (counted, for the position of the records within it), and mr, nil
	// between members.
	member int64
	gz     *gzip.Reader
	inner  *countReader
	mr     *bufio.Reader

	u   gowarc.Unmarshaler
	cur *Record
	err error
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// NewReader reads the records of a WARC file from r, which is at the start
// of the file; gzip is recognised by its magic bytes.
func NewReader(r io.Reader) (*Reader, error) { return newReader(r, Position{}, false) }

// Open opens the WARC file name and reads its records from the one at
// from (the zero Position for the first). A name ending in .gz must hold
// gzip.
func Open(name string, from Position) (*Reader, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if from.Offset > 0 {
		if _, err := f.Seek(from.Offset, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
	}
	r, err := newReader(f, from, strings.HasSuffix(strings.ToLower(name), ".gz"))
	if err != nil {
		f.Close()
		return nil, err
	}
	r.file = f
	return r, nil
}

// ReadAt reads the one record at pos of f. The caller closes the record.
func ReadAt(f io.ReaderAt, pos Position) (*Record, error) {
	r, err := newReader(io.NewSectionReader(f, pos.Offset, 1<<62), pos, false)
	if err != nil {
		return nil, err
	}
	rec, err := r.Next()
	if err != nil {
		r.Close()
	}
	if errors.Is(err, io.EOF) {
		err = &Error{Pos: pos, Err: fmt.Errorf("%w: no record there", ErrFormat)}
	}
	if err != nil {
		return nil, err
	}
	r.cur = nil // the caller owns it now
	r.Close()
	return rec, nil
}

// newReader starts reading r, which is at file offset from.Offset.
func newReader(r io.Reader, from Position, wantGzip bool) (*Reader, error) {
	cr := &countReader{r: r}
	rd := &Reader{cr: cr, br: getBuf(cr), base: from.Offset, u: gowarc.NewUnmarshaler(readOptions...)}
	magic, err := rd.br.Peek(5)
	if err != nil && !errors.Is(err, io.EOF) {
		rd.Close()
		return nil, &Error{Pos: Position{Offset: from.Offset}, Err: err}
	}
	err = nil
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		rd.gzipped = true
	case len(magic) == 0:
		// An empty file holds no records.
	case wantGzip:
		err = &Error{Pos: Position{Offset: from.Offset}, Err: fmt.Errorf("%w: it begins %q", ErrNotGzip, head(rd.br))}
	case !bytes.HasPrefix(magic, []byte("WARC/")):
		err = &Error{Pos: Position{Offset: from.Offset}, Err: fmt.Errorf("%w: it begins %q", ErrNotWARC, head(rd.br))}
	}
	if err == nil && from.Inner > 0 {
		switch {
		case !rd.gzipped:
			err = &Error{Pos: from, Err: fmt.Errorf("%w: an offset within a gzip member in a file that is not gzip", ErrFormat)}
		default:
			if err = rd.openMember(); err == nil {
				if _, derr := rd.mr.Discard(int(from.Inner)); derr != nil {
					err = &Error{Pos: from, Err: fmt.Errorf("%w: the gzip member ends before %s", ErrTruncated, from)}
				}
			}
		}
	}
	if err != nil {
		rd.Close()
		return nil, err
	}
	return rd, nil
}

// bufSize is the reader's buffer for the file and for a gzip member's
// decompressed bytes: more than a record header (maxHeaderPeek).
const bufSize = 64 << 10

// bufs keeps the buffers of closed readers: reading a record back
// (ReadAt) would otherwise allocate and clear two for each.
var bufs = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, bufSize) }}

// gzips keeps the gzip readers of closed readers, whose window is the
// largest allocation of reading one record back.
var gzips sync.Pool

func getBuf(r io.Reader) *bufio.Reader {
	b := bufs.Get().(*bufio.Reader)
	b.Reset(r)
	return b
}

// head is the start of what br holds, for a message about it.
func head(br *bufio.Reader) string {
	b, _ := br.Peek(16)
	return string(b)
}

// Offset is how far into the file the reader has read: the progress of a
// reading that goes on to the end.
func (r *Reader) Offset() int64 { return r.base + r.cr.n }

// fileOffset is the file offset of the next byte not yet consumed.
func (r *Reader) fileOffset() int64 { return r.base + r.cr.n - int64(r.br.Buffered()) }

func (r *Reader) innerOffset() int64 { return r.inner.n - int64(r.mr.Buffered()) }

func (r *Reader) openMember() error {
	r.member = r.fileOffset()
	var err error
	if r.gz == nil {
		if z, ok := gzips.Get().(*gzip.Reader); ok {
			r.gz = z
			err = z.Reset(r.br)
		} else {
			r.gz, err = gzip.NewReader(r.br)
		}
	} else {
		err = r.gz.Reset(r.br)
	}
	if err != nil {
		return &Error{Pos: Position{Offset: r.member}, Err: fmt.Errorf("%w: no gzip member here (%v)", ErrFormat, err)}
	}
	r.gz.Multistream(false)
	r.inner = &countReader{r: r.gz}
	if r.mr == nil {
		r.mr = getBuf(r.inner)
	} else {
		r.mr.Reset(r.inner)
	}
	return nil
}

// skipBlank consumes the line ends some writers leave between records and
// reports whether src has more.
func skipBlank(src *bufio.Reader) (bool, error) {
	for {
		b, err := src.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return false, nil
			}
			return false, err
		}
		if b[0] != '\r' && b[0] != '\n' {
			return true, nil
		}
		src.Discard(1)
	}
}

// Next returns the next record, or io.EOF after the last. An error is an
// *Error naming the position; the file cannot be read past it. The record
// returned before is closed.
func (r *Reader) Next() (*Record, error) {
	if r.cur != nil {
		r.cur.Close()
		r.cur = nil
	}
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		r.err = err
		return nil, err
	}
	r.cur = rec
	return rec, nil
}

func (r *Reader) next() (*Record, error) {
	for {
		var src *bufio.Reader
		var pos Position
		if r.gzipped {
			if r.mr == nil || r.inner == nil {
				if _, err := r.br.Peek(1); errors.Is(err, io.EOF) {
					return nil, io.EOF
				}
				if err := r.openMember(); err != nil {
					return nil, err
				}
			}
			more, err := skipBlank(r.mr)
			if err != nil {
				return nil, &Error{Pos: Position{Offset: r.member, Inner: r.innerOffset()}, Err: gzipError(err)}
			}
			if !more {
				// The member has ended, its checksum checked.
				r.inner = nil
				continue
			}
			src, pos = r.mr, Position{Offset: r.member, Inner: r.innerOffset()}
		} else {
			more, err := skipBlank(r.br)
			if err != nil {
				return nil, &Error{Pos: Position{Offset: r.fileOffset()}, Err: err}
			}
			if !more {
				return nil, io.EOF
			}
			src, pos = r.br, Position{Offset: r.fileOffset()}
		}
		// Bytes before the record are skipped here rather than by the
		// library, so that the header rawFields reads is the record's.
		skipped, err := seekRecord(src)
		if r.gzipped {
			pos.Inner += skipped
		} else {
			pos.Offset += skipped
		}
		if err != nil {
			return nil, &Error{Pos: pos, Err: unmarshalError(err)}
		}
		fields := rawFields(src)
		rec, _, warnings, err := r.u.Unmarshal(src)
		if err != nil {
			if rec != nil {
				rec.Close()
			}
			return nil, &Error{Pos: pos, Err: unmarshalError(err)}
		}
		if r.gzipped {
			// Read on to the end of the member when the record is its last,
			// so that the member's checksum vouches for the record: one cut
			// short by a crash is an error, not a record.
			more, err := skipBlank(r.mr)
			if err != nil {
				rec.Close()
				return nil, &Error{Pos: pos, Err: gzipError(err)}
			}
			if !more {
				r.inner = nil
			}
		}
		out := &Record{Pos: pos, Version: rec.Version().String(), Warnings: warnings, fields: fields, rec: rec}
		out.Type = strings.ToLower(out.Get(gowarc.WarcType))
		if err := out.fatal(); err != nil {
			out.Close()
			return nil, &Error{Pos: pos, Err: err}
		}
		return out, nil
	}
}

// seekRecord skips what comes before the next record ("WARC/" or, in an
// uncompressed stream, a gzip member), as the library would.
func seekRecord(src *bufio.Reader) (int64, error) {
	var n int64
	for {
		b, err := src.Peek(5)
		if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b || bytes.HasPrefix(b, []byte("WARC/")) {
			return n, nil
		}
		if err != nil {
			if n > 0 && errors.Is(err, io.EOF) {
				return n, fmt.Errorf("%w: %d bytes without a record", ErrNotWARC, n+int64(len(b)))
			}
			return n, err
		}
		src.Discard(1)
		n++
	}
}

// maxHeaderPeek is how much of a record rawFields looks at for its header.
const maxHeaderPeek = 16 << 10

// rawFields reads the header of the record src starts with, without
// consuming it, as it is written. The library blanks a value its
// validation rejects, such as the bracketed URIs of WARC 1.0 writers;
// what the archive says is kept here.
func rawFields(src *bufio.Reader) []Field {
	b, _ := src.Peek(maxHeaderPeek)
	lines := strings.Split(string(b), "\n")
	out := []Field{}
	for i, l := range lines {
		if i == len(lines)-1 {
			return nil // the header goes on past what was peeked
		}
		l = strings.TrimSuffix(l, "\r")
		switch {
		case i == 0: // the version line
		case l == "":
			return out
		case (l[0] == ' ' || l[0] == '\t') && len(out) > 0:
			out[len(out)-1].Value = strings.TrimSpace(out[len(out)-1].Value + " " + strings.TrimSpace(l))
		default:
			if name, value, ok := strings.Cut(l, ":"); ok {
				out = append(out, Field{strings.TrimSpace(name), strings.TrimSpace(value)})
			}
		}
	}
	return nil
}

// fatal picks, among the library's findings, those after which the record
// cannot be trusted to end where the next begins.
func (r *Record) fatal() error {
	h := r.rec.WarcHeader()
	if r.Type == "" {
		return ErrNoType
	}
	if n, err := h.GetInt64(gowarc.ContentLength); err != nil || n < 0 {
		return fmt.Errorf("%w: Content-Length %q", ErrFormat, h.Get(gowarc.ContentLength))
	}
	for _, w := range r.Warnings {
		var cl *gowarc.ContentLengthError
		if errors.As(w, &cl) && cl.Actual < cl.Expected {
			return fmt.Errorf("%w: Content-Length %d runs past the end (%d bytes left)", ErrTruncated, cl.Expected, cl.Actual)
		}
	}
	return nil
}

func unmarshalError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w: the file ends inside the record", ErrTruncated)
	case errors.Is(err, ErrNotWARC):
		return err
	case errors.Is(err, gowarc.ErrNoRecord):
		return fmt.Errorf("%w: %v", ErrNotWARC, err)
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return gzipError(err)
	}
	return fmt.Errorf("%w: %v", ErrFormat, err)
}

func gzipError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: the file ends inside a gzip member", ErrTruncated)
	}
	return fmt.Errorf("%w: damaged gzip member: %v", ErrFormat, err)
}

// Close releases the record's buffers; the reader closes each record when
// it moves on.
func (r *Record) Close() {
	if r.rec != nil {
		r.rec.Close()
	}
}

// Close closes the reader, and the file if Open opened it.
func (r *Reader) Close() error {
	if r.cur != nil {
		r.cur.Close()
		r.cur = nil
	}
	if r.gz != nil {
		gzips.Put(r.gz)
		r.gz = nil
	}
	for _, b := range []*bufio.Reader{r.br, r.mr} {
		if b != nil {
			b.Reset(nil)
			bufs.Put(b)
		}
	}
	r.br, r.mr, r.err = nil, nil, errClosed
	if r.file != nil {
		return r.file.Close()
	}
	return nil
}

var errClosed = errors.New("warc: reader closed")
