// Package campaign finds the named campaigns, activities, programmes,
// competitions and honours that unions run or award (送温暖, 金秋助学,
// 工人先锋号, 安康杯) in Chinese text, and counts their mentions.
//
// A name is found by its grammar (quotes with a head word such as 活动 or
// 称号 after them or a verb such as 开展 or 评为 before them; an unquoted
// phrase between such a verb and head) or by the lexicon of the unions'
// standing programmes, and kept unless its context makes it a slogan, a
// theme, a plan, a document, a place, a body, an everyday activity or an
// honour another body awards. Each of these heuristics is a named rule
// (rules.go) that `unionscope parse --rules-off` switches off.
package campaign

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// maxName caps a name in runes; longer quotations are speech, not names.
const maxName = 40

// Normalize returns the key under which two spellings of a campaign are one
// campaign: folded to simplified script and halfwidth, without quotes or
// whitespace, and without a trailing 活动 or 行动.
func Normalize(name string) string { return zh.NameKey(name) }

// Extract returns the campaigns named in text, sorted by first mention,
// each with its number of mentions. Names are in the text's own script,
// without pinyin readings, without quotes around them and without a
// trailing 活动 or 行动. The result is never nil.
func Extract(text string) []corpus.Campaign { return extract(text, nil, false) }

// extract is Extract with rule force held on (forceOn) or off whatever its
// switch says, which is how a rule's examples are checked.
func extract(text string, force *rule.Rule, forceOn bool) []corpus.Campaign {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	s := &scanner{force: force, forceOn: forceOn}
	if mayHaveReadings(text) && s.on(rulePinyinReading) {
		text = zh.StripReadings(text)
	}
	s.r = zh.Runes(text)
	s.f = make([]rune, len(s.r))
	zh.FoldRunes(s.f, s.r)
	s.claimed = make([]bool, len(s.r))
	s.quoted()
	s.unquoted()
	s.honours()
	s.honoursAs()
	s.brandLists()
	s.events()
	s.honourLists()
	s.headings()
	s.titledContests()
	s.known()
	return s.result()
}

// scanner holds one text and the names found in it so far.
type scanner struct {
	r, f    []rune // the text, and folded rune by rune: simplified, halfwidth
	claimed []bool // runes inside a name already found
	found   []mention
	// force is a rule held on (forceOn) or off whatever its switch says.
	force   *rule.Rule
	forceOn bool
}

type mention struct {
	name string // in the text's own script
	at   int
}

// on reports whether rule r is in force for this scan.
func (s *scanner) on(r *rule.Rule) bool {
	if r == s.force {
		return s.forceOn
	}
	return r.On()
}

// has reports whether folded word w starts at rune i.
func (s *scanner) has(i int, w string) bool {
	for _, c := range w {
		if i < 0 || i >= len(s.f) || s.f[i] != c {
			return false
		}
		i++
	}
	return true
}

// endsWith reports whether folded word w ends right before rune i.
func (s *scanner) endsWith(i int, w string) bool {
	n := utf8.RuneCountInString(w)
	return i-n >= 0 && s.has(i-n, w)
}

// hasAny returns the first of ws that starts at i, or "".
func (s *scanner) hasAny(i int, ws wordList) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	for n, w := range ws.runes {
		if w[0] == s.f[i] && i+len(w) <= len(s.f) && slices.Equal(s.f[i:i+len(w)], w) {
			return ws.words[n]
		}
	}
	return ""
}

// endsWithAny returns the first of ws that ends right before i, or "".
func (s *scanner) endsWithAny(i int, ws wordList) string {
	if i > len(s.f) {
		return ""
	}
	for n, w := range ws.runes {
		if i-len(w) >= 0 && slices.Equal(s.f[i-len(w):i], w) {
			return ws.words[n]
		}
	}
	return ""
}

// add records name, mentioned at rune at, and claims runes start to end
// for it, unless the name is an honour another body awards. A name built
// on a bracketed alias becomes its two names, and one built on a known
// name with a qualifier the known name.
func (s *scanner) add(name string, at, start, end int) { s.addName(name, at, start, end, plain) }

// kind says how a name was found, which decides what of it campaign.known-core drops.
type kind int

const (
	plain  kind = iota // unquoted, between a verb and a head, or from the lexicon
	quoted             // inside quotation marks
	honour             // unquoted, before 称号
)

func (s *scanner) addName(name string, at, start, end int, k kind) {
	name = strings.TrimSpace(name)
	f := zh.Fold(name)
	if s.on(ruleOtherAwarder) && endsWithWord(trimActFolded(f), otherAwards) {
		return
	}
	if s.on(ruleCivilWorks) && strings.HasSuffix(f, "工程") && containsAny(f, civilWorks) {
		return
	}
	if s.on(ruleAliasBracket) {
		if a, b, ok := alias(name); ok {
			s.addName(a, at, start, end, k)
			s.addName(b, at, start, end, k)
			return
		}
	}
	if s.on(ruleKnownCore) {
		if core := knownCore(name, k); core != "" {
			name = core
		}
	}
	name = trimAct(name)
	if s.on(ruleEditionLead) {
		name = trimEdition(name)
	}
	if s.on(rulePartyWide) && slices.Contains(partyWide, zh.Fold(name)) {
		return
	}
	if Normalize(name) == "" {
		return
	}
	s.found = append(s.found, mention{name: name, at: at})
	for k := max(start, 0); k < end && k < len(s.claimed); k++ {
		s.claimed[k] = true
	}
}

// alias splits a name that ends in a bracketed alias of at least aliasMin
// Han runes, or of a known name, into the name and the alias:
// 育才关怀(金秋助学) → 育才关怀, 金秋助学.
func alias(name string) (a, b string, ok bool) {
	f := zh.Fold(name)
	open := strings.LastIndexByte(f, '(')
	if open <= 0 || !strings.HasSuffix(f, ")") {
		return "", "", false
	}
	inner := f[open+1 : len(f)-1]
	n := utf8.RuneCountInString(inner)
	if n == 0 || strings.IndexFunc(inner, func(r rune) bool { return !zh.IsHan(r) }) >= 0 {
		return "", "", false
	}
	if n < aliasMin && !isLexicon(inner) {
		return "", "", false
	}
	rs := []rune(name)
	head := utf8.RuneCountInString(f[:open])
	if head < 2 {
		return "", "", false
	}
	return string(rs[:head]), string(rs[head+1 : len(rs)-1]), true
}

// containsAny reports whether folded f holds one of ws.
func containsAny(f string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// endsWithWord reports whether folded f ends in one of ws.
func endsWithWord(f string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// trimAct removes a trailing 活动 or 行动 from a name.
func trimAct(name string) string {
	rs := []rune(name)
	if len(rs) > 2 {
		if t := zh.Fold(string(rs[len(rs)-2:])); t == "活动" || t == "行动" {
			return string(rs[:len(rs)-2])
		}
	}
	return name
}

// trimEdition removes a leading edition or year from a name, with the
// level before it (campaign.edition-lead): 第三届职工职业技能大赛,
// 2026年度金秋助学, 市第六届职工技能运动会. A name that is only an edition
// keeps it.
func trimEdition(name string) string {
	// The level and the edition are read folded, so that 第三屆 and
	// 全國第二屆 are editions as 第三届 is; the name keeps its script.
	f := zh.Fold(name)
	for _, l := range editionLevels {
		if _, ok := strings.CutPrefix(f, l); ok {
			rest := string([]rune(name)[utf8.RuneCountInString(l):])
			if t := editionCut(rest); t != rest {
				return t
			}
		}
	}
	return editionCut(name)
}

// editionLevels may lead an edition: 市第六届, 全省第二届.
var editionLevels = []string{"全国", "全省", "全市", "全县", "全区", "省", "市", "县", "区"}

// editionCut removes a leading edition or year from name.
func editionCut(name string) string {
	rs := []rune(zh.Fold(name))
	if len(rs) != utf8.RuneCountInString(name) {
		return name // folding changed the length: no safe cut
	}
	n := 0
	switch {
	case len(rs) > 2 && rs[0] == '首' && rs[1] == '届':
		n = 2
	case len(rs) > 0 && rs[0] == '第':
		k := 1
		for k < len(rs) && (strings.ContainsRune(chineseDigits, rs[k]) || isDigit(rs[k])) {
			k++
		}
		if k > 1 && k < len(rs) && strings.ContainsRune("届期季", rs[k]) {
			n = k + 1
		}
	default:
		k := 0
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		if k == 4 && k < len(rs) && rs[k] == '年' {
			n = k + 1
			if n < len(rs) && rs[n] == '度' {
				n++
			}
		}
	}
	if n == 0 || len(rs)-n < 2 {
		return name
	}
	return string([]rune(name)[n:])
}

// chineseDigits are the numerals of an edition: 第十二届.
const chineseDigits = "零一二三四五六七八九十百"

// isDigit reports whether r is an ASCII or fullwidth digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// trimActFolded is trimAct for a folded name.
func trimActFolded(f string) string {
	if t, ok := strings.CutSuffix(f, "活动"); ok && t != "" {
		return t
	}
	if t, ok := strings.CutSuffix(f, "行动"); ok && t != "" {
		return t
	}
	return f
}

// wordIndex holds a list of words by first rune, in list order. The
// scans that try a list at every position of a text look up the rune
// there instead: trying every word everywhere was a fifth of parsing time.
type wordIndex map[rune][]string

func indexWords(words []string) wordIndex {
	m := wordIndex{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

var (
	actVerbIndex    = indexWords(actVerbs.words)
	honourVerbIndex = indexWords(honourVerbs.words)
)

// firstAt returns the longest word of ws that starts at i, or "": 开展好
// before 开展.
func (s *scanner) firstAt(ws wordIndex, i int) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	best := ""
	for _, w := range ws[s.f[i]] {
		if len(w) > len(best) && s.has(i, w) {
			best = w
		}
	}
	return best
}

// result merges mentions by Normalize, keeps the first spelling, counts
// mentions and sorts by first mention.
func (s *scanner) result() []corpus.Campaign {
	slices.SortStableFunc(s.found, func(a, b mention) int { return a.at - b.at })
	titles := s.titles()
	out := []corpus.Campaign{}
	index := map[string]int{}
	free := []bool{} // by out: mentioned outside a document's title
	for _, m := range s.found {
		k := Normalize(m.name)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, corpus.Campaign{Name: m.name, Key: k})
			free = append(free, false)
		}
		out[i].Count++
		free[i] = free[i] || !inSpans(titles, m.at)
	}
	if len(out) == 0 {
		return out
	}
	// A name found once by its quotes or head is often mentioned again
	// bare. One named only in the title of a document (campaign.document-title)
	// names the document's subject, not a campaign of the text.
	kept := out[:0]
	for i := range out {
		n, outside := s.count([]rune(zh.Fold(out[i].Name)), titles)
		if !free[i] && outside == 0 && s.on(ruleDocumentTitle) {
			continue
		}
		out[i].Count = max(out[i].Count, n)
		kept = append(kept, out[i])
	}
	return kept
}

// titles returns the spans of the documents' titles in the text, 《…》
// within a line.
func (s *scanner) titles() [][2]int {
	var out [][2]int
	for i := 0; i < len(s.f); i++ {
		if s.f[i] != '《' {
			continue
		}
		for j := i + 1; j < len(s.f) && j <= i+maxTitle; j++ {
			if s.f[j] == '\n' || s.f[j] == '《' {
				break
			}
			if s.f[j] == '》' {
				out = append(out, [2]int{i, j + 1})
				i = j
				break
			}
		}
	}
	return out
}

// maxTitle caps the title of a document in runes: 《关于表彰…的决定》 lists
// the honours it confers.
const maxTitle = 120

// inSpans reports whether rune i lies in one of spans.
func inSpans(spans [][2]int, i int) bool {
	for _, sp := range spans {
		if i >= sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}

// count returns the number of times folded w occurs in the text, not
// overlapping, and how many of them lie outside titles.
func (s *scanner) count(w []rune, titles [][2]int) (n, outside int) {
	for i := 0; i+len(w) <= len(s.f); i++ {
		if s.f[i] == w[0] && slices.Equal(s.f[i:i+len(w)], w) {
			n++
			if !inSpans(titles, i) {
				outside++
			}
			i += len(w) - 1
		}
	}
	return n, outside
}

// mayHaveReadings reports whether text may hold a pinyin reading: the
// first reading of a text carries a tone mark (zh.ReadingLen admits a
// toneless one only after a glossed character), and every tone-marked
// letter is encoded with a lead byte from 0xC3 to 0xC7 (U+00C0 to U+01FF),
// which no Han character uses. Stripping readings from a text without
// them cost a tenth of Extract's time.
func mayHaveReadings(text string) bool {
	for i := 0; i < len(text); i++ {
		if b := text[i]; b >= 0xC3 && b <= 0xC7 {
			return true
		}
	}
	return false
}
