package zh

import (
	"strings"
	"unicode/utf8"
)

// Readings are pinyin glosses that a conversion left after characters,
// 工會(huì) or 萬（wàn）元: a Han character, then in ASCII or fullwidth
// brackets one or more pinyin syllables. A syllable counts when it carries
// a tone mark, or when its letters make a pinyin syllable and it follows a
// character already glossed: a bare (an) or (de) after an unglossed
// character is more likely an abbreviation than a reading.

// syllables holds the shape of one pinyin syllable, tone marks removed:
// an initial, or none, and a final. It admits a few combinations Mandarin
// does not use; they cost nothing, as only bracketed lower-case words
// after Han characters are tested. A set rather than a regexp: converted
// texts gloss every character, and matching each syllable was most of
// reading them.
var syllables = func() map[string]bool {
	initials := []string{"", "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"}
	finals := []string{"iang", "iong", "uang", "ang", "eng", "ing", "ong", "uai", "iao", "ian", "uan", "van", "ai", "ei", "ao", "ou",
		"an", "en", "er", "in", "un", "vn", "ia", "ie", "iu", "ua", "uo", "ue", "ve", "ui", "a", "o", "e", "i", "u", "v"}
	m := make(map[string]bool, len(initials)*len(finals))
	for _, i := range initials {
		for _, f := range finals {
			m[i+f] = true
		}
	}
	return m
}()

// toneless maps each tone-marked vowel to its plain letter (ü to v, as
// pinyin input does).
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v", "ü", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
)

// maxReading bounds the bracketed text tried as a reading: three
// syllables with spaces. Longer brackets are prose or English.
const maxReading = 24

// ReadingLen returns the length in bytes of the pinyin reading that opens
// s, brackets included, or 0 when s does not open with one. glossed says
// whether a character before s in the same text had a reading, which
// admits toneless syllables (們(men)). Call it right after a Han character.
func ReadingLen(s string, glossed bool) int {
	// Callers test every position after a Han character: a byte test
	// settles those that open no bracket without decoding them.
	var n int
	var close rune
	switch {
	case strings.HasPrefix(s, "("):
		n, close = 1, ')'
	case strings.HasPrefix(s, "（"):
		n, close = len("（"), '）'
	default:
		return 0
	}
	end := strings.IndexRune(s[n:min(len(s), n+maxReading+3)], close)
	if end <= 0 {
		return 0
	}
	inner := s[n : n+end]
	toned := false
	for _, w := range strings.Fields(inner) {
		// A syllable opens with a lower-case letter, ASCII or with a tone
		// mark (below U+2000): a word that opens with anything else, a
		// Han character or a digit most often (（以下简称）, (2)), spares
		// the replacer.
		if r, _ := utf8.DecodeRuneInString(w); r >= 0x2000 || r < utf8.RuneSelf && (r < 'a' || r > 'z') {
			return 0
		}
		plain := toneless.Replace(w)
		if plain != w {
			toned = true
		}
		if !syllables[plain] {
			return 0
		}
	}
	if strings.TrimSpace(inner) == "" || !toned && !glossed {
		return 0
	}
	return n + end + utf8.RuneLen(close)
}

// MayHaveReadings reports whether s may hold a reading: a bracket, and a
// tone-marked letter, as a text's first reading has one (a toneless
// syllable counts only after a glossed character). Every tone-marked
// letter toneless knows is encoded with a lead byte from 0xC3 to 0xC7 but
// ḿ. Most texts with brackets have no tone marks, and ReadingLen would be
// tried after each of their characters.
func MayHaveReadings(s string) bool {
	if strings.IndexByte(s, '(') < 0 && !strings.Contains(s, "（") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 0xC3 && b <= 0xC7 {
			return true
		}
	}
	return strings.Contains(s, "ḿ")
}

// StripReadings removes the pinyin readings after Han characters:
// 工會(huì)經(jīng)費 → 工會經費. Text without readings comes back as it is.
func StripReadings(s string) string {
	if !MayHaveReadings(s) {
		return s
	}
	// Most brackets are no reading: the text is copied only once one is
	// found, s[from:i] being kept and not written yet.
	var b strings.Builder
	from := 0
	glossed, prevHan := false, false
	for i := 0; i < len(s); {
		if prevHan {
			if n := ReadingLen(s[i:], glossed); n > 0 {
				if from == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[from:i])
				i += n
				from = i
				glossed, prevHan = true, false
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		prevHan = IsHan(r)
		i += n
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}
