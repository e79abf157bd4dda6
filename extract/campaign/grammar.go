package campaign

// The grammar of campaign names, in folded (simplified, halfwidth) form.
// Each list is read by the rule named beside it (rules.go).

// heads after a quoted name make it a campaign (campaign.quoted-head):
// “送温暖”活动, “安康杯”竞赛, “工人先锋号”称号. The frames of a means
// (以“…”为载体, 为抓手, 为契机) are none: on real pages they hold
// policies and structures (以“两个普遍”为抓手) as often as campaigns.
var heads = list(
	"活动", "行动", "工程", "竞赛", "大赛", "称号", "荣誉", "品牌", "评选",
	"创建", "主题", "示范", "帮扶", "建设", "专栏", "热潮", "创新", "专题", "工作",
	"学历提升",
	"等活动", "等评选", "等工作", "等多项", "等各类", "系列", "大讨论",
	"和立功竞赛", "劳动竞赛", "竞赛活动", "立功竞赛", "建功立业", "评比", "热线",
	// the skills and culture programmes: 技能比武, 合理化建议征集, 合唱展演
	"比武", "大比武", "征集", "展演", "推选",
	// the list of those a selection names: 公布“…”名单
	"名单",
)

// verbs before a quoted name make it a campaign (campaign.quoted-verb):
// 开展“走百企”, 评为“…”. Words that only join a list (和, 及, 以及) are
// campaign.quoted-list's, not verbs.
var verbs = list(
	"开展", "实施", "推进", "深化", "评为", "授予", "荣获", "获得",
	"选树", "参加", "创建", "举办", "启动", "落实好", "推广", "投入",
	"深入推进", "获评", "被评为", "荣膺", "建成", "新建", "打造",
	"组织", "举行", "推行", "发起", "命名", "表彰", "争创",
)

// resultVerbs keep the results of a campaign, which 成果 after its name
// says (campaign.results): 巩固“…”成果, 巩固和扩大“…”成果.
var resultVerbs = list("巩固", "巩固和发展", "巩固和扩大", "扩大", "深化")

// awardVerbs are the verbs of honouring among verbs: what follows them is
// an honour only when it ends where the quotation does
// (campaign.award-bounded).
var awardVerbs = []string{"评为", "授予", "荣获", "获得", "获评", "被评为", "荣膺", "命名", "表彰", "争创"}

// strongHeads make a quotation a campaign's name with a short modifier
// between them (campaign.quoted-head): “安康杯”知识竞赛, “公惠”创业品牌.
var strongHeads = list("活动", "行动", "工程", "竞赛", "大赛", "品牌", "评选", "比武", "大比武", "征集", "展演")

// maxHeadModifier caps the runes between a quotation and a strong head.
// Two hold the modifiers of a head (知识, 创业, 专项); three or more make
// a noun of their own (儿童节活动).
const maxHeadModifier = 2

// maxGenericModifier caps the everyday words (genericWords) between a
// quotation and a strong head: “金蓝领”女职工技能大赛.
const maxGenericModifier = 6

// partyWide are the CPC's campaigns for all its members, which the
// definitions exclude as party-wide (campaign.party-wide): its education
// campaigns of 2010 to 2021 by their names. The two of 2005 and 2008
// (保持共产党员先进性教育, 学习实践科学发展观) are left out: the project's
// first annotations count them as union work.
var partyWide = []string{
	"创先争优", "争先创优", "三严三实", "两学一做", "不忘初心、牢记使命", "不忘初心,牢记使命",
	"不忘初心牢记使命", "党史学习教育", "群众路线教育实践", "党的群众路线教育实践",
}

// honourHeads join the quoted word to the honour it names: “五一”劳动奖章.
var honourHeads = list("劳动奖章", "劳动奖状", "奖章", "奖状", "巾帼奖", "先锋号", "示范岗", "文明岗")

// honourEnds close an honour that an awarding verb opens
// (campaign.award-bounded): 评为“…”称号.
var honourEnds = list("荣誉称号", "称号", "荣誉")

// notAfter are words after a quotation that make it a slogan, a guideline,
// a plan, a goal, an institution (“三必访”制度) or a party-wide education
// campaign rather than a union campaign (campaign.slogan-after). The CPC names its campaigns for all
// members with these heads: 三严三实专题教育, 两学一做学习教育,
// 不忘初心、牢记使命主题教育, 党的群众路线教育实践活动.
var notAfter = list(
	"的", "规划", "期间", "时期", "计划", "重要思想", "工作方针", "方针",
	"要求", "目标", "精神", "战略", "口号", "理论", "原则", "理念", "步伐",
	"大局", "发展", "建设规划", "良好", "开局", "决定", "意见", "条例",
	"组织", "工会", "普法", "职能", "职责", "任务", "思路", "格局", "制度", "机制", "体系",
	"专题教育", "主题教育", "学习教育", "教育实践",
)

// vetoAfter are the words of notAfter that say what a quotation is
// wherever else it stands in the text (campaign.one-sense): a phrase once
// called a 精神 or a 职能 is no campaign two lines later.
var vetoAfter = list(
	"重要思想", "工作方针", "方针", "精神", "口号", "理念", "职能", "职责",
	"专题教育", "主题教育", "学习教育", "教育实践",
)

// structures are the nouns of how work is built, which 的 joins to a
// quotation that names the design, not a campaign (campaign.one-sense):
// “三级联动”的服务网络, “一站式”的帮扶体系.
var structures = list("网络", "体系", "机制", "格局", "模式", "架构")

// maxStructureModifier caps the runes between 的 and a structure noun:
// 的帮扶网络, 的工作格局.
const maxStructureModifier = 4

// themeFrames close 以“…” around a theme (campaign.theme-frame):
// 以“…”为主题 names what an activity is about, not the activity.
var themeFrames = list("为主题", "为主线", "为主旨", "为题")

// planWords after an unquoted name's head make it a plan's (campaign.plan):
// 三年行动计划, 专项行动方案.
var planWords = list("计划", "规划", "方案", "纲要")

// planPrefixes are five-year plans, which are quoted like campaigns
// (campaign.plan).
var planPrefixes = []string{"十五", "十一五", "十二五", "十三五", "十四五", "十五五", "九五", "八五", "七五"}

// documentEnds end the quoted name of a law, a rule or a document
// (campaign.document): “两法一办法”, “三项制度”实施办法.
var documentEnds = []string{"法", "办法", "条例", "规定", "细则", "通知", "纲要"}

// methodEnds end the name of a way of working that unions find and
// spread, not a law (campaign.document): “先进操作法”, “五步工作法”.
var methodEnds = []string{"操作法", "工作法", "作业法", "工法"}

// sloganVerbs before the word of a body make a quotation ending in it a
// clause, not the body's name (campaign.organisation): “有困难找工会”,
// “维权靠工会”; a body's name ends in a noun (“楼宇工会”).
const sloganVerbs = "找靠进入建爱到回是"

// clauseMarks separate the clauses of a slogan, which no body's name
// holds (campaign.organisation); 、 lists bodies (“楼宇工会、行业工会”).
const clauseMarks = ",;:!?"

// placeEnds end the quoted name of a place or a building
// (campaign.place): “…示范基地”, “…服务中心”. The places unions run as a
// programme under one name (职工之家, 驿站, 书屋) are selfHeads.
var placeEnds = []string{"基地", "中心", "园区", "广场", "大厦", "公园", "博物馆", "纪念馆", "体育馆"}

// organisationEnds end the name of a body (campaign.organisation):
// “楼宇工会”, “一办四组”领导小组.
var organisationEnds = list("工会", "协会", "委员会", "领导小组", "办公室", "联合会")

// epithetLeads before a self-named quotation make it a description
// (campaign.epithet): 作为一项“惠民工程”, 这块“金字招牌”.
var epithetLeads = list("一项", "一个", "一种", "一块", "这块", "作为", "誉为", "称为", "视为", "当作")

// maxEpithet caps the runes between 成为 and the 的 before a self-named
// quotation that it makes a description (campaign.epithet): 成为女职工的“…之家”.
const maxEpithet = 16

// actVerbs introduce an unquoted campaign (campaign.plain-verb-head):
// 深入开展送温暖活动.
var actVerbs = list("开展", "实施", "推进", "深化", "拓展", "举办", "参加", "参与", "启动", "组织开展", "召开")

// verbParticles follow a verb of running without being part of what it
// runs: the aspect of 推进了, the result of 开展好 (campaign.plain-verb-head,
// campaign.quoted-verb).
const verbParticles = "了好"

// honourVerbs and honourEnds frame an unquoted honour
// (campaign.plain-honour): 荣获全省工会工作十强县称号.
var honourVerbs = list("荣获", "获得", "评为", "获评", "荣膺", "授予", "命名为", "获")

// nameVerbs name or honour someone as what 为 introduces
// (campaign.award-as): 命名…为, 表彰…为.
var nameVerbs = list("命名", "表彰", "授予", "评选", "认定", "推选")

// recipientClassifiers and recipients count the units or people an honour
// goes to between its verb and its name (campaign.award-recipient):
// 授予10个单位…称号.
const recipientClassifiers = "个名家位"

var recipients = list("单位", "个人", "集体", "同志", "职工", "企业", "工会", "班组", "基层工会")

// holdVerbs open an unquoted list of honours that a unit holds or is put
// up for (campaign.honour-list): 具有…、…称号.
var holdVerbs = list("具有", "具备", "获得", "荣获", "授予", "评为", "获评", "推荐", "申报", "命名为", "取得")

// honourNouns end the name of an honour by what it honours
// (campaign.honour-list): 先进单位, 模范职工之家, 优秀工会工作者.
var honourNouns = []string{
	"单位", "集体", "企业", "工会", "之家", "小家", "班组", "车间", "工作者", "积极分子", "个人",
	"先锋号", "奖章", "奖状", "示范点", "示范岗", "文明岗", "标兵", "能手", "工匠", "职工", "工人", "之友",
}

// quoteJoins join the quotations of a list (campaign.quoted-list).
var quoteJoins = list("、", ",", "和", "及", "与", "以及", ",以及", "、以及")

// listJoins join the items of an unquoted list (campaign.plain-conjoined,
// campaign.honour-list).
var listJoins = list("、", "和", "及", "与", "或")

// scopes lead an unquoted name without being part of it: 开展全市集体协商要约月.
var scopes = list("全市", "全省", "全区", "全县", "全州", "全国")

// selfHeads end a quoted name that says itself what it is
// (campaign.quoted-self-head): “…大讨论”.
var selfHeads = list(
	"大讨论", "竞赛", "大赛", "活动", "行动", "工程", "评选", "杯", "行动月", "活动月",
	// Programmes of places that unions build under one name: “司机之家”,
	// 劳模创新工作室 (the ACFTU's 劳模和工匠人才创新工作室).
	"之家", "驿站", "书屋", "小屋", "服务站", "工作室",
	// and the rooms for nursing mothers at work that unions fit out
	// (the ACFTU's 爱心母婴室, 女职工休息哺乳室): “…母婴室”, “母婴关爱室”.
	"母婴室", "关爱室", "哺乳室",
	// Months, weeks, days and festivals a union holds under a name, and
	// its lecture series: “劳动者文化月”, “主席接待日”, “职工大讲堂”.
	"宣传月", "服务月", "文化月", "关爱月", "维权月", "活动周", "宣传周", "文化节", "艺术节", "嘉年华",
	"关爱日", "服务日", "活动日", "接待日", "开放日",
	"运动会", "大讲堂", "比武", "大比武",
)

// maxContestQualifier caps in runes the words of a contest's scope, year
// or people between a quotation and the contest head (contestHeads) that
// makes it the contest's name (campaign.quoted-contest):
// 2026年全县百万职工劳动和技能 is eighteen.
const maxContestQualifier = 20

// countClassifiers count the honours of a list's item, or the units an
// honour goes to (campaign.counted-list): 20个“…”, 10名“…”, 50项“…”.
const countClassifiers = "个名家位项支"

// categoryWords after a count sort what the quotations before them name
// into kinds (campaign.category-count): 两大类别, 三类, 四种类型.
var categoryWords = list("类别", "类型", "类")

// objectEnds follow a quotation that is the whole object of a verb of
// running (campaign.quoted-modifier): 开展“…”以来, 启动“…”后.
var objectEnds = list("以来", "之际", "后", "中", "时", "前", "期间", "上", "里", "之中", "过程")

// maxObject caps in runes the object after a quotation that
// campaign.quoted-modifier reads: 精准帮扶, 公益筛查现场.
const maxObject = 10

// spanPrefix caps the unquoted words that a name across quotes takes in.
const spanPrefix = 12

// destinations open a quoted place a campaign goes to: “进企业”, “下基层”.
var destinations = list("进", "走进", "下", "入", "到")

// funcRunes are function words that end the unquoted part of a name.
const funcRunes = "的为和与及以要在对把将是由从向给让使被等了"

// honouredUnits end an honour's title after its quoted part:
// 全国“六好”乡镇(街道)工会, “五好”班组.
var honouredUnits = []string{"工会", "企业", "单位", "班组", "集体", "家庭", "职工之家"}

// actHeads end an unquoted campaign; those kept in the name come first.
var actHeads = []struct {
	word string
	keep bool
}{
	{"行动月", true}, {"活动月", true}, {"宣传月", true}, {"大讨论", true},
	{"工程", true}, {"大赛", true}, {"竞赛", true}, {"要约月", true},
	{"文化节", true}, {"艺术节", true}, {"运动会", true},
	{"活动", false}, {"行动", false},
}

// headModifiers end an unquoted phrase before its head as modifiers of
// the head, not words of the name (campaign.head-modifier): 送温暖系列活动,
// 学雷锋主题活动, 职工之家创建活动 (the activity of creating one). 专项
// stays: a 专项行动 is named with it.
var headModifiers = []string{"主题", "系列", "专题", "创建"}

// eventHeads end the name of an event a union holds, which needs no
// verb before it when it says whom it is for (campaign.worker-event), and
// workerWords say that: 职工技能运动会, 农民工文化节.
var (
	eventHeads  = list("运动会", "艺术节", "文化节")
	workerWords = []string{"职工", "技能", "工会", "劳动者", "农民工", "女工", "员工", "工人"}
)

// namedHeads end an unquoted name that may be made of everyday words,
// as the programme or the event names its aim or its people: 职工健康工程,
// 职工文化艺术节 (campaign.plain-generic).
var namedHeads = []string{"工程", "文化节", "艺术节", "运动会"}

// listHeads end a list of quotations after 等 and a modifier or two
// (campaign.quoted-list): “A”、“B”等主题宣传.
var listHeads = list("活动", "行动", "宣传", "评选", "评比", "竞赛", "工程", "品牌", "项目", "赛事", "培训")

// listModifiers may stand in any number between 等 and a list head:
// 等主题劳动竞赛, 等系列职工文体活动.
var listModifiers = concat(genericWords, []string{"主题", "系列", "专题", "专项", "各类", "多项"})

// maxListModifier caps the words between 等 and a list head: 等系列活动,
// 等主题宣传, 等群众性活动.
const maxListModifier = 3

// maxUnquotedItems caps in runes the unquoted items a list of quotations
// may hold between two of them, and maxListItem one of those items: a
// list item is a short phrase (岗位练兵, 悬赏攻关), and a longer run is a
// sentence of its own.
const (
	maxUnquotedItems = 30
	maxListItem      = 8
)

// maxListGlue caps the head noun one quotation of a list may carry before
// the next item: “A”培训班、“B”活动.
const maxListGlue = 3

// genericStarts make an unquoted phrase a kind of activity, not a name,
// unless a specific name follows them (campaign.plain-generic): 各类文体活动,
// 丰富多彩的活动, but 群众性经济技术创新活动.
var genericStarts = []string{
	"各类", "各种", "各项", "一系列", "系列", "多种", "丰富", "形式多样", "主题",
	"专题", "这", "此", "该", "相关", "有关", "各", "多项", "一些", "一次", "群众性",
	"了", "一", "多", "本", "其", "我们", "大量", "广泛",
}

// genericActivities and genericModifiers are what every organisation
// does and how it says so (campaign.plain-generic): an unquoted phrase
// made of them only names a kind of activity, not a campaign: 集中慰问,
// 节前慰问走基层, 女职工技能竞赛. A programme (…工程) is named by its aim
// and may be made of them: 职工健康工程.
var genericActivities = []string{
	"调查研究", "调研", "培训", "慰问", "走访", "看望", "探望", "座谈", "文体", "宣传",
	"学习", "教育", "检查", "督查", "帮扶", "救助", "捐助", "捐款", "比赛", "竞赛",
	"劳动竞赛", "技能竞赛", "评比", "文化", "文艺", "体育", "志愿服务", "志愿者", "公益",
	"庆祝", "纪念", "宣讲", "交流", "学习交流", "联谊", "义诊", "植树", "义务劳动",
	"技术创新", "职工技术创新", "劳动", "立功", "走基层", "下基层", "进基层", "服务",
	"合理化建议", "技术革新", "发明创造", "岗位练兵", "技术比武", "技能比武", "师带徒",
	"健身", "读书", "演出", "观影", "参观", "旅游", "体检", "疗休养", "疗养", "休养",
}

var genericModifiers = []string{
	"集中", "节前", "节日", "春节", "节后", "上门", "专项", "联合", "日常", "有益", "健康",
	"丰富", "有意义", "多彩", "精彩", "职工", "女职工", "干部", "会员", "身心", "技能", "农民工", "关爱",
}

var genericWords = concat(genericActivities, genericModifiers)

// genericTail are the genericWords that, ending an unquoted phrase, make
// it an everyday activity on a topic: 安全生产知识培训, 节前慰问走基层.
var genericTail = []string{
	"调研", "培训", "慰问", "走访", "看望", "探望", "座谈", "检查", "督查", "宣讲",
	"交流", "学习交流", "联谊", "义诊", "走基层", "下基层", "进基层", "参观", "旅游", "体检",
}

// minPlainCore is the shortest unquoted name in runes outside the lexicon.
// Two-character phrases before 活动 are kinds of activity (有益活动,
// 联谊活动, 植树活动); the two-character names unions use unquoted
// (五小, 双联, 创争) are in the lexicon.
const minPlainCore = 3

// minAfterGeneric is the shortest specific name in runes after a generic
// start: 群众性经济技术创新 names a programme; 各类文体 and the four-character
// phrases that say what an activity is about (各种学习创新, 群众性安全生产)
// do not.
const minAfterGeneric = 5

// otherAwards end an honour that another body than a union awards
// (campaign.other-awarder): 劳动模范, 先进工作者 and 模范集体 (the State
// Council and provincial governments), 文明单位 (the commissions for spiritual
// civilisation), 三八红旗手, 巾帼文明岗 and 巾帼建功标兵 (the women's
// federations), 青年文明号, 五四青年奖章 and 青年岗位能手 (the Communist
// Youth League), 技术能手 (the human-resources departments, at every level:
// 省技术能手), 优秀共产党员 and 先进基层党组织 (the party), 道德模范 (the
// propaganda departments). A plain 岗位能手 may be a union's own honour.
var otherAwards = []string{
	"劳动模范", "先进工作者", "文明单位", "文明单位标兵", "文明城市", "文明村镇", "三八红旗手",
	"三八红旗集体", "巾帼文明岗", "青年文明号", "五四青年奖章", "优秀共产党员",
	"先进基层党组织", "道德模范", "优秀党务工作者", "模范集体",
	"巾帼建功标兵", "青年岗位能手", "技术能手",
}

// ownerBodies are the party committees and governments whose own
// programmes a quotation right after them names (campaign.other-owner):
// 省委“…”工程, 市政府“…”行动. A union runs its campaigns under its own name.
var ownerBodies = list("省委", "市委", "县委", "区委", "州委", "党委", "党组", "政府", "团委", "妇联")

// civilWorks are the words of building and infrastructure that make a
// name ending in 工程 a construction project (campaign.civil-works), on
// which unions run competitions without it being one: 堤防加固工程, as
// against 职工素质建设工程.
var civilWorks = []string{
	"加固", "改造", "扩建", "改建", "新建", "公路", "铁路", "高速", "大桥", "桥梁", "隧道", "水库",
	"堤防", "河道", "管网", "电站", "机场", "港口", "码头", "地铁", "轨道", "水利", "厂房",
	"大楼", "管道", "线路", "变电", "污水", "供水", "棚户区",
}

// aliasMin is the shortest bracketed alias in runes that names a campaign
// apart from the name before it (campaign.alias-bracket): 育才关怀(金秋助学)
// is two names, 乡镇(街道)工会 and 十强县(市) are one.
const aliasMin = 3

// timeWords date a known campaign in its quoted name without naming
// another (campaign.known-core): “两节送温暖”, “冬季送温暖”.
var timeWords = []string{
	"两节", "元旦", "春节", "新春", "中秋", "国庆", "端午", "冬季", "夏季", "秋季", "春季",
	"年度", "节日", "节前", "岁末", "年初", "年底", "全年", "今年", "当年",
}

// placeRunes end a word that names a place or a level, which an honour
// keeps before a known name (湖南省五一劳动奖章, 市级模范职工小家) where campaign.known-core
// drops any other qualifier.
const placeRunes = "国省市县区州盟旗镇乡村级"

// wordList is a list of folded words, held as runes as well: the scans
// compare them with the text at every position, and decoding the words
// there again each time was a sixth of the time Extract took.
type wordList struct {
	words []string
	runes [][]rune
}

func list(ws ...string) wordList {
	l := wordList{words: ws}
	for _, w := range ws {
		l.runes = append(l.runes, []rune(w))
	}
	return l
}
