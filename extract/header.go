package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Rules that read what a page says about an article from the lines around
// it: toolbars, e-paper chrome, 来源 values, the site's own name.

var (
	headerToolbarFields = rule.New(rule.Rule{
		Name: "header.toolbar-fields",
		Why: "a toolbar line above the body (print, font size, view count) often carries the labelled date and " +
			"source too; its fields are read though the line is no byline",
		Accept: "点击：326次 时间：2016-04-12 来源：某某日报", Reject: "点击：326次 【打印】【关闭】",
		Fires: func(s string) bool {
			f := foldLine(s)
			k := classify(s)
			return k != kindMeta && k != kindContent && fieldRe.MatchString(f)
		},
	})
	dateToolbarStamp = rule.New(rule.Rule{
		Name: "date.toolbar-stamp",
		Why: "a date with its clock time on a toolbar line above the body (某某网 2010-12-22 09:29 打印本页) is the " +
			"page's stamp, labelled or not",
		Accept: "某某新闻网 2010-12-22 09:29 打印本页 【字体：大 中 小】", Reject: "打印本页 【字体：大 中 小】 2010-12-22",
		Fires: func(s string) bool { f := foldLine(s); return classify(s) == kindStop && stampWithClock(f) },
	})
	dateShortYear = rule.New(rule.Rule{
		Name:   "date.short-year-stamp",
		Why:    "a page's stamp may write the year in two digits when a time follows: 10-12-22 09:29",
		Accept: "某某新闻网 10-12-22 09:29", Reject: "电话 0592-12-22",
		Fires: func(s string) bool { return shortYearDate(foldLine(s)) != "" },
	})
	dateEpaperToolbar = rule.New(rule.Rule{
		Name:   "date.epaper-toolbar",
		Why:    "an e-paper's toolbar (上一篇 下一篇, 放大 缩小) carries the date of the issue the page is in",
		Accept: "上一篇 下一篇 2016年3月9日 放大 缩小 默认", Reject: "上一篇 下一篇 放大 缩小 默认",
		Fires: func(s string) bool { f := foldLine(s); return isEpaperChrome(f, len([]rune(f))) && findDate(f) != "" },
	})
	dateChromeMinute = rule.New(rule.Rule{
		Name: "date.chrome-minute",
		Why: "a date with its minute in the chrome above a headline's text (| 某某网 | 2014-3-7 11:53:54 专题 |) is when " +
			"the page was posted: nothing else in chrome is dated to the minute",
		Accept: "| 青松资讯网 | 2014-3-7 11:53:54 安全专题 | ||", Reject: "| 青松资讯网 | 安全专题 | 2014年度回顾 |",
		Fires: func(s string) bool {
			f := foldLine(s)
			return isNav(f, utf8.RuneCountInString(f)) && postedMinuteRe.MatchString(f)
		},
	})
	publisherSourcePair = rule.New(rule.Rule{
		Name:   "publisher.source-pair",
		Why:    "a 来源 value that pairs the site with a newspaper (某某网-某某日报) names the newspaper as the outlet",
		Accept: "某某网-某某日报", Reject: "某某日报社",
		Fires: func(s string) bool { return sourcePaper(s) != s },
	})
	publisherSiteChrome = rule.New(rule.Rule{
		Name:   "publisher.site-chrome",
		Why:    "a site names itself in its chrome: 添加某某网到电脑桌面, 欢迎访问某某网, 某某市总工会欢迎您",
		Accept: "添加某某文秘网到电脑桌面", Reject: "添加剂使用规范到桌面",
		Fires: func(s string) bool { return chromeSite(foldLine(s)) != "" },
	})
	publisherOwnPaper = rule.New(rule.Rule{
		Name: "publisher.own-paper",
		Why: "a story that opens 本报讯 or 本报记者 is the newspaper's own; an e-paper names that newspaper in its " +
			"chrome (本报 alone names none, and then there is no publisher); a chrome that lists more than two papers " +
			"is a portal's menu of outlets and names none",
		Accept: "某某新闻网 某某日报 某某晚报", Reject: "某某新闻网 首页 通知公告",
		Fires: func(s string) bool { return ownPaperChrome(fixtureLines(s), fixtureKinds(s)) != "" },
	})
)

var headerReading = rule.New(rule.Rule{
	Name: "header.pinyin-reading",
	Why: "pinyin a conversion flattened after characters (來(lái)源, 記(jì)者) hides the labels and names a line " +
		"is classified and read by; lines are classified and read for metadata without the readings, and the " +
		"body keeps them as written",
	Accept: "來(lái)源(yuán)：某某新聞網(wǎng)", Reject: "来源：某某新闻网",
	Fires: func(s string) bool { return withoutReadings([]line{{text: s}})[0].text != s },
})

// withoutReadings returns the lines with pinyin readings removed, or the
// same slice when no line has one.
func withoutReadings(lines []line) []line {
	var out []line
	for i, l := range lines {
		t := zh.StripReadings(l.text)
		if t == l.text && out == nil {
			continue
		}
		if out == nil {
			out = append(make([]line, 0, len(lines)), lines[:i]...)
		}
		l.text = t
		out = append(out, l)
	}
	if out == nil {
		return lines
	}
	return out
}

var shortYearRe = regexp.MustCompile(`(?:^|[^\d-])(\d\d)-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d\d`)

// stampWithClock reports whether folded f holds a date with its clock
// time, as a page's stamp does and a date in a sentence does not.
func stampWithClock(f string) bool {
	return postedMinuteRe.MatchString(f) || dateShortYear.On() && shortYearRe.MatchString(f)
}

// shortYearDate reads a two-digit-year stamp with a time (date.short-year-stamp).
func shortYearDate(f string) string {
	m := shortYearRe.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	return ymd("20"+m[1], m[2], m[3])
}

var sourceSepRe = regexp.MustCompile(`\s*[-—–/|｜]+\s*`)

// sourcePaper returns the newspaper of a 来源 value that pairs a site with
// it (publisher.source-pair), or the value as it is.
func sourcePaper(v string) string {
	f := zh.Fold(v)
	parts := sourceSepRe.Split(f, -1)
	if len(parts) != 2 {
		return v
	}
	for i, p := range parts {
		// 中工网——《河南工人日报》 quotes the paper as a work.
		if m := newspaperRe.FindStringSubmatch(stripBookMarks(p)); m != nil && m[1] == stripBookMarks(p) {
			if i == 0 {
				return v
			}
			return stripBookMarks(strings.TrimSpace(origSpan(v, f, len(f)-len(p), len(f))))
		}
	}
	return v
}

var chromeSiteRe = regexp.MustCompile(`(?:添加|把)\s*([\p{Han}a-z0-9]{2,20}?(?:网|在线|网站|门户))\s*(?:到|至|为)\s*(?:电脑)?(?:桌面|收藏)|欢迎(?:访问|光临|来到)\s*([\p{Han}a-z0-9]{2,20}?(?:网|在线))(?:$|[!！,，。\s])|^([\p{Han}]{2,16}?(?:总工会|工会|网))\s*欢迎(?:您|你)`)

// chromeSite finds the site's name in a chrome line (publisher.site-chrome).
func chromeSite(f string) string {
	if !strings.Contains(f, "添加") && !strings.Contains(f, "把") && !strings.Contains(f, "欢迎") {
		return ""
	}
	m := chromeSiteRe.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	return firstNonEmpty(m[1], m[2], m[3])
}

var paperNameRe = regexp.MustCompile(`[\p{Han}]{2,8}?(?:日报|晚报|早报|时报|商报|导报|周报|工人报|青年报|法制报|经济报)`)

// maxOwnPaperChoices is how many newspapers a page's chrome may name and
// still name the one a 本报 story is printed in (a paper and its evening
// sister, 某某日报 某某晚报); a longer list is a portal's menu of outlets.
const maxOwnPaperChoices = 2

// ownPaperChrome is the first newspaper a page's chrome names, which a
// story that calls itself 本报 is printed in, or "" when the chrome lists
// more than maxOwnPaperChoices (publisher.own-paper).
func ownPaperChrome(lines []line, kinds []kind) string {
	var first string
	seen := map[string]bool{}
	for i, l := range lines {
		if kinds[i] == kindContent {
			continue
		}
		f := zh.Fold(l.text)
		for _, v := range paperNameRe.FindAllString(f, maxOwnPaperChoices+1) {
			if first == "" {
				k := strings.Index(f, v)
				first = origSpan(l.text, f, k, k+len(v))
			}
			if seen[v] = true; len(seen) > maxOwnPaperChoices {
				return ""
			}
		}
	}
	return first
}

// pageChrome applies find to the folded lines of a page that are not
// content, top to bottom, and returns the first name found in the
// original script.
func pageChrome(lines []line, kinds []kind, find func(string) string) string {
	for i, l := range lines {
		if kinds[i] == kindContent {
			continue
		}
		f := zh.Fold(l.text)
		if v := find(f); v != "" {
			if k := strings.Index(f, v); k >= 0 {
				return origSpan(l.text, f, k, k+len(v))
			}
		}
	}
	return ""
}

var (
	publisherCrumbSite = rule.New(rule.Rule{
		Name: "publisher.crumb-site",
		Why: "a breadcrumb that starts from the site names it first: 您的位置: 某某文稿网 > 范文 > 工作总结, or unlabelled, " +
			"short segments between arrows: 某某新闻网>>工会新闻; a " +
			"segment that ends in a site's word (网, 文库, 之家) is the site",
		Accept: "您的位置：优选文稿网 > 范文 > 工作总结", Reject: "您的位置：首页 > 范文 > 工作总结",
		Fires: func(s string) bool { return crumbSite(foldLine(s)) != "" },
	})
	publisherMasthead = rule.New(rule.Rule{
		Name: "publisher.masthead",
		Why: "a page whose first line is a site's or a newspaper's name alone (某某文学吧, 某某工人日报 数字报纸) " +
			"above its navigation carries the outlet's masthead; so does an e-paper's line with the paper's " +
			"registration number (某某日报社 出版 国内统一刊号:CN52-0013)",
		Accept: "青松工人日报 数字报纸\n第A03版：综合新闻", Reject: "县总工会召开全委会议\n第A03版：综合新闻",
		Fires: func(s string) bool { ls := fixtureLines(s); return masthead(ls, fixtureKinds(s)) != "" },
	})
	publisherClosingSource = rule.New(rule.Rule{
		Name:   "publisher.closing-source",
		Why:    "a 来源: line right under the text names the outlet as one above it does (来源：某某日报)",
		Accept: "全县共慰问困难职工38名。\n来源：青松日报", Reject: "全县共慰问困难职工38名。\n编辑：王某",
		Fires: func(s string) bool { ls := fixtureLines(s); return closingSource(ls, span{0, 1}) != "" },
	})
)

var publisherFooterHost = rule.New(rule.Rule{
	Name: "publisher.footer-host",
	Why: "a site's footer names who runs it (主办：某某午报社, 主办单位：某某市总工会); with no outlet named " +
		"anywhere else, that host is the publisher, a paper without its 社",
	Accept: "主办:青松午报社 运营管理:青松午报社 版权所有©2013-2014 ICP备案:京ICP备20012564号",
	Reject: "主办方在会上介绍了活动安排",
	Fires:  func(s string) bool { return footerHost(foldLine(s)) != "" },
})

var footerHostRe = regexp.MustCompile(`主办(?:单位)?\s*:\s*([\p{Han}a-z0-9]{2,20}?)(?:\s|$|[,;|/]|运营|承办|协办|版权|技术|地址|联系)`)

// footerHost returns the host a folded footer line names
// (publisher.footer-host), or "".
func footerHost(f string) string {
	if !strings.Contains(f, "主办") {
		return ""
	}
	m := footerHostRe.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	if h, ok := strings.CutSuffix(m[1], "社"); ok && strings.HasSuffix(h, "报") {
		return h
	}
	return m[1]
}

// maxCrumbSegmentRunes bounds the average segment of an unlabelled
// breadcrumb: a channel's name, not a headline.
const maxCrumbSegmentRunes = 12

var crumbSiteRe = regexp.MustCompile(`^[\p{Han}a-z0-9]{2,20}?(?:网|在线|网站|门户|文库|之家|吧)$`)

// crumbSite returns the site a folded breadcrumb starts from
// (publisher.crumb-site), or "".
func crumbSite(f string) string {
	m := navStartRe.FindStringIndex(f)
	if m == nil {
		// Unlabelled, a breadcrumb is short segments between arrows
		// (某某新闻网>>工会新闻); slashes and bars part other things.
		if !strings.ContainsAny(f, ">»") {
			return ""
		}
		m = []int{0, 0}
	}
	segs := splitNonEmpty(navSepRe.Split(f[m[1]:], -1))
	if len(segs) < 2 || m[1] == 0 && !shortSegments(segs, maxCrumbSegmentRunes) {
		return ""
	}
	if seg := strings.TrimSpace(segs[0]); crumbSiteRe.MatchString(seg) {
		return seg
	}
	return ""
}

// pageCrumbSite finds the site a breadcrumb of the page starts from, in
// the original script.
func pageCrumbSite(lines []line, kinds []kind) string {
	has := false
	for i, l := range lines {
		// 位置 is written alike in both scripts; a page with no such
		// label has no breadcrumb to read.
		if kinds[i] == kindNav && (strings.Contains(l.text, "位置") || strings.ContainsAny(l.text, ">»")) {
			has = true
			break
		}
	}
	if !has {
		return ""
	}
	return pageChrome(lines, kinds, crumbSite)
}

var (
	mastheadEditionRe = regexp.MustCompile(`\s*(?:数字报纸|数字报|电子报|电子版|数字版|电子报纸)$`)
	mastheadRe        = regexp.MustCompile(`^[\p{Han}]{2,12}?(?:网|吧|文库|之家|在线|日报|晚报|早报|时报|商报|工人报)$`)
)

// registeredPaper finds the newspaper a folded line with a registration
// number (统一刊号, CN52-0013) names.
func registeredPaper(f string) string {
	if !strings.Contains(f, "刊号") && !cnNumberRe.MatchString(f) {
		return ""
	}
	return paperNameRe.FindString(f)
}

var cnNumberRe = regexp.MustCompile(`cn\s*\d{2}\s*-\s*\d{4}`)

// masthead returns the outlet a page's first line names alone
// (publisher.masthead), in the original script, or "".
func masthead(lines []line, kinds []kind) string {
	if name := pageChrome(lines, kinds, registeredPaper); name != "" {
		return name
	}
	first := -1
	for i := range lines {
		if kinds[i] == kindBlank {
			continue
		}
		if first >= 0 {
			if kinds[i] == kindContent {
				return ""
			}
			break
		}
		first = i
	}
	if first < 0 || kinds[first] == kindContent {
		return ""
	}
	s := lines[first].text
	f := foldLine(s)
	name := mastheadEditionRe.ReplaceAllString(f, "")
	if !mastheadRe.MatchString(name) {
		return ""
	}
	return strings.TrimSpace(origSpan(strings.TrimSpace(s), f, 0, len(name)))
}

// maxClosingLines is how far under the text its closing lines (a 来源:, a
// byline, a date) may stand, in lines with text: a double-spaced copy
// puts a blank line after each.
const maxClosingLines = 4

// closingEnd returns the index after the n-th line with text from
// lines[from]; from when that is no line (a part without a body).
func closingEnd(lines []line, from, n int) int {
	if from < 0 {
		return from
	}
	i := from
	for ; i < len(lines) && n > 0; i++ {
		if strings.TrimSpace(lines[i].text) != "" {
			n--
		}
	}
	return i
}

// closingSource reads a 来源: line right under the body
// (publisher.closing-source).
func closingSource(lines []line, sp span) string {
	for i, end := sp.end, closingEnd(lines, sp.end, maxClosingLines); sp.start >= 0 && i < end; i++ {
		s := lines[i].text
		f := foldLine(s)
		if !strings.Contains(f, ":") {
			continue
		}
		for _, fv := range fieldValues(s, f) {
			switch fv.label {
			case "来源", "源自", "来自", "信息来源", "稿源", "文章来源", "新闻来源":
				if v := cleanPublisher(fv.value); v != "" {
					if publisherSourcePair.On() {
						v = sourcePaper(v)
					}
					return v
				}
			}
		}
	}
	return ""
}

var authorClosingField = rule.New(rule.Rule{
	Name: "author.closing-field",
	Why: "a portal may print the writer under the text, in a field (作者：某某新闻记者 王林 编辑：…): the names are " +
		"the author, and the outlet the reporter writes for is the publisher",
	Accept: "作者：青松新闻记者 王林 编辑：李青", Reject: "编辑：李青",
	Fires: func(s string) bool { a, _ := closingAuthor(fixtureLines(s), span{0, 0}); return a != "" },
})

// closingAuthor reads a 作者: field under the body (author.closing-field)
// for the names and the outlet before 记者.
func closingAuthor(lines []line, sp span) (names, outlet string) {
	for i, end := sp.end, closingEnd(lines, sp.end, maxClosingLines); sp.start >= 0 && i < end; i++ {
		s := lines[i].text
		f := foldLine(s)
		if !strings.Contains(f, "作者") {
			continue
		}
		for _, fv := range fieldValues(s, f) {
			if fv.label != "作者" {
				continue
			}
			v, rest := zh.Fold(fv.full), fv.full
			if m := bracketOutletRe.FindStringSubmatchIndex(v); m != nil {
				outlet = strings.TrimSpace(origSpan(fv.full, v, m[2], m[3]))
				rest = origSpan(fv.full, v, m[3], len(v))
			}
			return authorField(rest), outlet
		}
	}
	return "", ""
}

var publisherSiteNote = rule.New(rule.Rule{
	Name: "publisher.site-note",
	Why: "a document site names itself in the notes it puts around a text: at the end of its blurb " +
		"(…更多相关内容在公文范本-某某文库), before its address in an omission note (某某文秘网http://…省略356字), " +
		"as the site whose members shared it (以下是由某某题库网友分享的…) or whose view the content is not (内容不代表某某网立场)",
	Accept: "《闭幕词》由会员上传分享，免费在线阅读，更多相关内容在公文范本-青松文库",
	Reject: "《闭幕词》由会员上传分享，免费在线阅读",
	Fires:  func(s string) bool { return noteSite(foldLine(s)) != "" },
})

var noteSiteRe = regexp.MustCompile(`([\p{Han}]{2,8}?(?:网|文库|之家|吧|在线))\s*(?:(?:https?://|www\.)|$)`)

// noteSite finds the site a folded note names (publisher.site-note): the
// note is the site's talk or an omission note.
func noteSite(f string) string {
	if !siteTalk(f) && !strings.Contains(f, "省略") && !strings.Contains(f, "隐藏") && !strings.Contains(f, "不代表") {
		return ""
	}
	if m := noteSiteRe.FindStringSubmatch(f); m != nil {
		return m[1]
	}
	// A disclaimer names the site whose view the content is not
	// (内容不代表某某网立场).
	if m := notOurSiteRe.FindStringSubmatch(f); m != nil {
		return m[1]
	}
	// A blurb that says whose members shared the text (以下是由某某题库网友
	// 分享的…) names the site before them.
	if m := sharedBySiteRe.FindStringSubmatch(f); m != nil && !strings.HasSuffix(m[1], "本站") {
		return m[1]
	}
	return ""
}

var notOurSiteRe = regexp.MustCompile(`不代表([\p{Han}]{2,8}?(?:网|站|报|在线))(?:的)?(?:立场|观点)`)

var sharedBySiteRe = regexp.MustCompile(`由([\p{Han}a-z0-9]{2,8}?)(?:网友|会员|用户)(?:上传)?分享`)

// pageNotes finds the site a document site's notes name on any line of
// the page, in the original script.
func pageNotes(lines []line) string {
	for _, l := range lines {
		if !mayNameSite(l.text) {
			continue
		}
		f := zh.Fold(l.text)
		if v := noteSite(f); v != "" {
			if k := strings.Index(f, v); k >= 0 {
				return origSpan(l.text, f, k, k+len(v))
			}
		}
	}
	return ""
}

// noteWords are words one of which every note noteSite reads holds, in
// both scripts: lines without any are not folded to be read.
var noteWords = newWordSet("省略", "隐藏", "隱藏", "小编", "小編", "希望", "欢迎", "歡迎", "快来", "快來", "上传", "上傳", "在线阅读", "在線閱讀", "分享", "不代表")

func mayNameSite(s string) bool { return noteWords.in(s) }
