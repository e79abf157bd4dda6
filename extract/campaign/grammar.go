package campaign

// The grammar of campaign names, in folded (simplified, halfwidth) form.

// heads after a quoted name make it a campaign: “送温暖”活动, “安康杯”竞赛,
// “工人先锋号”称号.
var heads = []string{
	"活动", "行动", "工程", "竞赛", "大赛", "称号", "荣誉", "品牌", "评选",
	"创建", "主题", "示范", "帮扶", "建设", "专栏", "热潮", "创新", "专题", "工作",
	"学历提升", "为载体", "为主要载体", "为契机", "为抓手",
	"等活动", "等评选", "等工作", "等多项", "等各类", "系列", "大讨论",
	"和立功竞赛", "劳动竞赛", "竞赛活动", "立功竞赛", "建功立业", "评比", "热线",
}

// verbs before a quoted name make it a campaign: 开展“走百企”, 评为“…”.
var verbs = []string{
	"开展", "开展了", "实施", "推进", "深化", "深化了", "评为", "授予", "荣获", "获得",
	"选树", "参加", "创建", "举办", "启动", "落实好", "推广", "推出的", "投入",
	"和", "及", "、", "以及", "深入推进", "做实职工",
	"获评", "被评为", "荣膺", "建成", "新建", "打造",
}

// honourHeads join the quoted word to the honour it names: “五一”劳动奖章.
var honourHeads = []string{"劳动奖章", "奖章", "奖状", "巾帼奖", "先锋号", "示范岗", "文明岗"}

// notAfter are words after a quotation that make it a slogan, a guideline,
// a plan or a goal rather than a campaign.
var notAfter = []string{
	"的", "规划", "期间", "时期", "计划", "重要思想", "工作方针", "方针",
	"要求", "目标", "精神", "战略", "口号", "理论", "原则", "理念", "步伐",
	"大局", "发展", "建设规划", "良好", "开局", "决定", "意见", "条例",
	"组织", "工会", "普法",
}

// planNames are five-year plans, which are quoted like campaigns.
var planPrefixes = []string{"十五", "十一五", "十二五", "十三五", "十四五", "十五五", "九五", "八五", "七五"}

// actVerbs introduce an unquoted campaign: 深入开展送温暖活动.
var actVerbs = []string{"开展了", "开展", "实施", "推进", "深化", "举办", "参加", "启动", "开展好", "组织开展", "召开"}

// honourVerbs and honourEnds frame an unquoted honour: 荣获全省工会工作十强县称号.
var honourVerbs = []string{"荣获", "获得", "评为", "获评", "荣膺", "授予", "命名为"}
var honourEnds = []string{"荣誉称号", "称号"}

// scopes lead an unquoted name without being part of it: 开展全市集体协商要约月.
var scopes = []string{"全市", "全省", "全区", "全县", "全州", "全国"}

// selfHeads end a quoted name that says itself what it is: “…大讨论”.
var selfHeads = []string{
	"大讨论", "竞赛", "大赛", "活动", "行动", "工程", "评选", "杯", "行动月", "活动月",
	// Programmes of places that unions build under one name: “司机之家”.
	"之家", "驿站", "书屋", "小屋", "服务站",
}

// spanPrefix caps the unquoted words that a name across quotes takes in.
const spanPrefix = 12

// destinations open a quoted place a campaign goes to: “进企业”, “下基层”.
var destinations = []string{"进", "走进", "下", "入", "到"}

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
	{"活动", false}, {"行动", false},
}

// genericStarts make an unquoted phrase a kind of activity, not a name:
// 各类文体活动, 丰富多彩的活动.
var genericStarts = []string{
	"各类", "各种", "各项", "一系列", "系列", "多种", "丰富", "形式多样", "主题",
	"专题", "这", "此", "该", "相关", "有关", "各", "多项", "一些", "一次", "群众性",
	"了", "一", "多", "本", "其", "我们", "大量", "广泛",
}

// genericNames are activities every organisation runs; named campaigns
// are more specific.
var genericNames = []string{
	"调查研究", "调研", "培训", "慰问", "文体", "宣传", "学习", "教育", "检查",
	"督查", "走访", "帮扶", "比赛", "竞赛", "劳动竞赛", "技能竞赛", "评比",
	"文化", "文艺", "体育", "志愿服务", "公益", "庆祝", "纪念", "座谈",
	"劳动", "立功", "宣讲", "交流", "学习交流", "技术创新", "职工技术创新",
}

// lexicon holds well-known national union campaigns, programmes and
// honours that reports mention without quotes. It is one signal next to
// the grammar of quotes and heads, not a list of every name.
var lexicon = []string{
	"送温暖", "金秋助学", "工人先锋号", "安康杯", "职工之家", "职工书屋",
	"五一劳动奖章", "五一巾帼奖",
	"春送岗位", "农民工平安返乡", "双爱双评", "创争", "职工技能登高",
	"女职工维权行动月", "集体协商要约行动", "工资集体协商要约", "最美职工",
	"求学圆梦", "大国工匠", "五小", "双联", "百日攻坚",
	"暖冬行动", "春风行动", "阳光就业", "千万农民工援助行动", "先进性教育",
	"保持共产党员先进性教育", "工会服务站", "爱心驿站",
	"户外劳动者服务站点", "职工素质建设工程", "职工素质工程", "职工技术创新工程",
	"职工经济技术创新工程", "建功立业工程",
}
