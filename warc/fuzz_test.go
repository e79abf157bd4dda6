package warc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// frame turns fuzz input into a file: its first byte says whether the rest
// is taken as it is, compressed as one gzip member, or compressed a member
// per record. The fuzzer so mutates WARC text, which it can make sense of,
// and the gzip framing is still exercised; the old target mutated gzip
// bytes, whose checksum almost every mutation broke, and spent its time
// minimising the few inputs that got through (7 executions in 60 s).
func frame(in []byte) []byte {
	if len(in) == 0 {
		return in
	}
	rest := in[1:]
	switch in[0] % 3 {
	case 1:
		return gz(string(rest))
	case 2:
		var out []byte
		for i, part := range strings.SplitAfter(string(rest), "\r\n\r\n\r\n") {
			if part != "" || i == 0 {
				out = append(out, gz(part)...)
			}
		}
		return out
	}
	return rest
}

// FuzzReader feeds arbitrary files to the reader: it must end with io.EOF
// or an *Error, never panic or loop, and every record it returns must read
// back the same from the position it reported.
func FuzzReader(f *testing.F) {
	recs := records()
	f.Add([]byte("\x00" + strings.Join(recs, "")))
	f.Add([]byte("\x01" + recs[0] + recs[1]))
	f.Add([]byte("\x02" + strings.Join(recs, "")))
	f.Add([]byte("\x00" + raw("WARC/1.0", []Field{{"WARC-Type", "resource"}, {"WARC-Target-URI", "<http://example.org/a>"}}, "hello")))
	f.Add([]byte("\x00" + raw("WARC/1.1", []Field{{"WARC-Type", "revisit"}, {"Content-Type", "application/http;msgtype=response"},
		{"WARC-Refers-To", "<urn:uuid:r0>"}}, "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n")))
	f.Add([]byte("\x00" + raw("WARC/1.1", []Field{{"WARC-Type", "response"}, {"Content-Type", "application/http;msgtype=response"}},
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n4\r\nabcd\r\n0\r\n\r\n")))
	f.Add([]byte("\x00WARC/1.1\r\nContent-Length: 99999999999\r\n\r\nx"))
	f.Add([]byte("\x00WARC/1.1\r\n continued\r\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		data := frame(in)
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				t.Fatalf("NewReader error %v is not an *Error", err)
			}
			return
		}
		defer r.Close()
		for i := 0; ; i++ {
			if i > len(data) {
				t.Fatalf("more records (%d) than input bytes", i)
			}
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var we *Error
				if !errors.As(err, &we) {
					t.Fatalf("record %d: error %v is not an *Error", i, err)
				}
				return
			}
			rec.TargetURI()
			rec.Damaged()
			if rec.IsHTTP() {
				rec.HTTP()
				rec.Body(1 << 20)
			} else {
				rec.Block(1 << 20)
			}
			again, err := ReadAt(bytes.NewReader(data), rec.Pos)
			if err != nil {
				t.Fatalf("record %d at %v does not read back: %v", i, rec.Pos, err)
			}
			if again.ID() != rec.ID() || again.Type != rec.Type {
				t.Fatalf("record %d at %v reads back as %s %s, was %s %s", i, rec.Pos, again.Type, again.ID(), rec.Type, rec.ID())
			}
			again.Close()
		}
	})
}
