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
	readings := s.on(rulePinyinReading) && zh.MayHaveReadings(text)
	gaps := s.on(ruleSpaceBeforeUnit) && hasDigitGap(text)
	wraps := s.on(ruleSoftLineBreak) && hasSoftBreak(text)
	if !readings && !gaps && !wraps {
		return view{text: text}
	}
	var b strings.Builder
	b.Grow(len(text))
	n := utf8.RuneCountInString(text)
	v := view{orig: make([]int, 0, n+1), origEnd: make([]int, 0, n)}
	ri := 0 // rune index in text
	glossed := false
	var last rune // last rune written to the view
	line := 0     // runes of the text's current line so far
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
		if wraps && (c == '\n' || c == '\r') {
			if k, runes := softBreak(text[i:], line, last); k > 0 {
				i += k
				ri += runes
				continue
			}
		}
		b.WriteString(text[i : i+w])
		v.orig = append(v.orig, ri)
		v.origEnd = append(v.origEnd, ri+1)
		last = c
		i += w
		ri++
		line++
		if c == '\n' {
			line = 0
		}
	}
	v.orig = append(v.orig, ri)
	v.text = b.String()
	return v
}

// minWrappedLine is the length in runes from which a line that ends
// mid-sentence is taken for a hard wrap: converted PDFs wrap at 25 to 40
// runes, while titles, menu entries and headings without a full stop are
// shorter.
const minWrappedLine = 20

// hasSoftBreak reports whether text has a line break that softBreak
// joins. It looks only at the line breaks, as most texts have none to join.
func hasSoftBreak(text string) bool {
	ls := 0 // start of the current line
	for {
		n := strings.IndexByte(text[ls:], '\n')
		if n < 0 {
			return false
		}
		i := ls + n
		j := i
		if j > ls && text[j-1] == '\r' {
			j--
		}
		if j-ls >= minWrappedLine { // bytes ≥ runes, so shorter lines are short
			last, _ := utf8.DecodeLastRuneInString(text[ls:j])
			if k, _ := softBreak(text[j:], utf8.RuneCountInString(text[ls:j]), last); k > 0 {
				return true
			}
		}
		ls = i + 1
	}
}

// softBreak returns the length in bytes and runes of the line break that
// opens s, with the spaces after it, when it is a conversion's hard wrap
// inside a sentence: the line before (line runes, ending in last) is long
// and stops on a character, a digit or a comma, and the next line goes on
// with a character or a digit that opens no heading or list item (二、,
// 3., 一是, 第). Otherwise 0, 0.
func softBreak(s string, line int, last rune) (int, int) {
	if line < minWrappedLine {
		return 0, 0
	}
	if l := zh.FoldRune(last); !zh.IsHan(l) && !isDigit(l) && l != '、' && l != '，' && l != ',' {
		return 0, 0
	}
	k, runes, breaks := 0, 0, 0
	for k < len(s) {
		c, w := utf8.DecodeRuneInString(s[k:])
		if c == '\n' {
			breaks++
		} else if !isGapSpace(c) {
			break
		}
		k += w
		runes++
	}
	if breaks != 1 || k == len(s) {
		return 0, 0
	}
	next := []rune(s[k:min(len(s), k+4*utf8.UTFMax)])
	for i := range next {
		next[i] = zh.FoldRune(next[i])
	}
	if !zh.IsHan(next[0]) && !isDigit(next[0]) || opensItem(next) {
		return 0, 0
	}
	return k, runes
}

// opensItem reports whether a line that starts with rs opens a heading or
// a list item: 二、, 3., 3、, 一是, 第.
func opensItem(rs []rune) bool {
	if rs[0] == '第' {
		return true
	}
	i := 0
	for i < len(rs) && i < 3 && (isDigit(rs[i]) || smallUnit(rs[i]) != 0 || chineseDigitRune(rs[i])) {
		i++
	}
	if i == 0 || i == len(rs) {
		return false
	}
	switch rs[i] {
	case '、', '.', '．', ')', '）', '是':
		return true
	}
	return false
}

func chineseDigitRune(c rune) bool {
	_, ok := chineseDigit(c)
	return ok
}

// hasDigitGap reports whether text has whitespace right after a digit,
// which is when a view may need to close a gap. It decodes a rune only
// before whitespace.
func hasDigitGap(text string) bool {
	for i := 1; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
		case 0xE3, 0xC2: // the first byte of U+3000 and U+00A0
			c, _ := utf8.DecodeRuneInString(text[i:])
			if c != '\u3000' && c != '\u00a0' {
				continue
			}
		default:
			continue
		}
		if c, _ := utf8.DecodeLastRuneInString(text[:i]); isDigit(zh.FoldRune(c)) {
			return true
		}
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
	c, w := utf8.DecodeRuneInString(s[k:])
	if c = zh.FoldRune(c); c == '余' || c == '多' {
		// 300 余名: the approximation, then the unit.
		c, _ = utf8.DecodeRuneInString(s[k+w:])
		c = zh.FoldRune(c)
	}
	if !gapCloser(c) {
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
