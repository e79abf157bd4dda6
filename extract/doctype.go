package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// wordRule is a doctype rule that fires on any of its words in folded
// text, unless one of its exceptions is there too.
type wordRule struct {
	*rule.Rule
	doctype      string
	words, minus []string
}

func (w wordRule) match(folded string) bool {
	for _, x := range w.minus {
		folded = strings.ReplaceAll(folded, x, "")
	}
	return containsAny(folded, w.words...)
}

func newWordRule(name, why, accept, reject, doctype string, words []string, minus ...string) wordRule {
	w := wordRule{doctype: doctype, words: words, minus: minus}
	w.Rule = rule.New(rule.Rule{Name: name, Why: why, Accept: accept, Reject: reject,
		Fires: func(s string) bool { return w.match(zh.Fold(s)) }})
	return w
}

// titleDoctypes are tried in order on the title: an account given at an
// experience-exchange meeting is experience material, though delivered as
// a 发言, and a 报告 at a 报告会 is no report.
var titleDoctypes = []wordRule{
	newWordRule("doctype.title-experience", "the title names experience material", "社区工会经验交流材料", "社区工会工作总结",
		corpus.DoctypeExperience, []string{"经验交流", "经验材料", "典型材料", "交流材料", "典型经验", "经验做法"}),
	newWordRule("doctype.title-speech", "the title names a speech", "在全县工会工作会议上的讲话", "全县工会工作会议召开",
		corpus.DoctypeSpeech, []string{"讲话", "致辞", "致词", "发言", "演讲", "讲稿", "主持词", "贺词", "动员会上", "报告会上"}),
	newWordRule("doctype.title-summary", "the title names a summary, a report on work or a review; a meeting named "+
		"after one (述职报告会, 总结大会) is an event", "县总工会2016年工作总结", "劳模事迹报告会举行",
		corpus.DoctypeSummary, []string{"总结", "述职", "汇报", "报告", "工作情况", "工作回顾"}, "述职报告会", "报告会", "述职会", "汇报会", "总结会", "总结大会", "总结表彰"),
	newWordRule("doctype.title-news", "the title names a news genre", "全市工会工作综述", "全市工会工作要点",
		corpus.DoctypeNews, []string{"综述", "纪实", "工作纪", "侧记", "报道", "新闻", "通讯", "巡礼", "记者", "见闻"}),
}

// titleEventAt is where among titleDoctypes doctype.title-event is tried:
// after experience material and speeches, before summaries.
const titleEventAt = 2

// crumbDoctypes are tried on the last segment of each breadcrumb, last
// breadcrumb first.
var crumbDoctypes = []wordRule{
	newWordRule("doctype.crumb-experience", "the site files the page under experience material", "首页 > 经验交流", "首页 > 工作动态",
		corpus.DoctypeExperience, []string{"经验交流", "经验材料", "典型经验"}),
	newWordRule("doctype.crumb-speech", "the site files the page under speeches", "首页 > 领导讲话", "首页 > 工作动态",
		corpus.DoctypeSpeech, []string{"领导讲话", "讲话"}),
	newWordRule("doctype.crumb-summary", "the site files the page under summaries", "首页 > 工作总结", "首页 > 工作动态",
		corpus.DoctypeSummary, []string{"工作总结", "总结", "述职"}),
}

// bodyDoctypes are tried on the body when title and navigation say
// nothing, as an excerpt that starts mid-text has neither: the kind whose
// words the body uses most wins, a speech before a summary before
// experience material on a tie.
var bodyDoctypes = []wordRule{
	newWordRule("doctype.body-speech", "a speech addresses its audience and speaks for someone (同志们, 我代表, 讲几点意见, 谢谢大家)",
		"下面，我讲三点意见。同志们，任务艰巨。", "全县工会组织开展了送温暖活动。",
		corpus.DoctypeSpeech, []string{"同志们", "我代表", "点意见", "下面，我讲", "下面,我讲", "谢谢大家", "女士们", "各位代表"}),
	newWordRule("doctype.body-summary", "a summary reviews a period's work and announces itself (总结如下, 报告如下, 存在的问题, 工作打算, 做了以下几方面工作)",
		"现将一年来的工作总结如下：", "全县工会组织开展了送温暖活动。",
		corpus.DoctypeSummary, []string{"总结如下", "报告如下", "汇报如下", "述职如下", "工作总结", "存在的问题", "存在问题", "工作打算", "工作思路", "述职",
			"以下几方面工作", "以下几个方面的工作", "以下几项工作", "做了以下工作", "下一步打算", "下一步工作打算", "明年工作打算", "今后工作打算"}, "总结会", "总结大会", "总结表彰"),
	newWordRule("doctype.body-experience", "experience material tells its ways and lessons (主要做法, 几点体会, 经验做法)",
		"我们的主要做法是：", "全县工会组织开展了送温暖活动。",
		corpus.DoctypeExperience, []string{"主要做法", "经验做法", "几点体会", "点体会", "做法和体会", "经验交流", "几点启示"}),
}

// bodyKind returns the kind the body's words name most, or "".
func bodyKind(body []string) string {
	f := zh.Fold(strings.Join(body, ""))
	best, hits := "", 0
	for _, w := range bodyDoctypes {
		if !w.On() {
			continue
		}
		if n := countContained(f, w.words); n > hits {
			best, hits = w.doctype, n
		}
	}
	return best
}

var (
	doctypeTitleOther = newWordRule("doctype.title-other",
		"a notice, rules, a plan or a list is none of the four kinds, unless a byline or dateline says it is reported",
		"关于开展金秋助学活动的通知", "金秋助学活动启动",
		corpus.DoctypeOther, []string{"通知", "公告", "决定", "意见", "办法", "规定", "方案", "细则", "章程", "名单", "公示", "通报", "条例", "规划", "要点", "计划"})
	doctypeCrumbNews = newWordRule("doctype.crumb-news", "the site files the page under news: a breadcrumb, not a menu, names it", "首页 > 工会动态", "首页 > 机构简介",
		corpus.DoctypeNews, []string{"新闻", "动态", "要闻", "资讯", "报道"})

	doctypeBodyNews = newWordRule("doctype.body-news",
		"a report tells what was learnt and who said what (据了解, 据悉, 获悉, 某某表示，): with no other kind named, "+
			"the text is news, as most of what outlets and portals publish is",
		"县总工会主席表示，工会将继续关心困难职工。", "县总工会现有干部12人，下设办公室、组织部。",
		corpus.DoctypeNews, []string{"据了解", "据悉", "获悉", "据介绍", "表示,", "表示:", "指出,", "强调,", "介绍说", "记者"})
	doctypeTitleEvent = rule.New(rule.Rule{
		Name: "doctype.title-event",
		Why: "a title that tells that someone held an event (…召开…会, …举行…仪式, …举办…活动) or that a union did " +
			"something (县总工会开展…, 公司工会荣获…) is a news headline, though the event is named after a report " +
			"or a summary; a title ending in a document's kind (…活动总结) is that document",
		Accept: "区总工会召开2021年度工会工作者述职报告会", Reject: "关于召开全县工会工作会议的通知",
		Fires: func(s string) bool { return titleEvent(zh.Fold(s)) },
	})
	doctypePageTurn = rule.New(rule.Rule{
		Name:   "doctype.page-turn",
		Why:    "a continuation note ((上接第1版), (下转第3版)) is a newspaper's: the item is a report in a newspaper",
		Accept: "（上接第1版）", Reject: "第1版",
		Fires: func(s string) bool { return isPageTurn(foldLine(s)) },
	})

	doctypeTitleUnit = rule.New(rule.Rule{
		Name: "doctype.title-unit",
		Why: "experience material given at an exchange names its unit in brackets after the title " +
			"(…的无限活力（某某区委）); news, speeches and reports do not",
		Accept: "建强阵地 服务职工（某某区总工会）", Reject: "在区总工会全委（扩大）会议上",
		Fires: func(s string) bool { return titleAuthor(s) != "" },
	})
	doctypeSalutation = rule.New(rule.Rule{
		Name:   "doctype.salutation",
		Why:    "a text that opens by addressing its audience (同志们：, 各位代表：) is a speech",
		Accept: "各位代表、同志们：", Reject: "各位代表认真审议了报告。",
		Fires: func(s string) bool { return salutation(zh.Fold(s)) },
	})
	doctypeLeadTime = rule.New(rule.Rule{
		Name: "doctype.lead-time",
		Why: "a news lead tells when it happened within its first clauses (16日, 3月8日上午, 近日, 日前), or " +
			"that the reporter learnt it (记者从…获悉); a report of events is news however short",
		Accept: "为让职工过好节日，16日，区总工会开展集中慰问活动。",
		Reject: "区总工会现有干部12人，下设办公室、组织部。",
		Fires:  func(s string) bool { return leadTime(zh.Fold(s)) },
	})
	doctypePortalStamp = rule.New(rule.Rule{
		Name: "doctype.portal-stamp",
		Why: "an item a portal dates and credits to an outlet (时间: and 来源: above it) is a report of events, " +
			"on a text copy as on the web page",
		Accept: "时间：2016-04-12 来源：某某县总工会", Reject: "时间：2016-04-12 我要投稿",
		Fires: func(s string) bool {
			var h header
			readFields(&h, s, foldLine(s))
			return portalStamp(h)
		},
	})
)

var (
	titleEventRe = regexp.MustCompile(`(?:召开|举行|举办)[^。!?！？]{0,40}(?:会|会议|大会|仪式|典礼|活动|比赛|竞赛|大赛|论坛|培训班|座谈|讲座|晚会|展览)$`)
	// A unit that did something: 县总工会开展…, 公司工会荣获….
	titleActionRe = regexp.MustCompile(`^[\p{Han}a-z0-9“”"]{0,24}?(?:总工会|工会|工委|女工委|职工之家)(?:开展|举办|召开|举行|启动|走访|慰问|看望|表彰|荣获|获评|获|签订|发放|送|推出|成立|实施|部署|为)`)
)

// titleEvent reports whether a folded title tells of an event held or a
// unit's act (doctype.title-event); a notice of one starts 关于, and a
// title that ends by naming a kind of document (…活动总结) is that
// document.
func titleEvent(t string) bool {
	if strings.HasPrefix(t, "关于") || docKindSuffix.MatchString(t) {
		return false
	}
	// Each pattern needs its words, which most titles lack: the tests
	// spare those the patterns' tries at every start.
	return containsAny(t, "召开", "举行", "举办") && titleEventRe.MatchString(t) ||
		strings.Contains(t, "工") && titleActionRe.MatchString(t)
}

// maxSalutationRunes bounds a salutation: 尊敬的各位领导、各位来宾，女士们、
// 先生们： runs to twenty; a longer line that ends in a colon introduces a
// list.
const maxSalutationRunes = 30

// salutation reports whether the folded first line of a body addresses an
// audience.
func salutation(first string) bool {
	return utf8.RuneCountInString(first) <= maxSalutationRunes && strings.HasSuffix(strings.TrimRight(first, " "), ":") &&
		containsAny(first, "同志们", "各位", "女士们", "朋友们", "代表")
}

// leadClauseRunes: a lead's time phrase stands within its first clauses,
// about this many characters in.
const leadClauseRunes = 40

var leadTimeRe = regexp.MustCompile(`(?:记者|笔者)[^。,，]{0,16}?(?:获悉|了解到)|(?:^|[,，\s于])(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:上午|下午|晚上|晚|早上|凌晨|中午)?(?:[,，\s]|$)|(?:^|[,，\s于]|^从|^自)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:上午|下午|晚上|晚|早上|凌晨|中午)?|^(?:近日|日前|昨日|昨天|前天|前日|今天|今日|当天|连日来|近期|日前)`)

// leadTime reports whether the folded first paragraph opens as a news lead
// does, with the time of the event (doctype.lead-time).
func leadTime(first string) bool {
	// Mojibake (????) or spaces may stand before the lead's first word.
	first = strings.TrimLeft(first, "?？ ")
	if doctypeQuoteOpener.On() {
		first = afterOpeningQuote(first)
	}
	if k := strings.IndexAny(first, "。!?！？"); k >= 0 {
		first = first[:k]
	}
	rs := []rune(first)
	if len(rs) > leadClauseRunes {
		first = string(rs[:leadClauseRunes])
	}
	return leadTimeRe.MatchString(first)
}

var doctypeSampleLead = rule.New(rule.Rule{
	Name: "doctype.sample-lead",
	Why: "a site's numbered samples (…工作总结篇一, 篇二) carry their collection's title, which names the kind the " +
		"site files them under; a sample that opens as a news lead does (1月6日，…) is a report of events",
	Accept: "1月6日，全市工会送温暖活动拉开序幕。", Reject: "一年来，在县委的领导下，县总工会围绕中心开展工作。",
	Fires: func(s string) bool { return leadTime(zh.Fold(s)) },
})

var doctypeQuoteOpener = rule.New(rule.Rule{
	Name: "doctype.quote-opener",
	Why: "a feature may open on a quoted cry or saying, whole sentences in quotation marks (“…出新的贡献！”); " +
		"the lead's time phrase comes in the sentence after it",
	Accept: "“赛出新高度，建功新时代！”3月23日上午，市总工会举行劳动竞赛启动大会。",
	Reject: "“赛出新高度”劳动竞赛启动大会召开，职工代表发言。",
	Fires:  func(s string) bool { f := zh.Fold(s); return afterOpeningQuote(f) != f },
})

// afterOpeningQuote returns folded first after a quotation that opens it
// with whole sentences (doctype.quote-opener), else first.
func afterOpeningQuote(first string) string {
	rest, ok := strings.CutPrefix(first, "“")
	if !ok {
		return first
	}
	k := strings.Index(rest, "”")
	if k <= 0 {
		return first
	}
	r, _ := utf8.DecodeLastRuneInString(rest[:k])
	if !strings.ContainsRune("。!?！？", r) {
		return first
	}
	return strings.TrimLeft(rest[k+len("”"):], " ")
}

var doctypeUnionActs = rule.New(rule.Rule{
	Name: "doctype.union-acts",
	Why: "a first sentence whose subject is a union (…总工会, …工会, 工联会, 职工盟) and whose verb is an act (开展, 举办, 打造, 慰问 …) " +
		"reports events, told in the third person: news, however short; a union described (现有, 下设) or speaking " +
		"of itself (我县, 我们) is not. A short scene-setting sentence before it (秋风送爽，丹桂飘香。) and a purpose " +
		"clause (为弘扬劳模精神，…) are passed over",
	Accept: "秋风送爽，丹桂飘香。市总工会以服务职工为导向，在商圈和楼宇打造了一批共享职工之家。",
	Reject: "区总工会现有干部12人，下设办公室、组织部。",
	Fires:  func(s string) bool { return unionActs(zh.Fold(s)) },
})

// sceneOpenerRunes bounds a feature's scene-setting first sentence.
const sceneOpenerRunes = 16

// unionSubjectRunes: the union that is a sentence's subject is named
// within its first this many characters.
const unionSubjectRunes = 24

var (
	// unionActRe: verbs of a union acting; not 组织 or 帮扶, which name units too (组织部, 帮扶中心).
	unionActRe    = regexp.MustCompile(`开展|举办|举行|召开|打造|启动|慰问|走访|发放|推出|建成|签订|表彰|部署|送去|筹集|投入|资助|发起`)
	firstPersonRe = regexp.MustCompile(`我(?:们|县|市|区|镇|省|会|局|厂|司|公司|单位)`)
)

// unionNames are what a union is called: 工会, and the Hong Kong
// confederations' short names (工联会, 职工盟, 劳联), which do not say 工会.
var unionNames = []string{"工会", "工联会", "职工盟", "劳联"}

// unionNameAt returns where the first union name stands in folded s, or -1.
func unionNameAt(s string) int {
	at := -1
	for _, n := range unionNames {
		if k := strings.Index(s, n); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	return at
}

// unionActs reports whether the folded first paragraph reports a union's
// act in the third person (doctype.union-acts).
func unionActs(first string) bool {
	// A lead that opens on its purpose (为大力弘扬劳模精神，…) names the
	// union after it.
	if rest, ok := strings.CutPrefix(first, "为"); ok {
		if k := strings.IndexAny(rest, ",，"); k >= 0 && !strings.ContainsAny(rest[:k], "。!?！？;；") {
			_, w := utf8.DecodeRuneInString(rest[k:])
			first = strings.TrimLeft(rest[k+w:], " ")
		}
	}
	if k := strings.IndexAny(first, "。!?！？;；"); k >= 0 {
		// A feature may open on a scene (秋风送爽，丹桂飘香。): the
		// report starts with the sentence after it.
		if !strings.Contains(first[:k], "工会") && utf8.RuneCountInString(first[:k]) <= sceneOpenerRunes {
			return unionActs(strings.TrimLeft(first[k+1:], " "))
		}
		first = first[:k]
	}
	k := unionNameAt(first)
	if k < 0 || utf8.RuneCountInString(first[:k]) > unionSubjectRunes || firstPersonRe.MatchString(first) {
		return false
	}
	return unionActRe.MatchString(first[k:])
}

// portalStamp reports whether a header dates the item and credits an
// outlet (doctype.portal-stamp).
func portalStamp(h header) bool { return h.fieldDate != "" && h.publisher != "" }

var docSiteRe = regexp.MustCompile(`文秘|范文|文库|文档|百科|博客|论坛|空间|资料|公文|写作|作文|办公`)

// datedByOutlet reports whether a text page dates the item by its own
// stamp and names the outlet that published it: a report of events by an
// outlet or portal, unless the outlet is a document site, whose dated
// pages carry samples of every kind (doctype.portal-stamp).
func datedByOutlet(h header, publisher string) bool {
	return (h.fieldDate != "" || h.lineDate != "") && publisher != "" && !docSiteRe.MatchString(zh.Fold(publisher))
}

// doctype decides the kind of document from its title, the navigation
// around it and the opening of its body. news says a byline, a dateline,
// a newspaper or the page's own stamp marks a report of events.
func doctype(title string, crumbs []string, body []string, news bool) string {
	t := zh.Fold(title)
	for i, w := range titleDoctypes {
		// An event's headline is news before its name says report;
		// a speech or experience material given at it says so first.
		if i == titleEventAt && doctypeTitleEvent.On() && titleEvent(t) {
			return corpus.DoctypeNews
		}
		if w.On() && w.match(t) {
			return w.doctype
		}
	}
	if doctypeTitleUnit.On() && titleAuthor(title) != "" {
		return corpus.DoctypeExperience
	}
	for i := len(crumbs) - 1; i >= 0; i-- {
		c := crumbs[i]
		if k := strings.LastIndexAny(c, ">»›|"); k >= 0 {
			c = c[k:]
		}
		for _, w := range crumbDoctypes {
			if w.On() && w.match(c) {
				return w.doctype
			}
		}
	}
	var first string
	if len(body) > 0 {
		first = zh.Fold(body[0])
	}
	if doctypeSalutation.On() && salutation(first) {
		return corpus.DoctypeSpeech
	}
	if doctypeTitleOther.On() && doctypeTitleOther.match(t) {
		return corpus.DoctypeOther
	}
	if news {
		return corpus.DoctypeNews
	}
	if doctypeLeadTime.On() && leadTime(first) {
		return corpus.DoctypeNews
	}
	if k := bodyKind(body); k != "" {
		return k
	}
	if doctypeBodyNews.On() && doctypeBodyNews.match(zh.Fold(strings.Join(body, ""))) {
		return corpus.DoctypeNews
	}
	if doctypeUnionActs.On() && unionActs(first) {
		return corpus.DoctypeNews
	}
	for _, c := range crumbs {
		if doctypeCrumbNews.On() && isCrumbPath(c) && doctypeCrumbNews.match(c) {
			return corpus.DoctypeNews
		}
	}
	return corpus.DoctypeOther
}

// isCrumbPath reports whether a navigation line is a breadcrumb, a path
// to the page (首页 > 工会动态 > 正文), rather than a site's menu
// (首页 | 工会动态 | 通知公告), which every page of a portal repeats and
// which says nothing of where this page is filed.
func isCrumbPath(c string) bool {
	return strings.ContainsAny(c, ">»›") || strings.Contains(c, "位置")
}
