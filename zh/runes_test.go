package zh

import (
	"slices"
	"testing"
)

func TestRunesMatchesConversion(t *testing.T) {
	for _, s := range []string{"", "abc", "工会送温暖", "工會(huì)", "\xe5\xb7", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "a\xffb", "𠮷野家", "\xe5\xb7\xa5\x80"} {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("Runes(%q) = %U, want %U", s, got, want)
		}
	}
}

func FuzzRunes(f *testing.F) {
	for _, s := range []string{"工会送温暖", "\xed\xa0\x80", "\xe0\x80\x80abc", "𠮷"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("Runes(%q) = %U, want %U", s, got, want)
		}
	})
}
