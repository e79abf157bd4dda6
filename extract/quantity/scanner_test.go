package quantity

import (
	"testing"

	"github.com/unionscope/unionscope/zh"
)

func TestEndsWith(t *testing.T) {
	s := newScanner("共计１２人次")
	tests := []struct {
		i    int
		w    string
		want bool
	}{
		{2, "共计", true},
		{2, "计", true},
		{2, "合计", false},
		{1, "共计", false},
		{4, "12", true}, // fullwidth digits fold
		{6, "人次", true},
		{6, "次", true},
		{7, "次", false},
		{0, "", true},
		{-1, "", false},
		{0, "共", false},
	}
	for _, tt := range tests {
		if got := s.endsWith(tt.i, tt.w); got != tt.want {
			t.Errorf("endsWith(%d, %q) = %v, want %v", tt.i, tt.w, got, tt.want)
		}
	}
}

// TestSegmentAsWhole holds the sentence-by-sentence segmentation to zh.Cut
// of the whole text: every rune gets the word it gets there.
func TestSegmentAsWhole(t *testing.T) {
	for _, text := range []string{
		benchText,
		"全县新建基层工会组织二十三个。\n\n“送温暖”活动慰问职工1200余人次！走访困难户56户；\r\n发放慰问金８６万元?完",
		"。。统一\n",
		"",
	} {
		s := newScanner(text)
		byRune := map[int]token{}
		runes := 0
		runeAt := map[int]int{}
		for b := range text {
			runeAt[b] = runes
			runes++
		}
		runeAt[len(text)] = runes
		for _, w := range fixTokens(zh.Cut(text, false)) {
			tk := token{start: runeAt[w.Start], end: runeAt[w.End], pos: w.Pos}
			for k := tk.start; k < tk.end; k++ {
				byRune[k] = tk
			}
		}
		for i := range s.f {
			want, ok := byRune[i]
			if !ok {
				want = token{start: -1, end: -1}
			}
			got := token{start: s.wordStart(i), end: s.wordEnd(i), pos: s.posAt(i)}
			if got != want {
				t.Errorf("%q: rune %d (%q): word %+v, want %+v", text, i, s.r[i], got, want)
			}
		}
	}
}
