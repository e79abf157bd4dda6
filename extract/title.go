package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// The rules that choose a document's title among the header's lines and
// clean it.

var (
	titleCrumbSection = rule.New(rule.Rule{
		Name:   "title.crumb-section",
		Why:    "a line that repeats a breadcrumb's segment is the section's name over the headline, not the headline",
		Accept: "首页 > 基层动态 >\n基层动态", Reject: "首页 > 基层动态 >\n县总工会开展金秋助学活动",
		Fires: func(s string) bool {
			crumb, l, _ := strings.Cut(s, "\n")
			return crumbSection(zh.Fold(l), []string{zh.Fold(crumb)})
		},
	})
	titleTooShort = rule.New(rule.Rule{
		Name: "title.too-short",
		Why: "a line of fewer than minTitleRunes characters alone over a text is a section or column name " +
			"(信息中心, 首页), not its title",
		Accept: "资料室", Reject: "区工会换届",
		Fires: func(s string) bool { return !looksLikeTitle(s) },
	})
	titleRunTail = rule.New(rule.Rule{
		Name: "title.run-tail",
		Why: "a run of short lines too long to be one title is a menu that runs straight into the headline; " +
			"the headline is its last line",
		Accept: "首页\n机构设置\n新闻动态\n公告公示\n法律法规\n县总工会召开全委会议",
		Reject: "县总工会召开全委会议\n——暨年度工作部署会",
		Fires: func(s string) bool {
			g := strings.Split(s, "\n")
			return (len(g) > maxTitleLines || !looksLikeTitle(strings.Join(g, ""))) && looksLikeTitle(g[len(g)-1])
		},
	})
	titleSiteSuffix = rule.New(rule.Rule{
		Name: "title.site-suffix",
		Why: "a page's <title> copied as its first line ends with the column and the site after a separator " +
			"(…_工会动态_某某网, … - 某某市总工会); they name the site, not the document",
		Accept: "县总工会开展金秋助学活动_工会动态_某某新闻网", Reject: "县总工会开展2015-2016学年金秋助学活动",
		Fires: func(s string) bool { t, _ := stripSiteSuffix(s); return t != s },
	})
	titleReading = rule.New(rule.Rule{
		Name:   "title.pinyin-reading",
		Why:    "pinyin a conversion flattened after characters (工會(huì)) is not part of the title",
		Accept: "區工會(huì)換屆", Reject: "区工会换届（扩大）会议",
		Fires: func(s string) bool { return zh.StripReadings(s) != s },
	})
	titleLabel = rule.New(rule.Rule{
		Name: "title.label",
		Why: "labels, bullets, a table's number and a date stamp around a title (原标题:, 图文:, •, 表15-4, [2012-03-15], " +
			"… 2012-03-15) and brackets that enclose it whole (【…】) are not part of it",
		Accept: "原标题：县总工会慰问环卫工人", Reject: "标题党要不得",
		Fires: func(s string) bool { return stripTitleLabel(s) != s },
	})
	titleTrailer = rule.New(rule.Rule{
		Name: "title.trailer",
		Why: "a newspaper's stamp, a byline or a speaker after a title — 《某某日报》(2012年01月17日 002版), " +
			"(记者 王某), (县委书记 王某) — names where and by whom, not what",
		Accept: "县总工会慰问环卫工人《某某日报》(2013年01月17日 002版)",
		Reject: "县总工会召开十届二次全委（扩大）会议",
		Fires:  func(s string) bool { return stripTitleTrailer(s) != s },
	})
)

var (
	titleSalutation = rule.New(rule.Rule{
		Name: "title.salutation",
		Why: "a line that opens by addressing an audience (尊敬的…, 各位…, 同志们) is a speech's salutation, though " +
			"a wrap may have cut it before its colon; it is no title line",
		Accept: "各位领导、各位", Reject: "各区县总工会召开全委会议",
		Fires: func(s string) bool { return opensSalutation(foldLine(s)) },
	})
	titlePersonLine = rule.New(rule.Rule{
		Name: "title.person-line",
		Why: "a line under a headline that names someone by office and name (…主席王某致辞, 副主席李某主持) is a " +
			"photo caption or a credit, not the headline's second line",
		Accept: "县总工会主席王立新致辞", Reject: "区总工会成立 首位女性主席王立新就任",
		Fires: func(s string) bool { return personLine(foldLine(s)) },
	})
)

var salutationOpenRe = regexp.MustCompile(`^(?:尊敬的|各位|同志们|女士们|先生们|朋友们|亲爱的)`)

// opensSalutation reports whether folded f opens a salutation
// (title.salutation).
func opensSalutation(f string) bool {
	return utf8.RuneCountInString(f) <= maxSalutationRunes && salutationOpenRe.MatchString(f)
}

var officeNameRe = regexp.MustCompile(`(?:书记|主席|市长|区长|县长|省长|州长|镇长|乡长|部长|局长|厅长|处长|主任|秘书长|总经理|董事长|院长|校长|会长|理事长)([\p{Han}])[\p{Han}]`)

// personLine reports whether folded f names a person by office and name
// (title.person-line).
func personLine(f string) bool {
	return utf8.RuneCountInString(f) <= maxTitleRunes/2 && !strings.Contains(f, "在") && !twoPhrases(f) && officeInside(f)
}

// twoPhrases reports whether f is two phrases a space parts, as a
// headline sets them (…总工会成立 首位女性理事长王某就任); a caption is one.
func twoPhrases(f string) bool {
	a, b, ok := strings.Cut(f, " ")
	return ok && utf8.RuneCountInString(a) >= 4 && utf8.RuneCountInString(strings.TrimSpace(b)) >= 4
}

var authorOfficeInUnit = rule.New(rule.Rule{
	Name: "author.unit-person",
	Why: "a line that names a person by office and name (…副主席王某主持联谊会) is no signing unit, though it " +
		"ends in a unit's word (会)",
	Accept: "市总工会副主席王立新主持联谊会", Reject: "市总工会女职工委员会",
	Fires: func(s string) bool { return officeInside(zh.Fold(s)) },
})

// officeSurnames are family names that are common words too (公, 文, 国):
// after an office they are names.
const officeSurnames = "公文国东相原代能都通双广满红经元门水山风花幸冷利居步那须"

// officeInside reports whether folded f holds an office and then a name
// with a known surname.
func officeInside(f string) bool {
	for _, m := range officeNameRe.FindAllStringSubmatch(f, -1) {
		if r, _ := utf8.DecodeRuneInString(m[1]); surnames[r] || strings.ContainsRune(officeSurnames, r) {
			return true
		}
	}
	return false
}

// titleAboveByline is declared in init: its Fires reads a header, and
// reading a header asks whether the rule is on.
var titleAboveByline *rule.Rule

func init() {
	titleAboveByline = rule.New(rule.Rule{
		Name: "title.above-byline",
		Why: "a page's headline stands right above its byline or date line; short lines under the byline are " +
			"share buttons, a subtitle or the first subheading",
		Accept: "县总工会开展金秋助学活动\n来源：某某网 2015-08-20\n关注 微信 微博",
		Reject: "县总工会开展金秋助学活动\n\n关注 微信 微博",
		Fires: func(s string) bool {
			h := readHeader(fixtureLines(s), fixtureKinds(s), 0, strings.Count(s, "\n")+1)
			return h.bylineAt > 0 && h.bylineAt < h.groups
		},
	})
}

// minTitleRunes: titles of union documents run from about five characters
// (区工会换届, 劳模表彰大会) upwards; four or fewer are column names.
const minTitleRunes = 5

// maxTitleLines: a headline broken over lines takes two or three (a
// slogan, the main line, a ——subtitle); a longer run of short lines is a
// menu.
const maxTitleLines = 4

// maxTitleRunes: past this a line is a lead paragraph, not a headline.
const maxTitleRunes = 120

// minTitleLetters: a title is words; a line of digits and brackets, a
// compact date such as (2013130), is no title however long.
const minTitleLetters = 3

func looksLikeTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= minTitleRunes && n <= maxTitleRunes && letterCount(s) >= minTitleLetters
}

// letterCount counts the Han characters and letters of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if zh.IsHan(r) || unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

var (
	titleLabelRe = regexp.MustCompile(`^\s*(?:表\s*\d{1,3}(?:\s*[-—–.]\s*\d{1,3})?\s+)?(?:[(\[【]\s*(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s*[)\]】]\s*|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+)?(?:[•·●■□◆◇▲△★☆▶►\-*]+\s*)?(?:(?:原标题|原题|标题|题目|主题|图文|组图|视频|图片新闻)\s*[:：]\s*)?(?:[•·●■□◆◇▲△★☆▶►]+\s*)?`)
	// A list page's stamp after its headline: … 2018-01-25.
	titleDateTailRe = regexp.MustCompile(`\s+[(\[【]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?[)\]】]?$`)
	// A headline set wholly in brackets: 【…】.
	titleEnclosedRe = regexp.MustCompile(`^[【\[]([^【】\[\]]{5,})[】\]]$`)
	titleStampRe    = regexp.MustCompile(`\s*(?:《[^《》]{2,12}》|[\p{Han}]{2,10}(?:日报|晚报|早报|时报|商报|周报|工人报))?\s*[(（]\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})?\s*(?:第?\s*[a-z]?\d{1,3}\s*版)\s*[)）]\s*$`)
	titleBracketRe  = regexp.MustCompile(`\s*[(（]([^()（）]{2,30})[)）]\s*$`)
	titleBylineRe   = regexp.MustCompile(`\s*[(（]\s*(?:本报)?(?:记者|通讯员|特约记者|见习记者)[^()（）]{2,30}[)）]\s*$`)
	titlePaperOnly  = regexp.MustCompile(`\s*《[^《》]{2,12}(?:日报|晚报|早报|时报|商报|周报|工人报)》\s*$`)
)

var suffixSepRe = regexp.MustCompile(`\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s)\s*`)

// maxColumnRunes bounds a column's name between a title and its site
// (工会动态, 基层风采).
const maxColumnRunes = 8

// stripSiteSuffix removes the site's name, and the columns before it, from
// the end of a title (title.site-suffix), and returns the site's name.
func stripSiteSuffix(s string) (string, string) {
	f := zh.Fold(s)
	seps := suffixSepRe.FindAllStringIndex(f, -1)
	if seps == nil {
		return s, ""
	}
	cut, site := -1, ""
	end := len(f)
	for k := len(seps) - 1; k >= 0; k-- {
		seg := strings.TrimSpace(f[seps[k][1]:end])
		n := utf8.RuneCountInString(seg)
		switch {
		case site == "" && n > 0 && n <= 20 && siteNameRe.MatchString(seg) && !strings.ContainsAny(seg, "0123456789"):
			site = strings.TrimSpace(origSpan(s, f, seps[k][1], end))
		case site != "" && n > 0 && n <= maxColumnRunes:
		default:
			k = -1
			continue
		}
		cut, end = seps[k][0], seps[k][0]
	}
	if cut <= 0 || !looksLikeTitle(strings.TrimSpace(f[:cut])) {
		return s, ""
	}
	return strings.TrimSpace(origSpan(s, f, 0, cut)), site
}

// titleStamp reads the newspaper and date of a stamp after a title:
// 《某某日报》(2012年01月17日 002版).
func titleStamp(s string) (paper, date string) {
	f := zh.Fold(s)
	if !closesTitle(f) {
		return "", ""
	}
	m := titleStampRe.FindStringIndex(f)
	if m == nil {
		return "", ""
	}
	st := f[m[0]:m[1]]
	if p := paperNameRe.FindStringIndex(st); p != nil {
		paper = strings.Trim(origSpan(s, f, m[0]+p[0], m[0]+p[1]), "《》 ")
	}
	return paper, findDate(st)
}

// stripTitleLabel removes a leading label and bullets (title.label).
func stripTitleLabel(s string) string {
	f := zh.Fold(s)
	if m := titleEnclosedRe.FindStringSubmatchIndex(strings.TrimSpace(f)); m != nil {
		s = strings.TrimSpace(s)
		f = zh.Fold(s)
		s, f = origSpan(s, f, m[2], m[3]), f[m[2]:m[3]]
	}
	if m := titleDateTailRe.FindStringIndex(f); m != nil && m[0] > 0 {
		s, f = origSpan(s, f, 0, m[0]), f[:m[0]]
	}
	m := titleLabelRe.FindStringIndex(f)
	if m == nil || m[1] == 0 || m[1] == len(f) {
		return s
	}
	return strings.TrimSpace(origSpan(s, f, m[1], len(f)))
}

// closesTitle reports whether f ends, but for spaces (\s), with a closing
// bracket or 》, as every trailer pattern (titleStampRe, titleBylineRe,
// titlePaperOnly, titleBracketRe) needs: the test spares most titles the
// patterns' tries at every start.
func closesTitle(f string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(f, "\t\n\f\r "))
	return r == ')' || r == '）' || r == '》'
}

// stripTitleTrailer removes a newspaper stamp or a byline from the end of
// a title (title.trailer).
func stripTitleTrailer(s string) string {
	f := zh.Fold(s)
	if !closesTitle(f) {
		return s
	}
	for _, re := range []*regexp.Regexp{titleStampRe, titleBylineRe, titlePaperOnly} {
		if m := re.FindStringIndex(f); m != nil && m[0] > 0 {
			s = strings.TrimSpace(origSpan(s, f, 0, m[0]))
			f = zh.Fold(s)
		}
	}
	if m := titleBracketRe.FindStringSubmatchIndex(f); m != nil && m[0] > 0 {
		if _, ok := speakerName(origSpan(s, f, m[2], m[3])); ok {
			s = strings.TrimSpace(origSpan(s, f, 0, m[0]))
		}
	}
	return s
}

// titleBracketSpeaker reads the speaker named in brackets after a
// speech's title: 在…上的讲话（县委书记 王某）.
func titleBracketSpeaker(title string) string {
	f := zh.Fold(title)
	m := titleBracketRe.FindStringSubmatchIndex(f)
	if m == nil || m[0] == 0 {
		return ""
	}
	name, _ := speakerName(origSpan(title, f, m[2], m[3]))
	return name
}

// cleanTitle applies the title.* cleaning rules that are on.
func cleanTitle(s string) string {
	if titleReading.On() {
		s = zh.StripReadings(s)
	}
	if adGambling.On() {
		s = stripInlineAds(s)
	}
	if adTitleTail.On() {
		s = stripAdTail(s)
	}
	if titleLabel.On() {
		s = stripTitleLabel(s)
	}
	if titleSampleHeader.On() {
		if t := sampleHeader(s); t != "" {
			s = t
		}
	}
	if titleSiteSuffix.On() {
		s, _ = stripSiteSuffix(s)
	}
	if titleCollection.On() {
		s = stripCollectionCount(s)
	}
	if titleTrailer.On() {
		s = stripTitleTrailer(s)
	}
	if titleMediaMark.On() {
		f := zh.Fold(s)
		if m := mediaMarkRe.FindStringIndex(f); m != nil && m[0] > 0 {
			s = origSpan(s, f, 0, m[0])
		}
	}
	if titleColumnPrefix.On() {
		f := zh.Fold(s)
		if m := titlePrefixRe.FindStringIndex(f); m != nil && utf8.RuneCountInString(f[m[1]:]) >= minTitleRunes {
			s = origSpan(s, f, m[1], len(f))
		}
	}
	if titleDoubled.On() {
		s = undouble(s)
	}
	if titleWikiView.On() {
		f := zh.Fold(s)
		if m := wikiViewRe.FindStringIndex(f); m != nil && m[0] > 0 {
			s = origSpan(s, f, 0, m[0])
		}
	}
	return cleanSpace(s)
}

var titleFooterEcho = rule.New(rule.Rule{
	Name: "title.footer-echo",
	Why: "of two headlines over a story (a main title and its deck), the one an e-paper's footer repeats with the " +
		"date (paper, page, title, date) is the title",
	Accept: "县总工会为环卫工人送清凉\n某某日报 综合 00003 让清凉送到一线 2016-10-29",
	Reject: "县总工会为环卫工人送清凉\n某某日报 综合 00003 2016-10-29",
	Fires: func(s string) bool {
		title, rest, _ := strings.Cut(s, "\n")
		return footerEcho(fixtureLines(rest), span{0, 0}, title, []string{"让清凉送到一线"}) != ""
	},
})

// footerEcho returns the one of others that a stamp under the text
// repeats with a date when title is not repeated there (title.footer-echo),
// or "".
func footerEcho(lines []line, sp span, title string, others []string) string {
	if len(others) == 0 || inFooter(lines, sp, title) {
		return ""
	}
	for _, o := range others {
		if titleStampDate(lines, sp, o) != "" {
			return o
		}
	}
	return ""
}

// inFooter reports whether a line under the text holds title, dated or
// not: a footer that names both headlines (an e-paper's kicker and its
// title) prefers neither.
func inFooter(lines []line, sp span, title string) bool {
	t := strings.ReplaceAll(zh.Fold(title), " ", "")
	for i, end := sp.end, closingEnd(lines, sp.end, 2*maxClosingLines); t != "" && i < end; i++ {
		if strings.Contains(strings.ReplaceAll(zh.Fold(lines[i].text), " ", ""), t) {
			return true
		}
	}
	return false
}

var titleDoubled = rule.New(rule.Rule{
	Name: "title.doubled",
	Why: "a document site prints a text's name twice in a row, perhaps with a short tag between (…讲话范文…讲话, " +
		"…总结精选…总结): the copy and its heading run together, and the name is the title once",
	Accept: "在全镇工会工作会议上的讲话范文在全镇工会工作会议上的讲话", Reject: "工会工作会议上的讲话",
	Fires: func(s string) bool { return undouble(s) != s },
})

// maxDoubledTag bounds the tag between the two copies of a doubled title
// (范文, 精选, 模板).
const maxDoubledTag = 4

// undouble returns the title once when s holds it twice around a short tag
// (title.doubled), else s.
func undouble(s string) string {
	r := []rune(s)
	for n := len(r) / 2; n >= minTitleRunes; n-- {
		tag := len(r) - 2*n
		if tag > maxDoubledTag {
			break
		}
		head, tail := string(r[:n]), string(r[len(r)-n:])
		if head == tail && (tag == 0 || !strings.ContainsAny(string(r[n:n+tag]), "，。；,;:：")) {
			return tail
		}
	}
	return s
}

var titleBookmark = rule.New(rule.Rule{
	Name: "title.bookmark-link",
	Why: "a document site's links under a text name it in title marks (收藏《…》, 下载《…》, 打印《…》); with no " +
		"title above the text, that name is its title",
	Accept: "收藏《青松县总工会大楼落成典礼上的讲话》", Reject: "阅读《工会法》",
	Fires: func(s string) bool { return bookmarkTitle([]line{{text: s}}) != "" },
})

// bookmarkRe is a site's link that names the text in title marks.
var bookmarkRe = regexp.MustCompile(`^[(\[【]?\s*(?:收藏|下载|打印|分享|复制)\s*《([^《》]{6,60})》`)

// maxBookmarkLines is how far from a part's end title.bookmark-link looks.
const maxBookmarkLines = 12

// bookmarkTitle returns the title a link at the end of a part names
// (title.bookmark-link), or "".
func bookmarkTitle(below []line) string {
	for _, l := range below {
		if m := bookmarkRe.FindStringSubmatch(strings.TrimSpace(l.text)); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

var titleMediaMark = rule.New(rule.Rule{
	Name:   "title.media-mark",
	Why:    "a portal's list marks an item with pictures or video after its headline ([图], (组图), [视频]); the mark is no part of it",
	Accept: "市总工会召开全委会议[图]", Reject: "市总工会召开全委会议",
	Fires: func(s string) bool { return mediaMarkRe.MatchString(zh.Fold(s)) },
})

// mediaMarkRe is a picture or video mark at the end of a folded headline.
var mediaMarkRe = regexp.MustCompile(`\s*[(\[【]\s*(?:组图|多图|图文|图片|附图|图|视频|高清)\s*[)\]】]\s*$`)

var titleColumnPrefix = rule.New(rule.Rule{
	Name: "title.column-prefix",
	Why: "a short column's name before a bar (创新提升|…) or in brackets (【新闻特写】…, [香港]…), or a section's " +
		"number ((一)…, 一、…) heads a title " +
		"on the page; the document's title is what follows",
	Accept: "(一)镇工会送温暖活动情况汇报", Reject: "镇工会送温暖活动情况汇报",
	Fires: func(s string) bool { return titlePrefixRe.MatchString(zh.Fold(s)) },
})

// titlePrefixRe is a column's name and bar, or a section's number, before a title.
var titlePrefixRe = regexp.MustCompile(`^\s*(?:[\p{Han}]{2,6}\s*[|｜]\s*|【[\p{Han}]{2,6}】\s*|\[[\p{Han}]{2,6}\]\s*|[(][一二三四五六七八九十]{1,3}[)]\s*|[一二三四五六七八九十]{1,3}、\s*)`)

var titlePlacePrefix = rule.New(rule.Rule{
	Name:   "title.place-prefix",
	Why:    "the bracketed label a title's cleaning drops ([香港], 【宁波】) still names the place the story is filed under, as the title would",
	Accept: "[香港] 职工盟游行争取集体谈判权", Reject: "职工盟游行争取集体谈判权",
	Fires: func(s string) bool { return bracketPrefix(s) != "" },
})

// bracketPrefixRe is a bracketed label before a title.
var bracketPrefixRe = regexp.MustCompile(`^\s*(?:【([\p{Han}]{2,6})】|\[([\p{Han}]{2,6})\])`)

// bracketPrefix returns the label in brackets before a raw title
// (title.place-prefix), or "".
func bracketPrefix(raw string) string {
	f := zh.Fold(raw)
	m := bracketPrefixRe.FindStringSubmatchIndex(f)
	if m == nil {
		return ""
	}
	if m[2] >= 0 {
		return f[m[2]:m[3]]
	}
	return f[m[4]:m[5]]
}

var titleWikiView = rule.New(rule.Rule{
	Name: "title.wiki-view",
	Why: "a wiki page's heading names the view after the article's name (…:修订间差异, …的历史版本) " +
		"and the line under it the wiki (来自某某百科); the article's name is the title, the wiki its publisher",
	Accept: "青松县总工会:修订间差异", Reject: "青松县总工会:十年发展回顾",
	Fires: func(s string) bool { return wikiViewRe.MatchString(zh.Fold(s)) },
})

var (
	wikiViewRe = regexp.MustCompile(`\s*(?:[:：]\s*(?:修订间差异|版本间的差异|修订历史|历史版本)|的(?:修订历史|历史版本|版本间的差异))\s*$`)
	// The tagline under a wiki page's heading: 来自某某百科.
	wikiFromRe = regexp.MustCompile(`^来自\s*([\p{Han}a-z]{1,12}(?:百科|维基|wiki|百科全书))$`)
)

// fixtureLines and fixtureKinds make a header of a rule's example, one
// line per \n, as textPage and classify do.
func fixtureLines(s string) []line {
	var ls []line
	for _, t := range strings.Split(s, "\n") {
		ls = append(ls, line{text: cleanSpace(t), main: true})
	}
	return ls
}

func fixtureKinds(s string) []kind {
	var ks []kind
	for _, t := range strings.Split(s, "\n") {
		ks = append(ks, classify(cleanSpace(t)))
	}
	return ks
}

var titleCrumbLast = rule.New(rule.Rule{
	Name: "title.crumb-last",
	Why: "a breadcrumb may end in the page's own headline (首页 > 基层动态 > 县总工会开展…活动); with no title " +
		"line above the text, a last segment longer than a column's name is the title",
	Accept: "首页 > 基层动态 > 县总工会开展送温暖活动", Reject: "首页 > 基层动态 > 正文",
	Fires: func(s string) bool { return crumbTitle([]string{foldLine(s)}) != "" },
})

// crumbTitle returns the headline a breadcrumb ends in (title.crumb-last),
// folded, or "".
func crumbTitle(crumbs []string) string {
	for i := len(crumbs) - 1; i >= 0; i-- {
		c := crumbs[i]
		if !strings.Contains(c, ">") && !strings.ContainsAny(c, "»›") {
			continue
		}
		segs := splitNonEmpty(navSepRe.Split(c, -1))
		if len(segs) < 2 {
			continue
		}
		last := strings.TrimSpace(segs[len(segs)-1])
		if looksLikeTitle(last) && utf8.RuneCountInString(last) > maxColumnRunes {
			return last
		}
	}
	return ""
}

// crumbSection reports whether the folded line f repeats a segment of one
// of the folded breadcrumbs (title.crumb-section).
func crumbSection(f string, crumbs []string) bool {
	f = strings.TrimSpace(f)
	if f == "" {
		return false
	}
	for _, c := range crumbs {
		if !strings.Contains(c, f) {
			continue
		}
		for _, seg := range navSepRe.Split(c, -1) {
			if strings.TrimSpace(seg) == f {
				return true
			}
		}
	}
	return false
}
