package quantity

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// A conversion leaves noise inside quantities that a reader skips without
// noticing: pinyin readings flattened after characters (36.5萬(wàn)元) and
// spaces or hard line breaks between a number and its unit (12289 万元, a
// number at the end of a wrapped line and 个 at the start of the next). The
// grammar reads a view of the text with that noise taken out, and maps what
// it finds back to the text as given for Surface, Offset and Sentence.

// maxGap caps the whitespace between a number and its unit that the view
// closes: a space or two, or one line break with the spaces around it. A
// wider gap is layout (a table's columns), not a broken quantity.
const maxGap = 4

// view is the text the grammar reads and its map back to the text as given.
type view struct {
	text string
	// orig holds, for each rune of the view, its rune index in the text as
	// given, and the text's length in runes at the end; nil when the view is
	// the text itself.
	orig []int
	// origEnd holds, for each rune of the view, the index in the text as
	// given just past it and past the reading that follows it, if any: a
	// surface that ends on 個(gè) keeps the reading.
	origEnd []int
}

// newView builds the view of text: readings after Han characters dropped
// (unless quantity.pinyin-reading is off) and short whitespace between
// digits and a unit closed (unless quantity.space-before-unit is off).
func (s *scanner) newView(text string) view {
	readings := s.on(rulePinyinReading) && strings.ContainsAny(text, "(（")
	gaps := s.on(ruleSpaceBeforeUnit) && hasDigitGap(text)
	if !readings && !gaps {
		return view{text: text}
	}
	var b strings.Builder
	b.Grow(len(text))
	n := utf8.RuneCountInString(text)
	v := view{orig: make([]int, 0, n+1), origEnd: make([]int, 0, n)}
	ri := 0 // rune index in text
	glossed := false
	var last rune // last rune written to the view
	for i := 0; i < len(text); {
		if readings && zh.IsHan(last) {
			if k := zh.ReadingLen(text[i:], glossed); k > 0 {
				ri += utf8.RuneCountInString(text[i : i+k])
				i += k
				v.origEnd[len(v.origEnd)-1] = ri
				glossed, last = true, 0
				continue
			}
		}
		if gaps && isDigit(zh.FoldRune(last)) {
			if k, runes := unitGap(text[i:]); k > 0 {
				i += k
				ri += runes
				continue
			}
		}
		c, w := utf8.DecodeRuneInString(text[i:])
		b.WriteString(text[i : i+w])
		v.orig = append(v.orig, ri)
		v.origEnd = append(v.origEnd, ri+1)
		last = c
		i += w
		ri++
	}
	v.orig = append(v.orig, ri)
	v.text = b.String()
	return v
}

// hasDigitGap reports whether text has whitespace right after a digit,
// which is when a view may need to close a gap.
func hasDigitGap(text string) bool {
	prevDigit := false
	for _, c := range text {
		if prevDigit && isGapSpace(c) {
			return true
		}
		prevDigit = isDigit(zh.FoldRune(c))
	}
	return false
}

func isGapSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\u3000', '\u00a0', '\n', '\r':
		return true
	}
	return false
}

// unitGap returns the length in bytes and runes of the whitespace that
// opens s when a unit or a multiplier follows it and the gap is short
// enough to be a conversion's break, or 0, 0.
func unitGap(s string) (int, int) {
	k, runes, breaks := 0, 0, 0
	for k < len(s) {
		c, w := utf8.DecodeRuneInString(s[k:])
		if !isGapSpace(c) {
			break
		}
		if c == '\n' {
			breaks++
		}
		k += w
		runes++
	}
	if k == 0 || k == len(s) || runes > maxGap || breaks > 1 {
		return 0, 0
	}
	c, _ := utf8.DecodeRuneInString(s[k:])
	if !gapCloser(zh.FoldRune(c)) {
		return 0, 0
	}
	return k, runes
}

// gapCloser reports whether c, after a number and a gap, continues the
// quantity: 万 or 亿, a percent sign or the first rune of a unit that makes
// the number a quantity.
func gapCloser(c rune) bool {
	if bigUnit(c) != 0 || c == '%' {
		return true
	}
	for _, u := range unitsByRune[c] {
		if u.category != "" {
			return true
		}
	}
	return false
}

// at returns the index in the text as given of view rune i; i may be the
// view's length.
func (v *view) at(i int) int {
	if v.orig == nil {
		return i
	}
	return v.orig[i]
}

// endAt returns the index in the text as given just past view rune i-1 and
// its reading: where a span of the view that ends at i ends there.
func (v *view) endAt(i int) int {
	if v.orig == nil || i == 0 {
		return i
	}
	return v.origEnd[i-1]
}
