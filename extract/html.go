package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/unionscope/unionscope/zh"
)

// htmlPage lays a web page out as lines and marks the lines of the element
// that holds the article, chosen the way Readability and
// GeneralNewsExtractor do, tuned for Chinese portals: paragraphs score by
// Chinese punctuation more than by length, link-dense blocks lose, and
// class names like content or zoom win.
func htmlPage(text string) *page { return htmlPageGated(text, gate{}) }

// htmlPageGated is htmlPage with the rules g lets through.
func htmlPageGated(text string, g gate) *page {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		// The HTML parser accepts any input; a reader error cannot happen
		// with a strings.Reader, but fall back to text all the same.
		return textPage(text)
	}
	p := &page{html: true}
	readHTMLMeta(doc, p, g)
	if p.metaDate == "" {
		p.metaDate = pageStamp(doc, text, g)
	}
	if g.on(rulePollForm) {
		removePolls(doc)
	}
	doc.Find("script, style, noscript, iframe, object, embed, svg, select, option, textarea, button, input, nav, aside, footer, template").Remove()

	w := &walker{g: g}
	for _, n := range doc.Nodes {
		w.walk(n, false)
	}
	w.flush()
	p.lines = make([]line, len(w.lines))
	for i, l := range w.lines {
		p.lines[i] = line{text: l.text, heading: l.heading, blockEnd: g.on(titleBlockGroup) && !l.brk}
	}
	p.headline = pickHeadline(doc, p, g)
	main := chooseMain(doc, w.lines, p.headline, g)
	for i, l := range w.lines {
		p.lines[i].main = main == nil || within(l.owner, main)
	}
	p.dom = &layout{lines: w.lines, alts: w.alts, gate: g}
	return p
}

// hline is a line of a web page with the element that holds its text.
type hline struct {
	text     string
	owner    *html.Node
	runes    int
	linkRune int
	heading  bool
	// brk marks a line that a <br> ends: text hard-wrapped with <br>s may
	// go on in the next line, while a block's end ends a paragraph.
	brk bool
	// afterImg marks a line that an image stands right above.
	afterImg bool
}

// walker turns a DOM into lines: block elements and <br> end a line.
type walker struct {
	g     gate
	lines []hline
	// alts holds the folded alt and title texts of the page's images.
	alts    map[string]bool
	sawImg  bool // an image since the last line
	buf     strings.Builder
	owner   *html.Node
	links   int
	heading bool
}

func (w *walker) flush() { w.end(false) }

// end closes the current line; brk says a <br> ends it rather than the
// end of a block.
func (w *walker) end(brk bool) {
	s := cleanSpace(w.buf.String())
	w.buf.Reset()
	if s != "" {
		w.lines = append(w.lines, hline{text: s, owner: w.owner, runes: utf8.RuneCountInString(s), linkRune: w.links, heading: w.heading, brk: brk, afterImg: w.sawImg})
		w.sawImg = false
	}
	w.links, w.heading = 0, false
}

func (w *walker) walk(n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) == "" {
			w.buf.WriteString(" ")
			return
		}
		if w.buf.Len() == 0 || strings.TrimSpace(w.buf.String()) == "" {
			w.owner = blockOwner(n)
		}
		w.buf.WriteString(n.Data)
		if inLink {
			w.links += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode:
		if hidden(n) || w.g.on(ruleOffscreen) && offscreen(n) {
			return
		}
		if n.DataAtom == atom.Br {
			w.end(true)
			return
		}
		if n.DataAtom == atom.Hr {
			w.flush()
			return
		}
		if n.DataAtom == atom.Img {
			w.addAlt(n)
			w.sawImg = true
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		w.flush()
	}
	if isHeading(n.DataAtom) {
		w.heading = true
	}
	link := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, link)
	}
	if block {
		if isHeading(n.DataAtom) {
			w.heading = true
		}
		w.flush()
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Td, atom.Th, atom.Tr, atom.Table, atom.Tbody, atom.Li, atom.Ul, atom.Ol,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Section, atom.Article, atom.Header,
		atom.Blockquote, atom.Pre, atom.Dd, atom.Dt, atom.Dl, atom.Center, atom.Form, atom.Body, atom.Title,
		atom.Main, atom.Figure, atom.Figcaption, atom.Caption, atom.Address, atom.Fieldset, atom.Legend:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3:
		return true
	}
	return false
}

var hiddenRe = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "style" && hiddenRe.MatchString(a.Val) || a.Key == "hidden" {
			return true
		}
	}
	return false
}

// blockParent returns the nearest block element above n: inline wrappers
// such as <font> and <span> are no containers of their own, or a lead
// paragraph written straight into a cell would lose to the <p>s after it,
// which old templates wrap in a <font>.
func blockParent(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && isBlock(p.DataAtom) {
			return p
		}
	}
	return nil
}

// maxUnderHeadlineLines is how far under the headline a paragraph counts
// as the article's opening (a dateline, a byline and a share bar lie
// between), and underHeadlineWeight what its score is multiplied by.
const (
	maxUnderHeadlineLines = 6
	underHeadlineWeight   = 1.5
)

// sectionAfter reports whether the folded <title> dt opens with the folded
// element text f and goes on with a separator (健檢看漏腫瘤-社會新聞-某某新聞):
// f is the headline, the rest the section and the site.
func sectionAfter(dt, f string) bool {
	rest, ok := strings.CutPrefix(dt, f)
	if !ok || f == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("-_|｜—:·", r)
}

// hasBlockChild reports whether an element holds a block element: a <div>
// that holds none is written as a paragraph.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c.DataAtom) || hasBlockChild(c)) {
			return true
		}
	}
	return false
}

// parentNode is the DOM parent if it is an element: what chooseMain
// climbs when html.inline-wrapper is off.
func parentNode(n *html.Node) *html.Node {
	if n.Parent != nil && n.Parent.Type == html.ElementNode {
		return n.Parent
	}
	return nil
}

// blockOwner returns the nearest block element above a text node.
func blockOwner(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && isBlock(p.DataAtom) {
			return p
		}
	}
	return nil
}

func within(n, anc *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == anc {
			return true
		}
	}
	return false
}

var (
	goodClassRe = regexp.MustCompile(`(?i)article|content|text|zoom|detail|post|entry|main|body|artibody|endtext|trs_editor|con_|_con|cont|zw|wenzhang|news_txt|newstext|show`)
	badClassRe  = regexp.MustCompile(`(?i)comment|sidebar|side|nav|menu|footer|foot|header|head|related|relate|recommend|share|banner|hot|rank|list|pager|paging|page_|crumb|tag|copyright|links|friend|login|search|toolbar|tool|ad_|_ad|ads|advert|gg|right|left|bottom|top|reply|xgxw|xgyd|tuijian`)
	postClassRe = regexp.MustCompile(`(?i)postmessage|t_f\b|t_msgfont|tpc_content|post[-_]?content|postbody|post_body|topic[-_]content|read_tpc`)
)

func classOf(n *html.Node) string {
	var s string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			s += " " + a.Val
		}
	}
	return s
}

// chooseMain returns the element that holds the article, or nil when the
// page has no prose at all.
func chooseMain(doc *goquery.Document, lines []hline, headline string, g gate) *html.Node {
	up := parentNode
	if g.on(ruleInlineWrapper) {
		up = blockParent
	}
	// A forum thread: the first post is the document, replies are not.
	if posts := doc.FindMatcher(postMatcher{}); posts.Length() >= 1 {
		for _, n := range posts.Nodes {
			if t := strings.TrimSpace(goquery.NewDocumentFromNode(n).Text()); utf8.RuneCountInString(t) >= 20 {
				return n
			}
		}
	}
	scores := map[*html.Node]float64{}
	// cands keeps the scored elements in document order, so that ties
	// break the same way on every run.
	var cands []*html.Node
	runes := map[*html.Node]int{}
	links := map[*html.Node]int{}
	for _, l := range lines {
		// An injected advert's link says nothing of the element a hacked
		// page put it in.
		if l.linkRune > 0 && g.on(ruleGambling) && isGamblingAd(zh.Fold(l.text), l) {
			continue
		}
		for n := l.owner; n != nil; n = n.Parent {
			runes[n] += l.runes
			links[n] += l.linkRune
		}
	}
	// A <div> of many <br> lines owns each of them: ask once.
	blocky := map[*html.Node]bool{}
	holdsBlock := func(n *html.Node) bool {
		has, ok := blocky[n]
		if !ok {
			has = hasBlockChild(n)
			blocky[n] = has
		}
		return has
	}
	// Paragraphs just under the headline are the article's opening: a
	// box of teasers or promotions elsewhere on the page is not.
	near := -1
	if headline != "" && g.on(ruleUnderHeadline) {
		for i, l := range lines {
			if l.text == headline {
				near = i + maxUnderHeadlineLines
				break
			}
		}
	}
	for i, l := range lines {
		if l.owner == nil || l.runes < 6 || l.linkRune*2 > l.runes {
			continue
		}
		f := zh.Fold(l.text)
		punct := countPunct(f)
		if punct == 0 && l.runes < 30 {
			continue
		}
		s := 1 + float64(punct) + min(float64(l.runes)/60, 3)
		if strings.HasSuffix(f, "...") || strings.HasSuffix(f, "…") {
			// A teaser in a list of other articles.
			s *= 0.3
		}
		if g.on(ruleClaimLine) && isClaimLine(f) {
			s *= claimWeight
		}
		if i < near && i >= near-maxUnderHeadlineLines {
			s *= underHeadlineWeight
		}
		cand := l.owner
		if cand.DataAtom == atom.P || isHeading(cand.DataAtom) || cand.DataAtom == atom.Li || cand.DataAtom == atom.Pre || cand.DataAtom == atom.Blockquote ||
			g.on(ruleDivParagraph) && cand.DataAtom == atom.Div && !holdsBlock(cand) {
			if p := up(cand); p != nil {
				cand = p
			}
		}
		div := 1.0
		for n, depth := cand, 0; n != nil && depth < 4; n, depth = up(n), depth+1 {
			if _, ok := scores[n]; !ok {
				cands = append(cands, n)
			}
			scores[n] += s / div
			div += 1
		}
	}
	var top *html.Node
	topScore := 0.0
	for _, n := range cands {
		s := scores[n]
		if n.DataAtom == atom.Html || n.DataAtom == atom.Body {
			s *= 0.5
		}
		cls := classOf(n)
		if goodClassRe.MatchString(cls) {
			s *= 1.3
		}
		if badClassRe.MatchString(cls) && !goodClassRe.MatchString(cls) {
			s *= 0.5
		}
		if r := runes[n]; r > 0 {
			s *= 1 - float64(links[n])/float64(r)
		}
		scores[n] = s
		if s > topScore || s == topScore && top != nil && runes[n] < runes[top] {
			top, topScore = n, s
		}
	}
	if top == nil {
		return nil
	}
	// A parent that holds the top element and others of nearly the same
	// score holds an article split over several blocks.
	for p := up(top); p != nil; p = up(p) {
		if scores[p] < topScore*0.9 || links[p]*3 > runes[p] {
			break
		}
		top, topScore = p, scores[p]
	}
	return top
}

// postMatcher matches forum posts by the class names of common forum
// software (Discuz!, phpwind and the like).
type postMatcher struct{}

func (postMatcher) Match(n *html.Node) bool {
	return n.Type == html.ElementNode && postClassRe.MatchString(classOf(n))
}

func (postMatcher) MatchAll(n *html.Node) []*html.Node {
	var out []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if (postMatcher{}).Match(c) {
				out = append(out, c)
				continue
			}
			rec(c)
		}
	}
	rec(n)
	return out
}

func (postMatcher) Filter(ns []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range ns {
		if (postMatcher{}).Match(n) {
			out = append(out, n)
		}
	}
	return out
}

var titleSepRe = regexp.MustCompile(`\s*(?:_|\||｜|--|—+|-\s|\s-|::|·)\s*`)

// readHTMLMeta reads <title>, <meta> and <time> values.
func readHTMLMeta(doc *goquery.Document, p *page, g gate) {
	title := cleanSpace(doc.Find("title").First().Text())
	segs := splitNonEmpty(titleSepRe.Split(title, -1))
	if g.on(ruleGambling) {
		// An advert injected into <title> is no part of the headline.
		segs = slices.DeleteFunc(segs, func(sg string) bool { return isGamblingAd(zh.Fold(sg), hline{}) })
	}
	if len(segs) > 0 {
		head := segs[0]
		for _, s := range segs {
			if utf8.RuneCountInString(s) > utf8.RuneCountInString(head) {
				head = s
			}
		}
		p.docTitle = strings.TrimSpace(head)
		if last := strings.TrimSpace(segs[len(segs)-1]); len(segs) > 1 && last != p.docTitle && utf8.RuneCountInString(last) <= 20 {
			p.site = last
		}
		p.blogger = blogger(segs, p.docTitle)
		// A print view or an untitled template says nothing of the article.
		if genericTitleRe.MatchString(zh.Fold(p.docTitle)) {
			p.docTitle = ""
		}
	}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		key := strings.ToLower(firstNonEmpty(s.AttrOr("property", ""), s.AttrOr("name", ""), s.AttrOr("itemprop", ""), s.AttrOr("http-equiv", "")))
		val := cleanSpace(s.AttrOr("content", ""))
		if val == "" {
			return
		}
		switch key {
		case "og:site_name", "sitename", "site_name", "application-name":
			if p.site == "" {
				p.site = val
			}
		case "article:published_time", "pubdate", "publishdate", "publish_date", "publish-date", "publishtime", "publish_time",
			"publication_date", "pubtime", "ptime", "releasetime", "release_date", "createdate", "created",
			"date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created", "datepublished",
			"og:release_date", "og:published_time", "firstpublishedtime", "releasedate", "originalpublicationdate",
			"citation_publication_date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at", "articlepublishdate":
			if p.metaDate == "" {
				p.metaDate = findDate(zh.Fold(val))
			}
		case "author", "article:author", "dc.creator":
			if p.metaAuthor == "" && !strings.Contains(val, "http") {
				p.metaAuthor = val
			}
		case "source", "contentsource", "og:article:source", "article:source":
			if p.metaPublisher == "" {
				p.metaPublisher = cleanPublisher(val)
			}
		}
	})
	if p.metaDate == "" {
		if t := doc.Find("time[datetime]").First(); t.Length() > 0 {
			p.metaDate = findDate(t.AttrOr("datetime", ""))
		}
	}
}

var (
	genericTitleRe = regexp.MustCompile(`^(打印|打印本页|打印页面|打印版|打印预览|正文打印|无标题|无标题文档|未命名|untitled|untitled document|新建网页\s*\d*|document|网页标题|内容页|详细内容|详细信息|文章内容|新闻内容|新闻详情|信息详情|正文)$`)
	personalSiteRe = regexp.MustCompile(`博客|blog|论坛|bbs|贴吧|空间|日志`)
	bloggerRe      = regexp.MustCompile(`^(.{2,12}?)的(?:博客|个人空间|空间|日志|blog)$`)
)

// blogger reads the blog's owner from a <title> such as 题目_周明远_新浪博客
// or 题目_周明远的博客: the segment between the post and a blog site, or
// the owner's name in the blog's own.
func blogger(segs []string, title string) string {
	if len(segs) < 2 {
		return ""
	}
	last := zh.Fold(strings.TrimSpace(segs[len(segs)-1]))
	if m := bloggerRe.FindStringSubmatch(last); m != nil {
		return strings.TrimSpace(origSpan(strings.TrimSpace(segs[len(segs)-1]), last, 0, len(m[1])))
	}
	if len(segs) < 3 || !personalSiteRe.MatchString(last) {
		return ""
	}
	for _, sg := range segs[1 : len(segs)-1] {
		sg = strings.TrimSpace(sg)
		f := zh.Fold(sg)
		if sg == title {
			continue
		}
		if m := bloggerRe.FindStringSubmatch(f); m != nil {
			return origSpan(sg, f, 0, len(m[1]))
		}
		if nameRe.MatchString(f) {
			return sg
		}
	}
	return ""
}

// titleClassRe reads a lower-cased class: a case-blind pattern is several
// times slower in Go's regexp.
var titleClassRe = regexp.MustCompile(`title|biaoti|headline|^bt$|\bbt\b|tit\b|article-h|news_h`)

// pickHeadline chooses the headline element's text: the h1, h2 or
// title-classed element that agrees with <title>, else a lone h1.
func pickHeadline(doc *goquery.Document, p *page, g gate) string {
	dt := zh.Fold(p.docTitle)
	var h1s []string
	best, bestRank := "", 0
	// A page repeats a few classes on many elements; the case-blind
	// pattern is slow enough to be worth asking once a class.
	titledClass := map[string]bool{}
	doc.Find("h1, h2, h3, [class], [id], strong, b, font").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		class := classOf(n)
		titled, seen := titledClass[class]
		if !seen {
			titled = titleClassRe.MatchString(strings.ToLower(class))
			titledClass[class] = titled
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.Strong, atom.B, atom.Font:
		default:
			// Only title-classed containers are read: reading the text of
			// every classed element would cost the page size times its depth.
			if !titled {
				return
			}
		}
		text := cleanSpace(s.Text())
		rc := utf8.RuneCountInString(text)
		if rc < 4 || rc > 120 {
			return
		}
		rank := 0
		switch n.DataAtom {
		case atom.H1:
			rank = 4
			h1s = append(h1s, text)
		case atom.H2:
			rank = 3
		case atom.H3:
			rank = 2
		default:
			rank = 1
			if titled {
				rank = 3
			}
		}
		f := zh.Fold(text)
		if dt == "" || !(f == dt || strings.Contains(dt, f) && utf8.RuneCountInString(f)*2 > utf8.RuneCountInString(dt) || strings.Contains(f, dt) ||
			g.on(ruleTitleBounds) && sectionAfter(dt, f)) {
			return
		}

		if f == dt {
			rank += 2
		}
		if rank > bestRank {
			best, bestRank = text, rank
		}
	})
	if best != "" {
		return best
	}
	if len(h1s) == 1 && h1s[0] != p.site {
		return h1s[0]
	}
	return ""
}
