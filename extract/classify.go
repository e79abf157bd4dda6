package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// kind is what a line of a page is, as far as the body is concerned.
type kind int

const (
	kindBlank    kind = iota
	kindContent       // prose: ends a sentence, or long with Chinese punctuation
	kindShort         // anything else that may be a title or a heading
	kindNav           // menus and breadcrumbs
	kindMeta          // bylines and field lines: source, author, date, clicks
	kindJunk          // footers, print links, counters
	kindStop          // the article is over: related news, print bar, comments
	kindPageTurn      // (下转第二版)
	kindAd            // a whole line of injected advertising
)

// Patterns run on folded text (simplified, halfwidth, lower case), so one
// pattern serves both scripts and both widths.
// mayStopAny reports whether s holds a word every stopAnyRe match has:
// the unanchored alternation tries each position of every line, which
// the substring tests spare nearly all lines.
func mayStopAny(s string) bool {
	return strings.Contains(s, "打印") || strings.Contains(s, "关闭") || strings.Contains(s, "收藏") || strings.Contains(s, "小")
}

var (
	stopRe     = mustStartRe(`^[(\[【]?\s*(相关新闻|相关阅读|相关文章|相关链接|相关报道|相关资讯|相关信息|相关推荐|新闻推荐|推荐阅读|延伸阅读|猜你喜欢|热点排行|热门推荐|热点推荐|热点阅读|热门文章|频道推荐|精彩推荐|最新文章|上一篇|下一篇|上一条|下一条|上篇|下篇|责任编辑|编辑\s*:|责编[\s:]|编审[\s:]|网友评论|发表评论|我要评论|评论\s*[:(]|已有\s*\d+\s*人(?:发表了?|参与)?评论|\d+\s*条评论|分享到|版权所有|版权声明|免责声明|copyright|©|正文已结束|全文已结束|全文完|本文完)`)
	stopAnyRe  = regexp.MustCompile(`【打印|打印本页|打印此文|关闭窗口|【关闭|\[打印\]|\[关闭\]|【收藏|【大\s*中\s*小|\[大\s*中\s*小`)
	pageTurnRe = regexp.MustCompile(`^[(\[【]?\s*(下转|上接|转第|接第|转\d|接\d)第?[0-9一二三四五六七八九十a-z]+\s*版\s*[)\]】]?$`)
	junkRe     = mustStartRe(`^((?:新闻|文章|信息|内容|资讯)详情$|(?:新闻|文章)?正文$|详细内容$|联系我们|关于我们|欢迎(?:您)?(?:访问|光临)|今天是\s*:|[(]建立内容为|无编辑摘要|网站地图|(?:打开手机|用手机|手机)?扫一扫[,，\s]*(?:在手机|分享|手机|打开|$)|返回顶部|设为首页|加入收藏|收藏本站|主办\s*:|承办\s*:|协办\s*:|地址\s*:|电话\s*:|值班电话|传真\s*:|邮编\s*:|电子邮箱|e-?mail\s*:|备案|技术支持|powered by|建议使用|本站原创$|点击数|点击\s*:|浏览次数|阅读次数|浏览\s*:|阅读\s*:|字体\s*:|字号\s*:|\[?字体|打印$|关闭$|返回$|返回首页$|更多>*$|more>*$|查看更多|我给文章打分|本文得分|参与评分人数)`)
	// A site's greeting banner: 某某市总工会欢迎您! | 今天是:
	welcomeRe   = regexp.MustCompile(`^[\p{Han}]{2,16}?欢迎(?:您|你)[!！]?(?:\s|\||$)`)
	navStartRe  = mustStartRe(`^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|现在位置|位置)\s*:`)
	crumbOpenRe = regexp.MustCompile(`^(>>|>|»|›)`)
	navSepRe    = regexp.MustCompile(`\s*(>>|>|»|›|→|->|/|\|)\s*`)
	fieldRe     = regexp.MustCompile(`(` + strings.Join(fieldLabels, "|") + `)\s*:`)
	bylineRe    = regexp.MustCompile(`^[(\[【]?[□■●▲◆◇○\s]*(?:(?:(?:文|图|文图|文/图|图/文)\s*[/:]?\s*)?(?:[\p{Han}]{1,6}?(?:报|刊|台|社|网)\s*[/]?\s*)?(?:全媒体|融媒体|特约|见习|实习|首席)?(?:记者|通讯员)|本报讯|新华社|本台讯|本网讯|(?:文|图|文图|图文|撰文|摄影)\s*[/／:]\s*[\p{Han}]{2,4}(?:\s|$))`)
	urlLineRe   = mustStartRe(`^(https?://|www\.)\S+`)
	postedRe    = regexp.MustCompile(`(发表于|发布于|更新于|posted on|posted|^date)\s*(19|20)\d\d[-/.年]`)
)

// fieldLabels are the labels fieldRe takes before a colon, in the order
// it tries them.
var fieldLabels = []string{"来源", "源自", "来自", "作者", "发布时间", "发表时间", "发布日期", "发表日期", "更新时间", "添加时间", "录入时间", "上传时间", "日期", "时间", "录入", "发布者", "发布人", "信息来源", "稿源", "文章来源", "新闻来源", "新闻作者", "撰稿", "供稿", "撰文", "摄影", "点击", "浏览", "阅读", "围观", "访问量", "访问", "编辑", "审核", "作者单位", "投稿人"}

// fieldLabelEnds holds the last rune of each field label.
var fieldLabelEnds = labelEnds(fieldLabels)

// labelEnds returns the last runes of labels.
func labelEnds(labels []string) string {
	var b strings.Builder
	for _, l := range labels {
		if r, _ := utf8.DecodeLastRuneInString(l); !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mayHaveField reports whether folded s may hold a match of fieldRe.
func mayHaveField(s string) bool { return mayHaveLabel(s, fieldLabelEnds) }

// mayHaveLabel reports whether folded s may hold a label and its colon: a
// colon after one of the labels' last runes, ends, and maybe spaces (\s).
// Many lines have a colon, and a regexp of labels would try every
// position of them; this looks at the colons only.
func mayHaveLabel(s, ends string) bool {
	for {
		i := strings.IndexByte(s, ':')
		if i < 0 {
			return false
		}
		// No label holds a colon: each lies after the one before.
		before := strings.TrimRight(s[:i], "\t\n\f\r ")
		if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(ends, r) {
			return true
		}
		s = s[i+1:]
	}
}

// classify tells what one line is. It looks at the folded text only.
func classify(line string) kind { return classifyFolded(line, zh.Fold(line)) }

// classifyFolded is classify given the line's zh.Fold, which callers that
// fold the line anyway pass on rather than fold it again.
func classifyFolded(line, folded string) kind {
	s := trimListBullet(strings.TrimSpace(folded))
	if s == "" {
		return kindBlank
	}
	n := utf8.RuneCountInString(s)
	switch {
	case linePageTurn.On() && isPageTurn(s), lineDownload.On() && isDownloadNote(s):
		return kindPageTurn
	case lineStop.On() && isStop(s, n):
		return kindStop
	case lineEpaper.On() && isEpaperChrome(s, n):
		return kindNav
	case lineJunk.On() && (n <= 80 && isJunk(s) || n <= maxFooterRunes && isFooter(s)), lineSearch.On() && isSearchBox(s, n),
		lineTOC.On() && isTOC(s), lineData.On() && isDataRow(s, n), lineImage.On() && isMarkdownImage(s):
		return kindJunk
	case lineMeta.On() && isMeta(s, n), lineLabel.On() && isLabelLine(s), lineFieldValue.On() && isFieldValue(s, n),
		linePaperStamp.On() && isPaperStamp(s, n), lineTimeField.On() && isTimeField(s, n):
		return kindMeta
	case lineTableRow.On() && isTableRow(s):
		return kindContent
	// A gambling advert may look like a menu (【广告】… 点击进入 >>); as an
	// advert it is skipped inside the text, where a menu would end it.
	case lineGambling.On() && isGamblingLine(s, n):
		return kindAd
	case lineNav.On() && isNav(s, n):
		return kindNav
	case lineAd.On() && stripFoldedAds(line, folded) == "":
		return kindAd
	case isProse(s, n):
		return kindContent
	}
	return kindShort
}

var lineTimeField = rule.New(rule.Rule{
	Name: "line.time-field",
	Why: "label: a short line that names a posting time (发表时间, 发布时间, 更新时间) and holds only digits after it is " +
		"a site's field, whatever its value, and no title",
	Accept: "网友发表时间 3239824", Reject: "发布时间调整为每周一",
	Fires: func(s string) bool { f := foldLine(s); return isTimeField(f, utf8.RuneCountInString(f)) },
})

// maxTimeFieldRunes bounds a time field line.
const maxTimeFieldRunes = 30

var timeFieldRe = regexp.MustCompile(`^[\p{Han}]{0,4}(?:发表|发布|更新|上传|录入|提交)时间\s*[:：]?\s*[\d\s:/.\-]*$`)

// isTimeField reports whether folded s is a posting-time field
// (line.time-field).
func isTimeField(s string, n int) bool {
	return n <= maxTimeFieldRunes && strings.Contains(s, "时间") && timeFieldRe.MatchString(s)
}

// trimListBullet drops the mark of a list item that a page's text kept
// from its HTML list (- 相关推荐, • 上一篇), so the line is told by its
// words as it would be without it. A hyphen or an asterisk counts only
// with a space after it: -5℃ and *号 are words.
func trimListBullet(s string) string {
	for _, b := range []string{"- ", "* ", "· ", "•", "●", "■", "◆"} {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// junkWords mark a footer wherever they stand in a line; junkRe only
// matches at its start. Apart, the pattern stays anchored and is tried at
// one position, not at every one.
var junkWords = []string{"icp备", "icp证", "分辨率", "浏览器", "公网安备", "all rights reserved", "举报电话", "不良信息举报"}

// maxFooterRunes bounds a site's footer on one line: its host, address,
// copyright and registration numbers.
const maxFooterRunes = 200

// isFooter reports whether folded s is a long footer line: it opens with
// a footer's label (主办:, 地址:, 版权所有) and names a registration or a
// copyright too, which no paragraph of an article does.
func isFooter(s string) bool {
	if !junkRe.MatchString(s) && !strings.HasPrefix(s, "版权所有") && !strings.HasPrefix(s, "copyright") {
		return false
	}
	for _, w := range []string{"icp备", "icp证", "公网安备", "版权所有", "all rights reserved", "copyright", "©"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isJunk(s string) bool {
	if junkRe.MatchString(s) || bookmarkRe.MatchString(s) || strings.Contains(s, "欢迎") && welcomeRe.MatchString(s) {
		return true
	}
	for _, w := range junkWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isNav(s string, n int) bool {
	if n > 160 {
		return false
	}
	if navStartRe.MatchString(s) {
		return true
	}
	if countPunct(s) > 1 && strings.ContainsAny(s, "。，；") {
		return false
	}
	// Breadcrumbs: several short segments between separators.
	// Every separator navSepRe knows holds one of these bytes.
	if !strings.ContainsAny(s, ">»›→/|") {
	} else if segs := splitNonEmpty(navSepRe.Split(s, -1)); len(segs) >= 3 && strings.Count(s, "/") < len(segs) {
		if shortSegments(segs, 12) {
			return true
		}
	} else if len(segs) >= 1 && crumbOpenRe.MatchString(s) && shortSegments(segs, 12) {
		// The rest of a breadcrumb whose 首页 the page put on the line above.
		return true
	} else if crumbSite(s) != "" {
		return true // two segments, the first a site's name: 某某新闻网>>工会新闻
	}
	// Menus: many short words in a row with no sentence punctuation.
	words := strings.Fields(s)
	if len(words) >= 4 && shortSegments(words, 8) && !endsSentence(s) {
		return true
	}
	return strings.HasPrefix(s, "首页") && len(words) >= 3
}

func splitNonEmpty(parts []string) []string {
	out := parts[:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// shortSegments reports whether the segments average no more than max runes.
func shortSegments(segs []string, max int) bool {
	total := 0
	for _, w := range segs {
		total += utf8.RuneCountInString(w)
	}
	return total <= max*len(segs)
}

func isMeta(s string, n int) bool {
	switch {
	case n <= 100 && urlLineRe.MatchString(s):
		return true
	case n <= 50 && bylineRe.MatchString(s) && !strings.ContainsRune(s, '。'):
		return true
	case isDateLine(s):
		return true
	case lineNameDate.On() && isNameDate(s, n), lineOriginalMark.On() && originalityStamp(s):
		return true
	}
	if n > 120 || strings.ContainsRune(s, '。') {
		return false
	}
	// Both stamps name a year, which most short lines do not.
	if mayNameYear(s) && (postedRe.MatchString(s) || dateForumEdit.On() && forumEditRe.MatchString(s)) {
		return true
	}
	if !mayHaveField(s) {
		return false
	}
	// Two labels settle it: the rest of a long line is not read.
	locs := fieldRe.FindAllStringIndex(s, 2)
	if len(locs) == 0 {
		return false
	}
	// A field label opens the line, or the line is fields and dates.
	return locs[0][0] <= 3*3 || len(locs) >= 2 || n <= 60 && mayOpenYMD(s) && dateYMDRe.MatchString(s)
}

// isProse reports whether a line reads as body text rather than a label.
func isProse(s string, n int) bool {
	if lineKicker.On() && isKicker(s, n) {
		return false
	}
	if endsSentence(s) || endsSentenceBeforeBracket(s) {
		return true
	}
	if lineEditorCode.On() && endsSentenceBeforeCode(s) {
		return true
	}
	return n >= 40 && countPunct(s) >= 2
}

// maxKickerRunes bounds a headline's kicker: a place or a topic and a colon.
const maxKickerRunes = 8

var lineKicker = rule.New(rule.Rule{
	Name: "line.kicker",
	Why: "a few characters and a colon alone on a line (青松县：), or a short exclamation (549.87万户！), lead a " +
		"headline on the next line; a salutation (同志们：) opens a speech",
	Accept: "549.87万户！", Reject: "同志们：",
	Fires: kickerLine,
})

// maxExclaimKickerRunes bounds an exclamation that leads a headline.
const maxExclaimKickerRunes = 10

// isExclaimKicker reports whether folded s is a short exclamation that
// leads a headline (549.87万户!, 好消息!): no part of it, unlike a place's
// kicker (青松县:).
func isExclaimKicker(s string, n int) bool {
	return n <= maxExclaimKickerRunes && strings.HasSuffix(s, "!") && countPunct(s) == 1
}

// kickerLine is isKicker of a raw line.
func kickerLine(s string) bool { f := foldLine(s); return isKicker(f, utf8.RuneCountInString(f)) }

// isKicker reports whether the folded line s is a headline's kicker
// (line.kicker).
func isKicker(s string, n int) bool {
	if isExclaimKicker(s, n) {
		return true
	}
	if n > maxKickerRunes || !strings.HasSuffix(s, ":") || countPunct(s) != 1 {
		return false
	}
	head := strings.TrimSpace(strings.TrimSuffix(s, ":"))
	// Not a salutation, an addressee (各乡镇工会：) or a label (附件：).
	return !strings.HasPrefix(head, "各") && !orgSuffix.MatchString(head) && !kickerLabelRe.MatchString(head) &&
		!containsAny(head, "同志", "女士", "先生", "朋友", "代表", "领导", "来宾", "大家", "如下", "是")
}

var kickerLabelRe = regexp.MustCompile(`^(附件|附|注|备注|说明|其中|具体|主要|内容|地址|电话|时间|地点|问|答|编者按|按|摘要|关键词)\d*$`)

// endsSentenceBeforeBracket reports whether s is a sentence with a byline
// in brackets after its end, as a news item's last line carries its
// reporters: …发放慰问金9.8万元。（张三 李四）. A caption's credit (某某摄)
// is no byline, and the caption stays short.
func endsSentenceBeforeBracket(s string) bool {
	if !strings.HasSuffix(s, ")") {
		return false
	}
	t := parseTrailer(s)
	return t.start > 0 && !t.photo
}

var lineEditorCode = rule.New(rule.Rule{
	Name: "line.editor-code",
	Why: "a portal's editor code (J208, NF035: capitals and digits after a space) after a sentence's end " +
		"does not stop the line from being prose",
	Accept: "慰问活动将持续到春节前。 J208", Reject: "慰问活动将持续到春节前 J208",
	Fires: func(s string) bool { return endsSentenceBeforeCode(foldLine(s)) },
})

// endsSentenceBeforeCode reports whether folded s is a sentence followed
// by an editor's code: a space, one to three capitals and two to four
// digits.
func endsSentenceBeforeCode(s string) bool { return editorCodeStart(s) > 0 }

// editorCodeStart returns where the editor's code after the last sentence
// of paragraph p begins, its space included, or -1. The code names who
// edited the page, as a 责任编辑 line does, and is no part of the text.
func editorCodeStart(p string) int {
	s := strings.TrimRight(p, " ")
	i := strings.LastIndexByte(s, ' ')
	if i <= 0 || !editorCode(s[i+1:]) {
		return -1
	}
	head := strings.TrimRight(s[:i], " ")
	if !endsSentence(zh.Fold(head)) {
		return -1
	}
	return len(head)
}

func editorCode(t string) bool {
	letters, digits := 0, 0
	for j := 0; j < len(t); j++ {
		switch c := t[j]; {
		case (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') && digits == 0: // folding lowers case
			letters++
		case c >= '0' && c <= '9' && letters > 0:
			digits++
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 3 && digits >= 2 && digits <= 4
}

// endsSentence reports whether s ends with sentence-final punctuation,
// looking past closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("”’\"'」』)]）】", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？!?；;：:…", r)
}

// countPunct counts Chinese sentence punctuation (after folding, the
// fullwidth comma, colon and the like are ASCII, so those count too).
func countPunct(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case '，', '。', '；', '：', '、', '！', '？', ',', ';', ':', '!', '?':
			n++
		}
	}
	return n
}

// adClaims are the words of an advert's origin claim. An injected advert
// claims an origin and names a channel: 原创…转载…网,
// 本文系作者原创投稿，仅供学习参考，请勿照搬照抄. Plain substring tests,
// not a regexp alternation: every line of every document is checked, and
// the backtracking matcher was a quarter of parsing time.
var adClaims = []string{"原创", "投稿", "文秘", "版权", "仅供", "请勿", "整理发布", "本站", "本网",
	"本文来源", "本文来自", "本文系", "本文为", "本文由", "本文转自", "本文转载", "来源于", "转自", "范文"}

// adClaimSet holds adClaims for hasAdClaim, which reads each line once,
// looking the claims up rune by rune: a substring search per claim starts
// from the claim's first byte, a CJK lead byte that nearly every character
// of a Chinese line shares, and took near a tenth of parsing time.
var adClaimSet = newWordSet(adClaims...)

func hasAdClaim(s string) bool { return adClaimSet.in(s) }

var (
	adChannelRe = regexp.MustCompile(`转载|[a-z0-9]\.(com|cn|net|org)\b|www\.|https?:|照搬|照抄|抄袭|注明出处|范文网|网[,，。！!;；]?$`)
	domainRe    = regexp.MustCompile(`[a-z0-9]\.(com|cn|net|org)\b`)
	urlOnlyRe   = regexp.MustCompile(`^[(（\[]?\s*(https?://|www\.)[\x21-\x7e]+\s*[)）\]]?[。.]?$`)
)

// stripAds removes advertising clauses injected into a line and returns
// what is left, trimmed. A clause is an advert when it pairs an origin
// claim with a channel (or is a bare URL); claim-only clauses next to one
// go with it, so 本文系作者原创投稿，仅供学习参考，请勿照搬照抄 goes whole
// while the clause of real text it was spliced into stays.
func stripAds(line string) string { return stripFoldedAds(line, zh.Fold(line)) }

// stripFoldedAds is stripAds given the line's zh.Fold.
func stripFoldedAds(line, folded string) string {
	if !hasAdClaim(folded) && !strings.Contains(folded, "www.") && !strings.Contains(folded, "http") && !strings.Contains(folded, "转载") {
		return strings.TrimSpace(line)
	}
	fc := splitClauses(folded)
	ad := make([]bool, len(fc))
	any := false
	for i, c := range fc {
		ad[i] = isAdClause(c)
		any = any || ad[i]
	}
	if !any {
		return strings.TrimSpace(line)
	}
	for changed := true; changed; {
		changed = false
		for i, c := range fc {
			if ad[i] || !hasAdClaim(c) || utf8.RuneCountInString(c) > 30 {
				continue
			}
			if i > 0 && ad[i-1] || i+1 < len(fc) && ad[i+1] {
				ad[i], changed = true, true
			}
		}
	}
	var b strings.Builder
	runes := []rune(line)
	pos := 0
	for i, c := range fc {
		n := utf8.RuneCountInString(c)
		if !ad[i] {
			b.WriteString(string(runes[pos : pos+n]))
		}
		pos += n
	}
	return strings.TrimSpace(b.String())
}

// splitClauses cuts s after each clause or sentence mark; the pieces join
// back to s.
func splitClauses(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune("，,；;。！？!?", r) {
			end := i + utf8.RuneLen(r)
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isAdClause(c string) bool {
	c = strings.TrimSpace(c)
	if urlOnlyRe.MatchString(c) {
		return true
	}
	if utf8.RuneCountInString(c) > 40 {
		return false
	}
	if hasAdClaim(c) && adChannelRe.MatchString(c) {
		return true
	}
	// 转载网络网络.com网: a channel twice over with no claim.
	return strings.Contains(c, "转载") && (domainRe.MatchString(c) || strings.HasSuffix(strings.TrimRight(c, "，,；;。！？!?"), "网"))
}
