// Package zh holds the project's Chinese text primitives: script and width
// folding, and word segmentation over gse's dictionary, shared by extract
// and index so that gse is imported in exactly one place.
package zh

//go:generate go run ./internal/gent2s

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// FoldRune maps one rune to its search form: traditional to simplified
// (OpenCC's character table), fullwidth ASCII to halfwidth, the ideographic
// space to a space, and letters to lower case. It never changes the number
// of runes, so offsets in folded text map back to the original by rune index.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if r < 0x10000 {
		return foldBMP()[r]
	}
	return foldSlow(r)
}

// FoldRunes folds src rune by rune into dst, which must be as long: it
// is FoldRune on every rune, with the table fetched once rather than at
// every rune.
func FoldRunes(dst, src []rune) {
	t := foldBMP()
	for i, r := range src {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r < 0x10000:
			r = t[r]
		default:
			r = foldSlow(r)
		}
		dst[i] = r
	}
}

func foldSlow(r rune) rune {
	switch {
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

// foldBMP is FoldRune as a table over the Basic Multilingual Plane, built
// on first use: folding is on the path of every cut, and a map lookup per
// rune made it a third of the analyzer's time.
var foldBMP = sync.OnceValue(func() []rune {
	t := make([]rune, 0x10000)
	for r := range t {
		if r >= 0xD800 && r < 0xE000 {
			t[r] = rune(r) // surrogates never come out of a range loop
			continue
		}
		t[r] = foldSlow(rune(r))
	}
	return t
})

// Fold returns s with every rune passed through FoldRune.
func Fold(s string) string {
	t := foldBMP()
	for i, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return foldFrom(s, i, t)
			}
			continue
		}
		if r < 0x10000 && t[r] == r || r >= 0x10000 && foldSlow(r) == r {
			continue
		}
		return foldFrom(s, i, t)
	}
	return s
}

// foldFrom folds s, whose first i bytes are known to be unchanged.
func foldFrom(s string, i int, t []rune) string {
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		case r < 0x10000:
			r = t[r]
		default:
			r = foldSlow(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
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
func IsHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true // the unified ideographs block, before a table search
	}
	return unicode.Is(unicode.Han, r)
}

// nameQuotes are the quote marks that may wrap a name.
const nameQuotes = "“”\"‘’'「」『』《》〈〉"

// NameKey is the grouping key of a name (a campaign, an honour): folded,
// without quotes or whitespace and without a trailing 活动 or 行动, so that
// “送溫暖”活动 and 送温暖 share a key.
func NameKey(name string) string {
	f := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune(nameQuotes, r) {
			return -1
		}
		return FoldRune(r)
	}, name)
	for _, suf := range []string{"活动", "行动"} {
		if strings.HasSuffix(f, suf) && len(f) > len(suf) {
			f = strings.TrimSuffix(f, suf)
		}
	}
	return f
}
