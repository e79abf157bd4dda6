package extract

import (
	"reflect"
	"strings"
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

// FuzzYearsIn holds the hand-written year scan to the regexp it stands
// for: the same matches, in order.
func FuzzYearsIn(f *testing.F) {
	f.Add("2019年，2020 年和1949年、1950年\t年12019年2099年")
	f.Add("２０１９年")
	f.Add("20192年 19年 年2019")
	f.Fuzz(func(t *testing.T, s string) {
		got := yearsIn(s)
		want := [][]string(nil)
		if strings.Contains(s, "年") && mayNameYear(s) {
			want = yearRe.FindAllStringSubmatch(s, -1)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("yearsIn(%q) = %q; want %q", s, got, want)
		}
	})
}

// FuzzFirstYMD holds firstYMD to the FindAll loop over dateYMDRe it
// replaces.
func FuzzFirstYMD(f *testing.F) {
	f.Add("2019年13月1日，2019-02-30 而2020/3/5 和 1949.1.1")
	f.Add("20192020年1月2日")
	f.Fuzz(func(t *testing.T, s string) {
		want, wantAt := "", -1
		for _, m := range dateYMDRe.FindAllStringSubmatchIndex(s, -1) {
			mo, d := sub(s, m, 2), sub(s, m, 3)
			if mo == "" {
				mo, d = sub(s, m, 4), sub(s, m, 5)
			}
			if v := ymd(sub(s, m, 1), mo, d); v != "" {
				want, wantAt = v, m[0]
				break
			}
		}
		if got, at := firstYMD(s); got != want || at != wantAt {
			t.Errorf("firstYMD(%q) = %q, %d; want %q, %d", s, got, at, want, wantAt)
		}
	})
}
