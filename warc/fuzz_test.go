package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader: it must end with io.EOF
// or an error, never panic or loop, and every record it returns must read
// back the same from the offset it reported.
func FuzzReader(f *testing.F) {
	data, _, err := sample()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\nx"))
	f.Add([]byte("WARC/1.1\r\n continued\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := NewReader(bytes.NewReader(in))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(in) {
				t.Fatalf("more records (%d) than input bytes", i)
			}
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				return
			}
			if int64(len(rec.Block)) > int64(len(in))*1100+64 {
				t.Fatalf("block of %d bytes from %d input bytes", len(rec.Block), len(in))
			}
			again, err := ReadAt(bytes.NewReader(in), r.Offset())
			if err != nil {
				t.Fatalf("record %d at offset %d does not read back: %v", i, r.Offset(), err)
			}
			if !bytes.Equal(again.Block, rec.Block) && r.gz == nil {
				t.Fatalf("record %d at offset %d reads back a different block", i, r.Offset())
			}
			rec.Verify()
			rec.HTTPResponse()
		}
	})
}
