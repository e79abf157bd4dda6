package zh

import (
	"testing"
	"unicode/utf8"
)

func TestStripReadings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"市總工會(huì)召開會(huì)議", "市總工會召開會議"},
		{"發放慰問金36.5萬（wàn）元", "發放慰問金36.5萬元"},
		{"工會(huì)幹部們(men)", "工會幹部們"},       // toneless after a glossed character
		{"成立工会(gōng huì)组织", "成立工会组织"},     // two syllables
		{"交流会(an)上", "交流会(an)上"},           // toneless, nothing glossed before
		{"世界贸易组织(WTO)成员", "世界贸易组织(WTO)成员"}, // not lower-case pinyin
		{"建设(一期)工程", "建设(一期)工程"},           // Han in brackets
		{"职工(hello)之家", "职工(hello)之家"},     // not a syllable
		{"x(huì)", "x(huì)"},               // not after a Han character
		{"没有括号的文字", "没有括号的文字"},
		{"半个(", "半个("},
		{"困难职工(", "困难职工("},
	}
	for _, tt := range tests {
		if got := StripReadings(tt.in); got != tt.want {
			t.Errorf("StripReadings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadingLen(t *testing.T) {
	tests := []struct {
		in      string
		glossed bool
		want    int
	}{
		{"(huì)召開", false, len("(huì)")},
		{"（wàn）元", false, len("（wàn）")},
		{"(men)", true, len("(men)")},
		{"(men)", false, 0},
		{"(ABC)", true, 0},
		{"()", true, 0},
		{"元", false, 0},
	}
	for _, tt := range tests {
		if got := ReadingLen(tt.in, tt.glossed); got != tt.want {
			t.Errorf("ReadingLen(%q, %v) = %d, want %d", tt.in, tt.glossed, got, tt.want)
		}
	}
}

// FuzzStripReadings checks that stripping only ever removes whole
// bracketed readings: the output is never longer, stays valid UTF-8, and
// keeps every Han character.
func FuzzStripReadings(f *testing.F) {
	f.Add("工會(huì)經(jīng)費")
	f.Add("萬（wàn）元(")
	f.Fuzz(func(t *testing.T, s string) {
		out := StripReadings(s)
		if len(out) > len(s) || utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("StripReadings(%q) = %q", s, out)
		}
		if hanCount(out) != hanCount(s) {
			t.Fatalf("StripReadings(%q) = %q lost Han characters", s, out)
		}
	})
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if IsHan(r) {
			n++
		}
	}
	return n
}

// TestMayHaveReadings holds MayHaveReadings to StripReadings: a text it
// turns down has no reading to strip.
func TestMayHaveReadings(t *testing.T) {
	for _, s := range []string{"工會(huì)經(jīng)費", "嗯（ḿ）", "萬（wàn）元", "工会（以下简称）", "們(men)", "(a)", "职工代表大会"} {
		if !MayHaveReadings(s) && StripReadings(s) != s {
			t.Errorf("MayHaveReadings(%q) = false, but it has a reading", s)
		}
	}
	for _, s := range []string{"工会（以下简称）", "們(men)", "职工代表大会"} {
		if MayHaveReadings(s) {
			t.Errorf("MayHaveReadings(%q) = true, want false: no tone mark", s)
		}
	}
}
