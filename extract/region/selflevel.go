package region

import (
	"strings"

	"github.com/unionscope/unionscope/zh"
)

// selfClass is the kind of division a text calls its own: 全县, 我市, 本省,
// or a 县总工会 that no place's name precedes.
type selfClass int

const (
	selfNone       selfClass = iota
	selfProvince             // 省
	selfCity                 // 市: a city, a county-level city or a municipality
	selfPrefecture           // 州, 盟, 地区
	selfRegion               // 区: a district, or an autonomous region
	selfCounty               // 县, 旗
	selfTown                 // 镇, 乡, 街道: deeper than the gazetteer, so its county
)

// selfChar returns the class of the character that names a level.
func selfChar(r rune) (selfClass, bool) {
	switch r {
	case '省':
		return selfProvince, true
	case '市':
		return selfCity, true
	case '州', '盟':
		return selfPrefecture, true
	case '区':
		return selfRegion, true
	case '县', '旗':
		return selfCounty, true
	case '镇', '乡':
		return selfTown, true
	}
	return selfNone, false
}

// selfOwners are the words before a level's character that make it the
// text's own: 全县, 我县, 本县.
const selfOwners = "全我本"

// selfOrgans after a level's character with no place before it name the
// text's own unit: 县总工会, 市委, 区政府.
var selfOrgans = runeWords("总工会", "委", "政府", "人大", "政协")

// selfCount adds up a document's references to its own level, and to
// the nation's (全国).
type selfCount struct {
	n        [selfTown + 1]float64
	total    float64
	national float64
}

// add counts the references in folded text, each with weight w.
func (c *selfCount) add(rs []rune, w float64) {
	for i, r := range rs {
		if r == '国' && i > 0 && (rs[i-1] == '全' || rs[i-1] == '我') && !hasAny(rs[i+1:], honours) {
			c.national += w
			continue
		}
		cl, ok := selfChar(r)
		if !ok {
			continue
		}
		if c.owned(rs, i) || c.organ(rs, i) {
			c.n[cl] += w
			c.total += w
		}
	}
}

// owned reports whether rs[i] is a level's character after 全, 我 or 本,
// and not the start of another word (全市场, 本区域).
func (c *selfCount) owned(rs []rune, i int) bool {
	if i == 0 || !strings.ContainsRune(selfOwners, rs[i-1]) {
		return false
	}
	if i+1 < len(rs) {
		switch rs[i+1] {
		case '场', '域', '外', '内':
			return false
		}
	}
	return true
}

// organ reports whether rs[i] is a level's character that opens one of
// selfOrgans with no Han character before it (“，县总工会共筹资”), so
// that no place's name ends in it, nor an enumeration comma: 省、市总工会
// are the levels above.
func (c *selfCount) organ(rs []rune, i int) bool {
	if i > 0 && (zh.IsHan(rs[i-1]) || rs[i-1] == '、') {
		return false
	}
	return hasAny(rs[i+1:], selfOrgans)
}

// class returns the class referred to most, the deeper on a tie: a
// county's report speaks of 全市 now and then, a city's of 全县 rarely.
func (c *selfCount) class() selfClass {
	best := selfNone
	for cl := selfProvince; cl <= selfTown; cl++ {
		if c.n[cl] > 0 && c.n[cl] >= c.n[best] {
			best = cl
		}
	}
	return best
}

// honours after 全国 name a national honour or title, which local reports
// tell of as often as national ones: 全国五一劳动奖章, 全国模范职工之家.
var honours = runeWords("五一", "劳模", "劳动模范", "模范", "先进", "优秀", "工人先锋号", "示范", "十佳", "文明", "三八")

// nationwide reports whether the text speaks of 全国 or 我国 more than of
// any place of its own: a national story, which a wire's dateline does not
// localise (新华社北京5月1日电 全国总工会今天发布…) and passing mentions do
// not make local.
func (c *selfCount) nationwide() bool { return c.national > c.total }

// nationalMin is how often a text that never calls a place its own must
// speak of 全国 or 我国 to be framed as national throughout, not in a
// passing 全国的献血淡季.
const nationalMin = 3

// national reports whether the text is framed as national throughout.
func (c *selfCount) nationalFrame() bool { return c.total == 0 && c.national >= nationalMin }
