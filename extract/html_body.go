package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/unionscope/unionscope/zh"
)

// layout is what the markup of a web page says of its lines, beyond their
// words: which element holds each, how much of it is link text, and the
// captions its images carry.
type layout struct {
	lines []hline // parallel to page.lines
	alts  map[string]bool
	gate  gate
	// chosen marks a page laid out as go-readability's article
	// (html_fallback.go): its lines are all the article's.
	chosen bool
}

// minAltRunes is the shortest alt text that can name a caption: shorter
// ones (图片, 图1) match headings and labels as often as captions.
const minAltRunes = 6

func (w *walker) addAlt(n *html.Node) {
	for _, a := range n.Attr {
		if a.Key != "alt" && a.Key != "title" {
			continue
		}
		v := altKey(a.Val)
		if utf8.RuneCountInString(v) < minAltRunes {
			continue
		}
		if w.alts == nil {
			w.alts = map[string]bool{}
		}
		w.alts[v] = true
	}
}

// maxPollShare is the largest share of the page's text a poll form may
// hold: a form holding most of the page is an ASP.NET page wrapped in one
// form, article and all, not a poll.
const maxPollShare = 0.3

// removePolls drops the forms that hold radio buttons or check boxes — a
// reader poll set into the article, a login box — whose options read as
// short questions and answers, not the article.
func removePolls(doc *goquery.Document) {
	polls := doc.Find("form").FilterFunction(func(_ int, f *goquery.Selection) bool {
		return f.Find(`input[type=radio], input[type=checkbox], input[type="radio"], input[type="checkbox"]`).Length() > 0
	})
	if polls.Length() == 0 {
		return
	}
	total := utf8.RuneCountInString(doc.Find("body").Text())
	polls.Each(func(_ int, f *goquery.Selection) {
		if float64(utf8.RuneCountInString(f.Text())) <= maxPollShare*float64(total) {
			f.Remove()
		}
	})
}

// claimWeight is what a line that claims rights or disclaims them (版权所有,
// 转载请注明, 免责声明) counts for in choosing the article: a site prints
// the same claim under every story, so it says where the site's chrome is.
const claimWeight = 0.2

var claimWords = newWordSet("版权", "转载", "声明", "免责", "不构成投资建议", "不代表本网", "不代表本站")

func isClaimLine(folded string) bool { return claimWords.in(folded) }

// offscreenRe matches the styles that put an element where no reader
// sees it — far off the page, at no size — as injected advertising for
// search engines is hidden on a hacked site.
var offscreenRe = regexp.MustCompile(`(?i)(left|top|text-indent|margin-left|margin-top)\s*:\s*-\s*\d{3,}\s*px|font-size\s*:\s*0(px)?\s*(;|$)|(^|;)\s*(height|width)\s*:\s*0(px)?\s*;.*overflow\s*:\s*hidden|overflow\s*:\s*hidden.*(^|;)\s*(height|width)\s*:\s*0(px)?\s*(;|$)`)

func offscreen(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "style" && offscreenRe.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// gamblingWords lists the words of the gambling adverts injected into
// hacked sites and promoRe their call to act (注册送, 开户, 彩金 …): a line
// with both, or with one of the words and a link, is an advert; a report
// on a gambling case has the words without the call. Words, not a regexp
// alternation: every line of the article is tested, and the backtracking
// matcher tries each alternative at each position.
var (
	gamblingWords = newWordSet("百家乐", "娱乐城", "娱乐场", "赌场", "博彩", "时时彩", "六合彩", "真人娱乐", "老虎机",
		"网上赌", "赌球", "太阳城", "葡京", "威尼斯人", "bet365", "皇冠体育", "体育投注", "棋牌游戏")
	promoRe = regexp.MustCompile(`注册|开户|彩金|首存|返水|官网|网址|优惠|送\d|送现金|免费试玩|www\.|https?:|\.com|\.net|\.cc`)
)

func isGamblingAd(folded string, l hline) bool {
	return gamblingWords.in(folded) && (promoRe.MatchString(folded) || linkDense(l))
}

// wordSet finds any of a list of words in a line in one pass over it,
// looking each rune up among the words' first runes.
type wordSet struct {
	// firsts holds bit r%1024 of each word's first rune r: the test
	// settles nearly every rune of a line, where a map lookup at every
	// rune cost more than the pass itself.
	firsts  [1024 / 64]uint64
	byFirst map[rune][]string
}

func newWordSet(words ...string) *wordSet {
	ws := &wordSet{byFirst: map[rune][]string{}}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		ws.firsts[r%1024/64] |= 1 << (r % 64)
		ws.byFirst[r] = append(ws.byFirst[r], w)
	}
	return ws
}

func (ws *wordSet) in(s string) bool {
	for i, r := range s {
		if ws.firsts[r%1024/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range ws.byFirst[r] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// linkShare is the share of a line's letters inside links above which the
// line is a link rather than a sentence that links a word: a paragraph
// that names an organisation as a link stays far below it, a download
// line (下载地址：<url>) or a teaser far above.
const linkShare = 0.6

func linkDense(l hline) bool {
	return l.runes > 0 && float64(l.linkRune) >= linkShare*float64(l.runes)
}

// refineKinds corrects, on a web page, what classify cannot tell from a
// line's words: a line of link text in the article is a link, an image's
// caption is no paragraph, a related-reading label over prose heads a
// section, and a page whose chosen element holds no prose is read whole.
// meta is the page's lines as they are read for metadata and classified:
// pg.lines itself or a copy without pinyin readings, whose main marks are
// kept in step.
func refineKinds(pg *page, meta []line, kinds []kind) {
	if pg.dom == nil || len(pg.dom.lines) != len(pg.lines) {
		return
	}
	defer func() {
		for i := range meta {
			meta[i].main = pg.lines[i].main
		}
	}()
	dl, g := pg.dom.lines, pg.dom.gate
	if pg.dom.chosen {
		trustChosen(pg, kinds)
	}
	for i := range kinds {
		if kinds[i] == kindBlank || dl[i].runes > maxPagerRunes {
			continue
		}
		f := strings.TrimSpace(zh.Fold(pg.lines[i].text))
		switch {
		case g.on(ruleCalendar) && !pg.lines[i].main && calendarRe.MatchString(f):
			kinds[i] = kindJunk
		case g.on(ruleFontBar) && strings.Contains(f, "字") && fontBarRe.MatchString(f):
			kinds[i] = kindJunk
		}
	}
	for i := range kinds {
		if !pg.lines[i].main || kinds[i] != kindContent && kinds[i] != kindShort {
			continue
		}
		f := strings.TrimSpace(zh.Fold(pg.lines[i].text))
		switch {
		case g.on(ruleGambling) && isGamblingAd(f, dl[i]):
			kinds[i] = kindAd
		case g.on(rulePageEnd) && isPageEnd(f, dl[i].runes):
			kinds[i] = kindPageEnd
		case g.on(ruleLinkLine) && linkDense(dl[i]):
			kinds[i] = kindNav
		case g.on(ruleCaption) && isCaption(pg.dom, i), g.on(ruleCaptionUnder) && isCaptionUnder(pg.dom, i):
			kinds[i] = kindJunk
		}
	}
	if g.on(rulePageEnd) {
		endAtPageEnd(pg, kinds)
	}
	if g.on(ruleLabelOverProse) {
		for i := range kinds {
			if kinds[i] == kindStop && pg.lines[i].main && labelOverProse(pg, kinds, i) {
				// The label goes, the section it heads stays.
				kinds[i] = kindBlank
			}
		}
	}
	if g.on(ruleReadWhole) {
		readWholeIfEmpty(pg, kinds)
	}
}

var (
	// pagerRe matches a pager (1 2 3 4 下一页, 上一页 2/5 下一页) and
	// disclaimerRe the site's disclaimer (声明：, 郑重声明, 声明：本网登载此文…):
	// either ends an article page on a web page.
	pagerRe      = regexp.MustCompile(`^(?:(?:上一页\s*)?[\[【]?\d{1,3}[\]】]?(?:\s*[\[【]?\d{1,3}[\]】]?)*\s*(?:下一页|尾页|末页)|(?:\d{1,3}\s+){2,}\d{1,3}|(?:上一页|下一页).{0,30})$`)
	disclaimerRe = regexp.MustCompile(`^(?:郑重|特别|免责|版权|本网|本站)?声明\s*(?::|$)`)
	// fontBarRe matches the label of a page's text-size buttons: 调整字级：,
	// 字号：大 中 小, 【字体：大 中 小】.
	fontBarRe = regexp.MustCompile(`^[\[【]?\s*(调整|选择|设置)?\s*(字级|字号|字体|字体大小|文字大小|字型)\s*:?\s*([大中小+\-]\s*)*[\]】]?$`)
	// calendarRe matches the calendar of a site's top bar: today's date
	// with its weekday (今天是2012年5月20日 星期日), which is the day of the
	// visit, not of the story.
	calendarRe = regexp.MustCompile(`^(今天是|今天|今日|现在是|当前日期)?\s*:?\s*(19|20)\d\d\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})\s*,?\s*(星期|礼拜|周)[一二三四五六日天]$`)
)

// maxPagerRunes bounds a pager line: the pattern is tried on the short
// lines only.
const maxPagerRunes = 40

func isPageEnd(folded string, runes int) bool {
	if strings.Contains(folded, "声明") && disclaimerRe.MatchString(folded) {
		return true
	}
	return runes <= maxPagerRunes && pagerRe.MatchString(folded)
}

// kindPageEnd marks, while refineKinds runs, a line of html.page-end;
// endAtPageEnd turns it into kindStop.
const kindPageEnd kind = -1

// endAtPageEnd ends the article element at its first page-end mark that
// follows a paragraph: the lines after it are the site's, so no run of
// the body may start there. A pager above the text ends nothing.
func endAtPageEnd(pg *page, kinds []kind) {
	seen := false
	for i, k := range kinds {
		switch {
		case k == kindContent && pg.lines[i].main:
			seen = true
		case k == kindPageEnd:
			kinds[i] = kindStop
			if !seen {
				continue
			}
			for j := i + 1; j < len(kinds); j++ {
				if kinds[j] == kindPageEnd {
					kinds[j] = kindStop
				}
				pg.lines[j].main = false
			}
			return
		}
	}
}

// isCaption reports whether line i repeats the alt or title of an image
// of the page: a caption under a photo, which the article's text does not
// include.
func isCaption(d *layout, i int) bool {
	return len(d.alts) > 0 && d.alts[altKey(d.lines[i].text)]
}

// isCaptionUnder reports whether line i is set as the caption of the
// image right above it: short, ending no sentence, and centred or in an
// element named for captions.
func isCaptionUnder(d *layout, i int) bool {
	l := d.lines[i]
	if !l.afterImg || l.runes > maxCaptionRunes || l.owner == nil || endsSentence(zh.Fold(l.text)) {
		return false
	}
	for n, depth := l.owner, 0; n != nil && depth < 3; n, depth = n.Parent, depth+1 {
		if centred(n) || captionClassRe.MatchString(classOf(n)) {
			return true
		}
	}
	return false
}

// maxCaptionRunes bounds a caption told by its place under an image: a
// longer line is a paragraph that follows the photo.
const maxCaptionRunes = 40

var (
	captionClassRe = regexp.MustCompile(`(?i)caption|img_?desc|img_?txt|imgtext|pic_?(txt|text|desc|info|title|note)|photo_?(txt|text|desc|note)|picintro|tuwen|figcaption`)
	centreStyleRe  = regexp.MustCompile(`(?i)text-align\s*:\s*center`)
)

func centred(n *html.Node) bool {
	if n.DataAtom == atom.Center || n.DataAtom == atom.Figcaption {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "align" && strings.EqualFold(strings.TrimSpace(a.Val), "center") || a.Key == "style" && centreStyleRe.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// altKey is the form in which a caption and an image's alt text are
// compared: folded, without the full stop a caption line may add.
func altKey(s string) string {
	return strings.TrimRight(zh.Fold(cleanSpace(s)), "。.!！ ")
}

// relatedLabelRe matches a line that is only a related-reading label.
var relatedLabelRe = regexp.MustCompile(`^[(\[【]?\s*(相关链接|相关阅读|延伸阅读|相关报道|相关新闻|相关资讯|相关文章|背景链接|背景资料|新闻链接|链接)\s*[:：)\]】]?$`)

// maxLabelRunes bounds a section label such as 相关链接 or 延伸阅读; a longer
// stop line is a sentence or a toolbar, not a heading.
const maxLabelRunes = 8

// labelOverProse reports whether the stop line i is a related-reading
// label (相关链接, 延伸阅读) that heads more of the article's own prose
// rather than a list of links: a paragraph follows in the article, under
// at most a heading or two, and no link text comes between.
func labelOverProse(pg *page, kinds []kind, i int) bool {
	f := strings.TrimSpace(zh.Fold(pg.lines[i].text))
	if utf8.RuneCountInString(f) > maxLabelRunes || !relatedLabelRe.MatchString(f) {
		return false
	}
	for j := i + 1; j < len(kinds) && j <= i+3; j++ {
		if !pg.lines[j].main || linkDense(pg.dom.lines[j]) {
			return false
		}
		switch kinds[j] {
		case kindBlank, kindShort: // the section's own heading
		case kindContent:
			return true
		default:
			return false
		}
	}
	return false
}

// readWholeIfEmpty reads the whole page when the element chosen as the
// article holds no paragraph while the page has one: a table layout can
// put the text where no container wins.
func readWholeIfEmpty(pg *page, kinds []kind) {
	any := false
	for i, k := range kinds {
		if k == kindContent {
			if pg.lines[i].main {
				return
			}
			any = true
		}
	}
	if !any {
		return
	}
	for i := range pg.lines {
		pg.lines[i].main = true
	}
}

// maxBridge is how much a gap inside the article may cost before the body
// ends at it: a short line (a subheading) costs 1, a byline or a nav line
// 2, so two subheadings and a reporter's byline between two paragraphs are
// bridged but a block of menus is not.
const maxBridge = 5

// widenBody extends the body findBody chose on a web page to the rest of
// the article element, over subheadings and in-text bylines that break
// findBody's run, and up to a lead paragraph the template set between the
// headline and the article element. It returns the body and where the
// header above it ends.
func widenBody(pg *page, pt part, kinds []kind, sp span) (span, int) {
	if sp.start < 0 || pg.dom == nil || len(pg.dom.lines) != len(pg.lines) {
		return sp, sp.start
	}
	lines, g := pg.lines[pt.from:pt.to], pg.dom.gate
	hdrEnd := sp.start
	if g.on(ruleBridge) {
		sp.end = bridgeForward(lines, kinds, sp.end)
		sp.start = bridgeBack(lines, kinds, sp.start)
		hdrEnd = sp.start
	}
	if g.on(ruleLead) {
		sp.start = leadAbove(pg, pt, kinds, sp)
	}
	if g.on(ruleMainTail) {
		sp.end = mainTail(lines, pg.dom.lines[pt.from:pt.to], kinds, sp.end)
	}
	if g.on(ruleDanglingLabel) {
		sp.end = dropDanglingLabels(lines, kinds, sp)
	}
	return sp, hdrEnd
}

// minTailLines is the shortest run of short paragraphs that mainTail
// takes in: one short line after the body is a credit or an editor's
// name as often as it is text, a list of several is the article's.
const minTailLines = 2

// mainTail returns where the body ends once the short paragraphs that
// close the article element are taken in: a list of items (topics, names,
// places) that ends the element, each a block of its own and no link. A
// credit in brackets that closes the list stays out.
func mainTail(lines []line, dl []hline, kinds []kind, end int) int {
	last, n := end, 0
	i, signed := end, false
	for ; i < len(lines) && lines[i].main; i++ {
		switch {
		case kinds[i] == kindBlank, kinds[i] == kindAd:
			continue
		case kinds[i] == kindShort && signatureLine(lines[i].text):
			signed = true // the text's signature, which the list stops above
		case kinds[i] == kindShort && !linkDense(dl[i]) && !lines[i].heading:
			last, n = i+1, n+1
			continue
		}
		break
	}
	if !signed && i < len(lines) && lines[i].main && kinds[i] != kindStop {
		return end // the element goes on past the list: not its end
	}
	for last > end && bracketed(strings.TrimSpace(zh.Fold(lines[last-1].text))) {
		last--
		n--
	}
	if n < minTailLines {
		return end
	}
	return last
}

// bracketed reports whether s is wholly in one pair of brackets, as a
// closing credit is: （证券时报网快讯中心）, (记者 王林).
func bracketed(s string) bool {
	return strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1
}

// maxLabelLineRunes bounds a label such as 股价资料： or 附件： at the end of
// the body; a longer line ending in a colon introduces a quotation.
const maxLabelLineRunes = 10

// dropDanglingLabels ends the body before the labels that close it and
// introduce nothing the body kept (股价资料： over a table that was
// dropped), and returns the new end.
func dropDanglingLabels(lines []line, kinds []kind, sp span) int {
	end := sp.end
	for end > sp.start+1 {
		l := lines[end-1]
		f := strings.TrimSpace(zh.Fold(l.text))
		switch {
		case kinds[end-1] != kindContent && kinds[end-1] != kindShort:
		case utf8.RuneCountInString(f) <= maxLabelLineRunes && strings.HasSuffix(f, ":"):
		default:
			return end
		}
		end--
	}
	return end
}

// gapCost is what a line between two runs of the body costs, or -1 when
// the body cannot go on past it.
func gapCost(l line, k kind) int {
	if !l.main {
		return -1
	}
	switch k {
	case kindBlank, kindPageTurn, kindAd:
		return 0
	case kindShort:
		return 1
	case kindMeta, kindNav, kindJunk:
		return 2
	}
	return -1 // kindStop: the article is over
}

func bridgeForward(lines []line, kinds []kind, end int) int {
	cost := 0
	for i := end; i < len(lines); i++ {
		if kinds[i] == kindContent && lines[i].main {
			end, cost = i+1, 0
			continue
		}
		c := gapCost(lines[i], kinds[i])
		if c < 0 || cost+c > maxBridge {
			break
		}
		cost += c
	}
	return end
}

func bridgeBack(lines []line, kinds []kind, start int) int {
	cost := 0
	for i := start - 1; i >= 0; i-- {
		if kinds[i] == kindContent && lines[i].main {
			start, cost = i, 0
			continue
		}
		c := gapCost(lines[i], kinds[i])
		if c < 0 || cost+c > maxBridge {
			break
		}
		cost += c
	}
	return start
}

// maxLeadLines bounds how far above the article element a lead paragraph
// may stand: the dateline, a share bar and a byline lie between, not a
// page of menus.
const maxLeadLines = 6

// minLeadRunes is the shortest lead paragraph: a sentence, not a label
// that happens to end in a colon.
const minLeadRunes = 15

// leadAbove returns where the body starts once a lead paragraph between the
// headline and the article element is taken in: a paragraph of prose, not
// link text. A summary that the story's opening repeats is taken in too,
// as the reference bodies of real news pages keep it.
func leadAbove(pg *page, pt part, kinds []kind, sp span) int {
	if pg.headline == "" {
		return sp.start
	}
	lines, dl := pg.lines[pt.from:pt.to], pg.dom.lines[pt.from:pt.to]
	head := -1
	for i := sp.start - 1; i >= 0 && i >= sp.start-maxLeadLines-1; i-- {
		if lines[i].text == pg.headline {
			head = i
			break
		}
	}
	if head < 0 {
		return sp.start
	}
	start := sp.start
	for i := head + 1; i < sp.start; i++ {
		if kinds[i] != kindContent || linkDense(dl[i]) || dl[i].runes < minLeadRunes {
			continue
		}
		start = i
		break
	}
	return start
}

// htmlParagraphs is bodyParagraphs for a web page: lines that end at a
// block's end are paragraphs of their own, and only lines a <br> ends
// are rejoined where a fixed width cut them, so that a line of its own
// <p> never runs on into the next.
func htmlParagraphs(pg *page, pt part, kinds []kind, sp span) []string {
	if pg.dom == nil || len(pg.dom.lines) != len(pg.lines) || !pg.dom.gate.on(ruleBlockParagraph) {
		return bodyParagraphs(pg.lines[pt.from:pt.to], kinds, sp)
	}
	lines, dl := pg.lines[pt.from:pt.to], pg.dom.lines[pt.from:pt.to]
	var out, group []string
	for i := sp.start; i < sp.end; i++ {
		switch kinds[i] {
		case kindContent, kindShort:
			group = append(group, lines[i].text)
		}
		if !dl[i].brk || i == sp.end-1 {
			out = append(out, cleanLines(group, true)...)
			group = group[:0]
		}
	}
	return out
}
