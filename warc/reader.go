package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits on what the reader accepts, so that a damaged or hostile file
// fails with an error instead of exhausting memory.
const (
	maxLine   = 64 << 10
	maxFields = 1000
	// MaxBlock is the largest record block the reader loads.
	MaxBlock = 1 << 30
)

// ErrFormat is wrapped by errors about bytes that are not a WARC record.
var ErrFormat = errors.New("malformed warc")

// Reader reads records from a WARC file, gzip-compressed (one member per
// record, or one for the whole file) or not.
type Reader struct {
	cr  *countReader
	raw *bufio.Reader
	gz  *gzip.Reader
	// src is the decompressed stream of the current member, or raw.
	src *bufio.Reader
	// start is the file offset of the record Next returned last.
	start int64
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

// NewReader reads records from r, detecting gzip by its magic bytes.
func NewReader(r io.Reader) (*Reader, error) {
	cr := &countReader{r: r}
	rd := &Reader{cr: cr, raw: bufio.NewReader(cr)}
	magic, err := rd.raw.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read warc: %w", err)
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		rd.gz, err = gzip.NewReader(rd.raw)
		if err != nil {
			return nil, fmt.Errorf("read warc: %w", err)
		}
		rd.gz.Multistream(false)
		rd.src = bufio.NewReader(rd.gz)
	} else {
		rd.src = rd.raw
	}
	return rd, nil
}

// offset is the position in the underlying file of the next unread byte.
func (r *Reader) offset() int64 { return r.cr.n - int64(r.raw.Buffered()) }

// Offset is the file offset at which the record Next returned last begins:
// its gzip member when each record has its own, else its first byte.
func (r *Reader) Offset() int64 { return r.start }

// Next returns the next record, or io.EOF after the last.
func (r *Reader) Next() (*Record, error) {
	if err := r.skipBlank(); err != nil {
		return nil, err
	}
	rec, err := r.readRecord()
	if err != nil {
		return nil, fmt.Errorf("warc record at offset %d: %w", r.start, err)
	}
	return rec, nil
}

// skipBlank moves to the start of the next record, across gzip member
// boundaries, and notes its offset.
func (r *Reader) skipBlank() error {
	for {
		if r.gz == nil {
			r.start = r.offset()
		}
		b, err := r.src.Peek(1)
		if err == nil {
			if b[0] == '\r' || b[0] == '\n' {
				r.src.ReadByte()
				continue
			}
			return nil
		}
		if !errors.Is(err, io.EOF) {
			return fmt.Errorf("read warc: %w", err)
		}
		if r.gz == nil {
			return io.EOF
		}
		// The member is finished; the next one, if any, starts here.
		r.start = r.offset()
		if _, err := r.raw.Peek(1); errors.Is(err, io.EOF) {
			return io.EOF
		}
		if err := r.gz.Reset(r.raw); err != nil {
			return fmt.Errorf("warc member at offset %d: %w", r.start, err)
		}
		r.gz.Multistream(false)
		r.src.Reset(r.gz)
	}
}

func (r *Reader) readLine() (string, error) {
	var line []byte
	for {
		frag, err := r.src.ReadSlice('\n')
		line = append(line, frag...)
		if len(line) > maxLine {
			return "", fmt.Errorf("%w: header line longer than %d bytes", ErrFormat, maxLine)
		}
		if err == nil {
			return strings.TrimRight(string(line), "\r\n"), nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
	}
}

func (r *Reader) readRecord() (*Record, error) {
	version, err := r.readLine()
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("%w: version line %q", ErrFormat, truncate(version))
	}
	rec := &Record{Version: version}
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(rec.Header) == 0 {
				return nil, fmt.Errorf("%w: continuation before first field", ErrFormat)
			}
			rec.Header[len(rec.Header)-1].Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || !validName(name) {
			return nil, fmt.Errorf("%w: header line %q", ErrFormat, truncate(line))
		}
		if len(rec.Header) >= maxFields {
			return nil, fmt.Errorf("%w: more than %d header fields", ErrFormat, maxFields)
		}
		rec.Header = append(rec.Header, Field{name, strings.TrimSpace(value)})
	}
	n, err := strconv.ParseInt(rec.Header.Get("Content-Length"), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: Content-Length %q", ErrFormat, rec.Header.Get("Content-Length"))
	}
	if n > MaxBlock {
		return nil, fmt.Errorf("%w: block of %d bytes exceeds %d", ErrFormat, n, MaxBlock)
	}
	// Read in steps rather than allocating n up front: a lying length costs
	// only the bytes actually present.
	var block bytes.Buffer
	if _, err := io.CopyN(&block, r.src, n); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("block: %w", err)
	}
	rec.Block = block.Bytes()
	// Reading on to the end of the member checks its CRC and length, so a
	// record cut short by a crash is an error rather than a silently short
	// block.
	for range 4 {
		b, err := r.src.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("after block: %w", err)
		}
		if b[0] != '\r' && b[0] != '\n' {
			break
		}
		r.src.ReadByte()
	}
	if r.gz != nil {
		if _, err := r.src.Peek(1); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("after block: %w", err)
		}
	}
	return rec, nil
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// ReadAt reads the one record that starts at offset off of f.
func ReadAt(f io.ReaderAt, off int64) (*Record, error) {
	r, err := NewReader(io.NewSectionReader(f, off, 1<<62))
	if err != nil {
		return nil, fmt.Errorf("warc record at offset %d: %w", off, err)
	}
	rec, err := r.Next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("warc record at offset %d: %w", off, err)
	}
	return rec, nil
}
