package zh

import "unicode/utf8"

// Runes is []rune(s), decoded in one pass with the three-byte sequences of
// Chinese text read inline: the runtime's conversion counts the runes in a
// pass of its own and decodes each multi-byte rune through a call, which
// made it the most expensive step of reading a page's text for runes.
func Runes(s string) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			out = append(out, rune(c))
			i++
			continue
		case c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF:
			// Lead bytes whose second byte may be any continuation byte:
			// E0 (overlongs) and ED (surrogates) restrict it and go the
			// slow way.
			if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				out = append(out, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, r)
		i += n
	}
	return out
}
