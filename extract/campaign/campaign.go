// Package campaign finds the named campaigns, activities, programmes,
// competitions and honours that unions run or award (送温暖, 金秋助学,
// 工人先锋号, 安康杯) in Chinese text, and counts their mentions.
package campaign

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
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
// without quotes and without a trailing 活动 or 行动. The result is never
// nil.
func Extract(text string) []corpus.Campaign {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	r := []rune(text)
	f := make([]rune, len(r))
	for i, c := range r {
		f[i] = zh.FoldRune(c)
	}
	s := &scanner{r: r, f: f, claimed: make([]bool, len(r))}
	s.quoted()
	s.unquoted()
	s.honours()
	s.headings()
	s.known()
	return s.result()
}

type scanner struct {
	r, f    []rune
	claimed []bool // runes inside a name already found
	found   []mention
}

type mention struct {
	name string // in the text's own script
	at   int
}

func (s *scanner) has(i int, w string) bool {
	for _, c := range w {
		if i < 0 || i >= len(s.f) || s.f[i] != c {
			return false
		}
		i++
	}
	return true
}

func (s *scanner) endsWith(i int, w string) bool {
	n := utf8.RuneCountInString(w)
	return i-n >= 0 && s.has(i-n, w)
}

func (s *scanner) add(name string, at, start, end int) {
	name = strings.TrimSpace(name)
	if Normalize(name) == "" {
		return
	}
	s.found = append(s.found, mention{name: name, at: at})
	for k := max(start, 0); k < end && k < len(s.claimed); k++ {
		s.claimed[k] = true
	}
}

// quote is one “…” span: open and close are the indices of the marks.
type quote struct{ open, close int }

func (s *scanner) quotes() []quote {
	var qs []quote
	for i := 0; i < len(s.f); i++ {
		if s.f[i] != '“' && s.f[i] != '「' && s.f[i] != '『' {
			continue
		}
		for j := i + 1; j < len(s.f) && j <= i+maxName+1; j++ {
			if s.f[j] == '\n' || s.f[j] == '“' {
				break
			}
			if s.f[j] == '”' || s.f[j] == '」' || s.f[j] == '』' {
				if j > i+1 {
					qs = append(qs, quote{i, j})
				}
				i = j
				break
			}
		}
	}
	return qs
}

// quoted finds quoted names with a campaign head after them or a campaign
// verb before them. Quotations listed together (“A”、“B”和“C”活动) share
// the evidence of the whole list.
func (s *scanner) quoted() {
	qs := s.quotes()
	for a := 0; a < len(qs); {
		b := a
		for b+1 < len(qs) && s.joined(qs[b].close+1, qs[b+1].open) {
			b++
		}
		group := qs[a : b+1]
		ok := s.verbBefore(group[0].open) || s.headAfter(group[len(group)-1].close+1)
		if !ok && len(group) > 1 {
			for _, q := range group[:len(group)-1] {
				if s.headAfter(q.close + 1) {
					ok = true
				}
			}
		}
		for _, q := range group {
			if s.lexiconAt(q.close+1) != "" {
				continue // “两节”送温暖: the quote only dates a known campaign
			}
			if s.spanning(q) {
				continue
			}
			if ok || s.headAfter(q.close+1) || s.selfNamed(q) || s.countAfter(q.close+1) > 1 {
				s.addQuoted(q)
			}
		}
		a = b + 1
	}
}

// joined reports whether f[i:j] only joins two items of a list.
func (s *scanner) joined(i, j int) bool {
	if j-i > 3 || j < i {
		return false
	}
	switch string(s.f[i:j]) {
	case "", "、", ",", "和", "及", "与", "以及", ",以及", "、以及":
		return true
	}
	return false
}

func (s *scanner) verbBefore(i int) bool {
	for i > 0 && unicode.IsSpace(s.f[i-1]) {
		i--
	}
	for _, v := range verbs {
		if s.endsWith(i, v) && v != "和" && v != "及" && v != "、" {
			return true
		}
	}
	return false
}

func (s *scanner) headAfter(i int) bool {
	if s.notAfterAt(i) {
		return false
	}
	for _, h := range heads {
		if s.has(i, h) {
			return true
		}
	}
	for _, h := range honourHeads {
		if s.has(i, h) {
			return true
		}
	}
	// “送医疗送健康”、X等活动: a list that ends in 等活动.
	for k := i; k < len(s.f) && k < i+12 && !strings.ContainsRune("\n。;!?", s.f[k]); k++ {
		if s.has(k, "等活动") || s.has(k, "等系列活动") || s.has(k, "等评选") || s.has(k, "等评比") {
			return true
		}
	}
	return false
}

// notAfterAt reports whether a word at i, or after 工作 at i, makes the
// quotation before it a slogan, a goal or a plan: “三个一”工作目标.
func (s *scanner) notAfterAt(i int) bool {
	for _, at := range []int{i, i + 2} {
		if at > i && !s.has(i, "工作") {
			break
		}
		for _, w := range notAfter {
			if s.has(at, w) {
				return true
			}
		}
	}
	return false
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
	lexiconIndex    = indexWords(lexicon)
	actVerbIndex    = indexWords(actVerbs)
	honourVerbIndex = indexWords(honourVerbs)
)

// firstAt returns the first word of ws, in list order, that starts at i,
// or "".
func (s *scanner) firstAt(ws wordIndex, i int) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	for _, w := range ws[s.f[i]] {
		if s.has(i, w) {
			return w
		}
	}
	return ""
}

// lexiconAt returns the longest lexicon name that starts at i, or "".
func (s *scanner) lexiconAt(i int) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	best := ""
	for _, w := range lexiconIndex[s.f[i]] {
		if len(w) > len(best) && s.has(i, w) {
			best = w
		}
	}
	return best
}

// spanning adds a name that runs across the quotes of q and reports
// whether it did. A quoted destination (“进企业”, “下基层”) names a
// campaign only with the unquoted words before it in the same clause
// (全区城乡环境综合整治“进企业”); after a verb of creating or awarding, an
// honour runs on to the noun that names the honoured unit
// (创建全国“六好”乡镇(街道)工会).
func (s *scanner) spanning(q quote) bool {
	inner := s.f[q.open+1 : q.close]
	if len(inner) <= 5 && s.destination(q.open+1) {
		start := q.open
		for start > 0 && start > q.open-spanPrefix && zh.IsHan(s.f[start-1]) && !strings.ContainsRune(funcRunes, s.f[start-1]) {
			start--
		}
		// 推进全区城乡环境综合整治“进企业”: the verb and the scope lead the
		// name without being part of it.
		for _, lead := range [][]string{actVerbs, scopes} {
			for _, w := range lead {
				if s.has(start, w) && start+utf8.RuneCountInString(w) < q.open {
					start += utf8.RuneCountInString(w)
					break
				}
			}
		}
		if q.open-start >= 2 {
			s.add(string(s.r[start:q.close+1]), start, start, q.close+1)
			return true
		}
		return false
	}
	start := q.open
	for _, sc := range scopes {
		if s.endsWith(start, sc) {
			start -= utf8.RuneCountInString(sc)
			break
		}
	}
	if !s.awardBefore(start) && !s.endsWith(start, "创建") || s.notAfterAt(q.close+1) {
		return false
	}
	end := q.close + 1
	for end < len(s.f) && end < q.close+1+spanPrefix && (zh.IsHan(s.f[end]) || s.f[end] == '(' || s.f[end] == ')') {
		end++
	}
	for _, n := range honouredUnits {
		if end > q.close+1 && s.endsWith(end, n) {
			s.add(string(s.r[start:end]), start, start, end)
			return true
		}
	}
	return false
}

// destination reports whether a word of going to a place starts at i.
func (s *scanner) destination(i int) bool {
	for _, w := range destinations {
		if s.has(i, w) {
			return true
		}
	}
	return false
}

// awardBefore reports whether an awarding verb precedes i: 评为“…”.
func (s *scanner) awardBefore(i int) bool {
	for _, v := range honourVerbs {
		if s.endsWith(i, v) {
			return true
		}
	}
	return false
}

// selfNamed reports whether a quotation ends in a campaign head itself.
func (s *scanner) selfNamed(q quote) bool {
	for _, h := range selfHeads {
		if s.endsWith(q.close, h) {
			return true
		}
	}
	return false
}

func (s *scanner) addQuoted(q quote) {
	inner := string(s.f[q.open+1 : q.close])
	if strings.ContainsAny(inner, "《》") || slices.Contains(planPrefixes, inner) || !strings.ContainsFunc(inner, zh.IsHan) {
		return
	}
	if strings.HasSuffix(inner, "、") || strings.HasSuffix(inner, ",") {
		return // a broken list
	}
	if (strings.HasSuffix(inner, "工会") || strings.HasSuffix(inner, "协会")) && !s.awardBefore(q.open) {
		return // an organisation, unless it is an honour's title
	}
	if s.has(q.close+1, "工作") && strings.ContainsAny(inner, "、,") && !s.verbBefore(q.open) {
		return // “组织起来、切实维权”工作: a guideline
	}
	if s.notAfterAt(q.close + 1) {
		return
	}
	name := string(s.r[q.open+1 : q.close])
	end := q.close + 1
	for _, h := range honourHeads {
		if s.has(end, h) {
			name += string(s.r[end : end+utf8.RuneCountInString(h)])
			end += utf8.RuneCountInString(h)
			break
		}
	}
	// “金秋助学、春雨行动、关爱劳模”三大品牌: a quoted list of as many
	// names as the number after it says.
	if items := strings.Split(name, "、"); len(items) > 1 && s.countAfter(end) == len(items) {
		for _, it := range items {
			s.add(trimAct(it), q.open, q.open, end)
		}
		return
	}
	s.add(trimAct(name), q.open, q.open, end)
}

// countAfter reads a small Chinese number followed by 大 or 项 at i
// (五大品牌), or returns 0.
func (s *scanner) countAfter(i int) int {
	if i+1 >= len(s.f) || s.f[i+1] != '大' && s.f[i+1] != '项' {
		return 0
	}
	return slices.Index([]rune("零一二三四五六七八九十"), s.f[i])
}

// trimAct removes a trailing 活动 or 行动 from a name.
func trimAct(name string) string {
	rs := []rune(name)
	if len(rs) > 2 {
		if t := string(zh.ToSimplified(string(rs[len(rs)-2:]))); t == "活动" || t == "行动" {
			return string(rs[:len(rs)-2])
		}
	}
	return name
}

// unquoted finds names that a campaign verb introduces and a campaign head
// ends without quotes: 深入开展送温暖活动, 实施职工素质工程.
func (s *scanner) unquoted() {
	for i := range s.f {
		verb := s.firstAt(actVerbIndex, i)
		if verb == "" {
			continue
		}
		start := i + utf8.RuneCountInString(verb)
		for _, sc := range scopes {
			if s.has(start, sc) {
				start += utf8.RuneCountInString(sc)
				break
			}
		}
		for j := start + 1; j < len(s.f) && j <= start+20; j++ {
			if !zh.IsHan(s.f[j-1]) && s.f[j-1] != '(' && s.f[j-1] != ')' {
				// 学习实践科学发展观和“学王瑛”活动: a name joined to a
				// quoted one takes its head.
				if s.f[j-1] == '“' && (s.endsWith(j-1, "和") || s.endsWith(j-1, "与")) {
					s.addPlain(start, j-2, j-2)
				}
				break
			}
			if s.claimed[j-1] {
				break
			}
			head, keep := "", false
			for _, h := range actHeads {
				if s.has(j, h.word) {
					head, keep = h.word, h.keep
					break
				}
			}
			if head == "" {
				continue
			}
			end := j
			if keep {
				end = j + utf8.RuneCountInString(head)
			}
			s.addPlain(start, j, end)
			break
		}
	}
}

// addPlain adds f[start:end] as a name when f[start:core] is specific
// enough to be one.
func (s *scanner) addPlain(start, core, end int) {
	c := string(s.f[start:core])
	if utf8.RuneCountInString(c) < 2 {
		return
	}
	for _, g := range genericStarts {
		if strings.HasPrefix(c, g) {
			return
		}
	}
	if slices.Contains(genericNames, c) || strings.Contains(c, "的") || strings.Contains(c, "等") {
		return
	}
	for k := start; k < end; k++ {
		if s.claimed[k] {
			return
		}
	}
	s.add(string(s.r[start:end]), start, start, end)
}

// honours finds unquoted honours between an awarding verb and 称号:
// 荣获全省工会工作十强县(市)称号.
func (s *scanner) honours() {
	for i := range s.f {
		verb := s.firstAt(honourVerbIndex, i)
		if verb == "" {
			continue
		}
		start := i + utf8.RuneCountInString(verb)
		for j := start + 2; j < len(s.f) && j <= start+20; j++ {
			c := s.f[j-1]
			if !zh.IsHan(c) && c != '(' && c != ')' {
				break
			}
			end := false
			for _, h := range honourEnds {
				if s.has(j, h) {
					end = true
				}
			}
			if end {
				s.addPlain(start, j, j)
				break
			}
		}
	}
}

// headings finds programme names that open a line as a heading:
// 维权维稳工程凝合力.
func (s *scanner) headings() {
	for i := range s.f {
		if i > 0 && s.f[i-1] != '\n' || !s.shortLine(i) {
			continue
		}
		for j := i + 3; j < len(s.f) && j <= i+10; j++ {
			if !zh.IsHan(s.f[j-1]) {
				break
			}
			if s.has(j, "工程") {
				s.addPlain(i, j, j+2)
				break
			}
		}
	}
}

// shortLine reports whether the line at i is short enough to be a heading.
func (s *scanner) shortLine(i int) bool {
	for k := i; k < len(s.f); k++ {
		if s.f[k] == '\n' {
			return k-i <= 16
		}
		if !zh.IsHan(s.f[k]) {
			return false
		}
	}
	return len(s.f)-i <= 16
}

// known finds names from the lexicon outside the names already found,
// longest first at each position.
func (s *scanner) known() {
	for i := 0; i < len(s.f); i++ {
		if s.claimed[i] {
			continue
		}
		best := s.lexiconAt(i)
		if best == "" {
			continue
		}
		n := utf8.RuneCountInString(best)
		s.add(trimAct(string(s.r[i:i+n])), i, i, i+n)
		i += n - 1
	}
}

// result merges mentions by Normalize, keeps the first spelling, counts
// mentions and sorts by first mention.
func (s *scanner) result() []corpus.Campaign {
	slices.SortStableFunc(s.found, func(a, b mention) int { return a.at - b.at })
	out := []corpus.Campaign{}
	index := map[string]int{}
	for _, m := range s.found {
		k := Normalize(m.name)
		if i, ok := index[k]; ok {
			out[i].Count++
			continue
		}
		index[k] = len(out)
		out = append(out, corpus.Campaign{Name: m.name, Key: k, Count: 1})
	}
	if len(out) == 0 {
		return out
	}
	// A name found once by its quotes or head is often mentioned again bare.
	text := string(s.f)
	for i := range out {
		if n := strings.Count(text, zh.Fold(out[i].Name)); n > out[i].Count {
			out[i].Count = n
		}
	}
	return out
}
