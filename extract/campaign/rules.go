package campaign

import (
	"slices"

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
	return !slices.Equal(extract(text, r, true), extract(text, r, false))
}

// The rules, declared in init from the table below: a rule's examples run
// the grammar, which reads the rule variables, so they cannot be
// initialised by expressions.
var (
	rulePinyinReading    *rule.Rule
	ruleQuotedHead       *rule.Rule
	ruleQuotedVerb       *rule.Rule
	ruleAwardBounded     *rule.Rule
	ruleQuotedList       *rule.Rule
	ruleStraightQuotes   *rule.Rule
	ruleQuotedSelfHead   *rule.Rule
	ruleQuotedCount      *rule.Rule
	ruleQuotedKnownAfter *rule.Rule
	ruleDestinationSpan  *rule.Rule
	ruleHonouredUnit     *rule.Rule
	ruleSloganAfter      *rule.Rule
	ruleOneSense         *rule.Rule
	ruleThemeFrame       *rule.Rule
	ruleEpithet          *rule.Rule
	ruleDocument         *rule.Rule
	rulePlan             *rule.Rule
	ruleOrganisation     *rule.Rule
	rulePlace            *rule.Rule
	ruleGuideline        *rule.Rule
	rulePlainVerbHead    *rule.Rule
	rulePlainConjoined   *rule.Rule
	rulePlainGeneric     *rule.Rule
	rulePlainHonour      *rule.Rule
	ruleHonourList       *rule.Rule
	ruleHeadingProgramme *rule.Rule
	ruleKnown            *rule.Rule
	ruleKnownCore        *rule.Rule
	ruleAliasBracket     *rule.Rule
	ruleOtherAwarder     *rule.Rule
	rulePartyWide        *rule.Rule
	ruleQuotedDate       *rule.Rule
	ruleCivilWorks       *rule.Rule
	ruleEditionLead      *rule.Rule
	ruleHeadModifier     *rule.Rule
	ruleDocumentTitle    *rule.Rule
	ruleOtherOwner       *rule.Rule
	ruleAwardRecipient   *rule.Rule
	ruleAwardAs          *rule.Rule
	ruleBrandList        *rule.Rule
	ruleWorkerEvent      *rule.Rule
	ruleResults          *rule.Rule
	ruleThemeBare        *rule.Rule
	ruleQuotedKnownEnd   *rule.Rule
	ruleTitledContest    *rule.Rule
	ruleQuotedItems      *rule.Rule
	ruleQuotedContest    *rule.Rule
	ruleCountedList      *rule.Rule
	ruleCategoryCount    *rule.Rule
	ruleQuotedModifier   *rule.Rule
	rulePlusSpan         *rule.Rule
	ruleKnownGloss       *rule.Rule
)

func init() {
	for _, d := range []struct {
		r                         **rule.Rule
		name, why, accept, reject string
	}{
		{&rulePinyinReading, "campaign.pinyin-reading",
			"a conversion flattened pinyin readings after characters (送溫暖活動(dòng)); names are read and written without them (zh.StripReadings)",
			"開展“職工暖心(xīn)”活動。", "開展“職工暖心”活動(含慰問)。"},
		{&ruleQuotedHead, "campaign.quoted-head",
			"a head word after a quotation (活动, 行动, 工程, 竞赛, 称号, 品牌, 评选 …, the list heads) makes it a campaign's name",
			"各乡镇都有“职工健步走”活动。", "他说“职工健步走”很累。"},
		{&ruleQuotedVerb, "campaign.quoted-verb",
			"a verb of running, joining or awarding before a quotation (开展, 实施, 参加, 评为 …, the list verbs), with or without a particle after it (开展了), makes it a campaign's name",
			"县总工会开展“职工健步走”。", "县总工会认为“职工健步走”很好。"},
		{&ruleAwardBounded, "campaign.award-bounded",
			"after an awarding verb (获得, 荣获 …) a quotation is an honour only when the honour ends with it (a mark, 称号, a head); otherwise it is part of a longer prize's name",
			"剧团获得“山茶花”表演金奖。", "剧团获得“山茶花”称号。"},
		{&ruleStraightQuotes, "campaign.straight-quotes",
			"a copy that turned its quotation marks into straight ones (\"五一\"劳动奖章) quotes names with them as with “…”: each pair on a line, read in turn",
			"荣获\"五一\"劳动奖章的先进个人。", "荣获五一前夕的表彰。"},
		{&ruleQuotedList, "campaign.quoted-list",
			"quotations listed together (、, 和, 及, one short head noun or a few short unquoted items between) share the evidence of the list, and a list ending in 等 and a head (等活动, 等主题宣传) is one of names",
			"开展“学法规”、“讲安全”等主题宣传。", "开展“学法规”宣传。"},
		{&ruleQuotedSelfHead, "campaign.quoted-self-head",
			"a quotation that ends in a head itself (…大讨论, …杯, …之家, …驿站, …工作室) is a name without a head after it",
			"全县“青工创新工作室”达12个。", "全县“青工创新室”达12个。"},
		{&ruleQuotedCount, "campaign.quoted-count",
			"a quotation followed by a count of items (三大, 五项) is a list of names: one quotation of as many items, or one name of the set",
			"做好“助学、助医、助困”三大品牌。", "做好“助学、助医、助困”。"},
		{&ruleQuotedKnownAfter, "campaign.quoted-known-after",
			"a quotation right before a known name (“两节”送温暖) dates or places the known campaign and is no name itself",
			"开展“三进”送温暖活动。", "开展“三进”慰问活动。"},
		{&ruleDestinationSpan, "campaign.destination-span",
			"a quoted destination (“进企业”, “下基层”) names a campaign only with the unquoted words before it in the same clause",
			"开展全县法律知识“进工地”活动。", "开展“法律知识进工地”活动。"},
		{&ruleHonouredUnit, "campaign.honoured-unit",
			"after a verb of creating or awarding, an honour runs on from its quotation to the noun of the honoured unit (工会, 企业, 班组), within its title (not past 的, 荣誉, 称号) and not from a campaign's own name (“安康杯”优胜单位)",
			"积极创建全省“四优”班组。", "积极创建“四优”示范。"},
		{&ruleSloganAfter, "campaign.slogan-after",
			"a word after a quotation (目标, 方针, 精神, 战略, 理念, 专题教育 …, the list notAfter), after 工作 or a count, makes it a goal, a guideline or a party-wide campaign",
			"围绕“三个提升”工作目标推进。", "围绕“三个提升”工作推进。"},
		{&ruleOneSense, "campaign.one-sense",
			"a phrase means one thing in a text: a quotation that a word of vetoAfter (精神, 口号, 职能 …), a theme frame or 的 and a structure (的帮扶网络) follows once is no campaign where a head follows it",
			"发挥“一室两站”职能，“一室两站”活动有序开展。", "建好“一室两站”，“一室两站”活动有序开展。"},
		{&ruleThemeFrame, "campaign.theme-frame",
			"以“…”为主题 names the theme of an activity, not the activity",
			"举办以“安全你我他”为主题的知识竞赛，“安全你我他”活动持续开展。", "举办“安全你我他”知识竞赛。"},
		{&ruleEpithet, "campaign.epithet",
			"a self-named quotation after a classifier or 作为 (一项“惠民工程”, 作为“民心工程”), or after the 的 of a clause that 成为 opens (成为职工的“温暖之家”), describes, it does not name",
			"把助学作为一项“暖心工程”。", "全面实施“暖心工程”。"},
		{&ruleDocument, "campaign.document",
			"a quotation that holds 《》 or ends in 法, 办法, 条例, 规定 … names a law or a document, unless it names a way of working (操作法, 工作法)",
			"贯彻实施“两法一条例”和“安康杯”活动。", "贯彻实施“两访一帮”和“安康杯”活动。"},
		{&rulePlan, "campaign.plan",
			"a five-year plan (“十四五”) is quoted like a campaign and is a plan; so is an unquoted name whose head a plan's word follows (三年行动计划, 行动方案)",
			"开展“十四五”和“安康杯”活动。", "开展“双创”和“安康杯”活动。"},
		{&ruleOrganisation, "campaign.organisation",
			"a quotation that ends in 工会, 协会, 委员会, 领导小组 … names a body, unless an awarding verb makes it an honour's title or it holds clauses (a slogan: “有事找工会,维权靠工会”) or a verb before the body's word (“遇事找工会”)",
			"组建“快递员工会”等活动阵地。", "被评为“五星工会”。"},
		{&rulePlace, "campaign.place",
			"a quotation that ends in 基地, 中心, 园区, 广场 … names a place, not a programme",
			"打造“职工疗休养基地”品牌。", "打造“职工疗休养”品牌。"},
		{&ruleGuideline, "campaign.guideline",
			"a quoted list of phrases before 工作 without a verb of running (“组织起来、切实维权”工作) is a guideline",
			"坚持“依法建会、民主管会”工作。", "开展“依法建会、民主管会”工作。"},
		{&rulePlainVerbHead, "campaign.plain-verb-head",
			"an unquoted phrase between a verb of running (开展, 实施, 参与 …), with or without a particle after it (推进了), and a head (活动, 行动, 工程, 竞赛 …) is a campaign's name",
			"深入开展职工健步走活动。", "深入开展职工健步走。"},
		{&rulePlainConjoined, "campaign.plain-conjoined",
			"an unquoted phrase before a head that joins names with 和, 及 or 与 is several names sharing the head; a kept head before the join (劳动竞赛和…活动) ends the first of them, not the phrase",
			"开展安全生产月和职工健步走活动。", "开展职工健步走活动。"},
		{&rulePlainGeneric, "campaign.plain-generic",
			"an unquoted phrase that is short, made of everyday activity words (慰问, 走访, 集中, 节前 …), ends in an everyday activity (培训, 座谈 …) or opens with a generic word (各类, 一系列) names a kind of activity, not a campaign; a bracket in it (职工(劳模)疗休养) glosses a word and is left out of the judgement",
			"分别开展了集中慰问活动。", "分别开展了职工健步走活动。"},
		{&rulePlainHonour, "campaign.plain-honour",
			"an unquoted phrase between an awarding verb (荣获, 评为 …) and 称号 is an honour's name",
			"该局荣获全市职工互助先进单位称号。", "该局荣获全市职工互助先进单位。"},
		{&ruleHonourList, "campaign.honour-list",
			"an unquoted list (、, 或, 和) between a verb of holding or awarding (具有, 获得, 推荐 …) and 称号 is a list of honours",
			"须具有市级模范职工小家或劳动关系和谐企业称号。", "须具有劳动关系和谐企业称号。"},
		{&ruleHeadingProgramme, "campaign.heading-programme",
			"a short heading line that opens with a name ending in 工程 names a programme",
			"一、\n职工健康工程见实效\n全年体检三千人。", "一、\n职工健康见实效\n全年体检三千人。"},
		{&ruleKnown, "campaign.known",
			"the documented lexicon of the unions' standing programmes and honours (送温暖, 金秋助学, 工人先锋号, 职工书屋 …) names a campaign unquoted, inside a longer word too (送温暖慰问金)",
			"发放金秋助学资金12万元。", "发放助学资金12万元。"},
		{&ruleKnownCore, "campaign.known-core",
			"a name built on a known one with a qualifier that is no level or place (两节送温暖, 关爱职工送温暖) or with a head (送温暖工程, unquoted also with a modifier: 安康杯知识竞赛) is the known name; unquoted, only a programme of assistance sheds its qualifier (扶贫帮困送温暖), as one that starts with a noun may share a word with it (女职工素质工程)",
			"开展“冬季送温暖”活动。", "开展“冬季暖心”活动。"},
		{&ruleAliasBracket, "campaign.alias-bracket",
			"a bracketed name after a name (育才关怀(金秋助学)) gives a second name for the campaign; a short bracket (乡镇(街道)) is part of the name",
			"实施圆梦助学(金秋助学)活动。", "实施圆梦助学(二期)活动。"},
		{&ruleOtherAwarder, "campaign.other-awarder",
			"honours another body awards (劳动模范, 文明单位, 三八红旗手, 青年文明号 …, the list otherAwards) are no union campaigns",
			"该站荣获全市青年文明号称号。", "该站荣获全市工人先锋号称号。"},
		{&rulePartyWide, "campaign.party-wide",
			"the CPC's campaigns for all its members (创先争优, 三严三实, 两学一做 …, the list partyWide) are party-wide, not union campaigns",
			"机关干部积极参与创先争优活动。", "机关干部积极参与职工健步走活动。"},
		{&ruleQuotedDate, "campaign.quoted-date",
			"a quotation made only of a festival or a season (“两节”, “元旦春节”) dates what follows and names no campaign",
			"开展“元旦春节”慰问活动。", "开展“春风暖心”慰问活动。"},
		{&ruleCivilWorks, "campaign.civil-works",
			"a name ending in 工程 with words of building (加固, 改造, 公路, 堤防 …, the list civilWorks) is a construction project, not a union programme",
			"全力推进滨江公路改造工程。", "全力推进职工素养提升工程。"},
		{&ruleEditionLead, "campaign.edition-lead",
			"an edition or a year before a name (第三届, 首届, 2026年度, with a level before it: 市第六届) dates one round of the campaign and is no part of its name",
			"举办第二届职工厨艺大赛。", "举办职工厨艺大赛。"},
		{&ruleHeadModifier, "campaign.head-modifier",
			"主题, 系列, 专项 … before an unquoted name's 活动 or 行动 modify the head and are no part of the name",
			"深入开展职工健步走系列活动。", "深入开展职工健步走活动。"},
		{&ruleDocumentTitle, "campaign.document-title",
			"a name mentioned only inside the title of a document (《关于表彰…模范职工之家…的决定》) names what the document is about; the text's campaigns are those it names outside titles too",
			"根据《关于评选全县职工书屋的通知》，县总工会作了部署。", "根据《关于评选全县职工书屋的通知》，全县建成职工书屋8家。"},
		{&ruleOtherOwner, "campaign.other-owner",
			"a quotation right after a party committee or a government (省委, 市委, 党委, 政府, the list ownerBodies) names that body's programme, not a union's",
			"全力推进县委“美丽乡村”工程。", "全力推进县总工会“美丽乡村”工程。"},
		{&ruleAwardRecipient, "campaign.award-recipient",
			"a count of the units or people an honour goes to (10个单位, 三名职工) may stand between an awarding verb and the honour",
			"授予12个单位全县职工互助先进单位称号。", "授予全县职工互助先进单位称号。"},
		{&ruleAwardAs, "campaign.award-as",
			"a naming verb (命名, 表彰, 授予 …, the list nameVerbs) and a 为 later in its clause frame an honour, quoted or ending in the noun of the honoured (工作者, 之友 …) at the clause's end",
			"命名20名个人为全县优秀工会之友。", "命名20名个人,全县优秀工会之友。"},
		{&ruleBrandList, "campaign.brand-list",
			"an unquoted list that holds a known name and ends in 等 and 品牌 is a list of programmes: its other items are names",
			"做强送温暖、职工互助保障等服务品牌。", "做强职工互助保障等服务品牌。"},
		{&ruleWorkerEvent, "campaign.worker-event",
			"an unquoted sports meet or festival (运动会, 艺术节, 文化节) that says it is for workers (职工, 技能, 农民工 …) is a union event's name without a verb before it",
			"历时两月的全县职工趣味运动会圆满落幕。", "历时两月的全县中学生运动会圆满落幕。"},
		{&ruleResults, "campaign.results",
			"a quotation between a verb of keeping results (巩固, 扩大, 深化) and 成果 names the campaign whose results they are",
			"着力巩固“双访双帮”成果。", "着力巩固“双访双帮”。"},
		{&ruleThemeBare, "campaign.theme-bare",
			"a quotation followed by 主题 that closes its clause (围绕“…”主题，) names a theme, as 以“…”为主题 does; before a head (“…”主题活动) 主题 only modifies the head",
			"紧扣“安全伴我行”主题，开展“安全伴我行”活动。", "开展“安全伴我行”主题活动。"},
		{&ruleQuotedKnownEnd, "campaign.quoted-known-end",
			"a quotation that ends in a known name (“滨海五一劳动奖章”) is that name as its writer qualified it, with no head or verb around it",
			"大会授予夺冠选手“滨海五一劳动奖章”。", "大会授予夺冠选手“滨海劳动奖章”。"},
		{&ruleTitledContest, "campaign.titled-contest",
			"a book title right before a contest head (《工会法》知识竞赛) names the contest on that law or book, title and all",
			"职工踊跃参加《工会法》知识竞赛。", "职工踊跃学习《工会法》知识。"},
		{&ruleQuotedItems, "campaign.quoted-items",
			"a quotation of short items joined by 、 that 等 follows, alone and not in a list of quotations (“…、…、…”等品牌), lists names, one per item; a quotation of items without 等 is one name, and an item of it that is a known name (金秋助学) is that name too",
			"巩固“送温暖、结对助学、法律进村”等服务品牌。", "巩固“送温暖、结对助学、法律进村”这一服务品牌。"},
		{&ruleQuotedContest, "campaign.quoted-contest",
			"a quotation that a contest head (竞赛, 大赛) follows in the same clause, after the words of the contest's scope, year or people (重点工程, 2026年全县, 百万职工劳动和技能), is the contest's name; 的 or a mark between them ends the clause",
			"全县“奋战三季度”2026年全县职工劳动和技能竞赛拉开帷幕。", "全县“奋战三季度”的口号响彻工地，劳动和技能竞赛拉开帷幕。"},
		{&ruleCountedList, "campaign.counted-list",
			"a count with its classifier (20个, 10名, 5项) may stand between a verb of awarding and a quotation, and between the quotations of a list, each counting the honours of its item",
			"县总工会命名了8个“安全标兵岗”、6名“节能先锋”。", "县总工会命名了8个安全岗和6名节能先锋。"},
		{&ruleCategoryCount, "campaign.category-count",
			"quotations followed by a count and a word of kinds (两大类别, 三类, 四种类型) sort activities into kinds: they name the kinds, not campaigns, even when one ends in a head (“…活动”)",
			"慰问分为“节前走访活动”和“结对帮扶活动”两大类别。", "慰问开展了“节前走访活动”和“结对帮扶活动”。"},
		{&ruleQuotedModifier, "campaign.quoted-modifier",
			"after a verb of running, a quotation that an unquoted noun follows (参加“两癌”筛查, 开展“一对一”帮扶) says what kind of thing the verb's object is: the verb is no evidence for it, a head after it still is",
			"女职工踊跃参加“三高”筛查。", "女职工踊跃参加“三高”筛查活动。"},
		{&rulePlusSpan, "campaign.plus-span",
			"a quotation that ends in + (“互联网+”) is the first half of a name: with the unquoted words after it up to a head of its clause (活动, 行动, 工程 …) it names the campaign",
			"开展“互联网+”职工普惠行动。", "运用“互联网+”信息化手段。"},
		{&ruleKnownGloss, "campaign.known-gloss",
			"a bracket of a few Han runes inside a known name glosses one of its words (劳模(高技能人才)创新工作室): the known name is read across it and written with it",
			"全市已建成劳模(工匠)创新工作室12个。", "全市已建成劳模(工匠)活动室12个。"},
	} {
		*d.r = declare(d.name, d.why, d.accept, d.reject)
	}
}
