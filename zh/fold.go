// Package zh holds the project's Chinese text primitives: script and width
// folding, and word segmentation over gse's dictionary, shared by extract
// and index so that gse is imported in exactly one place.
package zh

//go:generate go run ./internal/gent2s

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldRune maps one rune to its search form: traditional to simplified
// (OpenCC's character table), fullwidth ASCII to halfwidth, the ideographic
// space to a space, and letters to lower case. It never changes the number
// of runes, so offsets in folded text map back to the original by rune index.
func FoldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r == 0x3000:
		return ' '
	}
	if s, ok := t2s[r]; ok {
		return s
	}
	return unicode.ToLower(r)
}

// Fold returns s with every rune passed through FoldRune.
func Fold(s string) string {
	for i, r := range s {
		if FoldRune(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(FoldRune(r))
			}
			return b.String()
		}
	}
	return s
}

// ToSimplified converts traditional characters to simplified ones and leaves
// everything else, including width and case, as it is.
func ToSimplified(s string) string {
	return strings.Map(func(r rune) rune {
		if v, ok := t2s[r]; ok {
			return v
		}
		return r
	}, s)
}

// IsHan reports whether r is a CJK ideograph.
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }
