package region

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// division is one row of the generated tables: code, name and parent
// code; the code's length gives the level.
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
	// outlet is set for the name of a news outlet that names no place
	// (东南网): it stands for its province or city.
	outlet bool
	// nickname is set for a place's nickname (冰城).
	nickname bool
}

type aliasKind int

const (
	shortName    aliasKind = iota + 1 // the name without its suffix: 巴州 for 巴州区
	abbreviation                      // an autonomous county by its plain suffix: 巍山县 for 巍山彝族回族自治县
	otherSuffix                       // a full form of another day: 姜堰市 for 姜堰区
	officialName                      // the gazetteer's own name
	townName                          // a town's name (枫桥镇), standing for its county when the text says which
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
	// codeIndex maps a division's code to its index in entries.
	codeIndex map[string]int
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
	// 江城 is what texts call 武汉 and 吉林市 as often as 江城区 or 江城县.
	"江城": true,
	// 阿里 is also the company (阿里巴巴, 阿里云) more often than Tibet's prefecture.
	"阿里": true,
	// 惠民 is what policies do (惠民生, 惠民工程), 和政 the middle of 党和政府.
	"惠民": true, "和政": true,
	// 来宾 is a speech's guests (各位来宾) more often than Guangxi's city.
	"来宾": true,
	// 海西 is also Fujian's 海峡西岸经济区 (海西建设), more often than Qinghai's prefecture.
	"海西": true,
	// Taiwan's districts add these.
	"仁爱": true, "信义": true, "中正": true, "复兴": true, "成功": true, "光复": true, "新社": true,
	"安乐": true, "永康": true, "大社": true, "新营": true, "三民": true, "中和": true, "东山": true,
	"万里": true, "泰山": true, "山上": true, "大树": true, "内门": true, "北门": true, "将军": true,
}

var (
	ethnicRe = regexp.MustCompile(`(回|维吾尔|壮|藏|蒙古|苗|土家|彝|哈萨克|哈尼|傣|白|侗|布依|瑶|黎|朝鲜|满|羌|傈僳|景颇|纳西|拉祜|佤|仫佬|毛南|畲|水|仡佬|撒拉|东乡|保安|裕固|土|达斡尔|鄂温克|鄂伦春|锡伯|柯尔克孜|塔吉克|独龙|怒|普米|阿昌|德昂|基诺|布朗|各)族?$`)
	suffixRe = regexp.MustCompile(`(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|省|市|区|县|旗|盟)$`)
)

// buildOnce builds the gazetteer's tables on the first Detect, so that
// commands which never parse (search, show, serve) do not pay for it at
// start-up.
var buildOnce sync.Once

func build() {
	all := make([]division, 0, len(divisions)+len(taiwanDivisions))
	all = append(append(all, divisions...), taiwanDivisions...)
	idx := make(map[string]int, len(all))
	codeIndex = idx
	entries = make([]entry, 0, len(all))
	for _, d := range all {
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
	prefixes = newPrefixSet(16)
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
		switch {
		case e.level == 2 && strings.HasSuffix(full, "自治州"):
			add(short+"州", i, abbreviation)
			add(short+"自治州", i, abbreviation)
		case e.level == 3 && strings.HasSuffix(full, "自治县"):
			// 巍山县 is how a text shortens 巍山彝族回族自治县, not an
			// older name: the county keeps its official name.
			add(short+"县", i, abbreviation)
			add(short+"自治县", i, abbreviation)
		case e.level == 3 && strings.HasSuffix(full, "自治旗"):
			add(short+"旗", i, abbreviation)
			add(short+"自治旗", i, abbreviation)
		case e.level == 3 && !commonWords[short]:
			// Counties become cities and cities districts; a document keeps
			// the name of its day. Not for a short name that is a common
			// word: 江城市 is a nickname's city, not 江城区 of another day.
			for _, suf := range []string{"市", "县", "区"} {
				if short+suf != full {
					add(short+suf, i, otherSuffix)
				}
			}
		}
	}
	for name, place := range outlets {
		addOutlet(name, place)
	}
	for name, place := range nicknames {
		addNickname(name, place)
	}
	towns = loadTowns()
}

// townAlias is the alias of a town whose name the counties with these
// codes (comma-separated) share.
func townAlias(codes string) *alias {
	a := &alias{kind: townName}
	for c := range strings.SplitSeq(codes, ",") {
		if e, ok := codeIndex[c]; ok {
			a.entries = append(a.entries, e)
		}
	}
	return a
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
	index(name)
}

// addOutlet records an outlet's name as a name of its province or city,
// unless the gazetteer already knows the name.
func addOutlet(name, place string) {
	name = zh.Fold(name)
	if aliases[name] != nil {
		return
	}
	aliases[name] = &alias{entries: []int{placeEntry(place)}, kind: officialName, outlet: true}
	index(name)
}

// addNickname records a nickname (冰城) as a short name of its province or
// city; one the gazetteer knows already is no nickname of one place.
func addNickname(name, place string) {
	name = zh.Fold(name)
	if aliases[name] != nil {
		panic("region: nickname " + name + " is a name of the gazetteer")
	}
	aliases[name] = &alias{entries: []int{placeEntry(place)}, kind: shortName, nickname: true}
	index(name)
}

// placeEntry returns the province or city of this name, which must be the
// only one.
func placeEntry(place string) int {
	found := -1
	for i, e := range entries {
		if e.level <= 2 && !e.inert && e.name == place {
			if found >= 0 {
				panic("region: two divisions are called " + place)
			}
			found = i
		}
	}
	if found < 0 {
		panic("region: " + place + " is no province or city of the gazetteer")
	}
	return found
}

// index adds a name to scan's filters.
func index(name string) {
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
type prefixSet struct {
	bits  []uint64
	shift uint
}

// newPrefixSet returns a set of 1<<logBits bits. Scan tests every
// position against the aliases' set, whose few thousand pairs fit in
// 1<<16 bits (8 KB) with 1 in 20 false hits: a set that stays in the
// first-level cache is quicker than a larger one that does not, whose
// misses cost more than the false hits' lookups.
func newPrefixSet(logBits uint) *prefixSet {
	return &prefixSet{bits: make([]uint64, 1<<logBits/64), shift: 64 - logBits}
}

func (p *prefixSet) hash(a, b rune) uint64 {
	return (uint64(a)<<21 | uint64(b)) * 0x9E3779B97F4A7C15 >> p.shift
}

func (p *prefixSet) add(a, b rune) {
	h := p.hash(a, b)
	p.bits[h/64] |= 1 << (h % 64)
}

func (p *prefixSet) mayHave(a, b rune) bool {
	h := p.hash(a, b)
	return p.bits[h/64]&(1<<(h%64)) != 0
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

func municipality(prov int) bool {
	switch entries[prov].name {
	case "北京市", "天津市", "上海市", "重庆市":
		return true
	}
	return false
}

func taiwan(prov int) bool { return entries[prov].name == "台湾省" }

// autonomous reports whether a province is an autonomous region, which
// its own texts call 自治区 or 全区.
func autonomous(prov int) bool { return strings.HasSuffix(entries[prov].name, "自治区") }

func descends(e, anc int) bool {
	for j := entries[e].parent; j >= 0; j = entries[j].parent {
		if j == anc {
			return true
		}
	}
	return false
}
