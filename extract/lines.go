package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// gamblingLineMax is the longest line line.gambling-ad takes: an advert is
// a slogan, where a report on a gambling case runs to sentences.
const gamblingLineMax = 60

// isGamblingLine leaves a line with a link glued into its text (某某娱乐官网:)
// to ad.gambling, which cuts the link out and keeps the text.
func isGamblingLine(f string, n int) bool {
	return n <= gamblingLineMax && !strings.HasSuffix(f, "。") && isGamblingAd(f, hline{}) &&
		!(mayGamble(f) && gamblingAdRe.MatchString(f))
}

// The rules that tell what one line of a page is. Each Fires takes a raw
// line, as the examples are written; classifyFolded asks the same
// predicates of the folded, trimmed line.

var (
	linePageTurn = rule.New(rule.Rule{
		Name:   "line.page-turn",
		Why:    "a newspaper's continuation note names a page: (下转第二版), 上接第3版",
		Accept: "（下转第三版）", Reject: "转变作风，服务职工。",
		Fires: func(s string) bool { return isPageTurn(foldLine(s)) },
	})
	lineStop = rule.New(rule.Rule{
		Name:   "line.stop",
		Why:    "the article is over where a related-news list, an editor's line, a print bar or a copyright opens",
		Accept: "相关新闻：", Reject: "相关单位负责人参加了会议。",
		Fires: func(s string) bool { f := foldLine(s); return isStop(f, utf8.RuneCountInString(f)) },
	})
	lineJunk = rule.New(rule.Rule{
		Name:   "line.junk",
		Why:    "footer and toolbar labels (联系我们, 地址:, 点击数, ICP备) open or fill a short line; a footer's label and its copyright or registration (主办:… 版权所有… ICP备…) make a long one",
		Accept: "地址：某某路8号", Reject: "请联系我们的工会干部。",
		Fires: func(s string) bool { f := foldLine(s); return utf8.RuneCountInString(f) <= 80 && isJunk(f) },
	})
	lineMeta = rule.New(rule.Rule{
		Name:   "line.meta",
		Why:    "a byline or field line: 来源:, 作者:, a reporter's title at its start, a date alone, a URL",
		Accept: "来源：某某日报 2012-05-03", Reject: "来源广泛的职工代表参加了讨论。",
		Fires: func(s string) bool { f := foldLine(s); return isMeta(f, utf8.RuneCountInString(f)) },
	})
	lineNav = rule.New(rule.Rule{
		Name:   "line.nav",
		Why:    "menus and breadcrumbs: 当前位置:, short segments between separators, many short words with no sentence",
		Accept: "首页 > 工会动态 > 基层风采", Reject: "全县工会组织开展了送温暖活动。",
		Fires: func(s string) bool { f := foldLine(s); return isNav(f, utf8.RuneCountInString(f)) },
	})
	lineAd = rule.New(rule.Rule{
		Name:   "line.ad",
		Why:    "a whole line of injected advertising: an origin claim with a channel (本文来源于…网，原创转载请注明)",
		Accept: "本文来源于某某范文网，原创转载请注明出处。", Reject: "本文介绍了区总工会的做法。",
		Fires: func(s string) bool { return stripAds(s) == "" },
	})

	lineGambling = rule.New(rule.Rule{
		Name: "line.gambling-ad",
		Why: "documented word list, as html.gambling-ad: a line of at most gamblingLineMax runes with a gambling word " +
			"(百家乐, 娱乐城, 葡京) and a call to act (注册, 彩金, 返水, an address) is an advert a copied page carries",
		Accept: "真人百家乐 注册就送58元彩金 官方网址www.example.com", Reject: "区总工会配合公安机关开展宣传，提醒职工远离百家乐等网络赌博。",
		Fires: func(s string) bool { f := foldLine(s); return isGamblingLine(f, utf8.RuneCountInString(f)) },
	})

	lineEpaper = rule.New(rule.Rule{
		Name:   "line.epaper-chrome",
		Why:    "an e-paper's page chrome names pages and turns them: 第A03版:, 上一版, 版面导航, PDF版",
		Accept: "第B05版：综合新闻", Reject: "第五版工会法修订后，职工权益更有保障。",
		Fires: func(s string) bool { f := foldLine(s); return isEpaperChrome(f, utf8.RuneCountInString(f)) },
	})
	lineSearch = rule.New(rule.Rule{
		Name:   "line.search-box",
		Why:    "the label of a search box (新闻搜索:, 站内搜索) is a form, not a sentence, though it ends in a colon",
		Accept: "站内搜索：", Reject: "搜索救援队员连夜进山。",
		Fires: func(s string) bool { f := foldLine(s); return isSearchBox(f, utf8.RuneCountInString(f)) },
	})
	lineData = rule.New(rule.Rule{
		Name:   "line.data-row",
		Why:    "a long line that is nearly all digits and separators is a counter or a chart's data, not prose",
		Accept: "2019-03-01,1203| 2019-03-02,1207| 2019-03-03,1211| 2019-03-04,1219|",
		Reject: "全年共走访慰问困难职工1203户，发放慰问金120.5万元，惠及职工家庭3000余户。",
		Fires:  func(s string) bool { f := foldLine(s); return isDataRow(f, utf8.RuneCountInString(f)) },
	})
	lineDownload = rule.New(rule.Rule{
		Name: "line.download-note",
		Why: "a document site's page and download notes: 第 1 页 共 9 页, 下载后可任意编辑, 省略N字, 此处隐藏N个字, (未完,全文共N字), " +
			"and the terms it lists above a file (下载文档前请自行甄别, 仅部分预览, 如文档侵犯您的权益, 人工客服工作时间)",
		Accept: "第 2 页 共 7 页", Reject: "全年召开职代会2次，共7项议题。",
		Fires: func(s string) bool { return isDownloadNote(foldLine(s)) },
	})
	lineTOC = rule.New(rule.Rule{
		Name:   "line.toc",
		Why:    "a table of contents: its 目录 heading, and entries led by dots to a page number",
		Accept: "一、基本情况……………………3", Reject: "一、基本情况",
		Fires: func(s string) bool { return isTOC(foldLine(s)) },
	})
	lineFieldValue = rule.New(rule.Rule{
		Name: "line.field-value",
		Why: "a document site's file card is short labelled figures (ID:2128, 大小:24.5 KB, 页数:3页, 阅读数:1012): " +
			"a label of a few characters, a colon and a value that is a figure",
		Accept: "页数：3页", Reject: "聚焦：2016年全县工会工作会议",
		Fires: func(s string) bool { f := foldLine(s); return isFieldValue(f, utf8.RuneCountInString(f)) },
	})
	lineNameDate = rule.New(rule.Rule{
		Name: "line.name-date",
		Why: "a unit's or site's name with a date after it (青松县总工会 2018-01-25), or any name with a dot " +
			"before the date (某某财经·2026-02-12 04:51), or a date and an outlet after it (2020-08-18 10:00 某某电视台), " +
			"is the stamp under a headline; " +
			"a headline with a date after it is a list's entry and keeps its words",
		Accept: "青松县总工会 2018-01-25", Reject: "县总工会开展送温暖活动 2018-01-25",
		Fires: func(s string) bool { f := foldLine(s); return isNameDate(f, utf8.RuneCountInString(f)) },
	})
	linePaperStamp = rule.New(rule.Rule{
		Name:   "line.paper-stamp",
		Why:    "a line that names a newspaper, a date and a page (某某日报 2018年01月26日 第A02版) or weekday (… 星期五) is the item's stamp, not its title",
		Accept: "青松日报 2018年01月26日 第A02版", Reject: "青松日报创刊于1956年",
		Fires: func(s string) bool { f := foldLine(s); return isPaperStamp(f, utf8.RuneCountInString(f)) },
	})
	lineLabel = rule.New(rule.Rule{
		Name:   "line.label",
		Why:    "a labelled line about the article, not of it: 原标题:, a document site's 文章标题: and an epigraph's 题记: open it",
		Accept: "原标题：某县工会开展慰问", Reject: "原来的标题太长，编辑改了。",
		Fires: func(s string) bool { return isLabelLine(foldLine(s)) },
	})
)

var (
	epaperRe = regexp.MustCompile(`^第\s*[a-z]?\d{1,3}\s*版\s*[:：]|上一版|下一版|上一期|下一期|版面导航|pdf版|放大\s*缩小|^\d{1,3}上一[篇版]|下一[篇版]\d{1,3}$`)
	// A search box's label, alone or with the button: 新闻搜索:, 站内搜索 搜索.
	searchBoxRe    = regexp.MustCompile(`^(新闻|站内|全文|全站|信息|资讯|本站)?\s*搜\s*索\s*[:：]?\s*(搜索|检索)?$`)
	downloadNoteRe = regexp.MustCompile(`^[(\[【]?\s*第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页\s*[)\]】]?$|下载后可(任意)?编辑|^[(\[【]?\s*未完\s*[,，]?\s*(?:全文共\s*\d+\s*字)?|当前显示\s*\d+\s*字|下载文档前|仅部分预览|文档侵犯(?:了)?(?:您|你)的(?:合法)?权益|人工客服工作时间|^[.…]*\s*(此处)?(省略|隐藏)\s*\d+\s*个?字\s*[.…]*$`)
	tocRe          = regexp.MustCompile(`^目\s*录\s*[:：]?$|[^.…·]\s*[.…·]{4,}\s*\d{1,3}$`)
	labelLineRe    = regexp.MustCompile(`^[(\[【]?\s*(原标题|原题|文章标题|题记|资源描述|文档描述)\s*[:：】\])]`)
)

// The predicates below test for a word every match of their pattern holds
// before they run it: classify sees every line of every page, and an
// unanchored alternation tried at each position of each line was a third
// of parsing time.

func isPageTurn(s string) bool { return strings.Contains(s, "版") && pageTurnRe.MatchString(s) }

// maxDownloadNoteRunes bounds a line that is a download note; a longer one
// is text the note was glued to (splitGluedHead parts them).
const maxDownloadNoteRunes = 60

// runesOver reports whether s has more than n runes, counting them only
// when its length in bytes leaves it open: a paragraph of Chinese is too
// long at a glance.
func runesOver(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > utf8.UTFMax*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}

func isDownloadNote(s string) bool {
	// Each of the pattern's notes needs its words (第…页共…页, 下载后可…编辑,
	// 未完, 当前显示…字, 省略…字, a site's terms on 文档, 客服, 预览): most
	// lines have none.
	if runesOver(s, maxDownloadNoteRunes) {
		return false
	}
	if !(strings.Contains(s, "页") && strings.Contains(s, "共") || strings.Contains(s, "下载后可") || strings.Contains(s, "未完") ||
		strings.Contains(s, "当前显示") || strings.Contains(s, "字") && (strings.Contains(s, "省略") || strings.Contains(s, "隐藏")) ||
		strings.Contains(s, "文档") || strings.Contains(s, "客服") || strings.Contains(s, "预览")) {
		return false
	}
	return downloadNoteRe.MatchString(s)
}

// maxSearchBoxRunes: 全站搜索： 搜索 and the like.
const maxSearchBoxRunes = 12

func isSearchBox(s string, n int) bool {
	return n <= maxSearchBoxRunes && strings.Contains(s, "索") && searchBoxRe.MatchString(s)
}

func isTOC(s string) bool {
	return (strings.HasPrefix(s, "目") || strings.Contains(s, "....") || strings.Contains(s, "……") || strings.Contains(s, "··")) && tocRe.MatchString(s)
}

func isLabelLine(s string) bool {
	return (strings.Contains(s, "题") || strings.Contains(s, "描述")) && labelLineRe.MatchString(s)
}

// fieldValueRe is one or more short labels each with a figure for its
// value: up to two characters of unit after the figure (3页, 1012次).
var fieldValueRe = regexp.MustCompile(`^(?:[\p{Han}a-z]{1,5}\s*:\s*[^\p{Han}:]*\d[^\p{Han}:]*\p{Han}{0,2}\s*)+$`)

// maxFieldValueRunes bounds a line of file-card fields.
const maxFieldValueRunes = 40

func isFieldValue(s string, n int) bool {
	return n <= maxFieldValueRunes && strings.Contains(s, ":") && fieldValueRe.MatchString(s)
}

var nameDateRe = regexp.MustCompile(`^([\p{Han}a-z0-9]{2,20})(\s*[·•・]\s*|\s+)[(\[【]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?[)\]】]?$`)

// dateNameRe is the stamp the other way round: a date, maybe its time, and
// the outlet (2020-08-18 10:00 某某广播电视台, 2023-07-04 14:09:00 / 中央社 /).
var dateNameRe = regexp.MustCompile(`^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s*[/|]?\s*([\p{Han}a-z0-9]{2,20})\s*[/|]?$`)

// stampOutlet returns the outlet a folded stamp line names
// (line.name-date): any name with a dot before its date (某某财经·2026-02-12
// 04:51), or an outlet's name after a date (2020-08-18 10:00 某某电视台);
// else "".
func stampOutlet(f string) string {
	if m := nameDateRe.FindStringSubmatch(f); m != nil {
		if strings.TrimSpace(m[2]) != "" {
			return m[1]
		}
		return ""
	}
	if !mayOpenYMD(f) {
		return ""
	}
	m := dateNameRe.FindStringSubmatch(f)
	if m == nil || !outletSuffixRe.MatchString(m[1]) && !siteNameRe.MatchString(m[1]) && paperNameRe.FindString(m[1]) != m[1] {
		return ""
	}
	return m[1]
}

// maxNameDateRunes bounds a name-and-date stamp.
const maxNameDateRunes = 40

// isNameDate reports whether folded s is a unit's or site's name and a
// date (line.name-date).
func isNameDate(s string, n int) bool {
	if n > maxNameDateRunes || !strings.Contains(s, " ") && !strings.ContainsAny(s, "·•・") {
		return false
	}
	// A dot between them is an aggregator's stamp (某某财经·2026-02-12),
	// never a headline's; so is a date before an outlet.
	if stampOutlet(s) != "" {
		return true
	}
	m := nameDateRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	name := m[1]
	return siteNameRe.MatchString(name) || orgSuffix.MatchString(name) && !notOrgRe.MatchString(name) ||
		paperNameRe.FindString(name) == name
}

var weekdayRe = regexp.MustCompile(`星期[一二三四五六日天]\s*$`)

var pageNumberRe = regexp.MustCompile(`第?\s*[a-z]?\d{1,3}\s*版`)

// maxPaperStampRunes bounds a newspaper's stamp line.
const maxPaperStampRunes = 40

// isPaperStamp reports whether folded s is a newspaper's stamp
// (line.paper-stamp).
func isPaperStamp(s string, n int) bool {
	if n > maxPaperStampRunes || !strings.Contains(s, "报") || !strings.Contains(s, "版") && !strings.Contains(s, "星期") {
		return false
	}
	m := paperNameRe.FindStringIndex(s)
	if m == nil || m[0] > len("《") {
		return false
	}
	rest := s[m[1]:]
	// A page's number, or the weekday an e-paper's masthead prints.
	return (pageNumberRe.MatchString(rest) || weekdayRe.MatchString(rest)) && dateYMDRe.MatchString(rest)
}

// foldLine is the form classifyFolded reads: folded and trimmed.
func foldLine(s string) string { return strings.TrimSpace(zh.Fold(s)) }

func isStop(s string, n int) bool {
	return n <= 80 && stopRe.MatchString(s) && !(lineOriginalMark.On() && originalityStamp(s)) || n <= 120 && mayStopAny(s) && stopAnyRe.MatchString(s) ||
		lineNotice.On() && isNotice(s, n)
}

var lineOriginalMark = rule.New(rule.Rule{
	Name: "line.original-mark",
	Why: "a blog or an account marks its own posts ©原创 in the stamp with the time posted (©原创 2016-09-05 08:57); " +
		"a copyright footer names years, not a minute",
	Accept: "©原创 2016-09-05 08:57 发布于湖北", Reject: "© 2016-2024 某某市总工会 版权所有",
	Fires: func(s string) bool { return originalityStamp(foldLine(s)) },
})

var postedMinuteRe = regexp.MustCompile(`(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d\d`)

// originalityStamp reports whether folded s is a post's stamp that opens
// with ©原创 (line.original-mark).
func originalityStamp(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(s, "(【[ "), "©")
	return ok && strings.HasPrefix(strings.TrimSpace(rest), "原创") && postedMinuteRe.MatchString(rest)
}

var lineNotice = rule.New(rule.Rule{
	Name: "line.legal-notice",
	Why: "a disclaimer or a copyright notice under an article (免责声明：…, 版权均属某某所有…不得转载) ends it, " +
		"however long the notice runs; an outlet's terms of use that name four of the rights they keep (授权, 转载, " +
		"复制, 镜像, 侵权 …) are one wherever they stand",
	Accept: "本稿件所含文字、图片资料，版权均属某某晚报所有，未经授权不得转载。",
	Reject: "职工依法享有著作权，工会帮助职工维护版权。",
	Fires:  func(s string) bool { f := foldLine(s); return isNotice(f, utf8.RuneCountInString(f)) },
})

var (
	noticeOpenRe  = regexp.MustCompile(`^[(\[【]?\s*(?:免责声明|版权声明|版权说明|法律声明|特别声明|notice:\s*the content)`)
	noticeRightRe = regexp.MustCompile(`版权(?:均|皆)?(?:属|归|为)[^,，。]{0,20}所有|未经(?:书面)?(?:授权|许可|同意)[^。]{0,12}(?:转载|使用|复制)|(?:禁止|谢绝|不得)(?:任何)?[^。]{0,6}转载`)
)

// maxNoticeRunes bounds a notice that does not open with its label: a
// few sentences about rights.
const maxNoticeRunes = 200

func isNotice(s string, n int) bool {
	if strings.HasPrefix(s, "免责") || strings.HasPrefix(s, "版权") || strings.HasPrefix(s, "法律") || strings.HasPrefix(s, "特别") ||
		strings.HasPrefix(s, "notice") || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "【") || strings.HasPrefix(s, "[") {
		if noticeOpenRe.MatchString(s) {
			return true
		}
	}
	if n <= maxNoticeRunes && strings.Contains(s, "转载") && strings.Count(s, "转载")+strings.Count(s, "版权")+strings.Count(s, "授权") >= 2 && noticeRightRe.MatchString(s) {
		return true
	}
	if lineDisclaimer.On() && n <= maxNoticeRunes && (disclaimerPhrases(s) >= minDisclaimerPhrases || strings.Contains(s, "不代表") && notOursRe.MatchString(s)) {
		return true
	}
	// An e-paper's terms of use run longer, naming each right they keep.
	return n <= maxTermsRunes && strings.Contains(s, "授权") && rightsWords(s) >= minTermsRights
}

var lineDisclaimer = rule.New(rule.Rule{
	Name: "line.disclaimer",
	Why: "a documented word list: a site's disclaimer under a reposted article names two of the stock phrases " +
		"(仅供参考, 不构成投资建议, 风险自担, 不代表本网观点, 不表明证实其描述 …), whatever its label (某某网声明：); " +
		"that its content does not speak for the site (内容不代表某某网立场) is one alone",
	Accept: "工会网声明：本网转载上述内容，不表明证实其描述，仅供读者参考。",
	Reject: "以上数据仅供参考，具体以县总工会公布的名单为准。",
	Fires:  func(s string) bool { return disclaimerPhrases(foldLine(s)) >= minDisclaimerPhrases },
})

// notOursRe is the phrase that disclaims alone: the content does not
// speak for the site (内容不代表某某网立场, 仅代表作者个人观点).
var notOursRe = regexp.MustCompile(`内容(?:仅代表作者|不代表)[\p{Han}a-z]{0,8}(?:立场|观点)|不代表本(?:网|站|报|刊|平台)(?:的)?(?:立场|观点)`)

// minDisclaimerPhrases is how many of disclaimerList a line names to be a
// disclaimer: one (仅供参考) ends many ordinary sentences.
const minDisclaimerPhrases = 2

var disclaimerList = []string{"仅供参考", "仅供读者参考", "不构成投资建议", "不构成任何投资建议", "风险自担", "风险自负", "文责自负",
	"不代表本网观点", "不代表本站观点", "不代表本网立场", "不代表本站立场", "不表明证实其描述", "并不意味着赞同其观点", "据此操作"}

// disclaimerSet finds a phrase of disclaimerList in one pass, so that
// the count below runs on the few lines that have one.
var disclaimerSet = newWordSet(disclaimerList...)

// disclaimerPhrases counts the phrases of disclaimerList in folded s.
func disclaimerPhrases(s string) int {
	if !disclaimerSet.in(s) {
		return 0
	}
	return countContained(s, disclaimerList)
}

// maxTermsRunes bounds an outlet's terms of use, minTermsRights how many
// of the rights (rightsWordList) they name.
const (
	maxTermsRunes  = 500
	minTermsRights = 4
)

var rightsWordList = []string{"授权", "转载", "复制", "镜像", "侵权", "版权", "著作权"}

// rightsWords counts the rights of rightsWordList folded s names.
func rightsWords(s string) int { return countContained(s, rightsWordList) }

// maxChromeRunes bounds an e-paper chrome line: the toolbar with its
// date and buttons runs to about 40 runes, a sentence about a page runs on.
const maxChromeRunes = 60

func isEpaperChrome(s string, n int) bool {
	return n <= maxChromeRunes && !strings.ContainsRune(s, '。') &&
		(strings.Contains(s, "版") || strings.Contains(s, "上一") || strings.Contains(s, "下一") || strings.Contains(s, "放大")) && epaperRe.MatchString(s)
}

// Letters make at least this share of a line of prose; a row of figures
// and separators (a counter's history, a chart's data) has fewer. Prose
// heavy with numbers, 1203户 120.5万元, stays well above it.
const (
	minProseLetterShare = 0.25
	minDataRowRunes     = 40
)

func isDataRow(s string, n int) bool {
	if n < minDataRowRunes {
		return false
	}
	if strings.Contains(s, ":") && postedMinuteRe.MatchString(s) {
		return false // 发布时间 2008-05-01 17:26: a stamp's figures, not a table's
	}
	letters := 0
	for _, r := range s {
		if zh.IsHan(r) || unicode.IsLetter(r) {
			letters++
		}
	}
	return float64(letters) < minProseLetterShare*float64(n)
}

var textNumberLine = rule.New(rule.Rule{
	Name: "text.number-line",
	Why: "a copy that put each inline element on a line of its own leaves a bare number between the two halves " +
		"of its sentence: the line before ends mid-sentence and the line after goes on with the unit",
	Accept: "全县新建基层工会\n28\n家，发展会员1650人。",
	Reject: "全县新建基层工会28家。\n2016\n年工作总结",
	Fires: func(s string) bool {
		ls := strings.Split(s, "\n")
		return len(joinNumberLines(ls, true, false)) < len(ls)
	},
})

var textNumberWrap = rule.New(rule.Rule{
	Name: "text.number-wrap",
	Why: "a copy wrapped after a number leaves its unit at the start of the next line (12289\n万元); a line that " +
		"ends in a digit mid-sentence goes on in a line that opens with a unit or measure word",
	Accept: "全年筹集送温暖资金12289\n万元，慰问职工3000户。",
	Reject: "联系电话：12289\n地址：某某路8号",
	Fires: func(s string) bool {
		ls := strings.Split(s, "\n")
		return len(joinNumberLines(ls, false, true)) < len(ls)
	},
})

// unitRunes open the rest of a number's phrase: units, measure words and
// the words that qualify a number (余, 多).
const unitRunes = "万亿千百元角人名户个家次位项场期件所座台辆套支条篇份批届余多年月日岁倍成%％"

var bareNumberRe = regexp.MustCompile(`^[0-9０-９][0-9０-９.,，．%％‰]{0,11}$`)

// joinNumberLines puts bare numbers back into the sentence they were cut
// out of (text.number-line, when bare) and units back after their number
// (text.number-wrap, when wrap). Lines are already trimmed.
func joinNumberLines(lines []string, bare, wrap bool) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		s := lines[i]
		// A copy that double-spaces its lines leaves a blank line either
		// side of the cut: the line before and after are the next ones
		// with text, past one blank line.
		p := len(out) - 1
		if p > 0 && out[p] == "" {
			p--
		}
		if bare && p >= 0 && out[p] != "" && bareNumberRe.MatchString(s) {
			q := i + 1
			if q+1 < len(lines) && lines[q] == "" {
				q++
			}
			if q < len(lines) && lines[q] != "" && !endsSentence(zh.Fold(out[p])) && continuesUnit(lines[q]) {
				out = out[:p+1]
				out[p] += s + lines[q]
				i = q
				continue
			}
		}
		if wrap && p >= 0 && s != "" && endsDigit(out[p]) && strings.ContainsRune(unitRunes, firstRune(s)) &&
			!endsSentence(zh.Fold(out[p])) && !bareNumberRe.MatchString(out[p]) && !isDateLine(zh.Fold(out[p])) &&
			!clockEndRe.MatchString(out[p]) {
			out = out[:p+1]
			// A stamp (2014-01-13 08:44) above 日前，… is no number cut from
			// its unit, nor is a line of stamps ending in a time of day
			// (发布时间 … 17:26 最后更新时间 … 17:26) above 多个….
			out[p] += s
			continue
		}
		out = append(out, s)
	}
	return out
}

// clockEndRe is a time of day or a date that ends a line.
var clockEndRe = regexp.MustCompile(`(?:\d{1,2}:\d\d(?::\d\d)?|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})$`)

func endsDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// continuesUnit reports whether s opens as the rest of a number's
// sentence does: with a character (个, 万元, 名), a percent sign or the mark
// that ends the clause, not with
// another number or a bracket that opens.
func continuesUnit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return zh.IsHan(r) || strings.ContainsRune("%％。，、；：！？）)", r)
}
