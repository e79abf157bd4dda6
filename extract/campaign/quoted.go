package campaign

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// quote is one “…” span: open and close are the indices of the marks.
type quote struct{ open, close int }

func (s *scanner) quotes() []quote {
	var qs []quote
	straight := s.on(ruleStraightQuotes)
	for i := 0; i < len(s.f); i++ {
		if s.f[i] == '"' && straight {
			// Straight quotes pair in turn on a line; a pair too long for a
			// name is skipped whole, so its closer opens nothing.
			j := i + 1
			for j < len(s.f) && s.f[j] != '"' && s.f[j] != '\n' {
				j++
			}
			if j == len(s.f) || s.f[j] == '\n' {
				i = j
				continue
			}
			if j > i+1 && j <= i+maxName+1 {
				qs = append(qs, quote{i, j})
			}
			i = j
			continue
		}
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

// inner returns the folded text inside q.
func (s *scanner) inner(q quote) string { return string(s.f[q.open+1 : q.close]) }

// quoted finds quoted names with a campaign head after them or a campaign
// verb before them. Quotations listed together (“A”、“B”和“C”活动) share
// the evidence of the whole list.
func (s *scanner) quoted() {
	qs := s.quotes()
	vetoed := s.vetoed(qs)
	for a := 0; a < len(qs); {
		b := a
		for b+1 < len(qs) && s.on(ruleQuotedList) && s.joined(qs[b].close+1, qs[b+1].open) {
			b++
		}
		group := qs[a : b+1]
		last := group[len(group)-1].close + 1
		if s.on(ruleCategoryCount) && s.categoryAfter(last) {
			a = b + 1
			continue // “…”和“…”两大类别: kinds of activity
		}
		ok := s.verbBefore(group[0]) && (s.awardBefore(group[0]) || !s.modifiesObject(last)) || s.headAfter(last) || s.results(group[0].open, last) || s.contestAfter(last)
		if !ok && len(group) > 1 {
			for _, q := range group[:len(group)-1] {
				if s.headAfter(q.close + 1) {
					ok = true
				}
			}
		}
		for _, q := range group {
			if s.on(ruleQuotedKnownAfter) && s.lexiconAt(q.close+1) != "" {
				continue // “两节”送温暖: the quote only dates a known campaign
			}
			if s.spanning(q) || s.plusSpan(q) {
				continue
			}
			if vetoed[s.inner(q)] {
				continue
			}
			if ok || s.headAfter(q.close+1) || s.selfNamed(q) || s.countAfter(q.close+1) > 1 && s.on(ruleQuotedCount) ||
				s.on(ruleQuotedKnownEnd) && s.knownEndsAt(q.open+1, q.close) {
				s.addQuoted(q, len(group) == 1)
			}
		}
		a = b + 1
	}
}

// vetoed returns the quotations that a word after one of their mentions
// makes a slogan, a theme or a body throughout the text
// (campaign.one-sense), unless they are known names.
func (s *scanner) vetoed(qs []quote) map[string]bool {
	if !s.on(ruleOneSense) {
		return nil
	}
	var m map[string]bool
	for _, q := range qs {
		if s.hasAny(q.close+1, vetoAfter) == "" && !s.themed(q) && !s.structureAfter(q.close+1) {
			continue
		}
		in := s.inner(q)
		if isLexicon(in) {
			continue
		}
		if m == nil {
			m = map[string]bool{}
		}
		m[in] = true
	}
	return m
}

// structureAfter reports whether 的 and a noun of a structure follow at
// i, within a few runes (“四级一体”的帮扶网络): the quotation says how
// something is built, not what is run.
func (s *scanner) structureAfter(i int) bool {
	if !s.has(i, "的") {
		return false
	}
	for k := i + 1; k < len(s.f) && k <= i+1+maxStructureModifier; k++ {
		if s.hasAny(k, structures) != "" {
			return true
		}
		if !zh.IsHan(s.f[k]) {
			return false
		}
	}
	return false
}

// themed reports whether q is the theme of 以“…”为主题 (campaign.theme-frame).
func (s *scanner) themed(q quote) bool {
	if s.on(ruleThemeFrame) && s.endsWith(q.open, "以") && s.hasAny(q.close+1, themeFrames) != "" {
		return true
	}
	// 围绕“…”主题，: 主题 that closes its clause is the noun the quotation
	// names, a theme; before a head (“…”主题活动) it only modifies the head
	// (campaign.theme-bare).
	if s.on(ruleThemeBare) && s.has(q.close+1, "主题") {
		k := q.close + 1 + utf8.RuneCountInString("主题")
		return k >= len(s.f) || strings.ContainsRune(themeEnds, s.f[k])
	}
	return false
}

// themeEnds close the clause after “…”主题 (campaign.theme-bare): the
// folded clause marks, 、 and a line's end.
const themeEnds = ",;:!?。、\n)"

// joined reports whether f[i:j], between two quotations, only joins two
// items of a list, after at most a short head noun of the first
// (“A”培训班、“B”活动), or across unquoted items of the same list
// (“A”、岗位练兵、技术比武、“B”等活动).
func (s *scanner) joined(i, j int) bool {
	if j < i {
		return false
	}
	if s.unquotedItems(i, j) {
		return true
	}
	// 20个“…”、10名“…”: each item of the list carries its count.
	if s.on(ruleCountedList) {
		if c := s.countStart(j); c < j {
			if c <= i {
				return false
			}
			j = c
		}
	}
	for k := i; k <= j && k <= i+maxListGlue; k++ {
		if k > i && !zh.IsHan(s.f[k-1]) {
			break
		}
		seg := s.f[k:j]
		if len(seg) == 0 {
			if k == i {
				return true
			}
			continue
		}
		for _, w := range quoteJoins.runes {
			if slices.Equal(seg, w) {
				return true
			}
		}
	}
	return false
}

// unquotedItems reports whether f[i:j] is a run of short unquoted list
// items between two marks of a list: 、岗位练兵、技术比武、.
func (s *scanner) unquotedItems(i, j int) bool {
	if j-i < 3 || j-i > maxUnquotedItems || s.f[i] != '、' || s.f[j-1] != '、' {
		return false
	}
	n := 0
	for k := i + 1; k < j; k++ {
		switch {
		case s.f[k] == '、':
			if n == 0 {
				return false
			}
			n = 0
		case zh.IsHan(s.f[k]) && n < maxListItem:
			n++
		default:
			return false
		}
	}
	return true
}

// verbBefore reports whether a campaign verb precedes the quotation q
// (campaign.quoted-verb). An awarding verb counts only when the honour
// ends with the quotation (campaign.award-bounded): 获得“金牌工匠”称号,
// not 获得“金莲花”艺术金奖, where the quotation is part of a longer
// prize's name.
func (s *scanner) verbBefore(q quote) bool {
	if !s.on(ruleQuotedVerb) {
		return false
	}
	i := q.open
	for i > 0 && unicode.IsSpace(s.f[i-1]) {
		i--
	}
	if s.awardAs(i) {
		return !s.on(ruleAwardBounded) || s.honourBounded(q.close+1)
	}
	if s.on(ruleAwardRecipient) {
		i = s.recipientStart(i)
	}
	if s.on(ruleCountedList) {
		i = s.countStart(i)
	}
	v := s.endsWithAny(i, verbs)
	if v == "" && i > 0 && strings.ContainsRune(verbParticles, s.f[i-1]) {
		v = s.endsWithAny(i-1, verbs)
	}
	if v == "" {
		return false
	}
	if slices.Contains(awardVerbs, v) && s.on(ruleAwardBounded) {
		return s.honourBounded(q.close + 1)
	}
	return true
}

// awardBefore reports whether an awarding verb or the 为 of a naming verb
// precedes q, whose honour campaign.award-bounded bounds instead.
func (s *scanner) awardBefore(q quote) bool {
	i := q.open
	for i > 0 && unicode.IsSpace(s.f[i-1]) {
		i--
	}
	if s.awardAs(i) {
		return true
	}
	i = s.countStart(s.recipientStart(i))
	v := s.endsWithAny(i, verbs)
	if v == "" && i > 0 && strings.ContainsRune(verbParticles, s.f[i-1]) {
		v = s.endsWithAny(i-1, verbs)
	}
	return slices.Contains(awardVerbs, v)
}

// modifiesObject reports whether an unquoted noun follows at i, after a
// quotation a verb of running precedes: the noun is the verb's object and
// the quotation says what kind (参加“两癌”筛查, 开展“一对一”帮扶), so the verb
// is no evidence for it (campaign.quoted-modifier). A mark, a function
// word or a word of time after the quotation ends the object there.
func (s *scanner) modifiesObject(i int) bool {
	if !s.on(ruleQuotedModifier) || i >= len(s.f) || !zh.IsHan(s.f[i]) || strings.ContainsRune(funcRunes, s.f[i]) || s.hasAny(i, objectEnds) != "" {
		return false
	}
	// The object runs to the end of its clause or to 的; one that is an
	// activity itself (…系列活动, …送温暖) leaves the quotation its name.
	for k := i; k < len(s.f) && k <= i+maxObject; k++ {
		if s.hasAny(k, listHeads) != "" || s.hasAny(k, strongHeads) != "" || s.has(k, "服务") || s.lexiconAt(k) != "" {
			return false
		}
		switch {
		case s.f[k] == '的' || !zh.IsHan(s.f[k]):
			return true
		case strings.ContainsRune(funcRunes, s.f[k]):
			return false
		}
	}
	return false
}

// honourBounded reports whether an honour's name ends at i: at a mark, a
// list word, or a word that closes an honour (称号, 劳动奖章).
func (s *scanner) honourBounded(i int) bool {
	if i >= len(s.f) || !zh.IsHan(s.f[i]) {
		return true
	}
	if strings.ContainsRune("和及与等或", s.f[i]) {
		return true
	}
	return s.hasAny(i, honourEnds) != "" || s.hasAny(i, honourHeads) != "" || s.hasAny(i, heads) != ""
}

// headAfter reports whether a campaign head follows at i
// (campaign.quoted-head), or a list there ends in 等 and one
// (campaign.quoted-list).
func (s *scanner) headAfter(i int) bool {
	if s.notAfterAt(i) {
		return false
	}
	if s.on(ruleQuotedHead) {
		if s.hasAny(i, heads) != "" || s.hasAny(i, honourHeads) != "" {
			return true
		}
		// “安康杯”知识竞赛, “金蓝领”职工技能大赛: a strong head after a
		// short modifier, or after everyday words of any length.
		for k := i + 1; k <= i+maxGenericModifier && k < len(s.f) && zh.IsHan(s.f[k-1]); k++ {
			if s.hasAny(k, strongHeads) != "" && !s.notAfterAt(k) && (k-i <= maxHeadModifier || composedOf(string(s.f[i:k]), genericWords)) {
				return true
			}
		}
	}
	if !s.on(ruleQuotedList) {
		return false
	}
	// “送医疗送健康”、X等活动: a list that ends in 等, a modifier or two
	// and a head (等系列活动, 等主题宣传), or everyday words and a head
	// (等主题劳动竞赛).
	for k := i; k < len(s.f) && k < i+12 && !strings.ContainsRune("\n。;!?", s.f[k]); k++ {
		if s.f[k] != '等' {
			continue
		}
		for m := k + 1; m <= k+1+maxGenericModifier && m < len(s.f) && zh.IsHan(s.f[m]); m++ {
			if s.hasAny(m, listHeads) != "" && (m-k-1 <= maxListModifier || composedOf(string(s.f[k+1:m]), listModifiers)) {
				return true
			}
		}
	}
	return false
}

// results reports whether a verb of keeping results ends at open and 成果
// starts at after (campaign.results): 巩固“…”成果 names the campaign whose
// results they are.
func (s *scanner) results(open, after int) bool {
	return s.on(ruleResults) && s.has(after, "成果") && s.endsWithAny(open, resultVerbs) != ""
}

// notAfterAt reports whether a word at i, or after 工作 or a count (三大)
// at i, makes the quotation before it a slogan, a goal or a plan
// (campaign.slogan-after): “三个一”工作目标, “…”三大战略.
func (s *scanner) notAfterAt(i int) bool {
	if !s.on(ruleSloganAfter) {
		return false
	}
	at := []int{i}
	if s.has(i, "工作") {
		at = append(at, i+2)
	}
	if s.countAfter(i) > 0 {
		at = append(at, i+2)
	}
	for _, k := range at {
		if s.hasAny(k, notAfter) != "" {
			return true
		}
	}
	return false
}

// spanning adds a name that runs across the quotes of q and reports
// whether it did. A quoted destination (“进企业”, “下基层”) names a
// campaign only with the unquoted words before it in the same clause
// (全区城乡环境综合整治“进企业”, campaign.destination-span); after a verb of
// creating or awarding, an honour runs on to the noun that names the
// honoured unit (创建全国“六好”乡镇(街道)工会, campaign.honoured-unit).
func (s *scanner) spanning(q quote) bool {
	inner := s.f[q.open+1 : q.close]
	if len(inner) <= 5 && s.destination(q.open+1) {
		if !s.on(ruleDestinationSpan) {
			return false
		}
		start := q.open
		for start > 0 && start > q.open-spanPrefix && zh.IsHan(s.f[start-1]) && !strings.ContainsRune(funcRunes, s.f[start-1]) {
			start--
		}
		// 推进全区城乡环境综合整治“进企业”: the verb and the scope lead the
		// name without being part of it. Without a verb of running before
		// it or a head after it, the destination is where someone went:
		// 1700名职工成功“入库”.
		led := s.endsWithAny(start, verbs) != ""
		for n, lead := range []wordList{actVerbs, scopes} {
			if w := s.hasAny(start, lead); w != "" && start+utf8.RuneCountInString(w) < q.open {
				start += utf8.RuneCountInString(w)
				led = led || n == 0
			}
		}
		if q.open-start >= 2 && (led || s.headAfter(q.close+1)) {
			s.add(string(s.r[start:q.close+1]), start, start, q.close+1)
			return true
		}
		return false
	}
	// A campaign's own name (“安康杯”) is no quality of a unit: 获得“安康杯”
	// 优胜单位 names the campaign and its winners.
	if !s.on(ruleHonouredUnit) || isLexicon(string(inner)) || s.endsWithAny(q.close, selfHeads) != "" {
		return false
	}
	start := q.open
	if sc := s.endsWithAny(start, scopes); sc != "" {
		start -= utf8.RuneCountInString(sc)
	}
	if s.endsWithAny(start, honourVerbs) == "" && !s.endsWith(start, "创建") || s.notAfterAt(q.close+1) {
		return false
	}
	// The run stops where the honour's title does: at a function word or
	// at 荣誉 or 称号 (获得“全国模范职工之家”荣誉的单位 names no unit).
	end := q.close + 1
	for end < len(s.f) && end < q.close+1+spanPrefix && (zh.IsHan(s.f[end]) || s.f[end] == '(' || s.f[end] == ')') &&
		!strings.ContainsRune(funcRunes, s.f[end]) && s.hasAny(end, honourEnds) == "" {
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

// plusSpan adds the name that a quotation ending in + (“互联网+”) opens
// and the unquoted words after it close at a head of its clause, and
// reports whether it did (campaign.plus-span): “互联网+”工会普惠行动 names
// 互联网+工会普惠, a quotation that is the first half of its name; the
// name is written without the quotes, which only marked the coined word.
func (s *scanner) plusSpan(q quote) bool {
	if !s.on(rulePlusSpan) || s.f[q.close-1] != '+' {
		return false
	}
	for k := q.close + 2; k < len(s.f) && k <= q.close+1+spanPrefix && zh.IsHan(s.f[k-1]); k++ {
		for _, h := range actHeads {
			if s.has(k, h.word) {
				end := k
				if h.keep {
					end += utf8.RuneCountInString(h.word)
				}
				s.add(string(s.r[q.open+1:q.close])+string(s.r[q.close+1:end]), q.open, q.open, end)
				return true
			}
		}
	}
	return false
}

// destination reports whether a word of going to a place starts at i.
func (s *scanner) destination(i int) bool { return s.hasAny(i, destinations) != "" }

// selfNamed reports whether a quotation ends in a campaign head itself
// (campaign.quoted-self-head), unless it describes rather than names
// (campaign.epithet): 作为一项“惠民工程”.
func (s *scanner) selfNamed(q quote) bool {
	if !s.on(ruleQuotedSelfHead) || s.endsWithAny(q.close, selfHeads) == "" {
		return false
	}
	if s.on(ruleEpithet) && (s.endsWithAny(q.open, epithetLeads) != "" || s.becomes(q.open)) && !s.knownInside(q) {
		return false
	}
	return true
}

// becomes reports whether 的 ends at i and 成为 opens its clause before it
// (campaign.epithet): 成为女职工的“温馨小家” says what something became.
func (s *scanner) becomes(i int) bool {
	if !s.endsWith(i, "的") {
		return false
	}
	for k := i - 1; k >= 2 && k >= i-1-maxEpithet; k-- {
		if strings.ContainsRune(clauseEnds, s.f[k-1]) {
			return false
		}
		if s.endsWith(k, "成为") {
			return true
		}
	}
	return false
}

// knownInside reports whether a lexicon name stands inside q.
func (s *scanner) knownInside(q quote) bool {
	for k := q.open + 1; k < q.close; k++ {
		if s.lexiconAt(k) != "" {
			return true
		}
	}
	return false
}

// addQuoted adds the name inside q unless what it says or what follows it
// makes it something else than a campaign. Alone says q is no item of a
// list of quotations, whose 等 lists the quotations, not their items.
func (s *scanner) addQuoted(q quote, alone bool) {
	inner := s.inner(q)
	if !strings.ContainsFunc(inner, zh.IsHan) {
		return
	}
	if strings.ContainsAny(inner, "《》") && s.on(ruleDocument) {
		return
	}
	if slices.Contains(planPrefixes, inner) && s.on(rulePlan) {
		return
	}
	if strings.HasSuffix(inner, "、") || strings.HasSuffix(inner, ",") {
		return // a broken list
	}
	if s.on(ruleQuotedDate) && composedOf(inner, timeWords) {
		return // “两节”期间: a season, not a campaign
	}
	// A body, unless it is an honour's title; a quotation of clauses
	// (“有困难找工会,拿不到工资找工会”) is a slogan that ends in one.
	if s.on(ruleOrganisation) && s.endsWithAny(q.open, honourVerbs) == "" && !strings.ContainsAny(inner, clauseMarks) {
		if body := s.endsWithAny(q.close, organisationEnds); body != "" {
			if k := q.close - utf8.RuneCountInString(body) - 1; k <= q.open || !strings.ContainsRune(sloganVerbs, s.f[k]) {
				return
			}
		}
	}
	if s.on(ruleDocument) && endsWithWord(inner, documentEnds) && !endsWithWord(inner, methodEnds) {
		return
	}
	if s.on(rulePlace) && endsWithWord(inner, placeEnds) {
		return
	}
	if s.on(ruleGuideline) && s.has(q.close+1, "工作") && strings.ContainsAny(inner, "、,") && !s.verbBefore(q) {
		return // “组织起来、切实维权”工作: a guideline
	}
	if s.notAfterAt(q.close+1) || s.themed(q) {
		return
	}
	if s.on(ruleOtherOwner) && s.endsWithAny(q.open, ownerBodies) != "" {
		return // 市委“…”工程: the programme of another body
	}
	name := string(s.r[q.open+1 : q.close])
	end := q.close + 1
	if h := s.hasAny(end, honourHeads); h != "" {
		name += string(s.r[end : end+utf8.RuneCountInString(h)])
		end += utf8.RuneCountInString(h)
	}
	// “金秋助学、春雨行动、关爱劳模”三大品牌: a quoted list of as many
	// names as the number after it says.
	if items := strings.Split(name, "、"); len(items) > 1 {
		if s.countAfter(end) == len(items) && s.on(ruleQuotedCount) ||
			s.on(ruleQuotedItems) && alone && s.has(end, "等") && shortItems(items) {
			for _, it := range items {
				s.addName(it, q.open, q.open, end, quoted)
			}
			return
		}
		// “金秋助学、爱心奉献”活动: one name, and its known item a name too.
		if s.on(ruleQuotedItems) {
			s.addName(name, q.open, q.open, end, quoted)
			for _, it := range items {
				if isLexicon(zh.Fold(it)) {
					s.addName(it, q.open, q.open, end, quoted)
				}
			}
			return
		}
	}
	s.addName(name, q.open, q.open, end, quoted)
}

// shortItems reports whether every item of a quoted list is a short
// phrase of Han runes (campaign.quoted-items): a longer item is a clause
// of a slogan.
func shortItems(items []string) bool {
	for _, it := range items {
		n := utf8.RuneCountInString(it)
		if n < 2 || n > maxListItem || strings.IndexFunc(it, func(r rune) bool { return !zh.IsHan(r) }) >= 0 {
			return false
		}
	}
	return true
}

// contestAfter reports whether a contest head (竞赛, 大赛) follows at i in
// the same clause, after the words of its scope, year or people
// (campaign.quoted-contest): “…”重点项目劳动竞赛, “…”2026年全县职工技能大赛.
// Those words run on Han runes and digits; 的 ends them.
func (s *scanner) contestAfter(i int) bool {
	if !s.on(ruleQuotedContest) || s.notAfterAt(i) {
		return false
	}
	for k := i; k < len(s.f) && k <= i+maxContestQualifier; k++ {
		if s.hasAny(k, contestHeads) != "" {
			return k > i
		}
		if s.f[k] == '的' || !zh.IsHan(s.f[k]) && !isDigit(s.f[k]) {
			return false
		}
	}
	return false
}

// countStart returns where a count with its classifier that ends at i
// starts (20个, 十名), or i when none does (campaign.counted-list).
func (s *scanner) countStart(i int) int {
	if i < 2 || !strings.ContainsRune(countClassifiers, s.f[i-1]) {
		return i
	}
	j := i - 1
	for j > 0 && i-1-j < maxCount && isNumeral(s.f[j-1]) {
		j--
	}
	if j == i-1 {
		return i
	}
	return j
}

// categoryAfter reports whether a count and a word of kinds start at i
// (campaign.category-count): 两大类别, 三类, 四种类型.
func (s *scanner) categoryAfter(i int) bool {
	k := i
	for k < len(s.f) && k-i < maxCount && isNumeral(s.f[k]) {
		k++
	}
	if k == i || k >= len(s.f) {
		return false
	}
	if s.f[k] == '大' || s.f[k] == '种' {
		k++
	}
	return s.hasAny(k, categoryWords) != ""
}

// countAfter reads a small Chinese number followed by 大 or 项 at i
// (五大品牌), or returns 0.
func (s *scanner) countAfter(i int) int {
	if i+1 >= len(s.f) || s.f[i+1] != '大' && s.f[i+1] != '项' {
		return 0
	}
	return max(slices.Index([]rune("零一二三四五六七八九十"), s.f[i]), 0)
}
