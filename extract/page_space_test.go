package extract

import (
	"testing"
	"unicode/utf8"
)

// TestHasSpaceMatchesIsSpace: the byte test finds a space exactly where a
// rune of isSpace stands, over every rune of the BMP.
func TestHasSpaceMatchesIsSpace(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "甲" + string(r) + "乙"
		if got, want := hasSpace(s), isSpace(r); got != want {
			t.Errorf("hasSpace(%q) = %v, isSpace(%U) = %v", s, got, r, want)
		}
	}
}
