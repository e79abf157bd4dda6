package campaign

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// unquoted finds names that a campaign verb introduces and a campaign head
// ends without quotes (campaign.plain-verb-head): 深入开展送温暖活动,
// 实施职工素质工程.
func (s *scanner) unquoted() {
	if !s.on(rulePlainVerbHead) {
		return
	}
	for i := range s.f {
		verb := s.firstAt(actVerbIndex, i)
		if verb == "" {
			continue
		}
		start := i + utf8.RuneCountInString(verb)
		if start < len(s.f) && strings.ContainsRune(verbParticles, s.f[start]) {
			start++
		}
		if sc := s.hasAny(start, scopes); sc != "" {
			start += utf8.RuneCountInString(sc)
		}
		// 劳动竞赛和经济技术创新活动: a kept head that a join follows may
		// end the first of names that share a later head; without one it
		// ends the name.
		pending := [3]int{-1}
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
			// 三年行动计划: a head that a plan's word follows names a plan.
			if s.on(rulePlan) && s.hasAny(j+utf8.RuneCountInString(head), planWords) != "" {
				continue
			}
			end, core := j, j
			if keep {
				end = j + utf8.RuneCountInString(head)
				// 重点工程立功竞赛: a kept head after too few runes to name
				// anything is a word of a longer name that a later head ends.
				if j-start < minPlainCore && end < len(s.f) && zh.IsHan(s.f[end]) {
					continue
				}
				if s.on(rulePlainConjoined) && end < len(s.f) && strings.ContainsRune("和及与", s.f[end]) && !s.splitsWord(end) {
					pending = [3]int{start, core, end}
					continue
				}
			} else if s.on(ruleHeadModifier) {
				for _, m := range headModifiers {
					if s.endsWith(core, m) && core-utf8.RuneCountInString(m) > start {
						core -= utf8.RuneCountInString(m)
						end = core
						break
					}
				}
			}
			s.addConjoined(start, core, end)
			pending[0] = -1
			break
		}
		if pending[0] >= 0 {
			s.addConjoined(pending[0], pending[1], pending[2])
		}
	}
}

// addConjoined adds f[start:end], whose head starts at core, or, when its
// part before the head joins names with 和, 及 or 与, each of them
// (campaign.plain-conjoined): 开展经济技术创新和劳动竞赛活动 names 经济技术创新,
// and 劳动竞赛 is an everyday activity.
func (s *scanner) addConjoined(start, core, end int) {
	if !s.on(rulePlainConjoined) {
		s.addPlain(start, core, end)
		return
	}
	cut := []int{start}
	for k := start + 1; k < core-1; k++ {
		if strings.ContainsRune("和及与", s.f[k]) && !s.splitsWord(k) {
			cut = append(cut, k+1)
		}
	}
	if len(cut) == 1 {
		s.addPlain(start, core, end)
		return
	}
	for n, c := range cut {
		stop := core
		if n+1 < len(cut) {
			stop = cut[n+1] - 1
		}
		if n+1 == len(cut) {
			s.addPlain(c, stop, end)
		} else {
			s.addPlain(c, stop, stop)
		}
	}
}

// splitsWord reports whether the joining rune at k belongs to a word
// (和谐, 及时, 与会): no list is joined there.
func (s *scanner) splitsWord(k int) bool {
	for _, w := range []string{"和谐", "及时", "与会", "参与", "给与", "和平", "和美", "普及", "以及"} {
		for off := 0; off < utf8.RuneCountInString(w); off++ {
			if s.has(k-off, w) {
				return true
			}
		}
	}
	return false
}

// hasAnyString reports whether one of ws starts at i.
func (s *scanner) hasAnyString(i int, ws []string) bool {
	for _, w := range ws {
		if s.has(i, w) {
			return true
		}
	}
	return false
}

// addPlain adds f[start:end] as a name when f[start:core] is specific
// enough to be one (campaign.plain-generic).
func (s *scanner) addPlain(start, core, end int) {
	if core-start < 2 {
		return
	}
	c := string(s.f[start:core])
	if strings.Contains(c, "的") || strings.Contains(c, "等") {
		return
	}
	if s.on(rulePlainGeneric) && !isLexicon(c) && generic(unbracket(c), s.hasAnyString(core, namedHeads)) {
		return
	}
	for k := start; k < end; k++ {
		if s.claimed[k] {
			return
		}
	}
	s.add(string(s.r[start:end]), start, start, end)
}

// unbracket returns folded c without its brackets and what they hold:
// a bracket inside an unquoted phrase glosses a word (职工(劳模)疗休养), and
// the phrase is judged without it (campaign.plain-generic).
func unbracket(c string) string {
	for {
		open := strings.IndexByte(c, '(')
		if open < 0 {
			return c
		}
		end := strings.IndexByte(c[open:], ')')
		if end < 0 {
			return c
		}
		c = c[:open] + c[open+end+1:]
	}
}

// generic reports whether folded c, an unquoted phrase before a head,
// names a kind of activity rather than one campaign: too short, made of
// everyday words only (unless the head makes it a programme), ending in an
// everyday activity, or a generic start without a specific name after it.
func generic(c string, programme bool) bool {
	n := utf8.RuneCountInString(c)
	if n < minPlainCore || !programme && composedOf(c, genericWords) || endsWithWord(c, genericTail) {
		return true
	}
	for _, g := range genericStarts {
		if rest, ok := strings.CutPrefix(c, g); ok {
			return utf8.RuneCountInString(rest) < minAfterGeneric || composedOf(rest, genericWords)
		}
	}
	return false
}

// composedOf reports whether folded c is a run of words of ws and nothing
// else.
func composedOf(c string, ws []string) bool {
	if c == "" {
		return false
	}
	// ok[i] says whether c[:i] is such a run.
	ok := make([]bool, len(c)+1)
	ok[0] = true
	for i := 0; i < len(c); i++ {
		if !ok[i] {
			continue
		}
		for _, w := range ws {
			if strings.HasPrefix(c[i:], w) {
				ok[i+len(w)] = true
			}
		}
	}
	return ok[len(c)]
}

// honours finds unquoted honours between an awarding verb and 称号
// (campaign.plain-honour): 荣获全省工会工作十强县(市)称号.
func (s *scanner) honours() {
	if !s.on(rulePlainHonour) {
		return
	}
	for i := range s.f {
		verb := s.firstAt(honourVerbIndex, i)
		if verb == "" {
			continue
		}
		start := i + utf8.RuneCountInString(verb)
		if s.on(ruleAwardRecipient) {
			start += s.recipientLen(start)
		}
		for j := start + 2; j < len(s.f) && j <= start+20; j++ {
			c := s.f[j-1]
			if !zh.IsHan(c) && c != '(' && c != ')' {
				break
			}
			if s.has(j, "荣誉称号") || s.has(j, "称号") {
				s.addHonour(start, j)
				break
			}
		}
	}
}

// addHonour adds f[start:end] as an honour when it is specific enough.
func (s *scanner) addHonour(start, end int) {
	c := string(s.f[start:end])
	if end-start < minPlainCore || strings.ContainsAny(c, "的等") || s.on(rulePlainGeneric) && !isLexicon(c) && generic(c, false) {
		return
	}
	for k := start; k < end; k++ {
		if s.claimed[k] {
			return
		}
	}
	s.addName(string(s.r[start:end]), start, start, end, honour)
}

// honourLists finds the honours of an unquoted list that 称号 ends and a
// verb of holding or awarding opens (campaign.honour-list): 具有模范职工之家
// 或双爱双评先进企业工会、百家示范乡镇(街道)工会称号 names three.
func (s *scanner) honourLists() {
	if !s.on(ruleHonourList) {
		return
	}
	for j := 1; j < len(s.f); j++ {
		if s.f[j] != '称' || !s.has(j, "称号") {
			continue
		}
		end := j
		if s.endsWith(end, "荣誉") {
			end -= 2
		}
		// Back over the list to its verb, within one clause.
		start := -1
		for k := end - 1; k >= 0 && k >= end-maxHonourList; k-- {
			c := s.f[k]
			if !zh.IsHan(c) && c != '(' && c != ')' && c != '、' {
				break
			}
			if v := s.endsWithAny(k, holdVerbs); v != "" {
				start = k
				break
			}
		}
		if start < 0 {
			continue
		}
		items := s.splitList(start, end)
		if len(items) < 2 {
			continue // one honour is campaign.plain-honour's
		}
		// 合理化建议、技术革新优秀组织单位: items that do not end in the
		// noun of an honoured unit share the head of the last; the list
		// is one honour.
		whole := false
		for _, it := range items {
			if !endsWithWord(string(s.f[it[0]:it[1]]), honourNouns) {
				whole = true
			}
		}
		if whole {
			s.addHonour(start, end)
			continue
		}
		for _, it := range items {
			s.addHonour(it[0], it[1])
		}
	}
}

// maxHonourList caps an unquoted list of honours in runes.
const maxHonourList = 60

// splitList cuts f[start:end] at the words that join list items.
func (s *scanner) splitList(start, end int) [][2]int {
	var out [][2]int
	from := start
	for k := start; k < end; k++ {
		if j := s.hasAny(k, listJoins); j != "" && !s.splitsWord(k) {
			out = append(out, [2]int{from, k})
			from = k + utf8.RuneCountInString(j)
			k = from - 1
		}
	}
	return append(out, [2]int{from, end})
}

// headings finds programme names that open a line as a heading
// (campaign.heading-programme): 维权维稳工程凝合力.
func (s *scanner) headings() {
	if !s.on(ruleHeadingProgramme) {
		return
	}
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

// maxHeading is the longest line in runes read as a heading.
const maxHeading = 16

// shortLine reports whether the line at i is short enough to be a heading.
func (s *scanner) shortLine(i int) bool {
	for k := i; k < len(s.f); k++ {
		if s.f[k] == '\n' {
			return k-i <= maxHeading
		}
		if !zh.IsHan(s.f[k]) {
			return false
		}
	}
	return len(s.f)-i <= maxHeading
}
