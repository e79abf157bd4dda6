package quantity

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// maxSubject caps a subject in runes; a longer phrase is cut at its start,
// keeping the head noun, which in Chinese comes last.
const maxSubject = 12

// subject finds what a quantity measures. A measure word followed by a noun
// (2521名困难职工) counts that noun; otherwise the subject is the phrase
// right before the number (送温暖资金266.74万元), without linking words
// such as 达 or 约. A growth rate (同比增长13%) measures the growth of the
// thing the previous figure of the sentence measured.
func (s *scanner) subject(q quantity, sentA, sentB int, prev []corpus.Metric) string {
	if q.subject != "" {
		return q.subject
	}
	j := s.skipBack(q.start, sentA)
	if q.category == funds {
		// 投入134.39万元作为工会经费, 争取250万元用于文化宫改造
		for _, w := range purposeWords {
			if s.has(q.tail, w) {
				if sub := s.phraseAfter(q.tail+utf8.RuneCountInString(w), sentB, true); sub != "" {
					return sub
				}
			}
		}
	}
	if q.category == rate {
		for _, g := range growthWords {
			if !s.endsWith(j, g) {
				continue
			}
			gs := j - utf8.RuneCountInString(g)
			base := s.prevSubject(prev, sentA)
			if base == "" {
				base = s.phraseBefore(s.skipComparison(gs, sentA), sentA)
			}
			return base + string(s.r[gs:j])
		}
	}
	if q.category == people || q.category == count {
		if sub := s.phraseAfter(q.tail, sentB, q.unit == "次" || q.unit == "场次"); sub != "" {
			return sub
		}
	}
	if j > sentA && s.f[j-1] == '》' {
		// 刊发《工会信息》23期: the title is what is counted.
		for k := j - 2; k >= sentA; k-- {
			if s.f[k] == '《' {
				return string(s.r[k:j])
			}
		}
	}
	if sub := s.phraseBefore(j, sentA); sub != "" {
		return sub
	}
	return s.prevSubject(prev, sentA)
}

// skipBack moves back from i over approximation and linking words.
func (s *scanner) skipBack(i, limit int) int {
	for moved := true; moved; {
		moved = false
		for _, w := range linkWords {
			if n := utf8.RuneCountInString(w); i-n >= limit && s.endsWith(i, w) {
				i -= n
				moved = true
				break
			}
		}
		if moved {
			continue
		}
		for _, a := range approxBefore {
			if n := utf8.RuneCountInString(a.word); i-n >= limit && s.endsWith(i, a.word) {
				i -= n
				moved = true
				break
			}
		}
	}
	return i
}

// skipComparison moves back over 同比 or 比上年 / 比2009年 before a growth
// word.
func (s *scanner) skipComparison(i, limit int) int {
	if s.endsWith(i, "同比") {
		return i - 2
	}
	for k := i - 1; k >= limit && k >= i-8; k-- {
		if isBreak(s.f[k]) {
			break
		}
		if s.f[k] == '比' {
			return k
		}
	}
	return i
}

func (s *scanner) prevSubject(prev []corpus.Metric, sentA int) string {
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Offset < sentA {
			break
		}
		if prev[k].Category != rate && prev[k].Subject != "" {
			return prev[k].Subject
		}
	}
	return ""
}

// stopPOS are the parts of speech that end a subject: prepositions,
// pronouns, adverbs, numerals, measure words, particles, conjunctions,
// time and place words.
func stopPOS(pos string) bool {
	if pos == "" {
		return true
	}
	switch pos[0] {
	case 'p', 'r', 'd', 'm', 'q', 'u', 'c', 't', 'f', 'e', 'y', 'o', 'w':
		return true
	}
	return false
}

func nounPOS(pos string) bool {
	return pos != "" && (pos[0] == 'n' || pos == "vn" || pos == "an" || pos == "j" || pos == "l" || pos == "b" || pos == "zg" || pos == "g")
}

// wordAt returns the token that starts at i, if one does.
func (s *scanner) tokenStartingAt(i int) (token, bool) {
	if i < 0 || i >= len(s.f) || s.tokStart[i] != i {
		return token{}, false
	}
	return token{start: i, end: s.tokEnd[i], pos: s.posAt(i)}, true
}

func (s *scanner) posAt(i int) string {
	for lo, hi := 0, len(s.toks); lo < hi; {
		m := (lo + hi) / 2
		switch t := s.toks[m]; {
		case t.end <= i:
			lo = m + 1
		case t.start > i:
			hi = m
		default:
			return t.pos
		}
	}
	return ""
}

// phraseAfter returns the noun phrase that starts at i (after 以上 or 的),
// or "".
func (s *scanner) phraseAfter(i, limit int, verbFirst bool) string {
	for _, w := range []string{"以上", "以下", "左右", "的"} {
		if s.has(i, w) {
			i += utf8.RuneCountInString(w)
			break
		}
	}
	if i < limit && i < len(s.f) && s.f[i] == '“' {
		// 开展一次“党风廉政宣传教育月”活动: the quoted name and its head.
		for k := i + 1; k < limit && k < i+30; k++ {
			if s.f[k] == '”' {
				return string(s.r[i+1:k]) + s.phraseAfter(k+1, limit, false)
			}
		}
		return ""
	}
	if i >= limit || i >= len(s.f) || !zh.IsHan(s.f[i]) {
		return ""
	}
	start, end, noun, verb := i, i, false, false
	for end < limit {
		t, ok := s.tokenStartingAt(end)
		if !ok || t.end > limit {
			break
		}
		if stopPOS(t.pos) {
			// 严肃的组织生活: a modifier with 的 before the noun.
			if t.pos == "uj" && !noun && end > start && t.end < limit {
				end = t.end
				continue
			}
			break
		}
		if !nounPOS(t.pos) && noun {
			break
		}
		if t.pos == "v" && end == start && !verb && verbFirst {
			// 三次深入联系点: a verb and its object say what was done.
			verb = true
			end = t.end
			continue
		}
		if !nounPOS(t.pos) && t.pos != "a" && t.pos != "x" {
			break
		}
		if t.pos == "x" && !allHan(s.f[t.start:t.end]) {
			break
		}
		if t.end-start > maxSubject {
			break
		}
		noun = noun || nounPOS(t.pos)
		end = t.end
	}
	if !noun {
		return ""
	}
	return strings.TrimSpace(string(s.r[start:end]))
}

// phraseBefore returns the phrase that ends at i: nouns and the verb that
// governs them (听取工会工作汇报), back to punctuation or a function word.
func (s *scanner) phraseBefore(i, limit int) string {
	end := i
	start := i
	nounRunes := 0
	for start > limit {
		k := start - 1
		if isBreak(s.f[k]) || s.tokStart[k] < 0 {
			break
		}
		ts := s.tokStart[k]
		if ts < limit {
			break
		}
		pos := s.posAt(k)
		if stopPOS(pos) {
			break
		}
		if pos == "x" && !allHan(s.f[ts:s.tokEnd[k]]) {
			break
		}
		isNoun := nounPOS(pos)
		if !isNoun && nounRunes >= 2 {
			break
		}
		if end-ts > maxSubject {
			break
		}
		if isNoun {
			nounRunes += min(s.tokEnd[k], end) - ts
		}
		start = ts
	}
	return strings.TrimSpace(string(s.r[start:end]))
}
