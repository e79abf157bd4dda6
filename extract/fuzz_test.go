package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/decode"
)

// FuzzParse feeds arbitrary bytes to both paths, as text and as HTML, and
// checks that every document has valid UTF-8 in every field and parts
// numbered 1..n, and that the only errors are ErrNoArticle, decode.ErrEmpty and decode.ErrBinary.
//
// A run may show 0 execs/s for up to a minute at a time: the fuzzer
// minimizes each input it finds new for up to -fuzzminimizetime (60s by
// default), one parse per step, and those steps are not counted. No input
// is slow (parses take a few milliseconds, mutated fixtures at most some
// tens); pass -fuzzminimizetime 5s to spend the time on new inputs.
func FuzzParse(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*", "*", "input.*"))
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(data, filepath.Base(in))
		}
	}
	f.Add([]byte("第一篇:甲\n同志们:\n正文。\n第二篇:乙\n正文。"), "c.txt")
	f.Add([]byte("<table><tr><td>正文一。<br><br>正文二。</td></tr></table>"), "t.html")
	f.Add([]byte("标题\n来源：某日报 2012-05-03\n□记者甲乙通讯员丙丁\n正文，正文。\n（下转第二版）\n【打印】"), "n.txt")
	f.Add([]byte{0xFF, 0xFE, 0x3F, 0x00, 0x0A, 0x00}, "u.txt")
	f.Add([]byte("\xb9\xa4\xbb\xe1\xb9\xa4\xd7\xf7"), "g.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		for _, ct := range []string{"", "text/html; charset=gbk"} {
			docs, err := Parse(Input{Name: name, Data: data, ContentType: ct})
			if err != nil {
				if !errors.Is(err, ErrNoArticle) && !errors.Is(err, decode.ErrEmpty) && !errors.Is(err, decode.ErrBinary) {
					t.Fatalf("Parse error %v is neither ErrEmpty nor ErrBinary", err)
				}
				continue
			}
			if len(docs) == 0 {
				t.Fatal("no documents and no error")
			}
			for i, d := range docs {
				if d.Part != i+1 {
					t.Fatalf("part %d at index %d", d.Part, i)
				}
				fields := append([]string{d.Title, d.Date, d.Publisher, d.Author, d.Doctype, d.Region.Province, d.Region.City, d.Region.County}, d.Body...)
				for _, s := range fields {
					if !utf8.ValidString(s) {
						t.Fatalf("invalid UTF-8 %q", s)
					}
				}
				for _, p := range d.Body {
					if p == "" {
						t.Fatal("empty paragraph")
					}
				}
				if d.Metrics == nil || d.Campaigns == nil {
					t.Fatal("nil metrics or campaigns")
				}
			}
		}
	})
}
