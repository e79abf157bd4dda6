package extract

import (
	"testing"

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

// TestParseEncodings runs whole pages in each encoding through Parse.
func TestParseEncodings(t *testing.T) {
	page := func(cs, body string) string {
		return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=` + cs + `"><title>工會</title></head><body><div class="content"><p>` + body + `</p><p>` + body + `</p></div></body></html>`
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"gbk", encode(t, simplifiedchinese.GBK, page("gbk", sampleSimp)), sampleSimp},
		{"big5", encode(t, traditionalchinese.Big5, page("big5", sampleTrad)), sampleTrad},
		{"utf-16", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), page("utf-16", sampleSimp)), sampleSimp},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, page("utf-8", sampleSimp)...), sampleSimp},
		{"wrong meta", []byte(page("gb2312", sampleTrad)), sampleTrad},
	}
	for _, tt := range tests {
		docs, err := Parse(Input{Name: tt.name + ".html", Data: tt.data})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(docs) != 1 || len(docs[0].Body) != 2 || docs[0].Body[0] != tt.want {
			t.Errorf("%s: body = %q, want two paragraphs %q", tt.name, docs[0].Body, tt.want)
		}
	}
}
