package quantity

import (
	"slices"
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
	if sub, ok := s.respectiveSubject(q, sentA, prev); ok {
		return sub
	}
	if sub, ok := s.rangeSubject(q.start, q.unit, prev); ok {
		return sub // 3000元至5000元: the second end measures what the first does
	}
	start := q.start
	if s.on(ruleSubjectSpace) {
		// 基层工会组织 4739个: a converted copy's space before the number
		// parts no noun from its figure.
		for start > sentA && (s.f[start-1] == ' ' || s.f[start-1] == '\t') {
			start--
		}
	}
	j := s.skipOrigin(s.skipBack(start, sentA), sentA)
	for _, w := range changeTo {
		if s.endsWith(j, w) {
			// 组建率由88.2%提高到92.6%: the end point of a change measures
			// what its starting point did.
			if sub := s.sameUnitSubject(prev, sentA, q.unit); sub != "" {
				return sub
			}
			j -= utf8.RuneCountInString(w)
			break
		}
	}
	if sub := s.changeEndSubject(q, j, sentA, prev); sub != "" {
		return sub
	}
	if q.category == funds {
		// 投入134.39万元作为工会经费, 争取250万元用于文化宫改造
		for _, w := range purposeWords {
			if s.has(q.tail, w) {
				if sub := s.phraseAfter(q.tail+utf8.RuneCountInString(w), sentB, verbFirst); sub != "" {
					return sub
				}
			}
		}
	}
	if q.category == funds && s.on(ruleNounAfterDe) {
		// 送去近10万元的慰问物资, 按2000元至3500元不等的标准.
		if k := s.deAfter(q.tail); k > 0 {
			if sub := s.phraseAfter(k, sentB, verbModifier); sub != "" && !frameNoun(sub) {
				return sub
			}
		}
	}
	if q.category == funds && s.on(ruleMoneyAfter) {
		// 每人送去500元慰问金: the sum modifies the noun of money after it.
		if sub := s.phraseAfter(q.tail, sentB, verbModifier); endsWithAny(zh.Fold(sub), moneyNouns) {
			return sub
		}
	}
	if q.category == funds && s.on(ruleMoneyAhead) {
		// 得到4000元和5000元补助, 提供4000元一次性助学金: past the figures
		// that share its unit, a noun of money names the sum.
		if sub := s.moneyAhead(s.pastFigures(q.tail, sentB, q.category), sentB); sub != "" {
			return sub
		}
	}
	if q.category == rate {
		if sub := s.comparedSubject(j, sentA); sub != "" {
			return sub
		}
		for _, g := range growthWords {
			if !s.endsWith(j, g) {
				continue
			}
			gs := j - utf8.RuneCountInString(g)
			// 参保率较上年提高两成 names what grew in its own clause; 比去年
			// 增长12.6% after a comma grows the previous figure.
			base := s.phraseBefore(s.skipComparison(gs, sentA), sentA, false)
			if base == "" && strings.HasSuffix(string(s.f[q.start:q.end]), "百分点") {
				// 签订率达到87.5%，比上年提高2.3个百分点: points are
				// added to the rate before them.
				base = s.sameUnitSubject(prev, sentA, "%")
			}
			if base == "" {
				base = s.prevSubject(prev, sentA)
			}
			return base + string(s.r[gs:j])
		}
	}
	if q.category != rate && s.on(ruleGrowthAmount) {
		// 帮扶资金支出较上年增加36万元: an amount of growth after a
		// comparison grows the thing before it.
		for _, g := range growthWords {
			if !s.endsWith(j, g) {
				continue
			}
			gs := j - utf8.RuneCountInString(g)
			if c := s.skipComparison(gs, sentA); c < gs {
				base := s.phraseBefore(c, sentA, false)
				if base == "" {
					base = s.prevSubject(prev, sentA)
				}
				if base != "" {
					// The comparison stays, as the gold writes it
					// (送温暖金额比上年增加).
					return base + string(s.r[c:j])
				}
			}
			break
		}
	}
	if q.category == rate && q.end < sentB && s.has(q.end, "的") && (q.start == sentA || s.endsWith(q.start, "有") || isBreak(s.f[q.start-1])) {
		// 全区有85%的企业建立了增长机制: the share of 企业.
		if sub := s.phraseAfter(q.end+1, sentB, 0); sub != "" {
			return sub
		}
	}
	if q.category == people {
		// 42人获评“巾帼岗位能手”: the people hold the honour.
		for _, w := range awardVerbs {
			if s.has(q.tail, w) {
				if sub := s.phraseAfter(q.tail+utf8.RuneCountInString(w), sentB, 0); sub != "" {
					return trimHonour(sub)
				}
			}
		}
	}
	if (q.category == people || q.category == count) && s.on(ruleHonour) {
		if sub := s.honourSubject(q, j, sentB); sub != "" {
			return sub
		}
	}
	if q.category == people || q.category == count {
		if sub, e := s.phraseAfterEnd(q.tail, sentB, afterMode(q)); sub != "" {
			if q.category == count && s.on(ruleRateAfter) && s.suffixSoon(e, sentB) {
				// 3个县区职工入会率超过95%: the regions are counted, the
				// rest of the phrase names their rate.
				if t, ok := s.tokenStartingAt(q.tail); ok && t.end < e && nounPOS(t.pos) {
					return string(s.r[t.start:t.end])
				}
			}
			return sub
		}
		if nounUnits[q.unit] && s.on(ruleUnitNoun) {
			// 分赴8区10县: the measure word is the noun counted.
			return string(s.r[q.end-1 : q.end])
		}
		if q.unit == "人" && s.on(rulePeopleAhead) {
			// 帮助8877名来京务工人员子女, 表彰27名在竞赛中获奖的职工.
			if sub := s.peopleAhead(q.tail, sentB); sub != "" {
				return sub
			}
		}
	}
	if sub := s.superlativeBefore(j, sentA); sub != "" {
		return sub
	}
	if j > sentA && s.f[j-1] == '》' {
		// 刊发《工会信息》23期: the title is what is counted.
		for k := j - 2; k >= sentA; k-- {
			if s.f[k] == '《' {
				return string(s.r[k:j])
			}
		}
	}
	// 劳动者入会1.57万人 counts people, but 免费体检1800人次 counts what
	// was done.
	dropVerb := (q.category == people || q.category == count) && !strings.HasSuffix(q.unit, "次")
	if sub := s.phraseBefore(j, sentA, dropVerb); sub != "" {
		return sub
	}
	if q.category == funds && j > sentA && (s.f[j-1] == '，' || s.f[j-1] == ',') && s.on(ruleMoneyBefore) {
		// 发放助学金，每人2000元: the money the clause before ends on.
		if sub := s.phraseBefore(j-1, sentA, false); endsWithAny(zh.Fold(sub), moneyNouns) {
			return sub
		}
	}
	if (q.category == people || q.category == count) && s.on(ruleClauseAfter) {
		// 为6家受疫情影响的困难企业发放: with nothing before, a modifying
		// clause after the count leads to its noun.
		if sub := s.phraseAfter(q.tail, sentB, verbFirst); sub != "" {
			return sub
		}
	}
	if sub := s.prevSubject(prev, sentA); sub != "" {
		return sub
	}
	if s.on(ruleLineAbove) {
		if sub := s.lineAbove(q); sub != "" {
			return sub
		}
	}
	if (q.category == people || q.category == count) && s.on(ruleThingAhead) {
		// 4000场以“…”为主题的职业技能竞赛活动: with nothing else, the noun
		// that a modifying clause after the count leads to through 的.
		if sub := s.thingAhead(q.tail, sentB); sub != "" {
			return sub
		}
	}
	if q.category != rate && j > sentA && (s.f[j-1] == '，' || s.f[j-1] == ',') && s.on(ruleClauseBefore) {
		// 开展法律法规宣传，累计达359场次: with nothing else, a figure that
		// opens its clause counts what the clause before ends on.
		return s.phraseBefore(j-1, sentA, false)
	}
	return ""
}

// thingAhead returns the noun phrase after the 的 that ends a modifying
// clause within maxPeopleAhead runes of i (quantity.subject-thing-ahead),
// or "": 4000场以“学技术、比创新”为主题的职业技能竞赛活动.
func (s *scanner) thingAhead(i, limit int) string {
	for k := i; k < limit && k < i+maxPeopleAhead; k++ {
		if s.f[k] == '的' {
			return s.phraseAfter(k+1, limit, verbFirst)
		}
		if isBreak(s.f[k]) && !strings.ContainsRune("、“”", s.f[k]) {
			break
		}
	}
	return ""
}

// lineAbove returns the line above q when q stands alone on its line but
// for decoration (--1名--, a table's cell) and that line is a short label
// without a sentence mark: 全国优秀工会工作者 over --1名--. Otherwise "".
func (s *scanner) lineAbove(q quantity) string {
	a, b := q.start, q.tail
	for a > 0 && s.f[a-1] != '\n' && lineDecoration(s.f[a-1]) {
		a--
	}
	for b < len(s.f) && s.f[b] != '\n' && lineDecoration(s.f[b]) {
		b++
	}
	if a == 0 || s.f[a-1] != '\n' || b < len(s.f) && s.f[b] != '\n' {
		return ""
	}
	e := a - 1
	for e > 0 && (s.f[e-1] == '\n' || isGapSpace(s.f[e-1])) {
		e--
	}
	st := e
	for st > 0 && s.f[st-1] != '\n' {
		st--
		if e-st > maxLabel || isSentenceEnd(s.f[st]) || isBreak(s.f[st]) {
			return ""
		}
	}
	return strings.TrimSpace(string(s.r[st:e]))
}

// maxLabel caps the label line a figure alone on its line takes as its
// subject: a list's heading, not a sentence.
const maxLabel = 20

// lineDecoration reports whether c only decorates a figure alone on its
// line: spaces, dashes, stars, colons, brackets.
func lineDecoration(c rune) bool {
	return isGapSpace(c) && c != '\n' || strings.ContainsRune("-—–~*·•:：|()（）【】[]", c)
}

// pastFigures returns where the figures joined to a quantity ending at i
// end, when they are of its category: 4000元和5000元, 2万元以上、100万元以下,
// 3000元至5000元的 (past 的 and 不等 too), or i.
func (s *scanner) pastFigures(i, limit int, category string) int {
	i = s.pastApprox(i)
	for range 4 {
		n := 0
		for _, w := range coordJoins {
			if s.has(i, w) {
				n = utf8.RuneCountInString(w)
				break
			}
		}
		for _, w := range rangeJoins {
			if n == 0 && s.has(i, w) {
				n = utf8.RuneCountInString(w)
			}
		}
		k := i + n
		if n == 0 || k >= limit || !startsNumeral(s.f[k]) {
			break
		}
		num, ok := parseNumeral(s.f, k)
		if !ok {
			break
		}
		u, ok := s.unitAt(num.end)
		if !ok || u.category != category {
			break
		}
		i = s.pastApprox(num.end + utf8.RuneCountInString(u.word))
	}
	for _, w := range []string{"不等", "左右", "的"} {
		if s.has(i, w) {
			i += utf8.RuneCountInString(w)
		}
	}
	return i
}

// pastApprox returns the index after a word of approximation at i (以上,
// 左右), or i.
func (s *scanner) pastApprox(i int) int {
	for _, a := range approxAfter {
		if s.has(i, a.word) {
			return i + utf8.RuneCountInString(a.word)
		}
	}
	return i
}

// moneyAhead returns the phrase that starts at i and ends on a noun of
// money (moneyNouns) within maxSubject runes, before any function word or
// mark (quantity.subject-money-ahead): 一次性助学金, 入学交通补助. The noun
// starts a word, or ends a noun (奖金, not 免费), and ends a word, or runs into 和,
// 及 or 与 that gse glued to it (金和). Otherwise "".
func (s *scanner) moneyAhead(i, limit int) string {
	for e := i; e < limit && e < i+maxSubject; e++ {
		if c := s.f[e]; !zh.IsHan(c) || strings.ContainsRune(funcRunes, c) {
			return ""
		}
		for _, w := range moneyNouns {
			n := utf8.RuneCountInString(w)
			ns := e + 1 - n
			if ns < i || !s.endsWith(e+1, w) {
				continue
			}
			if p := s.posAt(ns); s.wordStart(ns) != ns && (p == "" || p[0] != 'n') {
				continue
			}
			if s.wordEnd(e) == e+1 || e+1 < len(s.f) && strings.ContainsRune("和及与", s.f[e+1]) {
				return strings.TrimSpace(string(s.r[i : e+1]))
			}
		}
	}
	return ""
}

// changeEndSubject returns the subject of the start of a change written
// 从…到 or 由…至 with any verb (从6300人成长到31000人): the figure before
// 到 in the same unit that follows 从 or 由 in the sentence.
func (s *scanner) changeEndSubject(q quantity, j, sentA int, prev []corpus.Metric) string {
	if !s.on(ruleChangeEnd) || !(s.endsWith(j, "到") || s.endsWith(j, "至")) {
		return ""
	}
	for k := len(prev) - 1; k >= 0 && k >= len(prev)-lookBack && s.spans[k].start >= sentA; k-- {
		if prev[k].Unit != q.unit {
			continue
		}
		// 由每月1800元调整到: linking words may stand after 由.
		st := s.skipBack(s.spans[k].start, sentA)
		if o := s.skipOrigin(st, sentA); o < st || st > sentA && (s.f[st-1] == '从' || s.f[st-1] == '由') {
			return prev[k].Subject
		}
		return ""
	}
	return ""
}

// deAfter returns the index after the 的 that follows a quantity ending at
// i, past the second end of a range and a word of spread (不等, 左右), or 0.
func (s *scanner) deAfter(i int) int {
	for _, j := range rangeJoins {
		if s.has(i, j) {
			n := i + utf8.RuneCountInString(j)
			if n < len(s.f) && startsNumeral(s.f[n]) {
				if num, ok := parseNumeral(s.f, n); ok {
					if u, ok := s.unitAt(num.end); ok && u.category != "" {
						i = num.end + utf8.RuneCountInString(u.word)
					}
				}
			}
			break
		}
	}
	if i+1 < len(s.f) && (s.f[i] == '/' || s.f[i] == '／') && strings.ContainsRune(perRunes, s.f[i+1]) {
		i += 2 // 4000元/年的标准: a rate per year, head or month
	}
	for _, w := range []string{"不等", "左右", "以上", "上下"} {
		if s.has(i, w) {
			i += utf8.RuneCountInString(w)
			break
		}
	}
	if s.has(i, "的") {
		return i + 1
	}
	return 0
}

// perRunes follow a slash after a sum to make it a rate (4000元/年, 200元/人).
const perRunes = "年月日天人户次件个"

// frameNouns after 的 frame a sentence rather than name what a sum is:
// 在筹集30万元的基础上.
var frameNouns = []string{"基础", "同时", "情况", "前提", "背景", "过程", "事实"}

func frameNoun(w string) bool {
	for _, f := range frameNouns {
		if strings.HasPrefix(w, f) {
			return true
		}
	}
	return false
}

// comparedSubject returns the first term of a comparison that ends at j
// (增幅高于生产总值增速1.2个百分点: the gap belongs to 增幅), or "".
func (s *scanner) comparedSubject(j, sentA int) string {
	for k := j - 1; k > sentA && k >= j-maxSubject && !isBreak(s.f[k]); k-- {
		for _, w := range comparisons {
			if s.has(k, w) {
				return s.phraseBefore(k, sentA, false)
			}
		}
	}
	return ""
}

// rangeSubject returns the subject of the metric that ends right before a
// range join at i, or before 和 joining two figures in one unit.
func (s *scanner) rangeSubject(i int, unit string, prev []corpus.Metric) (string, bool) {
	if len(prev) == 0 {
		return "", false
	}
	p := prev[len(prev)-1]
	end := s.spans[len(prev)-1].end
	for _, w := range rangeJoins {
		if s.endsWith(i, w) && end == i-utf8.RuneCountInString(w) {
			return p.Subject, p.Subject != ""
		}
	}
	// 分别提高6.1个和7.4个百分点, 3.1、2.5和1.2个百分点.
	for _, w := range coordJoins {
		if s.endsWith(i, w) && end == i-utf8.RuneCountInString(w) && p.Unit == unit {
			return p.Subject, p.Subject != ""
		}
	}
	return "", false
}

// afterMode is how phraseAfter reads the noun after a count of q's unit:
// after a unit of times (次, 人次, 批次) a verb says what was done (三次深入
// 联系点), and
// after 人 the phrase ends at its noun of people.
func afterMode(q quantity) phraseMode {
	switch {
	case strings.HasSuffix(q.unit, "次"):
		return verbFirst | verbPair
	case q.unit == "人":
		return peopleHead
	}
	return 0
}

// trimHonour drops 称号 (title) after the name of an honour: what people
// won is the honour itself (荣获全国五一劳动奖章称号).
func trimHonour(w string) string {
	for _, t := range []string{"荣誉称号", "称号", "稱號", "榮譽稱號"} {
		if strings.HasSuffix(w, t) && len(w) > len(t) {
			return w[:len(w)-len(t)]
		}
	}
	return w
}

// honourSubject returns the honour that the units or people counted by q
// were granted (quantity.subject-honour): 授予86家单位全省五一劳动奖状,
// 命名12名个人为全省优秀工会积极分子, or that a generic noun won: 33位同志
// 获命名为全国优秀工会积极分子. The honour names the group the figure
// measures. j is where the phrase before the count ends; the name must end
// as honours do (honourHeads).
func (s *scanner) honourSubject(q quantity, j, sentB int) string {
	noun, k := s.phraseAfterEnd(q.tail, sentB, afterMode(q))
	if noun == "" {
		return ""
	}
	if s.endsWithAny(j, grantVerbs) {
		if s.has(k, "为") {
			k++
		}
	} else if n := s.hasAny(k, wonVerbs); n > 0 && genericNoun(zh.Fold(noun)) {
		k += n
	} else {
		return ""
	}
	if k >= len(s.f) || strings.ContainsRune(funcRunes, s.f[k]) {
		return "" // 荣获此称号 refers to an honour named before
	}
	if e := s.honourEnd(k, sentB); e > k {
		if h := trimHonour(strings.TrimSpace(string(s.r[k:e]))); utf8.RuneCountInString(h) >= 2 {
			return h
		}
	}
	return ""
}

// maxHonour caps the name of an honour in runes: 全国模范职工之家红旗单位称号
// is 13.
const maxHonour = 16

// honourEnd returns the end of the name of an honour that starts at i: a
// run of nouns and their modifiers (全国优秀工会工作者) that ends with one of
// honourHeads, or i when there is none. A quoted name is read through.
func (s *scanner) honourEnd(i, limit int) int {
	end := i
	for k := i; k < limit && k < i+maxHonour; {
		if s.f[k] == '“' || s.f[k] == '”' {
			k++
			continue
		}
		t, ok := s.tokenStartingAt(k)
		if !ok || t.end > limit || !(nounPOS(t.pos) || t.pos == "a" || t.pos == "m" || t.pos == "x" && allHan(s.f[t.start:t.end])) {
			break
		}
		k = t.end
		if s.spanEndsWith(i, k, honourHeads) {
			end = k
		}
	}
	return end
}

// genericNouns count people or units without saying who they are (33位同志,
// 12名个人): the honour they won says it instead. A noun that says who
// (基层工会, 女职工) stays the subject of 荣获 and 被评为.
var genericNouns = []string{"同志", "个人", "人", "单位"}

func genericNoun(w string) bool { return slices.Contains(genericNouns, w) }

// grantVerbs before a count grant the honour named after its noun.
var grantVerbs = []string{"授予", "命名", "授予了", "命名了"}

// wonVerbs after a count and its noun lead to the honour won, longest
// first.
var wonVerbs = []string{"获命名为", "被命名为", "被授予", "被评为", "荣获", "获评", "获得", "授予", "获"}

// honourHeads end the name of an honour of the genre (a documented list):
// 五一劳动奖状, 工人先锋号, 模范职工之家, 优秀工会工作者, 积极分子.
var honourHeads = []string{
	"称号", "奖状", "奖章", "先锋号", "之家", "小家", "模范", "标兵", "能手", "积极分子",
	"之友", "工作者", "先进集体", "先进个人", "红旗单位", "示范单位", "文明岗", "巾帼岗",
}

// endsWithAny reports whether the folded text ends at i with one of ws.
func (s *scanner) endsWithAny(i int, ws []string) bool {
	for _, w := range ws {
		if s.endsWith(i, w) {
			return true
		}
	}
	return false
}

// hasAny returns the length in runes of the first of ws at i, or 0.
func (s *scanner) hasAny(i int, ws []string) int {
	for _, w := range ws {
		if s.has(i, w) {
			return utf8.RuneCountInString(w)
		}
	}
	return 0
}

// maxPeopleAhead caps how far after a count of people its noun of people
// is sought when a modifier stands between them (27名在全市竞赛中获奖的职工);
// modifying clauses in reports are shorter.
const maxPeopleAhead = 20

// peopleAhead returns the noun of people that a modifier after a count of
// people leads to, or "": the phrase after the 的 that ends a modifying
// clause within maxPeopleAhead runes (百名由律师、干部参与的维权志愿者), if
// it ends on a noun of people (peopleHeads); else the noun phrase that ends
// on the first noun of people within maxPeopleAhead runes of i in its
// clause, with the nouns of people right after it (来沪务工人员子女).
func (s *scanner) peopleAhead(i, limit int) string {
	for k := i; k < limit && k < i+maxPeopleAhead; k++ {
		if s.f[k] == '的' {
			if w, e := s.phraseAfterEnd(k+1, limit, peopleHead); w != "" && s.spanEndsWith(k+1, e, peopleHeads) {
				return w
			}
			break
		}
		if isBreak(s.f[k]) && s.f[k] != '、' {
			break
		}
	}
	for k := i; k < limit && k < i+maxPeopleAhead && !isBreak(s.f[k]); {
		te := s.wordEnd(k)
		if te <= k {
			k++
			continue
		}
		if s.wordStart(k) == k && nounPOS(s.posAt(k)) && s.spanEndsWith(k, te, peopleHeads) {
			for te < limit {
				t, ok := s.tokenStartingAt(te)
				if !ok || !s.spanEndsWith(t.start, t.end, peopleHeads) {
					break
				}
				te = t.end
			}
			a, _ := s.phraseSpan(te, i, false)
			return strings.TrimSpace(string(s.r[a:te]))
		}
		k = te
	}
	return ""
}

// superlatives end a clause that names the record holder of a list
// (河南工会专职人员最多，超过10万人): a figure with nothing before it in the
// next clause is that holder's.
var superlatives = []string{"最多", "最高", "最大", "最少", "最低", "最快", "最长"}

// superlativeBefore returns, for a figure that opens its clause at j after
// a comma, the phrase before the superlative that ends the clause before
// (quantity.subject-superlative-before), or "".
func (s *scanner) superlativeBefore(j, sentA int) string {
	if !s.on(ruleSuperlative) || j <= sentA || s.f[j-1] != '，' && s.f[j-1] != ',' {
		return ""
	}
	for _, w := range superlatives {
		if s.endsWith(j-1, w) {
			return s.phraseBefore(j-1-utf8.RuneCountInString(w), sentA, false)
		}
	}
	return ""
}

// skipOrigin moves back over the starting point of a change, 由上年的 or
// 从, which stands between a subject and its first value.
func (s *scanner) skipOrigin(i, limit int) int {
	k := i
	for _, w := range originTimes {
		if s.endsWith(k, w) && k-utf8.RuneCountInString(w) >= limit {
			k -= utf8.RuneCountInString(w)
			break
		}
	}
	if k > limit && (s.f[k-1] == '由' || s.f[k-1] == '从') {
		return k - 1
	}
	return i
}

// lookBack caps how many earlier metrics a subject is sought among.
const lookBack = 8

// sameUnitSubject returns the subject of the latest metric of the sentence
// in the same unit.
func (s *scanner) sameUnitSubject(prev []corpus.Metric, sentA int, unit string) string {
	// The look-back is capped so that a run-on list of figures stays linear.
	for k := len(prev) - 1; k >= 0 && k >= len(prev)-lookBack && s.spans[k].start >= sentA; k-- {
		if prev[k].Unit == unit && prev[k].Subject != "" {
			return prev[k].Subject
		}
	}
	return ""
}

// skipBack moves back from i over approximation and linking words, the
// longest that ends at each step: 接近 before 近, which a linking word
// ends with, so that 平均增幅接近13% keeps no 接 in its subject.
func (s *scanner) skipBack(i, limit int) int {
	for {
		n := 0
		for _, w := range linkWords {
			// endsWith first: it rejects most words at one rune, before
			// their runes are counted.
			if s.endsWith(i, w) {
				if k := utf8.RuneCountInString(w); i-k >= limit && k > n {
					n = k
				}
			}
		}
		for _, a := range approxBefore {
			if s.endsWith(i, a.word) {
				if k := utf8.RuneCountInString(a.word); i-k >= limit && k > n {
					n = k
				}
			}
		}
		if n == 0 {
			return i
		}
		i -= n
	}
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
		if s.f[k] == '比' || s.f[k] == '较' {
			return k
		}
	}
	return i
}

func (s *scanner) prevSubject(prev []corpus.Metric, sentA int) string {
	for k := len(prev) - 1; k >= 0 && k >= len(prev)-lookBack; k-- {
		if s.spans[k].start < sentA {
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
	if i < 0 || i >= len(s.f) || s.wordStart(i) != i {
		return token{}, false
	}
	return token{start: i, end: s.wordEnd(i), pos: s.posAt(i)}, true
}

// phraseMode says how phraseAfter reads.
type phraseMode uint8

const (
	// verbFirst lets a verb open the phrase: 三次深入联系点.
	verbFirst phraseMode = 1 << iota
	// peopleHead ends the phrase at its first noun of people: 20名女职工
	// 免费体检 counts 女职工.
	peopleHead
	// verbModifier lets a verb glued to the noun after it open the
	// phrase: 慰问物资, 帮扶对象.
	verbModifier
	// verbPair, with verbFirst, takes two verbs with no noun as the phrase
	// (quantity.subject-verb-pair): 开展1次集中捐赠 names what was done.
	verbPair
)

// phraseAfter returns the noun phrase that starts at i (after 以上 or 的),
// or "".
func (s *scanner) phraseAfter(i, limit int, mode phraseMode) string {
	w, _ := s.phraseAfterEnd(i, limit, mode)
	return w
}

// phraseAfterEnd is phraseAfter that also returns where the phrase ends.
func (s *scanner) phraseAfterEnd(i, limit int, mode phraseMode) (string, int) {
	for _, w := range []string{"以上", "以下", "左右", "的"} {
		if s.has(i, w) {
			i += utf8.RuneCountInString(w)
			break
		}
	}
	if s.on(ruleLevelList) {
		// 20名全国、省、市劳动模范: the levels listed modify the noun.
		i = s.pastLevels(i, limit)
	}
	if i < limit && i < len(s.f) && s.f[i] == '“' {
		// 开展一次“党风廉政宣传教育月”活动: the quoted name and its head.
		for k := i + 1; k < limit && k < i+30; k++ {
			if s.f[k] == '”' {
				head, e := s.phraseAfterEnd(k+1, limit, 0)
				return string(s.r[i+1:k]) + head, max(e, k+1)
			}
		}
		return "", i
	}
	if i >= limit || i >= len(s.f) || !zh.IsHan(s.f[i]) {
		return "", i
	}
	start, end, noun, verb, pair := i, i, false, false, false
	for _, w := range statusVerbs {
		// 15.6万名在职职工, 2600名在岗职工 (which gse cuts 在/岗): a verb
		// of status modifies the noun after it.
		if n := i + utf8.RuneCountInString(w); n < limit && s.has(i, w) && s.wordStart(n) == n && nounPOS(s.posAt(n)) {
			end = n
			break
		}
	}
	for end < limit {
		t, ok := s.tokenStartingAt(end)
		if !ok && end == start && s.on(ruleUnitGlued) {
			// 130名城区: gse read 名城; the rest of the word opens the noun.
			if ws := s.wordStart(end); ws >= 0 && ws < end && ws >= end-maxUnitRunes {
				t, ok = token{start: end, end: s.wordEnd(end), pos: "n"}, true
			}
		}
		if !ok || t.end > limit {
			break
		}
		if noun && s.on(ruleScopeWord) && scopeWord(s.f[t.start:t.end]) {
			// 255家单位全国五一劳动奖状: 全国 opens another phrase.
			break
		}
		if mode&peopleHead != 0 && noun && s.on(rulePeopleHead) && s.spanEndsWith(start, end, peopleHeads) && !s.spanEndsWith(t.start, t.end, peopleHeads) {
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
		if t.pos == "v" && end == start && !verb && mode&verbModifier != 0 && t.end < limit {
			if n, ok := s.tokenStartingAt(t.end); ok && n.pos != "vn" && nounPOS(n.pos) {
				verb = true
				end = t.end
				continue
			}
		}
		if t.pos == "v" && end == start && !verb && mode&peopleHead != 0 && t.end < limit && s.on(rulePeopleHead) {
			// 2000名快递小哥: gse's verb that modifies a noun of people.
			if n, ok := s.tokenStartingAt(t.end); ok && nounPOS(n.pos) && s.spanEndsWith(n.start, n.end, peopleHeads) {
				verb = true
				end = t.end
				continue
			}
		}
		if t.pos == "v" && !noun && !verb && mode&verbFirst != 0 {
			// 三次深入联系点: a verb and its object say what was done.
			verb = true
			end = t.end
			continue
		}
		if t.pos == "v" && !noun && verb && !pair && end > start && mode&verbPair != 0 && s.on(ruleVerbPair) {
			// 1次集中捐赠: a second verb, with no object, ends the phrase.
			pair = true
			end = t.end
			break
		}
		if !nounPOS(t.pos) && t.pos != "a" && t.pos != "z" && t.pos != "x" {
			// An adjective or a status word (优良/z 工会) may modify the noun.
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
	if pair {
		return strings.TrimSpace(string(s.r[start:end])), end
	}
	if !noun {
		return "", start
	}
	if t, ok := s.tokenStartingAt(start); ok && t.end == end && t.pos == "vn" && mode&peopleHead != 0 && s.on(rulePredicateAfter) {
		// 6300人发展到: a verbal noun alone after a count of people is its
		// predicate; after 两项 (两项竞赛) it is the thing counted.
		return "", start
	}
	return strings.TrimSpace(string(s.r[start:end])), end
}

// levels are the administrative levels a list before a noun may name
// (全国、省、市劳动模范), longest first where one starts another.
var levels = []string{"国家级", "全国", "全省", "省级", "省", "全市", "市级", "市", "县级", "县", "区级", "区", "乡镇", "乡", "镇", "街道"}

// pastLevels returns where a list of two or more levels that starts at i
// ends (全国、省、市, 省市县三级, 全国、省、市一级), or i: it modifies the
// noun after it (quantity.subject-level-list).
func (s *scanner) pastLevels(i, limit int) int {
	k, n, glued := i, 0, false
	for k < limit {
		l := s.hasAny(k, levels)
		if l == 0 {
			break
		}
		k += l
		n++
		if j := s.hasAny(k, []string{"、", "和", "及", "与"}); j > 0 && k+j < limit && s.hasAny(k+j, levels) > 0 {
			k += j
		} else if s.hasAny(k, levels) > 0 {
			glued = true // 省市县三级: levels written together need 级
		} else {
			break
		}
	}
	if n < 2 {
		return i
	}
	if l := s.hasAny(k, []string{"一级", "两级", "三级", "四级", "五级", "各级", "级"}); l > 0 {
		k += l
	} else if glued {
		return i // 区县职工 names regions, not their levels
	}
	if k >= limit || !zh.IsHan(s.f[k]) && s.f[k] != '“' {
		return i
	}
	return k
}

// phraseBefore returns the phrase that ends at i, or "".
func (s *scanner) phraseBefore(i, limit int, dropVerb bool) string {
	a, b := s.phraseSpan(i, limit, dropVerb)
	return strings.TrimSpace(string(s.r[a:b]))
}

// phraseSpan returns the bounds of the phrase that ends at i: nouns and the
// verb that governs them (听取工会工作汇报), back to punctuation or a
// function word. It mends words gse cut into single runes (未/建/会企业,
// 及时/率), keeps a modifying verb that a verb of raising or paying governs
// (筹集帮扶资金 → 帮扶资金), and takes in a quoted name just before
// (“暖心驿站”28个). With dropVerb, a verb between the nouns and the number
// is left out: 劳动者入会1.57万人 counts 劳动者.
func (s *scanner) phraseSpan(i, limit int, dropVerb bool) (int, int) {
	end := i
	start := i
	nounRunes := 0
	nounEnd := -1 // end of the last noun of the phrase
	for start > limit {
		k := start - 1
		if isBreak(s.f[k]) || s.wordStart(k) < 0 {
			break
		}
		ts := s.wordStart(k)
		if ts < limit || ts > limit && isDigit(s.f[ts-1]) {
			// A word right after digits is the unit of another figure
			// (由3万人增加到): no subject reaches into it.
			break
		}
		if start < end && end-ts <= maxSubject && s.fragment(ts, start) {
			start = ts
			continue
		}
		pos := s.posAt(k)
		if stopPOS(pos) || s.wordEnd(k)-ts == 1 && strings.ContainsRune(funcRunes, s.f[ts]) {
			break
		}
		if pos == "x" && !allHan(s.f[ts:s.wordEnd(k)]) {
			break
		}
		isNoun := nounPOS(pos)
		if !isNoun && nounRunes >= 2 {
			if (pos == "v" || pos == "ad") && end-ts <= maxSubject {
				if pos == "v" && s.governedAt(ts) {
					start = ts // 筹集帮扶资金 → 帮扶资金
				} else if s.on(ruleMeasureNoun) && start < end && s.measureNounAt(start, end) {
					// 参保人数, 理赔金额: a measure noun alone says nothing
					// of what it measures; the nouns before its verb go
					// with it (农民工入会人数).
					start = ts
					continue
				}
			}
			break
		}
		if end-ts > maxSubject {
			break
		}
		if isNoun {
			nounRunes += min(s.wordEnd(k), end) - ts
			if nounEnd < 0 {
				nounEnd = min(s.wordEnd(k), end)
			}
		}
		start = ts
	}
	if dropVerb && nounEnd > start && nounEnd < end {
		end = nounEnd
	}
	if start > limit && s.f[start-1] == '”' {
		for k := start - 2; k >= limit && k >= start-maxName; k-- {
			if s.f[k] == '“' {
				start = k
				break
			}
		}
	}
	return start, end
}

// maxName caps a quoted name that a subject takes in.
const maxName = 20

// fragment reports whether the token at ts..te and the phrase start after
// it belong to one word that gse cut: two single runes (建/会), or a bound
// suffix such as 率 after its stem.
func (s *scanner) fragment(ts, te int) bool {
	if te >= len(s.f) || s.wordStart(te) != te {
		return false
	}
	first := s.wordEnd(te) - te
	if first != 1 || !allHan(s.f[ts:te]) || strings.ContainsRune(funcRunes, s.f[te-1]) {
		return false
	}
	switch s.posAt(ts) {
	case "uj", "ul", "uz", "p", "r", "m", "q", "w":
		return false
	}
	if te-ts == 1 && !strings.ContainsRune(funcRunes, s.f[ts]) {
		return true
	}
	return strings.ContainsRune(boundSuffixes, s.f[te])
}

// measureNouns measure something they do not name: 人数, 金额, 覆盖率 …
// (a documented list). Alone they are no subject; the verb before them
// names what they measure (参保人数, 理赔金额, 厂务公开覆盖率).
var measureNouns = []string{"人数", "金额", "总数", "数量", "总额", "次数", "户数", "比例", "总量", "规模", "覆盖率", "覆盖面"}

// measureNounAt reports whether the phrase a..b is a measure noun alone.
func (s *scanner) measureNounAt(a, b int) bool {
	if s.wordEnd(a) != b {
		return false
	}
	for _, w := range measureNouns {
		if b-a == utf8.RuneCountInString(w) && s.has(a, w) {
			return true
		}
	}
	return false
}

// governedAt reports whether the verb at ts follows a verb of raising,
// paying or helping, which makes it a modifier of the noun after it.
func (s *scanner) governedAt(ts int) bool {
	for _, v := range governVerbs {
		if s.endsWith(ts, v) {
			return true
		}
	}
	return false
}

// maxUnitRunes is the longest measure word a glued word may start in
// (个百分点 aside, which no noun follows).
const maxUnitRunes = 2

// spanEndsWith reports whether the folded text a..b ends with one of ends,
// without building the span's string: it is asked of every word of a
// phrase.
func (s *scanner) spanEndsWith(a, b int, ends []string) bool {
	for _, e := range ends {
		if s.endsWith(b, e) && utf8.RuneCountInString(e) <= b-a {
			return true
		}
	}
	return false
}

func endsWithAny(w string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// scopeWord reports whether w opens with 全 and an administrative level
// (全国, 全省, 全市, 全县, 全区): the scope of a new phrase.
func scopeWord(w []rune) bool {
	return len(w) >= 2 && w[0] == '全' && strings.ContainsRune("国省市县区州盟旗镇乡", w[1])
}
