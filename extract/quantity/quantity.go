// Package quantity finds quantities in Chinese text (money, people, rates and
// counts of things) and normalises each to a value in base units with its
// bounds, approximation, subject, surface form and rune offset.
package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// Extract returns the quantities in text in order of appearance. The result
// is never nil. Offset is the rune offset of Surface in text, and Sentence
// the sentence that holds it, both in text's own script.
func Extract(text string) []corpus.Metric {
	out := []corpus.Metric{}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	s := newScanner(text)
	for i := 0; i < len(s.f); {
		if !s.canStart(i) {
			i++
			continue
		}
		q, ok := s.quantityAt(i, true)
		if !ok {
			i = s.skipNumeral(i)
			continue
		}
		out = append(out, s.metric(q, out))
		i = q.end
	}
	return out
}

// scanner holds one text in the forms the grammar needs.
type scanner struct {
	text string // as given, for zh.Cut
	r    []rune // the text as given
	f    []rune // the text folded rune by rune: simplified, halfwidth
	// byteAt holds the byte offset in text of each rune, and len(text).
	byteAt []int
	// tokStart, tokEnd and tokPos give, for each rune, the span and part of
	// speech of the gse word that holds it; -1, -1 and "" when punctuation
	// or space holds it, and unsegmented (tokStart) until segment has cut
	// the rune's sentence. Read them through wordStart, wordEnd and posAt.
	tokStart, tokEnd []int
	tokPos           []string
	quoted           []bool
}

// unsegmented marks in tokStart a rune whose sentence is not cut yet.
const unsegmented = -2

// token is a word with rune offsets.
type token struct {
	start, end int
	pos        string
}

func newScanner(text string) *scanner {
	r := []rune(text)
	f := make([]rune, len(r))
	for i, c := range r {
		f[i] = zh.FoldRune(c)
	}
	for i, c := range r {
		// A fullwidth comma ends a clause (完成120，300名职工参加) unless it
		// groups fullwidth digits (１２，６８０); only then does it fold to
		// the thousands separator.
		if c == '，' && !(i > 0 && i+1 < len(r) && fullDigit(r[i-1]) && fullDigit(r[i+1])) {
			f[i] = c
		}
	}
	s := &scanner{text: text, r: r, f: f, byteAt: make([]int, 0, len(r)+1), tokStart: make([]int, len(r)), tokEnd: make([]int, len(r)), tokPos: make([]string, len(r)), quoted: quotedSpans(f)}
	for b := range text {
		s.byteAt = append(s.byteAt, b)
	}
	s.byteAt = append(s.byteAt, len(text))
	for i := range r {
		s.tokStart[i], s.tokEnd[i] = unsegmented, -1
	}
	return s
}

// segment cuts the sentence that holds rune i into words, unless it is cut
// already. Words matter only around a quantity and within its sentence,
// and most numerals of a text are no quantity (统一, 一些), so sentences are
// cut when the grammar first asks about them rather than all up front.
// zh.Cut cuts a text at the marks that end a sentence and segments each
// piece alone, so a sentence gets the same words as in the whole text.
func (s *scanner) segment(i int) {
	if s.tokStart[i] != unsegmented {
		return
	}
	a, b := i, i
	for a > 0 && !isSentenceEnd(s.f[a-1]) {
		a--
	}
	for b < len(s.f) && !isSentenceEnd(s.f[b]) {
		b++
	}
	for k := a; k < max(b, i+1); k++ {
		s.tokStart[k] = -1
	}
	if a == b {
		return // i is the mark itself
	}
	part := s.text[s.byteAt[a]:s.byteAt[b]]
	// Byte offsets in part become rune offsets in text.
	runeAt := make([]int, len(part)+1)
	n := a
	for off := range part {
		runeAt[off] = n
		n++
	}
	runeAt[len(part)] = n
	for _, t := range zh.Cut(part, false) {
		tk := token{start: runeAt[t.Start], end: runeAt[t.End], pos: t.Pos}
		for k := tk.start; k < tk.end; k++ {
			s.tokStart[k], s.tokEnd[k], s.tokPos[k] = tk.start, tk.end, tk.pos
		}
	}
}

// wordStart returns the first rune of the word that holds rune i, or -1.
func (s *scanner) wordStart(i int) int {
	s.segment(i)
	return s.tokStart[i]
}

// wordEnd returns the end of the word that holds rune i, or -1.
func (s *scanner) wordEnd(i int) int {
	s.segment(i)
	return s.tokEnd[i]
}

// posAt returns the part of speech of the word that holds rune i, or "".
func (s *scanner) posAt(i int) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	s.segment(i)
	return s.tokPos[i]
}

func fullDigit(c rune) bool { return '０' <= c && c <= '９' }

// quotedSpans marks the runes inside short quotations: numbers there belong
// to slogans and names (“一区多园”), not to the report's figures.
func quotedSpans(f []rune) []bool {
	q := make([]bool, len(f))
	for i := 0; i < len(f); i++ {
		if f[i] != '“' {
			continue
		}
		for j := i + 1; j < len(f) && j <= i+40; j++ {
			if f[j] == '\n' || f[j] == '“' {
				break
			}
			if f[j] == '”' {
				for k := i + 1; k < j; k++ {
					q[k] = true
				}
				i = j
				break
			}
		}
	}
	return q
}

func (s *scanner) has(i int, w string) bool {
	for _, c := range w {
		if i >= len(s.f) || s.f[i] != c {
			return false
		}
		i++
	}
	return true
}

// endsWith reports whether the folded text just before i is w. It compares
// from the end, encoding the text's runes rather than decoding w's, so that
// a miss, the common case, costs one rune and no count of w's runes: the
// word lists are tried at every number and every subject.
func (s *scanner) endsWith(i int, w string) bool {
	var buf [utf8.UTFMax]byte
	for w != "" {
		i--
		if i < 0 || i >= len(s.f) {
			return false
		}
		n := utf8.EncodeRune(buf[:], s.f[i])
		if len(w) < n {
			return false
		}
		for k := n - 1; k >= 0; k-- {
			if w[len(w)-n+k] != buf[k] {
				return false
			}
		}
		w = w[:len(w)-n]
	}
	return i >= 0
}

func numeralRune(c rune) bool {
	if startsNumeral(c) || c == '.' {
		return true
	}
	_, ok := chineseDigit(c)
	return ok
}

// canStart reports whether a quantity may begin at i: a numeral or 百分之
// that does not continue a number, a code or a word of Latin letters.
func (s *scanner) canStart(i int) bool {
	c := s.f[i]
	if !startsNumeral(c) {
		return false
	}
	if i > 0 {
		p := s.f[i-1]
		if isDigit(p) || p == '.' || p == '@' || p == '#' || p == '/' {
			return false
		}
		// Digits glued to Latin letters are codes (G20, A3); a Chinese
		// numeral after a placeholder letter (X和X两项) is not.
		if p < utf8.RuneSelf && unicode.IsLetter(p) && (isDigit(c) || smallUnit(c) != 0 || bigUnit(c) != 0) {
			return false
		}
	}
	return true
}

// skipNumeral returns the index after the run of numeral runes at i.
func (s *scanner) skipNumeral(i int) int {
	j := i + 1
	for j < len(s.f) && (numeralRune(s.f[j]) || s.f[j] == ',' && j+1 < len(s.f) && isDigit(s.f[j+1])) {
		j++
	}
	return j
}

// quantity is one match of the grammar, before the subject is found.
type quantity struct {
	start, end int // the surface
	tail       int // end of the quantity with trailing words (以上)
	value      float64
	// subject is set when the grammar itself names what is counted.
	subject  string
	category string
	unit     string
	approx   string
	place    float64
	chinese  bool // the number is written in Chinese numerals
}

// quantityAt matches the grammar at i. withRange allows a number without a
// unit to take the unit of the second end of a range (3-5万元).
func (s *scanner) quantityAt(i int, withRange bool) (quantity, bool) {
	q, ok := s.grammarAt(i, withRange)
	// A fixed expression (三个代表) or a Chinese numeral that continues a
	// word (统一, 一些) is no quantity. These tests come last, when the
	// grammar has matched, which most numerals do not: the list is long, and
	// the second needs the sentence segmented.
	if !ok || s.named(i) || q.chinese && s.insideWord(i) {
		return q, false
	}
	return q, true
}

// named reports whether one of names starts at i.
func (s *scanner) named(i int) bool {
	for _, w := range names {
		if s.has(i, w) {
			return true
		}
	}
	return false
}

// grammarAt is quantityAt without its last two tests.
func (s *scanner) grammarAt(i int, withRange bool) (quantity, bool) {
	q := quantity{start: i}
	for _, w := range notBefore {
		if s.endsWith(i, w) {
			return q, false
		}
	}
	if s.quoted[i] {
		return q, false
	}
	numStart := i
	percent := 0.0
	switch {
	case s.has(i, "百分之"):
		numStart, percent = i+3, 1
	case s.has(i, "千分之"):
		numStart, percent = i+3, 0.1
	}
	if numStart >= len(s.f) {
		return q, false
	}
	num, ok := parseNumeral(s.f, numStart)
	if !ok {
		return q, false
	}
	q.chinese = num.chinese
	k := num.end
	if num.over {
		q.approx = over
	}
	if percent != 0 {
		q.value, q.category, q.unit, q.end, q.tail = num.value*percent, rate, "%", k, k
		q.place = place(num.value) * percent
		q.approx = s.approxAround(q, i, q.approx)
		return q, true
	}
	if k < len(s.f) && (s.f[k] == '余' || s.f[k] == '多' || s.f[k] == '来') && !s.has(k, "多万") {
		if s.f[k] == '来' {
			q.approx = about
		} else {
			q.approx = over
		}
		k++
	}
	u, ok := s.unitAt(k)
	if !ok {
		return s.noUnit(q, num, k, withRange)
	}
	if u.category == "" {
		return q, false
	}
	end := k + utf8.RuneCountInString(u.word)
	if end < len(s.f) && s.has(end, u.word) && utf8.RuneCountInString(u.word) == 1 {
		return q, false // 一个个
	}
	if num.one && (u.category != funds && u.category != rate && !oneUnits[u.word] || s.articleBefore(i)) {
		return q, false
	}
	if u.category == count && s.abstractAfter(end) {
		return q, false
	}
	if u.word == "次" && s.sessionAfter(end) {
		return q, false
	}
	if !num.digit && !bareUnits[u.word] {
		return q, false
	}
	if u.word == "成" && (num.value >= 10 || !num.chinese) && num.value != float64(int(num.value)) {
		return q, false
	}
	// Last of the tests, as it needs the sentence segmented: 一次性, 三个代表.
	if s.wordGoesOn(end) {
		return q, false
	}
	q.category, q.unit = u.category, u.unit
	if q.unit == "" {
		q.unit = u.word
	}
	if u.word == "个" && s.pointsAfter(end) {
		// 分别提高6.1个和7.4个百分点: the first 个 shares the second's 百分点.
		q.category, q.unit = rate, "%"
	}
	scale := u.scale
	if scale == 0 {
		scale = 1
	}
	q.value = num.value * scale
	q.place = place(num.value) * scale
	q.end, q.tail = end, end
	if u.word == "户" && s.countsUnits(i, end) {
		q.category = count
	}
	q.approx = s.approxAround(q, i, q.approx)
	return q, true
}

// noUnit handles a numeral without a measure word: a count of people named
// by the noun after it (1.3万农民工), or the first end of a range.
func (s *scanner) noUnit(q quantity, num numeral, k int, withRange bool) (quantity, bool) {
	if num.big >= 1e4 && num.digit {
		for skip := 0; skip <= 2; skip++ {
			for _, w := range peopleNouns {
				if k+skip < len(s.f) && s.has(k+skip, w) && (skip == 0 || allHan(s.f[k:k+skip])) {
					q.value, q.category, q.unit = num.value, people, "人"
					q.subject = string(s.r[k : k+skip+utf8.RuneCountInString(w)])
					q.place = place(num.value)
					q.end, q.tail = k, k
					q.approx = s.approxAround(q, q.start, q.approx)
					return q, true
				}
			}
		}
	}
	if !withRange || !num.digit {
		return q, false
	}
	for _, j := range rangeJoins {
		if !s.has(k, j) {
			continue
		}
		n := k + utf8.RuneCountInString(j)
		if n >= len(s.f) || !startsNumeral(s.f[n]) {
			return q, false
		}
		second, ok := s.quantityAt(n, false)
		if !ok {
			return q, false
		}
		num2, _ := parseNumeral(s.f, n)
		v := num.value
		if num.big == 1 && num2.big > 1 {
			v *= num2.big // 3-5万元: both ends are in 万
		}
		ratio := 1.0 // the unit's own scale: 3至5成 is 30% to 50%
		if num2.value != 0 {
			ratio = second.value / num2.value
		}
		q.value = v * ratio
		q.place = place(q.value)
		q.category, q.unit = second.category, second.unit
		q.end, q.tail = k, k
		q.approx = s.approxAround(q, q.start, q.approx)
		return q, true
	}
	return q, false
}

func allHan(rs []rune) bool {
	for _, c := range rs {
		if !zh.IsHan(c) {
			return false
		}
	}
	return true
}

// articleBefore reports whether a lone 一 at i follows a word that makes it
// an article: 是一次会议, 做一名干部, 上一次全委会.
func (s *scanner) articleBefore(i int) bool {
	for _, w := range articleWords {
		if s.endsWith(i, w) {
			return true
		}
	}
	return false
}

// abstractAfter reports whether the noun after a count is an abstract one
// that a speech enumerates (四个方面, 三项工作) rather than a thing counted.
// An abstract word that only modifies a concrete noun (32个重点工程项目,
// 12个服务站点, 53支代表队) leaves the count a count.
func (s *scanner) abstractAfter(end int) bool {
	i := end
	if s.has(i, "的") {
		i++
	}
	w := abstractPrefix(s.after(i, 6))
	if w == "" {
		return false
	}
	j := i + utf8.RuneCountInString(w)
	if te := s.wordEnd(i); s.wordStart(i) == i && te > j {
		// gse reads a longer word here (代表队, 工作组): abstract only if
		// that whole word is.
		return allAbstract(string(s.f[i:te]))
	}
	if j < len(s.f) && s.wordStart(j) == j && strings.HasPrefix(s.posAt(j), "n") {
		// 重点难点 goes on listing; 重点工程 names a thing.
		return abstractPrefix(s.after(j, 6)) != ""
	}
	return true
}

// abstractPrefix returns the abstract noun rest begins with, or "".
func abstractPrefix(rest string) string {
	for _, w := range abstractNouns {
		if strings.HasPrefix(rest, w) {
			return w
		}
	}
	return ""
}

// allAbstract reports whether w is made of abstract nouns only (重点难点).
func allAbstract(w string) bool {
	for w != "" {
		p := abstractPrefix(w)
		if p == "" {
			return false
		}
		w = w[len(p):]
	}
	return true
}

// pointsAfter reports whether a count's 个 at end is followed by a joined
// second number in 个百分点, which then holds for both.
func (s *scanner) pointsAfter(end int) bool {
	for _, j := range []string{"和", "、", "及", "与", "或"} {
		if !s.has(end, j) {
			continue
		}
		k := end + utf8.RuneCountInString(j)
		if k >= len(s.f) || !startsNumeral(s.f[k]) {
			return false
		}
		num, ok := parseNumeral(s.f, k)
		return ok && s.has(num.end, "个百分点")
	}
	return false
}

// sessionAfter reports whether X次 names a plenary session (五次全会).
func (s *scanner) sessionAfter(end int) bool {
	for _, w := range sessionWords {
		if s.has(end, w) {
			return true
		}
	}
	return false
}

// unitAt finds the longest unit word at k.
func (s *scanner) unitAt(k int) (unitWord, bool) {
	if k >= len(s.f) {
		return unitWord{}, false
	}
	for _, u := range unitsByRune[s.f[k]] {
		if s.has(k, u.word) {
			return u, true
		}
	}
	return unitWord{}, false
}

// insideWord reports whether the numeral at i continues a word that began
// before it, as in 统一, 唯一, 万一 or 进万家. A word that is just an
// approximation or a linking word before the number does not count.
func (s *scanner) insideWord(i int) bool {
	st := s.wordStart(i)
	if st < 0 || st >= i {
		return false
	}
	prefix := string(s.f[st:i])
	for _, a := range approxBefore {
		if prefix == a.word {
			return false
		}
	}
	switch prefix {
	case "这", "共", "达", "有", "计", "为", "了", "各", "数", "上", "的", "近", "约", "逾", "和", "及", "等", "了近", "达到":
		return false
	}
	return true
}

// wordGoesOn reports whether the word holding the rune before end runs past
// end, which makes the unit the start of another word (一次性, 三个代表).
func (s *scanner) wordGoesOn(end int) bool {
	if end <= 0 || end >= len(s.f) {
		return false
	}
	te := s.wordEnd(end - 1)
	if te <= end {
		return false
	}
	// A word that only glues an approximation or a range to the unit is fine.
	rest := string(s.f[end:te])
	for _, a := range approxAfter {
		if strings.HasPrefix(rest, a.word) {
			return false
		}
	}
	return true
}

// countsUnits decides whether 户 counts enterprises or units (56户企业)
// rather than households of people.
func (s *scanner) countsUnits(start, end int) bool {
	after := s.after(end, 6)
	for _, n := range unitNouns {
		if strings.HasPrefix(after, n) {
			return true
		}
	}
	for _, n := range unitNouns {
		if strings.Contains(after, n) {
			return true
		}
	}
	if after != "" && zh.IsHan([]rune(after)[0]) {
		return false // 24户特困户: a noun of people follows
	}
	before := s.before(start, 8)
	for _, n := range unitNouns {
		if strings.Contains(before, n) {
			return true
		}
	}
	return false
}

// after returns up to n folded runes from i, stopping at punctuation.
func (s *scanner) after(i, n int) string {
	j := i
	for j < len(s.f) && j < i+n && !isBreak(s.f[j]) {
		j++
	}
	return string(s.f[min(i, j):j])
}

// before returns up to n folded runes ending at i, starting after the last
// punctuation.
func (s *scanner) before(i, n int) string {
	j := i
	for j > 0 && j > i-n && !isBreak(s.f[j-1]) {
		j--
	}
	return string(s.f[j:max(i, j)])
}

func isBreak(c rune) bool {
	return strings.ContainsRune("\n,，。;；:：!！?？、()（）“”\"《》", c)
}

// approxAround finds approximation words before the number (约, 近, 超过)
// and after the quantity (以上, 左右); an approximation inside the number
// (20余万) wins over both.
func (s *scanner) approxAround(q quantity, i int, inner string) string {
	if inner != "" {
		return inner
	}
	for _, a := range approxAfter {
		if a.word == "多" || a.word == "余" {
			continue
		}
		if s.has(q.end, a.word) {
			return a.approx
		}
	}
	for _, a := range approxBefore {
		if !s.endsWith(i, a.word) {
			continue
		}
		if a.word == "近" && (s.endsWith(i, "最近") || s.endsWith(i, "附近")) {
			continue
		}
		return a.approx
	}
	return ""
}

// metric turns a match into a corpus.Metric with bounds, subject and
// sentence; prev are the metrics found before it in the text.
func (s *scanner) metric(q quantity, prev []corpus.Metric) corpus.Metric {
	m := corpus.Metric{
		Category: q.category,
		Value:    q.value,
		Low:      q.value,
		High:     q.value,
		Unit:     q.unit,
		Approx:   q.approx,
		Surface:  string(s.r[q.start:q.end]),
		Offset:   q.start,
	}
	step := q.place
	if step <= 0 {
		step = 1
	}
	switch q.approx {
	case over:
		m.High = q.value + step
	case under:
		m.Low = q.value - step
		if m.Low <= 0 {
			m.Low = q.value - step/10
		}
	case about:
		m.Low, m.High = q.value*0.9, q.value*1.1
	}
	a, b := s.sentence(q.start)
	m.Sentence = strings.TrimSpace(string(s.r[a:b]))
	m.Subject = s.subject(q, a, b, prev)
	return m
}

// maxSentence caps each side of a sentence in runes; report sentences are
// far shorter.
const maxSentence = 300

// sentence returns the bounds of the sentence around i.
// A run-on text without sentence ends is cut to maxSentence runes on
// either side of the quantity, which keeps the scan linear.
func (s *scanner) sentence(i int) (int, int) {
	a := i
	for a > 0 && a > i-maxSentence && !isSentenceEnd(s.f[a-1]) {
		a--
	}
	b := i
	for b < len(s.f) && b < i+maxSentence && !isSentenceEnd(s.f[b]) {
		b++
	}
	if b < len(s.f) && s.f[b] != '\n' {
		b++
	}
	return a, b
}

// isSentenceEnd reports whether c ends a sentence.
func isSentenceEnd(c rune) bool {
	switch c {
	case '\n', '。', '!', '！', '?', '？', ';', '；':
		return true
	}
	return false
}
