// Package quantity finds quantities in Chinese text (money, people, rates and
// counts of things) and normalises each to a value in base units with its
// bounds, approximation, subject, surface form and rune offset.
package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Extract returns the quantities in text in order of appearance. The result
// is never nil. Offset is the rune offset of Surface in text, and Sentence
// the sentence that holds it, both in text's own script.
func Extract(text string) []corpus.Metric {
	return extract(text, nil, false)
}

// extract is Extract with rule forced on (forceOn) or off whatever its
// switch says, which is how a rule's examples are checked.
func extract(text string, force *rule.Rule, forceOn bool) []corpus.Metric {
	out := []corpus.Metric{}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	s := newScannerWith(text, force, forceOn)
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
		named := q.category == funds && q.unit == "元" && s.on(ruleCurrencyBefore) && s.currencyOf(&q)
		s.resp = noList
		m := s.metric(q, out)
		if named {
			// The currency is the unit, no part of what the sum is for.
			m.Subject = trimFoldedSuffix(m.Subject, m.Unit)
		}
		out = append(out, m)
		s.spans = append(s.spans, span{q.start, q.end, s.resp})
		i = q.end
	}
	return out
}

// scanner holds one text in the forms the grammar needs.
type scanner struct {
	src string // the text as given
	// template is 0 until isTemplate has looked, then 1 or, for a text
	// with placeholders, 2.
	template int8
	// srcByteAt holds the byte offset in src of each rune, and len(src);
	// nil when the view is src itself, whose offsets byteAt holds. Surfaces
	// and sentences are cut from src by these offsets rather than built
	// from runes.
	srcByteAt []int
	v         view   // the text the grammar reads, and its map back to src
	text      string // the view, for zh.Cut
	r         []rune // the view
	f         []rune // the view folded rune by rune: simplified, halfwidth
	// byteAt holds the byte offset in text of each rune, and len(text).
	byteAt []int
	// tokStart, tokEnd and tokPos give, for each rune, the span and part of
	// speech of the gse word that holds it; -1, -1 and "" when punctuation
	// or space holds it, and unsegmented (tokStart) until segment has cut
	// the rune's sentence. Read them through wordStart, wordEnd and posAt.
	tokStart, tokEnd []int
	tokPos           []string
	quoted           []bool
	// force is a rule held on (forceOn) or off whatever its switch says.
	force   *rule.Rule
	forceOn bool
	// coordDepth counts the bare numbers being read ahead of their unit.
	coordDepth int
	// spans holds, for each metric found so far, its surface in the view.
	spans []span
	// resp is set by subject when the metric is an item of a 分别 list.
	resp listItem
	// currency is the currency named before the last sum in yuan, and
	// currencyEnd where that sum ended (quantity.currency-before).
	currency    string
	currencyEnd int
}

// currencies are the currencies a text may name before a sum in 元.
// 人民币 is no other currency.
var currencies = []string{"新台币", "台币", "港币", "港元", "澳门币", "澳门元", "美元", "美金", "欧元", "日元"}

// rangeJoints may stand between the figures of a range or a list that
// share a currency: 新台币2万元以上、100万元以下.
const rangeJoints = "以上下至到、和及或-~— "

// currencyOf gives the sum q in 元 the currency named right before it,
// or before the sum of the same range just before it
// (quantity.currency-before).
// It reports whether the currency stood right before q.
func (s *scanner) currencyOf(q *quantity) bool {
	b := q.start
	for b > 0 && s.f[b-1] == ' ' {
		b--
	}
	for _, c := range currencies {
		if s.endsWith(b, c) {
			q.unit, s.currency, s.currencyEnd = c, c, q.end
			return true
		}
	}
	if s.currency == "" || q.start < s.currencyEnd || q.start-s.currencyEnd > 4 {
		return false
	}
	for _, c := range s.f[s.currencyEnd:q.start] {
		if !strings.ContainsRune(rangeJoints, c) {
			return false
		}
	}
	q.unit, s.currencyEnd = s.currency, q.end
	return false
}

// trimFoldedSuffix cuts from s the runes of suffix when s, folded, ends
// with it.
func trimFoldedSuffix(s, suffix string) string {
	rs := []rune(s)
	n := utf8.RuneCountInString(suffix)
	if len(rs) < n || zh.Fold(string(rs[len(rs)-n:])) != suffix {
		return s
	}
	return strings.TrimSpace(string(rs[:len(rs)-n]))
}

// span is the surface of a metric in the view. list places it in a list of
// figures that 分别 pairs with a list of nouns.
type span struct {
	start, end int
	list       listItem
}

// on reports whether rule r is in force for this scan.
func (s *scanner) on(r *rule.Rule) bool {
	if r == s.force {
		return s.forceOn
	}
	return r.On()
}

// unsegmented marks in tokStart a rune whose sentence is not cut yet.
const unsegmented = -2

// token is a word with rune offsets.
type token struct {
	start, end int
	pos        string
}

func newScanner(text string) *scanner { return newScannerWith(text, nil, false) }

func newScannerWith(text string, force *rule.Rule, forceOn bool) *scanner {
	s := &scanner{force: force, forceOn: forceOn}
	s.v = s.newView(text)
	r := zh.Runes(s.v.text)
	s.src = text
	if s.v.orig != nil {
		s.srcByteAt = make([]int, 0, len(s.v.orig))
		for b := range text {
			s.srcByteAt = append(s.srcByteAt, b)
		}
		s.srcByteAt = append(s.srcByteAt, len(text))
	}
	text = s.v.text
	f := make([]rune, len(r))
	zh.FoldRunes(f, r)
	for i, c := range r {
		// A fullwidth comma ends a clause (完成120，300名职工参加) unless it
		// groups fullwidth digits (１２，６８０); only then does it fold to
		// the thousands separator.
		if c == '，' && !(i > 0 && i+1 < len(r) && fullDigit(r[i-1]) && fullDigit(r[i+1])) {
			f[i] = c
		}
	}
	s.text, s.r, s.f = text, r, f
	s.byteAt, s.tokStart, s.tokEnd, s.tokPos, s.quoted = make([]int, 0, len(r)+1), make([]int, len(r)), make([]int, len(r)), make([]string, len(r)), quotedSpans(f, s.on(ruleQuotedSpeech))
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
	ts := zh.Cut(part, false)
	if s.on(rulePOSFixes) {
		ts = fixTokens(ts)
	}
	for _, t := range ts {
		tk := token{start: runeAt[t.Start], end: runeAt[t.End], pos: t.Pos}
		for k := tk.start; k < tk.end; k++ {
			s.tokStart[k], s.tokEnd[k], s.tokPos[k] = tk.start, tk.end, tk.pos
		}
	}
}

// fixTokens corrects gse's words where its tags mislead the subject rules
// (quantity.pos-fixes): a documented word gets the tag it acts as, a word
// gse calls a numeral that holds no numeral rune (大米, not 全年) is a noun, a word
// of two or more runes ending in 于 (领先于, 高于) is a verb with its
// preposition, and a word gse splits in two (占|比) is joined into one noun.
// It works in place.
func fixTokens(ts []zh.Token) []zh.Token {
	out := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if p, ok := posFixes[t.Text]; ok {
			t.Pos = p
		} else if t.Pos == "m" && !strings.HasPrefix(t.Text, "全") && !strings.ContainsFunc(t.Text, numeralRune) {
			// 大米: a numeral without a numeral rune is a noun; 全年 and
			// 全部 say how much of a whole.
			t.Pos = "n"
		} else if len(t.Text) > len("于") && strings.HasSuffix(t.Text, "于") && t.Pos != "" && t.Pos[0] == 'n' {
			t.Pos = "v"
		}
		if second, ok := splitWords[t.Text]; ok && i+1 < len(ts) && ts[i+1].Text == second && ts[i+1].Start == t.End {
			t.Text, t.End, t.Pos = t.Text+second, ts[i+1].End, "n"
			i++
		}
		out = append(out, t)
	}
	return out
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
// to slogans and names (“一区多园”), not to the report's figures. Unless
// quantity.quoted-speech is off, a quotation that is speech (after a colon,
// or holding a clause mark: “今年共发放慰问金30万元。”) keeps its figures.
func quotedSpans(f []rune, speech bool) []bool {
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
				if !(speech && isSpeech(f, i, j)) {
					for k := i + 1; k < j; k++ {
						q[k] = true
					}
				}
				i = j
				break
			}
		}
	}
	return q
}

// isSpeech reports whether the quotation f[i:j+1] is what someone said
// rather than a name: it follows a colon or holds a mark that ends a clause.
func isSpeech(f []rune, i, j int) bool {
	if i > 0 && (f[i-1] == '：' || f[i-1] == ':') {
		return true
	}
	for _, c := range f[i+1 : j] {
		switch c {
		case '，', '。', '；', '！', '？', ';', '!', '?':
			return true
		}
	}
	return false
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
	// Most calls fail on the last rune: its last UTF-8 byte tells them
	// apart before any rune is encoded.
	if w == "" || i <= 0 || i > len(s.f) || w[len(w)-1] != lastUTF8Byte(s.f[i-1]) {
		return w == "" && i >= 0
	}
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

// lastUTF8Byte returns the last byte of c's UTF-8 encoding.
func lastUTF8Byte(c rune) byte {
	if c < utf8.RuneSelf {
		return byte(c)
	}
	return byte(0x80 | c&0x3F)
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
		if p == '-' && s.dateDigits(i-1) && s.on(ruleDateDigits) {
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

// dateDigits reports whether the hyphen at h follows a date's or a code's
// digits: a run of three or more (2026-03, 0576-8123) or one that itself
// follows a hyphen (03-18). Digits after it continue the date or the code
// (quantity.date-digits); after a short run (3-5人) they may count.
func (s *scanner) dateDigits(h int) bool {
	k := h
	for k > 0 && isDigit(s.f[k-1]) {
		k--
	}
	return h-k >= 3 || h-k >= 1 && k > 0 && s.f[k-1] == '-'
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
	bare     bool // the number is a multiplier alone (百名, 千人)
}

// quantityAt matches the grammar at i. withRange allows a number without a
// unit to take the unit of the second end of a range (3-5万元).
func (s *scanner) quantityAt(i int, withRange bool) (quantity, bool) {
	q, ok := s.grammarAt(i, withRange)
	// A fixed expression (三个代表) or a Chinese numeral that continues a
	// word (统一, 一些) is no quantity. These tests come last, when the
	// grammar has matched, which most numerals do not: the list is long, and
	// the second needs the sentence segmented.
	if !ok || s.named(i) || q.chinese && s.insideWord(i) && !s.upTo(i, q) {
		return q, false
	}
	if q.bare && q.unit == "元" && s.on(ruleBareWanYuan) && (s.f[i] == '万' || s.f[i] == '亿') && i+1 < len(s.f) && s.f[i+1] == '元' && s.isTemplate() &&
		(i == 0 || !startsNumeral(s.f[i-1]) && !strings.ContainsRune("几数多余上", s.f[i-1]) && !s.approxEnds(i)) {
		return q, false
	}
	return q, true
}

// isTemplate reports whether the text is a template whose figures were
// blanked: it keeps placeholders (20xx年, ××县, **公司) where names and
// numbers stood, so a bare 万元 in it lost its number too.
func (s *scanner) isTemplate() bool {
	if s.template == 0 {
		s.template = 1
		if f := strings.ToLower(s.src); strings.Contains(f, "xx") || strings.Contains(f, "××") || strings.Contains(f, "**") || strings.Contains(f, "＊＊") {
			s.template = 2
		}
	}
	return s.template == 2
}

// approxEnds reports whether a word of approximation (近, 逾, 超过) ends
// at i: 近万元 is nearly ten thousand yuan.
func (s *scanner) approxEnds(i int) bool {
	for _, a := range approxBefore {
		if s.endsWith(i, a.word) {
			return true
		}
	}
	return false
}

// upTo reports whether 上 before a bare multiplier makes it a lower bound
// (上百名, 上千人, 上百万元: quantity.up-to), a word gse reads as one.
func (s *scanner) upTo(i int, q quantity) bool {
	return s.on(ruleUpTo) && q.bare && s.endsWith(i, "上") && strings.ContainsRune("百千万", s.f[i])
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
	// 第 3 名: an ordinal keeps its spaces when the view closes the one
	// before the unit.
	b := i
	for b > 0 && (s.f[b-1] == ' ' || s.f[b-1] == '\t') {
		b--
	}
	for _, w := range notBefore {
		if s.endsWith(b, w) {
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
	q.chinese, q.bare = num.chinese, !num.digit
	if s.vague(numStart, num) {
		return q, false
	}
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
	if num.one && !s.oneCounts(i, u) {
		return q, false
	}
	if u.category == count && s.on(ruleAbstractCount) && s.abstractAfter(end) {
		return q, false
	}
	if u.word == "篇" && s.on(ruleCompilation) && s.endsWithAny(i, compilationWords) {
		return q, false // 工作总结(通用7篇): a compilation page's label
	}
	if u.word == "次" && s.sessionAfter(end) {
		return q, false
	}
	if (u.word == "次" || u.word == "条" || u.category == people) && s.on(ruleViewCount) && s.viewCount(i) {
		return q, false
	}
	if !num.digit && !bareUnits[u.word] {
		return q, false
	}
	if u.word == "成" && ((num.value >= 10 || !num.chinese) && num.value != float64(int(num.value)) || num.value > 10) {
		return q, false // 十成 is all of it: 20多万成为… is a sum and a verb
	}
	// Last of the tests, as it needs the sentence segmented: 一次性, 三个代表.
	if s.wordGoesOn(k, end) {
		return q, false
	}
	q.category, q.unit = u.category, u.unit
	if q.unit == "" {
		q.unit = u.word
	}
	if u.word == "个" && s.on(ruleCountOfFigures) && s.percentAfter(end) {
		return q, false // 实现两个100%: how many figures, not things
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
	if strings.HasPrefix(u.word, "户") && s.countsUnits(i, end) {
		q.category = count
	}
	q.approx = s.approxAround(q, i, q.approx)
	return q, true
}

// vague reports whether the numeral at i is a vague amount rather than a
// figure: 几/数/若干 before a multiplier (几万元, 数百名, 数亿元) or 几
// after a numeral (十几万元, 二十几个).
func (s *scanner) vague(i int, num numeral) bool {
	if !s.on(ruleVagueAmount) {
		return false
	}
	if num.end < len(s.f) && s.f[num.end] == '几' || s.endsWith(i, "若干") {
		return true
	}
	if smallUnit(s.f[i]) == 0 && bigUnit(s.f[i]) == 0 {
		return false
	}
	// 数 must stand alone or start the word (数十), not end one (人数);
	// 上百名 is a lower bound (quantity.up-to).
	return s.endsWith(i, "几") || s.endsWith(i, "数") && s.wordStart(i-1) == i-1
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
	return s.coordinated(q, num, k)
}

// maxCoordinated caps how many bare numbers in a row may share the unit of
// the last (3.1、2.5和1.2个百分点); lists in reports are short, and the cap
// keeps a run-on list of numbers linear.
const maxCoordinated = 8

// coordinated reads a bare number joined by 、/和/及/与/或 to more numbers
// the last of which has a unit: each takes that unit.
func (s *scanner) coordinated(q quantity, num numeral, k int) (quantity, bool) {
	if !s.on(ruleCoordinated) || s.coordDepth >= maxCoordinated {
		return q, false
	}
	for _, j := range coordJoins {
		if !s.has(k, j) {
			continue
		}
		n := k + utf8.RuneCountInString(j)
		if n >= len(s.f) || !isDigit(s.f[n]) {
			return q, false
		}
		s.coordDepth++
		next, ok := s.quantityAt(n, true)
		s.coordDepth--
		if !ok || next.category == "" {
			return q, false
		}
		num2, _ := parseNumeral(s.f, n)
		v := num.value
		if num.big == 1 && num2.big > 1 {
			v *= num2.big // 3、5万元: both are in 万
		}
		ratio := 1.0 // 3、5成 are 30% and 50%
		if num2.value != 0 {
			ratio = next.value / num2.value
		}
		q.value = v * ratio
		q.place = place(q.value)
		q.category, q.unit = next.category, next.unit
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

// oneCounts reports whether a lone 一 before unit u at i counts something
// rather than being an article (是一次会议), a family (我们一家) or a
// frequency (每到一处).
func (s *scanner) oneCounts(i int, u unitWord) bool {
	if s.articleBefore(i) {
		return false
	}
	if s.on(ruleOneOpensClause) && clauseUnits[u.word] && (i == 0 || clauseOpeners[s.f[i-1]]) {
		return false
	}
	if s.on(ruleOneAfterPronoun) && s.pronounBefore(i) {
		return false
	}
	if s.on(ruleEachTime) && s.eachTime(i) {
		return false
	}
	if u.category == funds || u.category == rate || oneUnits[u.word] {
		return true
	}
	// 各一袋 shares things out one each, as a list of things given goes on
	// after its verb: 送去面粉各一袋，食用油各一桶.
	return s.on(ruleOneOfThings) && thingUnits[u.word] && (s.endsWith(i, "各") || s.providedBefore(i))
}

// pronounBefore reports whether a pronoun ends right before i; 每人 and
// 各户, which gse tags as pronouns too, share things out instead.
func (s *scanner) pronounBefore(i int) bool {
	if i == 0 || s.wordEnd(i-1) != i || !strings.HasPrefix(s.posAt(i-1), "r") {
		return false
	}
	c := s.f[s.wordStart(i-1)]
	return c != '每' && c != '各'
}

// eachTime reports whether 每 and a verb stand before the 一 at i (每到一处,
// 每办一件): what follows is how often, not how many.
func (s *scanner) eachTime(i int) bool {
	if i == 0 {
		return false
	}
	v := s.wordStart(i - 1)
	return v > 0 && s.f[v-1] == '每' && s.wordEnd(i-1) == i && strings.HasPrefix(s.posAt(i-1), "v")
}

// maxProvideLook caps how far back in its clause a verb of providing is
// sought before a lone 一.
const maxProvideLook = 24

// providedBefore reports whether the clause before i, through a list's
// 、 and the colon that opens it, gives things out: 为每个站点配备一台洗衣机,
// 每户发放一袋大米、一桶油, 发放慰问品：大米一袋.
func (s *scanner) providedBefore(i int) bool {
	a := i
	for a > 0 && a > i-maxProvideLook && (s.f[a-1] == '、' || s.f[a-1] == '：' || s.f[a-1] == ':' || !isBreak(s.f[a-1])) {
		a--
	}
	clause := string(s.f[a:i])
	for _, v := range provideVerbs {
		if strings.Contains(clause, v) {
			return true
		}
	}
	return false
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
		return s.modifiedAbstract(i)
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

// modifiedAbstract reports whether the words at i are one word and an
// abstract noun that ends the phrase (四个奋斗目标, 三条基本经验 aside): the
// head noun says what is counted, the word before it only which kind.
func (s *scanner) modifiedAbstract(i int) bool {
	if i >= len(s.f) || !holdsAny(s.after(i, 8), abstractHeads) || s.wordStart(i) != i {
		// The words are read only when a head is near: most counts have
		// none, and reading segments the sentence.
		return false
	}
	j := s.wordEnd(i)
	if n := j - i; n >= 3 && n <= 6 {
		// One word for both (奋斗目标, 工作重点): its head ends it.
		w := string(s.f[i:j])
		for _, h := range abstractHeads {
			if strings.HasSuffix(w, h) {
				return true
			}
		}
	}
	if j-i != 2 || j >= len(s.f) || s.wordStart(j) != j {
		return false
	}
	w := abstractPrefix(s.after(j, 6))
	if w == "" || s.wordEnd(j) != j+utf8.RuneCountInString(w) {
		return false
	}
	k := s.wordEnd(j)
	return k >= len(s.f) || s.wordStart(k) != k || !strings.HasPrefix(s.posAt(k), "n")
}

// holdsAny reports whether s holds one of ws.
func holdsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
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

// percentAfter reports whether a percentage follows end right away (两个
// 100%): the count numbers the figures, and the figures are the quantities.
func (s *scanner) percentAfter(end int) bool {
	if end >= len(s.f) || !isDigit(s.f[end]) {
		return false
	}
	num, ok := parseNumeral(s.f, end)
	return ok && num.end < len(s.f) && s.f[num.end] == '%'
}

// viewCount reports whether a page's view counter stands before i (浏览：
// 1523次, 阅读量 860, 点击 2.1万次): page chrome, not a figure of the report.
//
// A bare verb (浏览, 阅读) counts only with a colon or a space before the
// number, as counters are laid out: 组织职工阅读2万人次 is a figure.
func (s *scanner) viewCount(i int) bool {
	sep := false
	for i > 0 && (s.f[i-1] == ' ' || s.f[i-1] == ':' || s.f[i-1] == '：' || s.f[i-1] == '\t') {
		i--
		sep = true
	}
	for _, w := range viewNouns {
		if s.endsWith(i, w) {
			return true
		}
	}
	if !sep {
		return false
	}
	for _, w := range viewVerbs {
		if s.endsWith(i, w) {
			return true
		}
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
		if !s.has(k, u.word) {
			continue
		}
		if timesUnits[u.word] && s.on(ruleTimesInBrackets) {
			for _, m := range timesMarks {
				if s.has(k+1, m) {
					base := u.unit
					if base == "" {
						base = u.word
					}
					u.word, u.unit = u.word+m, base+"次"
					break
				}
			}
		}
		return u, true
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
// end, which makes the unit that starts at k the start of another word
// (一次性, 三个代表). A word that starts at the unit itself is gse reading
// the measure word into the noun after it (130名城区 as 名城/区, 两台大巴
// as 台大/巴): the noun is still counted.
func (s *scanner) wordGoesOn(k, end int) bool {
	if end <= 0 || end >= len(s.f) {
		return false
	}
	te := s.wordEnd(end - 1)
	if te <= end {
		return false
	}
	if s.wordStart(end-1) == k && s.on(ruleUnitGlued) && s.gluedNoun(k, te) {
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

// gluedNoun reports whether the word k..te that gse read from a measure
// word on is that measure word and the start of a noun which the next word
// goes on with (名城|区, 台大|中巴车), rather than a longer measure word of
// times (批次, 架次) or a word of its own (部分, 个别) that ends the phrase.
func (s *scanner) gluedNoun(k, te int) bool {
	if s.f[te-1] == '次' || te >= len(s.f) || !zh.IsHan(s.f[te]) {
		return false
	}
	w := string(s.f[k:te])
	for _, g := range gluedWords {
		if w == g {
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
	if !s.on(ruleApproxBefore) {
		return ""
	}
	if s.upTo(i, q) {
		return over
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
	a, b := s.sentence(q.start)
	if q.unit == "个" && s.on(rulePeopleByNoun) {
		if s.peopleNounAfter(q.tail, b) {
			q.category, q.unit = people, "人" // 两个老人 counts people
		} else if s.householdAfter(q.tail, b) {
			q.category, q.unit = people, "户" // 48个困难职工家庭, as 48户
		}
	}
	m := corpus.Metric{
		Category: q.category,
		Value:    q.value,
		Low:      q.value,
		High:     q.value,
		Unit:     q.unit,
		Approx:   q.approx,
		Surface:  s.srcText(s.v.at(q.start), s.v.endAt(q.end)),
		Offset:   s.v.at(q.start),
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
	m.Sentence = strings.TrimSpace(s.srcText(s.v.at(a), s.v.endAt(b)))
	m.Subject = s.subject(q, a, b, prev)
	if s.on(ruleUnquoted) && strings.ContainsAny(m.Subject, quoteMarks) {
		m.Subject = unquote(m.Subject)
	}
	if s.on(ruleSubjectOneRune) && utf8.RuneCountInString(m.Subject) == 1 && strings.Contains(functionRunes, m.Subject) {
		m.Subject = "" // 为, 即: a word of the sentence, not what it counts (48个村 counts 村)
	}
	return m
}

// quoteMarks are the quotation marks a subject drops, keeping the name
// inside: the gold never quotes a subject (“金秋助学”资金 is 金秋助学资金),
// while book titles keep their marks (《工会信息》).
const quoteMarks = "“”「」\"＂"

func unquote(w string) string {
	return strings.Map(func(c rune) rune {
		if strings.ContainsRune(quoteMarks, c) {
			return -1
		}
		return c
	}, w)
}

// peopleNounAfter reports whether the noun phrase after a count at i ends
// on a noun of people (peopleHeads): 三个困难职工, 两个老人.
func (s *scanner) peopleNounAfter(i, limit int) bool {
	// The whole phrase: 两个职工书屋 counts reading rooms.
	w, e := s.phraseAfterEnd(i, limit, 0)
	return w != "" && s.spanEndsWith(i, e, peopleHeads) && !s.suffixSoon(e, limit)
}

// householdAfter reports whether the noun phrase after a count at i ends
// on 家庭: households, which 户 counts.
func (s *scanner) householdAfter(i, limit int) bool {
	w, e := s.phraseAfterEnd(i, limit, 0)
	return w != "" && s.spanEndsWith(i, e, []string{"家庭"}) && !s.suffixSoon(e, limit)
}

// suffixSoon reports whether one of the next two words at i is a bound
// suffix standing alone (职工|入会|率): the noun phrase goes on into a
// rate or an amount of what it names, and its people are not counted.
func (s *scanner) suffixSoon(i, limit int) bool {
	for n := 0; n < 2 && i < limit; n++ {
		t, ok := s.tokenStartingAt(i)
		if !ok {
			return false
		}
		if t.end-t.start == 1 && strings.ContainsRune(boundSuffixes, s.f[t.start]) {
			return true
		}
		i = t.end
	}
	return false
}

// srcText returns runes a to b of the text as given.
func (s *scanner) srcText(a, b int) string {
	if s.srcByteAt == nil {
		return s.src[s.byteAt[a]:s.byteAt[b]]
	}
	return s.src[s.srcByteAt[a]:s.srcByteAt[b]]
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
