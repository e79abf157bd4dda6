package quantity

import (
	"slices"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
)

// The grammar's named heuristics. Each fires on an input when switching it
// off changes what Extract finds there, so its Accept and Reject examples
// are whole sentences, and `unionscope parse --rules-off NAME` measures it
// alone.

// declare names a rule of this package.
func declare(name, why, accept, reject string) *rule.Rule {
	var r *rule.Rule
	r = rule.New(rule.Rule{
		Name: name, Why: why, Accept: accept, Reject: reject,
		Fires: func(text string) bool { return changes(r, text) },
	})
	return r
}

// changes reports whether Extract finds something else in text with rule r
// off than with it on.
func changes(r *rule.Rule, text string) bool {
	return !slices.EqualFunc(extract(text, r, true), extract(text, r, false), func(a, b corpus.Metric) bool {
		return a.Category == b.Category && a.Value == b.Value && a.Unit == b.Unit && a.Approx == b.Approx &&
			a.Surface == b.Surface && a.Subject == b.Subject && a.Offset == b.Offset
	})
}

// The rules, declared in init from the table below: a rule's examples run
// the grammar, which reads the rule variables, so they cannot be
// initialised by expressions.
var (
	rulePinyinReading   *rule.Rule
	ruleSpaceBeforeUnit *rule.Rule
	ruleTimesInBrackets *rule.Rule
	ruleApproxBefore    *rule.Rule
	ruleUpTo            *rule.Rule
	ruleSubjectOneRune  *rule.Rule
	ruleVagueAmount     *rule.Rule
	ruleCoordinated     *rule.Rule
	ruleOneOfThings     *rule.Rule
	ruleOneAfterPronoun *rule.Rule
	ruleEachTime        *rule.Rule
	ruleUnitGlued       *rule.Rule
	ruleAbstractCount   *rule.Rule
	rulePeopleHead      *rule.Rule
	ruleNounAfterDe     *rule.Rule
	ruleUnitNoun        *rule.Rule
	ruleClauseAfter     *rule.Rule
	ruleRespective      *rule.Rule
	ruleChangeEnd       *rule.Rule
	ruleScopeWord       *rule.Rule
	rulePredicateAfter  *rule.Rule
	ruleSoftLineBreak   *rule.Rule
	rulePOSFixes        *rule.Rule
	ruleBareWanYuan     *rule.Rule
	ruleSubjectSpace    *rule.Rule
	ruleMoneyBefore     *rule.Rule
	ruleMoneyAfter      *rule.Rule
	ruleMoneyAhead      *rule.Rule
	ruleLevelList       *rule.Rule
	ruleThingAhead      *rule.Rule
	ruleVerbPair        *rule.Rule
	ruleClauseBefore    *rule.Rule
	ruleQuotedSpeech    *rule.Rule
	ruleViewCount       *rule.Rule
	ruleUnquoted        *rule.Rule
	rulePeopleAhead     *rule.Rule
	ruleHonour          *rule.Rule
	rulePeopleByNoun    *rule.Rule
	ruleRateAfter       *rule.Rule
	ruleCompilation     *rule.Rule
	ruleLineAbove       *rule.Rule
	ruleGrowthAmount    *rule.Rule
	ruleMeasureNoun     *rule.Rule
	ruleSuperlative     *rule.Rule
	ruleCountOfFigures  *rule.Rule
	ruleDateDigits      *rule.Rule
	ruleCurrencyBefore  *rule.Rule
	ruleOneOpensClause  *rule.Rule
)

func init() {
	for _, d := range []struct {
		r                         **rule.Rule
		name, why, accept, reject string
	}{
		{&rulePinyinReading, "quantity.pinyin-reading",
			"a conversion flattened pinyin readings after characters (萬(wàn)元); the number, unit and subject read through them (zh.ReadingLen)",
			"县总工会筹集慰问金12.6萬(wàn)元。", "县总工会筹集慰问金12.6万元(含物资)。"},
		{&ruleSpaceBeforeUnit, "quantity.space-before-unit",
			"a PDF conversion leaves a space or a hard line break between a number and its unit (8650 万元); a short gap before 万/亿/%/a unit, or before 余/多 and a unit (300 余名), is closed",
			"全年筹集帮扶资金8650 万元。", "编号 8650\n\n万元户名单附后。"},
		{&ruleTimesInBrackets, "quantity.times-in-brackets",
			"a bracketed 次 after the measure word (户(次), 人(次), 场(次)) makes it a count of times: 户次, 人次, 场次",
			"全年走访困难职工3200户(次)。", "全年走访困难职工3200户(含单亲家庭)。"},
		{&ruleApproxBefore, "quantity.approx-before",
			"a word of approximation right before the number (约, 近, 接近, 超过, 突破, 不足) bounds it: about, over or under",
			"职工书屋藏书突破12万册。", "职工书屋藏书12万册。"},
		{&ruleUpTo, "quantity.up-to",
			"上 before a bare 百, 千 or 万 (上百名, 上千人, 上百万元) says the count reaches it: over that number, though gse reads 上百 as one word",
			"吸引了上百名职工参加。", "吸引了百名职工参加。"},
		{&ruleSubjectOneRune, "quantity.subject-one-rune",
			"a subject that is one function word (为, 即: functionRunes) is where the phrase search stopped, not what is counted: none is better than it; a one-character noun (48个村) stays",
			"要求将最低薪金回复到原来的水平，即三千八百元。", "要求将最低薪金提高到三千八百元。"},
		{&ruleVagueAmount, "quantity.vague-amount",
			"几/数/若干 before a multiplier or 几 after a numeral (几万元, 数百名, 十几个) make a vague amount, not a figure",
			"企业每年为此多花十几万元。", "参赛人数十二人。"},
		{&ruleCoordinated, "quantity.coordinated-numbers",
			"bare numbers joined by 、/和/及/与/或 to a number with a unit each take that unit (3.1、2.5和1.2个百分点)",
			"三项指标分别增长4.2、3.6和2.8个百分点。", "三项指标分别增长4.2个百分点、3.6个百分点。"},
		{&ruleOneOfThings, "quantity.one-of-things",
			"a lone 一 before a measure word of things (台, 辆, 袋, 桶 …) counts when a verb of providing governs its clause (配备一台洗衣机)",
			"为每个驿站配备一台微波炉。", "绘好一张蓝图。"},
		{&ruleOneAfterPronoun, "quantity.one-after-pronoun",
			"a lone 一 right after a pronoun (我们一家, 他一个人) is a family or an article, not a count",
			"感谢工会对我们一家的帮助。", "新建一家职工之家。"},
		{&ruleEachTime, "quantity.each-time",
			"每 and a verb before a lone 一 (每到一处, 每办一件) say how often, not how many",
			"慰问组每到一处都仔细询问。", "慰问组走访了一处工地。"},
		{&ruleUnitGlued, "quantity.unit-glued-to-noun",
			"the segmenter reads a measure word into the noun after it (名城, 台大); a word that starts at the unit leaves the number a quantity, one that starts at the number (一次性) does not",
			"慰问了86名城区环卫工人。", "发放一次性补助。"},
		{&ruleAbstractCount, "quantity.abstract-count",
			"a count of abstract nouns (四个方面, 三种形式, 两项原则, 四个奋斗目标) structures a text; documented word lists (abstractNouns, and abstractHeads for the head of a compound), unless the noun only modifies a concrete one (12个服务站点)",
			"通过走访、座谈和问卷三种形式听取意见。", "建成12个服务站点。"},
		{&rulePeopleHead, "quantity.subject-people-head",
			"after a count of people the subject ends at its first noun of people (a documented word list, peopleHeads), not at the verb gse tags as a noun after it; a verb gse tags before a noun of people modifies it (快递小哥)",
			"为机关28名女职工免费体检。", "为机关28名困难职工子女发放助学金。"},
		{&ruleNounAfterDe, "quantity.subject-noun-after-de",
			"a sum followed by 的 and a noun modifies that noun (每户2500元的慰问标准, 2000元至3500元不等的标准), unless the noun frames the sentence (的基础上)",
			"按每户2500元的慰问标准发放。", "在筹集资金6万元的基础上追加投入。"},
		{&ruleUnitNoun, "quantity.subject-unit-noun",
			"a measure word that is itself the noun counted (县, 市, 区, 镇, 乡, 村) is the subject when no noun follows it",
			"慰问组分赴全州五县三市。", "慰问组分赴全州五个县。"},
		{&ruleClauseAfter, "quantity.subject-clause-after",
			"with no subject before a count, a clause that modifies the noun after it leads to that noun (6家受疫情影响困难企业)",
			"为6家受灾企业发放救助金。", "为6家企业发放救助金。"},
		{&ruleRespective, "quantity.subject-respective",
			"分别 pairs a list of nouns with a list of figures item by item, and a list of growth rates after it with the same nouns in turn",
			"全县工业产值、社会消费品零售额分别达到86亿元、42亿元，分别增长12%、9%。", "全县工业产值达到86亿元，增长12%。"},
		{&ruleChangeEnd, "quantity.subject-change-end",
			"the end of a change written 从…到/由…至 with any verb measures what its start did (技师从6300人发展到31000人)",
			"全县技师从6300人发展到31000人。", "全县技师6300人，培训到岗31000人。"},
		{&ruleScopeWord, "quantity.subject-scope-word",
			"a scope word (全国, 全省, 全市 …) after the noun of a count opens another phrase: 86家单位全省先进集体 counts 单位",
			"评出86家单位全省先进集体。", "评出86家单位先进集体。"},
		{&rulePredicateAfter, "quantity.subject-predicate-after",
			"a verbal noun alone after a count of people (gse's vn: 发展, 分配) is the sentence's predicate, not the people counted; after a count of things (两项竞赛) it is the thing",
			"全县技师6300人发展到今天的规模。", "全年举办两项竞赛。"},
		{&ruleSoftLineBreak, "quantity.soft-line-break",
			"a conversion hard-wraps lines mid-sentence: a break after a long line that ends on a character, digit or comma, before a line that opens no heading or list item, is read through",
			"今年春节前，县总工会组织机关干部深入各乡镇慰问困难\n职工1200户。", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难\n二、职工1200户。"},
		{&ruleBareWanYuan, "quantity.bare-wan-yuan",
			"in a template whose figures were blanked (it keeps placeholders: 20xx年, ××县), 万元 or 亿元 with no numeral before it lost its number (投入万元); elsewhere it is ten thousand yuan (授予万元奖励)",
			"根据(20xx)2号文件，区总工会投入万元开展送温暖活动。", "区总工会授予十大工匠万元奖励。"},
		{&ruleSubjectSpace, "quantity.subject-space",
			"a converted copy spaces its figures apart (基层工会组织 4739个); the space before a number parts no noun from it, and the subject is read past it",
			"全市共有基层工会组织 4739个。", "全市共有基层工会组织，4739个。"},
		{&rulePOSFixes, "quantity.pos-fixes",
			"a documented list of genre words whose gse tag misleads the subject rules (职工之家: gse tags 之家 a pronoun; 新建: a place name)",
			"全县新建职工之家42个。", "全县建成服务站点42个。"},
		{&ruleMoneyBefore, "quantity.subject-money-before",
			"a sum with nothing before it in its clause is measured by the noun of money (a documented word list) that ends the clause before: 发放助学金，每人2000元",
			"为186名困难职工子女发放助学金，每人2000元。", "为186名困难职工子女办理助学手续，每人2000元。"},
		{&ruleMoneyAfter, "quantity.subject-money-after",
			"a sum right before a noun of money (a documented word list), or a quoted name and its noun of money, modifies it: 每人送去500元慰问金, 500元“暖心”慰问金",
			"工会为每名困难职工送去800元“暖心”慰问金。", "工会为每名困难职工送去800元和一袋大米。"},
		{&ruleMoneyAhead, "quantity.subject-money-ahead",
			"past the figures joined to a sum (和5000元, 以上、100万元以下) and its modifiers, a phrase that ends on a noun of money (a documented word list) before any function word names the sum: 提供4000元一次性助学金, 得到4000元和5000元补助",
			"中考和高考学生分别将得到3000元和4000元补助。", "中考和高考学生分别将得到3000元和4000元的奖学。"},
		{&ruleLevelList, "quantity.subject-level-list",
			"a list of two or more administrative levels after a count (全国、省、市, 省市县三级) modifies the noun after it, which is the subject: 20名全国、省、市劳动模范 counts 劳动模范",
			"座谈会邀请了20名全国、省、市劳动模范。", "座谈会邀请了20名全国劳动模范。"},
		{&ruleThingAhead, "quantity.subject-thing-ahead",
			"a count that has no subject otherwise, followed in its clause by a modifying clause that ends with 的, counts the noun after that 的 (4000场以“…”为主题的技能竞赛)",
			"6场以“安全生产”为主题的知识竞赛在各乡镇举行。", "6场在各乡镇举行，现场气氛热烈。"},
		{&ruleClauseBefore, "quantity.subject-clause-before",
			"a figure that opens its clause after a comma (but for linking words: 累计达, 共计) and has no subject otherwise counts what the clause before ends on: 开展法律法规宣传，累计达359场次",
			"各乡镇开展劳动法律法规宣传，累计达86场次。", "各乡镇开展劳动法律法规宣传。累计达86场次。"},
		{&ruleVerbPair, "quantity.subject-verb-pair",
			"after a count of times (次, 场次, 批次), two verbs with no object (集中捐赠, 走访慰问) name what was done, as a verb and its object do (三次深入联系点)",
			"全年开展3次集中慰问。", "全年开展3次，集中慰问。"},
		{&ruleQuotedSpeech, "quantity.quoted-speech",
			"numbers in short quotations belong to names (“一区多园”), but a quotation after a colon or holding a clause mark is speech, and its figures count",
			"他说：“今年我们为职工发放慰问金30万元。”", "开展“三送一帮”活动。"},
		{&ruleViewCount, "quantity.view-count",
			"a view, download or comment counter's label before a number (浏览, 点击, 阅读量, 下载次数, 评论 …) makes it page chrome, not a figure (gold README: view counts are not gold)",
			"发布时间：2023-05-12 浏览：1523次", "全年开展送法进企业活动1523次"},
		{&ruleUnquoted, "quantity.subject-unquoted",
			"a subject drops the quotation marks of a name it holds (“金秋助学”资金 is 金秋助学资金): gold subjects are never quoted; book titles keep 《》",
			"共筹集“春风助学”资金16万元。", "共筹集助学资金16万元。"},
		{&ruleHonour, "quantity.subject-honour",
			"a count of the units or people granted an honour (授予…, 命名…为), or of a generic noun (同志, 个人) winning one (荣获, 被授予, 获评), is measured by the honour, if its name ends as honours do (honourHeads), 称号 dropped",
			"省总工会授予86家单位全省五一劳动奖状。", "省总工会授予86家单位专项资金。"},
		{&rulePeopleByNoun, "quantity.people-by-noun",
			"个 before a noun of people (peopleHeads) counts people, in 人, as 名 and 位 do: 三个困难职工; before 家庭 it counts households, in 户: 48个困难职工家庭",
			"家里还有两个老人需要照顾。", "全县建成两个职工书屋。"},
		{&ruleRateAfter, "quantity.subject-rate-after",
			"a noun phrase after a count that runs on into a rate or an amount (职工|入会|率) names what the things counted have: the count is of its first noun (3个县区职工入会率超过95% counts 县区)",
			"全市有3个县区职工入会率超过95%。", "全市有3个县区职工书屋。"},
		{&ruleCompilation, "quantity.compilation-label",
			"N篇 after a compilation's label (通用, 精选, 范文集合 …: compilationWords) counts the model texts a page compiles, page chrome rather than a figure",
			"2024年工会工作总结(通用6篇)", "全年在各级媒体刊发稿件6篇。"},
		{&ruleLineAbove, "quantity.subject-line-above",
			"a figure alone on its line but for decoration (--35家--, a table cell), with no subject of its own, is measured by the short label line above it (at most maxLabel runes, no sentence mark)",
			"全省模范职工之家\n--35家--", "全省模范职工之家。\n--35家--"},
		{&ruleGrowthAmount, "quantity.subject-growth-amount",
			"an amount (not a rate) after a comparison and a growth word (较上年增加36万元) measures the growth of the thing before the comparison, as a growth rate does",
			"全年帮扶资金支出较上年增加36万元。", "全年帮扶资金支出增加36万元。"},
		{&ruleMeasureNoun, "quantity.subject-measure-noun",
			"a measure noun alone before a figure (人数, 金额, 覆盖率 …: measureNouns) takes in the verb before it, which names what it measures: 参保人数, 理赔金额, 厂务公开覆盖率",
			"职工互助保障参保人数8.6万人次。", "职工互助保障参保职工8.6万人次。"},
		{&rulePeopleAhead, "quantity.subject-people-ahead",
			"a count of people with a modifying clause after it (在竞赛中获奖的) is measured by the first noun of people (peopleHeads) that ends the clause's phrase",
			"大会表彰了26名在技能竞赛中获奖的职工。", "大会表彰了26名，奖励职工。"},
		{&ruleSuperlative, "quantity.subject-superlative-before",
			"a figure that opens its clause after a comma, when the clause before ends on a superlative (最多, 最高 …), belongs to the phrase before the superlative",
			"全县职工书屋藏书量最多，达到4.2万册。", "全县职工书屋藏书量增加，达到4.2万册。"},
		{&ruleCountOfFigures, "quantity.count-of-figures",
			"个 right before a percentage (实现两个100%) numbers the figures, not things: the percentage is the quantity",
			"全县实现两个100%的目标。", "全县建成两个100人以上的职工之家。"},
		{&ruleDateDigits, "quantity.date-digits",
			"digits after a digit and a hyphen continue a date or a code (2026-03-18 台州, 0576-8123): they start no quantity, and a measure word after them is a word of the text (台州)",
			"发布日期 2026-03-18 台州市总工会召开大会。", "发布日期 2026年3月18日台州市总工会召开大会。"},
		{&ruleCurrencyBefore, "quantity.currency-before",
			"a currency named before the number (新台币2万元, 港币500元) is the money's unit, as one after it is (500港元); the figures of a range that follow it (新台币2万元以上、100万元以下) share it",
			"违者处新台币2万元以上、100万元以下罚锾。", "违者处2万元以上、100万元以下罚款。"},
		{&ruleOneOpensClause, "quantity.one-opens-clause",
			"a lone 一名, 一位, 一个 or 一家 that opens a clause is its subject's article (，一名快递员走进驿站), not a count",
			"6月9日，一名快递员走进工会驿站休息。", "6月9日，工会驿站迎来了一名快递员。"},
	} {
		*d.r = declare(d.name, d.why, d.accept, d.reject)
	}
}
