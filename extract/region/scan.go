package region

import (
	"regexp"
	"strings"

	"github.com/unionscope/unionscope/zh"
)

// source says where in a document a text stands.
type source int

const (
	fromTitle source = iota // the title, with the signing unit
	fromMore                // the publisher's or the site's name
	fromLead                // the first leadParas paragraphs
	fromBody                // the rest of the body
)

// mention is one place name found in the text.
type mention struct {
	al     *alias
	weight float64
	form   string
	src    source
	pos    int // in runes from the start of its text
	// next is the index of the mention that follows this one with nothing
	// between, as 源汇区 follows 漯河市 in 漯河市源汇区; -1 when none.
	next int
	// unit is set when the name begins the name of a union or an organ of
	// government (阿瓦提县总工会): the unit that reports, or reports to.
	unit bool
	// dateline is set when the name opens a lead in a dateline: 新华社太原
	// 1月5日电, 本报太原讯.
	dateline bool
	// seat, visitor and away mark a name that is not a place the text
	// reports on: a company's seat, a visiting unit, someone's home or a
	// journey's end.
	seat, visitor, away bool
	// giver marks a place's union after 来自 (来自某区总工会的慰问品).
	giver bool
	// outlet is set when a short name opens a local outlet's name
	// (长治新闻网, 晋江日报): the outlet reports on its place.
	outlet bool
	// word is set when the segmenter reads a short name as a name (昆山 in
	// 共建美丽昆山), not as a word of another kind (医疗互助).
	word bool
}

// A short name followed by one of these names a street, school or
// company, not the place: 中山路, 巴州中学.
// 香港脚 is a foot's complaint.
var afterShortRe = regexp.MustCompile(`^(路|街|大道|道|巷|里|村|镇|乡|公园|广场|大桥|桥|大学|学院|中学|小学|宾馆|酒店|饭店|公司|集团|银行|医院|电厂|机场|站|号|山|湖|江|河|脚)`)

// numeral reports whether r is a Chinese numeral.
func numeral(r rune) bool {
	return strings.ContainsRune("〇零一二两三四五六七八九十百千万", r)
}

// speechWords after a name make it a speaker's.
var speechWords = runeWords("指出", "表示", "提醒", "强调", "认为", "介绍", "说", "告诉")

func speechAt(rs []rune, i int) bool { return hasAny(rs[i:], speechWords) }

// speakerIn reports whether a short name followed by a speech verb
// stands anywhere in rs.
func speakerIn(rs []rune) bool {
	for i := range rs {
		for n := 2; n <= 4 && i+n <= len(rs); n++ {
			if a := aliases[string(rs[i:i+n])]; a != nil && a.short() && speechAt(rs, i+n) {
				return true
			}
		}
	}
	return false
}

// scan finds the longest alias at each position of folded text.
func scan(folded string, w float64, src source, ms []mention) []mention {
	return scanRunes(zh.Runes(folded), w, src, ms)
}

// scanRunes is scan on the text's runes.
func scanRunes(rs []rune, w float64, src source, ms []mention) []mention {
	prevEnd := -1
	// townEnd is the first position after i that holds a town name's
	// last rune: a town can start at i only when it lies within reach.
	townEnd := -1
	for i := 0; i+1 < len(rs); {
		n, a := aliasAt(rs, i)
		// A town's name longer than any division's here is the town's:
		// 城西乡 is no 西乡县.
		if townRule.On() {
			if townEnd <= i {
				townEnd = towns.nextEnd(rs, i+1)
			}
			if townEnd < min(len(rs), i+towns.maxRunes) {
				if tn, codes := towns.longestAt(rs, i); tn > n && townAt(rs, i, i+tn) {
					n, a = tn, townAlias(codes)
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		if prevEnd == i {
			ms[len(ms)-1].next = len(ms)
		}
		m := mention{al: a, weight: w, form: string(rs[i : i+n]), src: src, pos: i, next: -1}
		classify(&m, rs, i, i+n)
		// 赴延安市宝塔区: the district is as far away as its city.
		if prevEnd == i && ms[len(ms)-1].away {
			m.away = true
		}
		ms = append(ms, m)
		prevEnd = i + n
		i += n
	}
	return ms
}

// aliasAt returns the longest alias that names a place at rs[i:], and
// its length in runes, or 0.
func aliasAt(rs []rune, i int) (int, *alias) {
	if !prefixes.mayHave(rs[i], rs[i+1]) {
		return 0, nil
	}
	lens := lengths[[2]rune{rs[i], rs[i+1]}]
	for n := min(maxAlias, len(rs)-i); n >= 2; n-- {
		if lens&(1<<n) == 0 {
			continue
		}
		if a := aliases[string(rs[i:i+n])]; a != nil && names(a, rs, i, i+n) {
			return n, a
		}
	}
	return 0, nil
}

// townAt reports whether the town name at rs[start:end] names the town:
// not in a count (十三乡镇), nor a 乡 that opens 乡村 or 乡镇 (城西乡村 is
// the villages west of town as often, 苏木乡镇 are 苏木 and 乡镇), nor a
// name that is a common word.
func townAt(rs []rune, start, end int) bool {
	if start > 0 && numeral(rs[start]) && numeral(rs[start-1]) {
		return false
	}
	if rs[end-1] == '乡' && end < len(rs) && (rs[end] == '村' || rs[end] == '镇') {
		return false
	}
	return !commonTowns[string(rs[start:end])]
}

// commonTowns are town names that are also common words: 小城镇建设,
// 中心镇 (a county's central towns), 城区街道 (a town's streets).
var commonTowns = map[string]bool{"小城镇": true, "中心镇": true, "城区街道": true, "开发区街道": true}

// names reports whether alias a at rs[start:end] names a place, rather
// than a street or school (中山路), a count (十三乡镇) or a person.
func names(a *alias, rs []rune, start, end int) bool {
	if a.short() && afterShortRe.MatchString(string(rs[end:min(len(rs), end+2)])) {
		return false
	}
	// 十三乡镇 counts townships; it does not name 三乡镇.
	if start > 0 && numeral(rs[start]) && numeral(rs[start-1]) {
		return false
	}
	// 六大兴市计划, 十大工程: 大 after a numeral counts major things.
	if start > 0 && rs[start] == '大' && numeral(rs[start-1]) {
		return false
	}
	// 大兵团作战 is a way of working, not the Corps.
	if a.nickname && start > 0 && rs[start-1] == '大' {
		return false
	}
	// 工联会员 is 工联's 会员, members of a federation the text has named.
	if a.nickname && end < len(rs) && rs[end] == '员' && rs[end-1] == '会' {
		return false
	}
	// 医师邱南昌指出: a short name that speaks is a person's.
	if a.short() && personRule.On() && speechAt(rs, end) {
		return false
	}
	return !(functionRule.On() && functionWordAt(rs, start, end))
}

// functionWordAt reports whether the two-character county name at
// rs[start:end] reads as a function word and 县: 镇党委和县总工会 (and the
// county's union), 代县长 (the acting county head), 新县城 (a new county
// seat).
func functionWordAt(rs []rune, start, end int) bool {
	if end-start != 2 || rs[start+1] != '县' {
		return false
	}
	switch rs[start] {
	case '和':
		// After a noun, 和 joins it to the county's organ; 在和县 is the place.
		return start > 0 && zh.IsHan(rs[start-1]) && !strings.ContainsRune("在到于赴至向从", rs[start-1])
	case '代':
		return end < len(rs) && rs[end] == '长'
	case '新':
		// 新县城, 新县长: a new county seat or head, not 新县's.
		return end < len(rs) && (rs[end] == '城' || rs[end] == '长')
	}
	return false
}

// classify reads the text around a mention, rs[start:end] being the
// name, for what makes it a unit or no place reported on.
func classify(m *mention, rs []rune, start, end int) {
	m.unit = unitAt(rs, end) || m.al.nickname && unionNickname[m.form] && unionNicknameOn()
	m.dateline = start <= datelineSpan && datelineRe.MatchString(string(rs[end:min(len(rs), end+12)]))
	m.seat = !m.unit && seatAfter(rs, end)
	m.visitor = m.unit && visitorAfter(rs, end)
	m.away = awayBefore(rs, start)
	m.giver = m.unit && start >= len(fromWord) && hasPrefix(rs[start-len(fromWord):], fromWord)
	if m.al.short() {
		m.outlet = outletNameAt(rs, end, commonWords[m.form])
		m.word = len(m.al.entries) == 1 && !commonWords[m.form] && entries[m.al.entries[0]].level == 3 && readsAsName(rs, start, end)
	}
}

// outletWords after a place's short name make it a local outlet's name:
// 长治新闻网, 晋江日报. portalWords are those a name that is also a common
// word may open and still be its place's: a paper's name is often a common
// word and no place (光明日报, 东方早报), a city's portal or station's is
// its city's.
var (
	outletWords = runeWords("新闻网", "工会网", "日报", "晚报", "早报", "晨报", "今报", "时报", "商报", "周报", "都市报", "电视台", "广播电视台", "融媒体中心", "融媒", "广电", "在线", "发布")
	portalWords = runeWords("新闻网", "电视台", "广播电视台", "融媒体中心")
)

func outletNameAt(rs []rune, end int, common bool) bool {
	if common {
		return hasAny(rs[end:], portalWords)
	}
	return hasAny(rs[end:], outletWords)
}

// nameWindow bounds, in runes, the text segmented either side of a short
// name to read it as a word.
const nameWindow = 8

// nameTags are the segmenter's tags of a name: gse tags place names ns,
// and often nr, nrt or nz (余姚, 义乌).
var nameTags = map[string]bool{"ns": true, "nr": true, "nrt": true, "nrfg": true, "nz": true}

// readsAsName reports whether the segmenter cuts rs[start:end] out of its
// clause as one word tagged as a name: 昆山 in 共建美丽昆山 is, 互助 in
// 医疗互助 and 同心 in 同心协力 are not.
func readsAsName(rs []rune, start, end int) bool {
	lo, hi := max(0, start-nameWindow), min(len(rs), end+nameWindow)
	for i := start - 1; i >= lo; i-- {
		if !zh.IsHan(rs[i]) {
			lo = i + 1
			break
		}
	}
	for i := end; i < hi; i++ {
		if !zh.IsHan(rs[i]) {
			hi = i
			break
		}
	}
	clause := string(rs[lo:hi])
	at := len(string(rs[lo:start]))
	n := len(string(rs[start:end]))
	for _, t := range zh.Cut(clause, false) {
		if t.Start == at {
			return t.End == at+n && nameTags[t.Pos]
		}
	}
	return false
}

// datelineRe is what follows a place's name in a dateline: a date and
// 电 or 讯, or 讯 or 电 alone.
var datelineRe = regexp.MustCompile(`^(\s*[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日)?(电|讯)`)

// unitWords begin the name of a union or an organ of government after a
// place's name (公所 is a Taiwanese district's or township's office); unitNot are words that begin with one and are none.
var (
	unitWords = runeWords("总工会", "工会", "工委", "职工服务中心", "人民政府", "政府", "党委", "委员会", "委", "人大", "政协", "妇联", "团委", "公所")
	unitNot   = runeWords("委托", "委屈", "委婉")
	company   = runeWords("公司", "集团")
)

// runeWords holds words as runes, for hasPrefix to compare without
// decoding them at every position.
func runeWords(ws ...string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// hasPrefix reports whether rs begins with w.
func hasPrefix(rs, w []rune) bool {
	if len(rs) < len(w) {
		return false
	}
	for i, r := range w {
		if rs[i] != r {
			return false
		}
	}
	return true
}

// hasAny reports whether rs begins with one of ws.
func hasAny(rs []rune, ws [][]rune) bool {
	for _, w := range ws {
		if hasPrefix(rs, w) {
			return true
		}
	}
	return false
}

// unitAt reports whether a unit word starts at rs[i].
func unitAt(rs []rune, i int) bool {
	return hasAny(rs[i:], unitWords) && !hasAny(rs[i:], unitNot)
}

// seatWindow bounds, in runes, a company's name after the place that
// opens it: 郑州某某机械装备制造有限责任公司 fits, a clause does not.
const seatWindow = 16

// seatAfter reports whether the place's name opens a company's name: 公司
// or 集团 follows within seatWindow runes of Han characters with no unit
// word between. A branch (分公司, 支公司) works where its name says.
func seatAfter(rs []rune, end int) bool {
	for i := end; i < len(rs) && i < end+seatWindow; i++ {
		if !zh.IsHan(rs[i]) {
			return false
		}
		if i > end && unitAt(rs, i) {
			return false
		}
		if hasAny(rs[i:], company) {
			return i == end || rs[i-1] != '分' && rs[i-1] != '支'
		}
	}
	return false
}

// visitorWindow bounds, in runes, the rest of the sentence read after a
// unit for the words that make it a visitor.
const visitorWindow = 30

// visitorWords say that a unit comes to the place the text speaks for:
// 某某省总工会调研组莅临我县.
// 到我县 is not one: a unit goes 深入到我县各企业 on its own ground too.
var visitorWords = runeWords("莅临", "来我", "来本", "来到我", "来到本")

func visitorAfter(rs []rune, end int) bool {
	for i := end; i < len(rs) && i < end+visitorWindow; i++ {
		switch rs[i] {
		case '。', '！', '？', '；', '!', '?', ';', '\n':
			return false
		}
		// Each visitor word opens with 莅 or 来: test the rest only there.
		if (rs[i] == '莅' || rs[i] == '来') && hasAny(rs[i:], visitorWords) {
			return true
		}
	}
	return false
}

// awayWords, right before a place's name, make it someone's home or a
// journey's end rather than the place reported on: 来自四川, 赴延安学习.
var awayWords = runeWords("来自", "祖籍", "籍贯", "老家", "前往", "赴")

// fromWord before a union of a place names who gave something (来自某区总工会的慰问),
// not anyone's home (region.from-unit).
var fromWord = []rune("来自")

// isAway reports whether m is someone's home or a journey's end
// (region.away), which a giving union is not (region.from-unit).
func (m mention) isAway() bool { return m.away && !(m.giver && fromUnitRule.On()) }

func awayBefore(rs []rune, start int) bool {
	for _, w := range awayWords {
		if start >= len(w) && hasPrefix(rs[start-len(w):], w) {
			return true
		}
	}
	return false
}
