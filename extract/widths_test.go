package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// FuzzLineWidths checks lineWidths, which reads bytes for speed, against a
// plain reading of the runes.
func FuzzLineWidths(f *testing.F) {
	f.Add("县总工会　开展ＡＢ送温暖 activities，共计12万元。")
	f.Add("\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		runes, cols := lineWidths(s)
		wr, wc := 0, 0
		for _, r := range s {
			wr++
			wc++
			if r >= 0x1100 && (zh.IsHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || r >= 0x2E80 && r <= 0xA4CF) {
				wc++
			}
		}
		if runes != wr || cols != wc {
			t.Errorf("lineWidths(%q) = %d, %d; want %d, %d", s, runes, cols, wr, wc)
		}
	})
}
