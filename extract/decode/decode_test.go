package decode

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const (
	sampleSimp = "全市各级工会认真开展送温暖活动，为困难职工发放慰问金，帮助他们解决生产生活中的实际困难。"
	sampleTrad = "全市各級工會認真開展送溫暖活動，為困難職工發放慰問金，幫助他們解決生產生活中的實際困難。"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestText(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	noBOM := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string
		charset     string
	}{
		{"utf-8", []byte(sampleSimp), "", sampleSimp, "utf-8"},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, sampleSimp...), "", sampleSimp, "utf-8"},
		{"utf-16le bom", encode(t, utf16le, sampleSimp), "", sampleSimp, "utf-16le"},
		{"utf-16be bom", encode(t, utf16be, sampleTrad), "", sampleTrad, "utf-16be"},
		{"utf-16le no bom", encode(t, noBOM, "工会 news\r\n"+sampleSimp), "", "工会 news\r\n" + sampleSimp, "utf-16le"},
		{"gbk sniffed", encode(t, simplifiedchinese.GBK, sampleSimp), "", sampleSimp, "gb18030"},
		{"gb18030 declared gb2312", encode(t, simplifiedchinese.GB18030, sampleSimp), "text/html; charset=gb2312", sampleSimp, "gb18030"},
		{"big5 sniffed", encode(t, traditionalchinese.Big5, sampleTrad), "", sampleTrad, "big5"},
		{"big5 declared", encode(t, traditionalchinese.Big5, sampleTrad), "text/html; charset=big5", sampleTrad, "big5"},
		{"big5 wrongly declared gbk", encode(t, traditionalchinese.Big5, sampleTrad), "text/html; charset=gbk", sampleTrad, "big5"},
		{"gbk wrongly declared big5", encode(t, simplifiedchinese.GBK, sampleSimp), "text/html; charset=big5", sampleSimp, "gb18030"},
		{"utf-8 behind meta gbk", []byte(`<meta charset="gbk"><p>` + sampleSimp + `</p>`), "", `<meta charset="gbk"><p>` + sampleSimp + `</p>`, "utf-8"},
		{"utf-8 behind header gb2312", []byte(sampleTrad), "text/plain; charset=gb2312", sampleTrad, "utf-8"},
		{"gbk behind meta utf-8", append([]byte(`<meta charset="utf-8"><p>`), encode(t, simplifiedchinese.GBK, sampleSimp)...), "", `<meta charset="utf-8"><p>` + sampleSimp, "gb18030"},
		{"gbk from meta", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=GB2312"><p>`), encode(t, simplifiedchinese.GBK, sampleSimp)...), "", `<meta http-equiv="Content-Type" content="text/html; charset=GB2312"><p>` + sampleSimp, "gb18030"},
		{"ascii", []byte("plain ascii text"), "", "plain ascii text", "utf-8"},
	}
	for _, tt := range tests {
		got, cs, err := Text(tt.data, tt.contentType)
		if err != nil {
			t.Errorf("%s: Text error %v", tt.name, err)
			continue
		}
		if got != tt.want || cs != tt.charset {
			t.Errorf("%s: Text = %q, %q; want %q, %q", tt.name, got, cs, tt.want, tt.charset)
		}
	}
}

func TestDecodeMostlyUTF8(t *testing.T) {
	// One stray byte in long UTF-8 text is damage, not another encoding.
	data := []byte(sampleSimp + sampleSimp)
	data = append(data[:30:30], append([]byte{0xFF}, data[30:]...)...)
	got, cs, err := Text(data, "")
	if err != nil || cs != "utf-8" || !utf8.ValidString(got) {
		t.Fatalf("Text = %q, %q, %v; want valid utf-8", got, cs, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte("\r\n \t"), ErrEmpty},
		{"utf-16 whitespace", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, ErrEmpty},
		{"nul", []byte("abc\x00def"), ErrBinary},
		{"controls", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), ErrBinary},
	}
	for _, tt := range tests {
		if _, _, err := Text(tt.data, ""); !errors.Is(err, tt.want) {
			t.Errorf("%s: Text error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// FuzzText checks that Text always yields valid UTF-8 or a sentinel.
func FuzzText(f *testing.F) {
	f.Add([]byte("工会"), "")
	f.Add([]byte("\xb9\xa4\xbb\xe1"), "text/html; charset=gb2312")
	f.Add([]byte("\xa4u\xb7|"), "text/html; charset=big5")
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00}, "")
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		s, cs, err := Text(data, ct)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) {
				t.Fatalf("Text error %v", err)
			}
			return
		}
		if !utf8.ValidString(s) || cs == "" {
			t.Fatalf("Text = %q, %q", s, cs)
		}
	})
}

func BenchmarkTextGBK(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "html", "gbk-summary", "input.html"))
	if err != nil {
		b.Fatal(err)
	}
	data = []byte(strings.Repeat(string(data), 100))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, cs, err := Text(data, ""); err != nil || cs != "gb18030" {
			b.Fatalf("decode: %q %v", cs, err)
		}
	}
}
