package quantity

import (
	"slices"
	"unicode/utf8"
)

// This file is the grammar: which words make a number a quantity, which
// words around it say it is approximate, and which words make it a date, a
// duration, an ordinal or part of a name instead. All words are in folded
// form (simplified script, halfwidth), because the scanner reads zh.Fold's
// output.

// Categories of corpus.Metric.
const (
	funds  = "funds"
	people = "people"
	rate   = "rate"
	count  = "count"
)

// Approximations of corpus.Metric.
const (
	about = "about"
	over  = "over"
	under = "under"
)

// unitWord is a word that can follow a number, and what it makes of it.
type unitWord struct {
	word     string
	category string // "" for words that make the number no quantity
	unit     string // base unit; "" means the word itself
	scale    float64
}

// units is tried longest word first at the end of a numeral. Entries with an
// empty category are dates, times, durations and ages: a number followed by
// them is not a quantity.
var units = sortUnits([]unitWord{
	{word: "元", category: funds, unit: "元"},
	{word: "块钱", category: funds, unit: "元"},
	// Other currencies keep their own unit, unconverted (gold README).
	{word: "美元", category: funds}, {word: "欧元", category: funds},
	{word: "港元", category: funds}, {word: "港币", category: funds},
	{word: "日元", category: funds}, {word: "英镑", category: funds},
	{word: "澳元", category: funds}, {word: "韩元", category: funds},

	{word: "人次", category: people, unit: "人次"},
	{word: "个人", category: people, unit: "人"},
	{word: "人", category: people, unit: "人"},
	{word: "名", category: people, unit: "人"},
	{word: "位", category: people, unit: "人"},
	// 户 is people or count depending on what it counts; see countsUnits.
	{word: "户", category: people, unit: "户"},
	{word: "户次", category: people, unit: "户次"},

	{word: "%", category: rate, unit: "%"},
	{word: "‰", category: rate, unit: "%", scale: 0.1},
	{word: "个百分点", category: rate, unit: "%"},
	{word: "百分点", category: rate, unit: "%"},
	{word: "成", category: rate, unit: "%", scale: 10},

	{word: "场次", category: count},
	{word: "批次", category: count},
	{word: "件次", category: count},
	{word: "家次", category: count},
	{word: "家", category: count},
	{word: "个", category: count},
	{word: "份", category: count},
	{word: "次", category: count},
	{word: "条", category: count},
	{word: "册", category: count},
	{word: "期", category: count},
	{word: "篇", category: count},
	{word: "卷", category: count},
	{word: "件", category: count},
	{word: "起", category: count},
	{word: "所", category: count},
	{word: "项", category: count},
	{word: "种", category: count},
	{word: "处", category: count},
	{word: "座", category: count},
	{word: "支", category: count},
	{word: "场", category: count},
	{word: "本", category: count},
	{word: "部", category: count},
	{word: "台", category: count},
	{word: "辆", category: count},
	{word: "套", category: count},
	{word: "张", category: count},
	{word: "间", category: count},
	{word: "袋", category: count},
	{word: "桶", category: count},
	{word: "箱", category: count},
	{word: "盒", category: count},
	{word: "瓶", category: count},
	{word: "床", category: count},
	{word: "栋", category: count},
	{word: "幢", category: count},
	{word: "批", category: count},
	{word: "轮", category: count},
	{word: "门", category: count},
	{word: "首", category: count},
	{word: "幅", category: count},
	{word: "封", category: count},
	{word: "例", category: count},
	{word: "块", category: count},
	{word: "面", category: count},
	{word: "枚", category: count},
	{word: "组", category: count},
	{word: "双", category: count},
	{word: "顶", category: count},
	{word: "副", category: count},
	{word: "类", category: count},
	{word: "县", category: count},
	{word: "市", category: count},
	{word: "区", category: count},
	{word: "镇", category: count},
	{word: "乡", category: count},
	{word: "村", category: count},

	// Dates, times, durations and ages.
	{word: "年"}, {word: "月"}, {word: "日"}, {word: "号"}, {word: "天"},
	{word: "周"}, {word: "周年"}, {word: "小时"}, {word: "时"}, {word: "点"},
	{word: "分"}, {word: "分钟"}, {word: "秒"}, {word: "岁"}, {word: "届"},
	{word: "个月"}, {word: "个多月"}, {word: "个半月"}, {word: "个小时"}, {word: "个多小时"}, {word: "个半小时"}, {word: "个工作日"}, {word: "个星期"},
	{word: "个年头"}, {word: "星期"}, {word: "世纪"}, {word: "年代"},
	{word: "号楼"}, {word: "楼"}, {word: "层"}, {word: "室"}, {word: "路"},
	{word: "米"}, {word: "公里"}, {word: "节"}, {word: "倍"},
})

// Approximation words before a number, longest first.
var approxBefore = []struct{ word, approx string }{
	// 不超过 before 超过, which it ends with: the first match wins.
	{"不低于", over}, {"不少于", over}, {"不高于", under}, {"不超过", under}, {"不多于", under},
	{"大约", about}, {"约有", about}, {"近乎", about}, {"大概", about}, {"约为", about},
	{"将近", under}, {"接近", under}, {"不足", under}, {"不到", under}, {"不满", under},
	{"超过", over}, {"至少", over}, {"多达", over}, {"突破", over},
	{"约", about}, {"近", under}, {"逾", over}, {"超", over},
}

// Approximation words after a quantity.
var approxAfter = []struct{ word, approx string }{
	{"以上", over}, {"多", over}, {"余", over},
	{"以下", under}, {"以内", under},
	{"左右", about}, {"上下", about},
}

// notBefore are words right before a number that make it an ordinal, a
// session number (十二届五次) or a repetition rather than a quantity.
var notBefore = []string{"第", "届", "再", "又", "每", "哪", "星期", "周", "初", "礼拜"}

// names are fixed expressions that start with a number but count nothing:
// slogans, policies and idioms. They back up the segmenter, which usually
// knows them as single words.
var names = []string{
	"三个代表", "四个全面", "四个意识", "四个自信", "两个维护", "两个确立",
	"两个务必", "八项规定", "一个中心", "两个基本点", "五个一", "两个普遍",
	"两个大多数", "三个确保", "三个文明", "六个有", "一岗双责", "千家万户",
	"万家", "一次性", "一条龙", "一揽子", "一站式", "一条街", "一部分",
	"一系列", "一批批", "一个个", "一件件", "一项项", "一次次", "三番五次",
	"千方百计", "千辛万苦", "万众一心", "一把手", "一家人", "一起",
	"一道", "一线", "一体", "一手", "百家争鸣", "一区多园", "两新",
}

// oneUnits are the measure words after which a lone 一 is a count worth
// reporting; after the others (一个, 一种, 一项 …) it is an article.
var oneUnits = map[string]bool{"名": true, "位": true, "人": true, "人次": true, "次": true, "元": true, "所": true, "处": true, "家": true}

// thingUnits measure things handed out or installed; after them a lone 一
// counts when a verb of providing governs it (配备一台洗衣机).
var thingUnits = map[string]bool{"台": true, "辆": true, "套": true, "袋": true, "桶": true, "箱": true, "盒": true, "瓶": true, "床": true, "件": true, "张": true, "部": true, "座": true, "间": true, "本": true, "块": true, "面": true, "枚": true, "双": true, "顶": true, "副": true}

// provideVerbs give, buy or install things: in their clause, 一台 or 一袋 is
// a thing provided. 每人 and 每户 share things out.
var provideVerbs = []string{
	"配备", "配置", "配发", "配送", "购置", "购买", "添置", "发放", "赠送", "送去", "送上", "送来",
	"捐赠", "捐助", "捐献", "安装", "提供", "领到", "收到", "获赠", "每人", "每户", "每名",
}

// bareUnits are the units a bare multiplier (百名, 近千个, 万余人) may take;
// 万家 and 百花 show why the others are left out.
var bareUnits = map[string]bool{"名": true, "人": true, "位": true, "个": true, "元": true, "人次": true, "余人": true}

// peopleNouns follow a number that has no measure word but counts people:
// 近9万各族职工, 1.3万农民工.
var peopleNouns = []string{"职工", "农民工", "会员", "员工", "工人", "群众", "居民", "人口", "党员", "劳模", "干部", "学生", "人次", "人"}

// peopleHeads end a noun phrase of people; a phrase after a count of
// people stops at the first (20名女职工免费体检 → 女职工) unless another
// follows (困难职工子女).
var peopleHeads = []string{
	"职工", "工人", "农民工", "会员", "员工", "群众", "居民", "党员", "劳模", "模范",
	"干部", "学生", "大学生", "劳动者", "子女", "家属", "代表", "选手", "志愿者",
	"人员", "骨干", "教师", "医生", "老人", "儿童", "妇女", "工匠", "技师", "司机",
	"快递员", "骑手", "环卫工", "工作者", "小哥", "外卖员", "女儿", "儿子", "孩子", "学子",
}

// gluedWords start with a measure word but are no noun the segmenter glued
// to it: 两部分 is two parts, not 两部 of 分.
var gluedWords = []string{"部分", "个别", "个性"}

// posFixes are words of the genre whose gse tag misleads the subject
// rules, with the tag they act as: 职工之家 is a noun (gse: 之家 pronoun),
// 新建 and 到期 verbs (gse: a place name, an adverb), 荣获 a verb (gse: a
// person's name), 选手 a noun (gse: a verb), 非公 (企业) an attribute (gse:
// an adverb), 为 alone a preposition (gse: an unknown morpheme, which the
// subject rules take for a noun), 一行 (a delegation: 一行5人) a noun
// (gse: a numeral), and 一线 (一线职工, front-line) an attribute (gse: a
// numeral, which ends a subject).
var posFixes = map[string]string{
	"之家": "n", "新建": "v", "到期": "v", "荣获": "v", "选手": "n", "非公": "b", "为": "p",
	"一行": "n", "一线": "b",
}

// splitWords are nouns gse cuts in two, by their first part: 占比 (a
// share) comes out as 占 and 比, a preposition that ends a subject.
var splitWords = map[string]string{"占": "比"}

// moneyNouns end nouns of money: with nothing before a sum in its clause,
// one of them ending the clause before names it (发放助学金，每人2000元);
// after a sum, one names it (800元慰问金, 两万多元工资, 罚锾 the fine of
// Taiwanese notices).
var moneyNouns = []string{"资金", "金", "款", "费", "补贴", "补助", "奖励", "经费", "物资", "罚锾", "工资", "薪金", "薪酬", "报酬", "钱"}

// nounUnits are measure words that are the noun they count: 五县, 三市.
var nounUnits = map[string]bool{"县": true, "市": true, "区": true, "镇": true, "乡": true, "村": true}

// unitNouns make 户 a count of organisations (56户企业) instead of
// households of people (困难职工6218户).
var unitNouns = []string{"企业", "单位", "公司", "工厂", "厂", "商户", "个体", "店", "法人", "门店", "机构", "组织", "市场主体", "经营主体", "工商户", "合作社"}

// rangeJoins join the two ends of a range: 3000至5000元, 3-5万元.
var rangeJoins = []string{"至", "到", "-", "—", "~", "～", "–"}

// timesUnits take a bracketed or dotted 次 after them (户(次), 人·次) to
// count times: 户次, 人次, 家次, 场次.
var timesUnits = map[string]bool{"人": true, "户": true, "家": true, "场": true}

// timesMarks are the ways a conversion or a table writes that 次.
var timesMarks = []string{"(次)", "·次", "•次"}

// coordJoins join numbers that share the unit of the last: 3.1、2.5和1.2
// 个百分点. Commas are left out: they end clauses as often as they list.
var coordJoins = []string{"、", "和", "及", "与", "或"}

// growthWords before a rate make its subject the thing that grew.
var growthWords = []string{"增长", "增加", "提高", "上升", "下降", "减少", "降低", "增幅", "增速"}

// linkWords sit between a subject and its number and are not part of the
// subject: 工会组建率达81%, 发放救助金达到100.85万元.
var linkWords = []string{"占到", "占", "完成", "实现", "累计", "稳定在", "保持在", "维持在", "必须", "须", "需", "应", "在", "折合人民币", "折合", "人民币", "每人", "每户", "每名", "每位", "每个", "每家", "每次", "每场", "每月", "每年", "每季度", "每周", "每天", "人均", "户均", "达到", "达", "为", "共计", "合计", "总计", "共", "计", "约", "近", "是", "现有", "有", "了", "的", "逾", "超过", "将近", "大约", "至少", "仅", "已", "将", "预计", "再", "均", "各", "分别"}

// unitsByRune holds units by first rune, longest word first as in units:
// unitAt looks up the rune after each numeral rather than try every unit.
var unitsByRune = func() map[rune][]unitWord {
	m := map[rune][]unitWord{}
	for _, u := range units {
		r, _ := utf8.DecodeRuneInString(u.word)
		m[r] = append(m[r], u)
	}
	return m
}()

// sortUnits orders units longest word first, so that 人次 wins over 人 and
// 个百分点 over 个.
func sortUnits(us []unitWord) []unitWord {
	slices.SortStableFunc(us, func(a, b unitWord) int {
		return utf8.RuneCountInString(b.word) - utf8.RuneCountInString(a.word)
	})
	return us
}

// clauseUnits are the measure words of a lone 一 that opens a clause as
// an article (，一名快递员走进驿站), clauseOpeners what ends the clause
// before it.
var (
	clauseUnits   = map[string]bool{"名": true, "位": true, "个": true, "家": true}
	clauseOpeners = map[rune]bool{',': true, '，': true, '。': true, ';': true, '；': true, ':': true, '：': true,
		'!': true, '！': true, '?': true, '？': true, '\n': true, ' ': true, '↑': true}
)

// articleWords before a lone 一 make it an article, not a count.
// After 的 a lone 一 opens a noun phrase (召开的一次重要会议, 最多的一次).
var articleWords = []string{"作为", "身为", "是", "做", "当", "成为", "上", "下", "另", "这", "那", "同", "唯", "统", "之", "的",
	// A pledge that none be left out (不让一名职工掉队) counts no one.
	"不让", "不使", "不落下", "不漏掉", "不落", "不漏", "没有"}

// abstractNouns after a count make it an enumeration of a speech's points
// (四个方面, 三项工作, 两个重点难点) rather than a figure.
var abstractNouns = []string{
	"方面", "关键", "重点", "难点", "工作", "问题", "环节", "层面", "原则",
	"要求", "目标", "任务", "意识", "结合", "转变", "坚持", "思路", "理念",
	"作用", "优势", "特点", "机制", "体系", "能力", "途径", "渠道", "着力点",
	"突破口", "观念", "精神", "阶段", "步骤", "举措", "措施", "字", "必须",
	"服务", "注重", "突出", "统筹", "到位", "重要", "主要", "基本", "根本",
	"方向", "角色", "文明", "代表", "层次", "维度", "抓手", "不变", "第一",
	"形式", "方式", "方法", "模式", "类型",
}

// abstractHeads are the abstract nouns that head a compound word of a
// speech's points (奋斗目标, 基本原则, 工作重点); the others of
// abstractNouns also head concrete ones (职工代表, 志愿服务).
var abstractHeads = []string{"目标", "任务", "原则", "要求", "方面", "问题", "环节", "机制", "体系", "理念", "思路", "措施", "举措", "重点", "难点"}

// functionRunes are the one-character words a subject search may stop on
// that name nothing counted (为, 即, 是 …): quantity.subject-one-rune.
const functionRunes = "为即是有的了和与及等共计达约近逾在对向给将把被让使并且或"

// viewNouns and viewVerbs before a number label a page's view counter.
var (
	viewNouns = []string{"浏览次数", "点击数", "阅读数", "浏览量", "点击量", "阅读量", "访问量", "人气", "下载次数", "下载量", "评论数", "点赞数", "收藏数", "转发量"}
	viewVerbs = []string{"浏览", "点击", "阅读", "访问", "围观", "下载", "评论", "点赞", "收藏", "转发"}
)

// compilationWords before N篇 label a page that compiles model texts (工作
// 总结(通用7篇), 范文集合十篇, 精选5篇): the number counts the page's own
// parts, not anything the union did.
var compilationWords = []string{"通用", "精选", "范文", "集合", "合集", "汇总", "汇编", "大全", "优选", "集锦", "模板", "例文"}

// sessionWords after 次 make X次 a plenary session's number (五次全会).
var sessionWords = []string{"全会", "全委", "全体会议", "代表大会", "党代会", "会员代表大会"}

// purposeWords after a sum of money introduce what it is for.
var purposeWords = []string{"用于", "作为", "用作", "用来"}

// changeTo end a change from one value to another (由78%提高到97%); the
// second value measures what the first did.
var changeTo = []string{
	"提高到", "提升到", "增加到", "增长到", "上升到", "扩大到", "下降到", "减少到",
	"降低到", "降到", "提高至", "提升至", "增加至", "增至", "上升至", "下降至",
	"减少至", "降低至", "降至",
}

// originTimes name the starting point of a change: 由上年的88.2%.
var originTimes = []string{"上年同期", "去年同期", "上年底", "去年底", "上一年", "上年", "去年", "年初", "年底", "前年", "原来"}

// comparisons put a gap between two terms: 增幅高于增速1.2个百分点.
var comparisons = []string{"高于", "低于", "快于", "慢于", "多于", "少于"}

// governVerbs raise, pay or help; a verb right after one of them modifies
// the noun that follows (筹集帮扶资金, 投入救助资金).
var governVerbs = []string{
	"筹集", "筹措", "募集", "发放", "慰问", "救助", "资助", "覆盖", "签订", "培训",
	"投入", "拨付", "下拨", "争取", "落实", "安排", "支付", "追回", "兑现",
}

// statusVerbs before a noun of people say which of them are counted:
// 在职职工, 参赛选手, 受助学生.
var statusVerbs = []string{
	"在职", "在岗", "在校", "在读", "在档", "在册", "在编", "在建", "退休",
	"离退休", "下岗", "失业", "待业", "参赛", "参训", "受助", "受益", "获奖",
}

// funcRunes are one-rune function words gse may tag as nouns (为/zg); a
// subject never starts with them.
const funcRunes = "为在对向给把被将由从是有和与及共达让使经按以据于其的了等各每该本此这那约近逾超仅已再均也都还并又就"

// boundSuffixes end a word and never stand alone: 及时率, 覆盖面, 金额.
const boundSuffixes = "率额量数费值度面"

// awardVerbs after a count of people give the honour they won:
// 42人获评“巾帼岗位能手”.
var awardVerbs = []string{"被评为", "获评", "荣获", "评为", "获得"}
