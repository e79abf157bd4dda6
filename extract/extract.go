// Package extract turns the bytes of a saved file or fetched web page into
// corpus documents: it decodes Chinese encodings, finds the article body in
// HTML or plain text, drops boilerplate, splits compilations into parts, and
// reads title, date, publisher, author, doctype and region.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/campaign"
	"github.com/unionscope/unionscope/extract/decode"
	"github.com/unionscope/unionscope/extract/quantity"
	"github.com/unionscope/unionscope/extract/region"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// ErrNoArticle is the error of an input that decodes to text in which no
// article paragraph was found: navigation, a list of links, markup only.
var ErrNoArticle = errors.New("no article text (no paragraph of prose found)")

// Input is one file or fetched page.
type Input struct {
	// Name is the file path or URL as given. It becomes
	// Document.SourceFile and is a hint too: its extension, and dates in
	// URLs like /2012-05/16/.
	Name string
	Data []byte
	// ContentType is the HTTP Content-Type header, "" for files.
	ContentType string
}

// Parse turns one input into one or more documents (several for a
// compilation of 第一篇, 第二篇 …), in the original script. It fills every
// field but ID and Source. Inputs with no text give decode.ErrEmpty or decode.ErrBinary, and
// text with no article in it ErrNoArticle.
func Parse(in Input) ([]corpus.Document, error) {
	text, _, err := decode.Text(in.Data, in.ContentType)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", in.Name, err)
	}
	var pg *page
	if isHTML(in.Name, in.ContentType, text) {
		pg = htmlPage(text)
	} else {
		pg = textPage(text)
	}
	sum := sha256.Sum256(in.Data)
	hash := hex.EncodeToString(sum[:])

	docs, empty := buildDocuments(pg, in.Name, hash)
	if empty && pg.html {
		// A web page whose article the line rules miss gets a second
		// reading by go-readability (html_fallback.go).
		if alt := fallbackPage(pg, text); alt != nil {
			docs, empty = buildDocuments(alt, in.Name, hash)
		}
	}
	if empty {
		return nil, fmt.Errorf("parse %s: %w", in.Name, ErrNoArticle)
	}
	return docs, nil
}

// buildDocuments reads the documents of a page, and reports whether
// none of them has a body.
func buildDocuments(pg *page, name, hash string) ([]corpus.Document, bool) {
	meta := pg.lines
	if headerReading.On() {
		meta = withoutReadings(pg.lines)
	}
	kinds := make([]kind, len(meta))
	for i, l := range meta {
		kinds[i] = classify(l.text)
	}
	if lineKeywordRun.On() {
		markKeywordRuns(meta, kinds)
	}
	if pg.html {
		refineKinds(pg, meta, kinds)
	}
	parts := splitParts(meta, kinds)
	docs := make([]corpus.Document, 0, len(parts))
	empty := true
	for i, pt := range parts {
		d := buildDocument(pg, meta, kinds, pt, name)
		d.SourceFile = name
		d.Part = i + 1
		d.ContentHash = hash
		if len(d.Body) > 0 {
			empty = false
		}
		docs = append(docs, d)
	}
	return docs, empty
}

var tagRe = regexp.MustCompile(`(?i)<(p|div|br|td|table|span|a|body|head|meta|font|li)[\s>/]`)

// isHTML decides between the HTML and plain-text paths: by header, by
// extension, and by the markup in the first bytes.
func isHTML(name, contentType, text string) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") || strings.Contains(ct, "xml") {
		return true
	}
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 4096)]))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<html") && strings.Contains(head, "<head") {
		return true
	}
	switch strings.ToLower(path.Ext(strings.SplitN(name, "?", 2)[0])) {
	case ".htm", ".html", ".shtml", ".xhtml", ".asp", ".aspx", ".php", ".jsp":
		if strings.Contains(head, "<") {
			return true
		}
	}
	return len(tagRe.FindAllStringIndex(text[:min(len(text), 65536)], 10)) >= 10
}

// buildDocument reads one part of a page. meta holds the page's lines as
// they are read for metadata and classified, pg.lines as they are kept in
// the body (see header.pinyin-reading).
func buildDocument(pg *page, meta []line, kinds []kind, pt part, name string) corpus.Document {
	lines, ks := meta[pt.from:pt.to], kinds[pt.from:pt.to]
	sp := findBody(lines, ks)
	if bodyCutTail.On() && !pg.html {
		sp.end = cutTail(lines, ks, sp)
	}
	if bodyHeadlineAboveByline.On() && !pg.html {
		sp.start = headlineAboveByline(lines, ks, sp)
	}
	if bodyLeadingHeading.On() && !pg.html && sp.start > 0 {
		sp.start = leadingHeadings(lines, ks, sp)
	}
	hdrEnd := sp.start
	if pg.html {
		sp, hdrEnd = widenBody(pg, pt, ks, sp)
	}
	var body []string
	if sp.start >= 0 && pg.html {
		body = htmlParagraphs(pg, pt, ks, sp)
	} else if sp.start >= 0 {
		body = bodyParagraphs(pg.lines[pt.from:pt.to], ks, sp)
	} else {
		hdrEnd = len(lines)
	}
	hdrStart := 0
	if pg.html {
		hdrStart = headlineLine(lines, pg.headline, hdrEnd)
	}
	h := readHeader(lines, ks, hdrStart, hdrEnd)

	d := corpus.Document{Body: body, Metrics: []corpus.Metric{}, Campaigns: []corpus.Campaign{}}
	if d.Body == nil {
		d.Body = []string{}
	}
	rawTitle := chooseTitle(pg, h, pt) + subtitle(pg, lines, hdrStart, hdrEnd)
	if titleFooterEcho.On() && sp.start >= 0 && rawTitle == h.title {
		if t := footerEcho(lines, sp, h.title, h.otherTitles); t != "" {
			rawTitle = t
		}
	}
	d.Title = cleanTitle(rawTitle)
	if bodyPageChunks.On() {
		if t, body, ok := pageChunks(d.Body, d.Title); ok {
			d.Body = body
			if d.Title == "" {
				d.Title = cleanTitle(t)
			}
		}
	}
	if titleSampleHeader.On() {
		if t, i := firstSample(d.Body, rawTitle); i >= 0 {
			d.Title = cleanTitle(t)
			d.Body = append(d.Body[:i:i], d.Body[i+1:]...)
		}
	}
	if d.Title == "" && titleBookmark.On() && !pg.html && sp.start >= 0 {
		if t := bookmarkTitle(lines[max(sp.start, len(lines)-maxBookmarkLines):]); t != "" {
			rawTitle = t
			d.Title = cleanTitle(t)
		}
	}
	rawTitleF := zh.Fold(rawTitle)
	// A stamp after the title names the newspaper and the day; a site
	// after it names the site.
	var stampPaper, stampDate, titleSite string
	if titleTrailer.On() {
		stampPaper, stampDate = titleStamp(rawTitle)
	}
	if titleSiteSuffix.On() {
		_, titleSite = stripSiteSuffix(zh.StripReadings(rawTitle))
	}
	titleF := zh.Fold(d.Title)
	if bodyTitleRepeat.On() {
		d.Body = dropTitleRepeats(d.Body, d.Title)
	}

	closing := closingLines(lines, ks, sp)
	tbl := infoTable(lines[:hdrEnd])
	var footerDate string
	if dateTitleStamp.On() && sp.start >= 0 {
		footerDate = titleStampDate(lines, sp, d.Title)
	}
	d.Date = firstNonEmpty(h.lineDate, h.fieldDate, pg.metaDate, h.anyDate, h.periodDate, tbl.published, tbl.written, stampDate, closing.date, footerDate, urlDate(strings.ToLower(name)), findDate(rawTitleF), findMonth(titleF))
	if d.Date == "" {
		if m := yearRe.FindStringSubmatch(titleF); m != nil {
			d.Date = m[1]
		}
	}

	// The opening dateline names the reporters and the outlet of a news
	// item (本报讯（记者…）, 新华社北京5月1日电, 某某网讯), and a bracket after
	// its last sentence may name them too; neither is body.
	var dl dateline
	tr := trailer{start: -1}
	if len(d.Body) > 0 {
		at := 0
		dl = parseDateline(d.Body[0])
		if dl.end == 0 && bodyDatelineBelow.On() {
			at, dl = datelineBelow(d.Body)
		}
		if dl.end > 0 && bodyDateline.On() {
			// A date in the caption or standfirst dropped above the
			// story dates the page when nothing else does.
			if d.Date == "" {
				d.Date = findDate(zh.Fold(strings.Join(d.Body[:at], " ")))
			}
			d.Body = replaceParagraph(d.Body, at, d.Body[at][dl.end:])[at:]
		} else {
			dl.outlet, dl.own = "", false
		}
	}
	if bodyBylineEnds.On() {
		d.Body = endAtByline(d.Body)
	}
	if bodyLeadingCaption.On() {
		for i, p := range d.Body {
			if k := leadingCaptionEnd(p); k > 0 {
				d.Body = replaceParagraph(d.Body, i, p[k:])
			}
		}
	}
	if n := len(d.Body); n > 0 && lineEditorCode.On() {
		if i := editorCodeStart(d.Body[n-1]); i > 0 {
			d.Body = replaceParagraph(d.Body, n-1, d.Body[n-1][:i])
		}
	}
	if n := len(d.Body); n > 0 && bodyTrailingByline.On() {
		if tr = trailerPastReadings(d.Body[n-1]); tr.start >= 0 {
			d.Body = replaceParagraph(d.Body, n-1, d.Body[n-1][:tr.start])
		} else {
			tr = closingTrailer(lines, ks, sp)
		}
	}
	// Captions above the last one carry their photos' credits too.
	if bodyPhotoCredit.On() {
		for i := len(d.Body) - 2; i >= 0; i-- {
			if c := photoCredit(d.Body[i]); c.start >= 0 {
				if tr.start < 0 {
					tr = c
				}
				d.Body = replaceParagraph(d.Body, i, d.Body[i][:c.start])
			}
		}
	}
	lead := dl.authors
	if d.Date == "" {
		d.Date = tr.date
	}
	var ownPaper, chromeName string
	if dl.own && publisherOwnPaper.On() {
		ownPaper = ownPaperChrome(meta, kinds)
	}
	if publisherSiteChrome.On() {
		chromeName = pageChrome(meta, kinds, chromeSite)
	}
	// Sources are tried in order, the ones that scan the whole page only
	// when those before them name no outlet.
	var closingSrc string
	if publisherClosingSource.On() {
		closingSrc = closingSource(lines, sp)
	}
	d.Publisher = firstNonEmpty(h.publisher, closingSrc, h.stampOutlet, pg.metaPublisher, tbl.publisher, dl.outlet, tr.paper, stampPaper, ownPaper, h.masthead, h.site)
	for _, find := range []func() string{
		func() string {
			if publisherCrumbSite.On() {
				return pageCrumbSite(lines, ks)
			}
			return ""
		},
		func() string { return pageSite(lines, ks) },
		func() string { return firstNonEmpty(pg.site, titleSite, chromeName) },
		func() string {
			if publisherMasthead.On() && !pg.html {
				return masthead(lines, ks)
			}
			return ""
		},
		func() string {
			if publisherSiteNote.On() {
				return pageNotes(lines)
			}
			return ""
		},
		func() string {
			if publisherFooterHost.On() {
				return pageChrome(lines, ks, footerHost)
			}
			return ""
		},
	} {
		if d.Publisher != "" {
			break
		}
		d.Publisher = strings.TrimSpace(find())
	}
	metaAuthor := cleanAuthor(pg.metaAuthor)
	if metaAuthor == d.Publisher || metaAuthor == pg.site || isSiteName(metaAuthor, pg.site) {
		metaAuthor = ""
	}
	var bracketSpeaker string
	if titleTrailer.On() {
		bracketSpeaker = titleBracketSpeaker(zh.StripReadings(rawTitle))
	}
	var trailerFirst string
	if authorTrailerFirst.On() {
		trailerFirst = tr.authors
	}
	var closingNames, closingOutlet string
	if authorClosingField.On() {
		closingNames, closingOutlet = closingAuthor(lines, sp)
		if d.Publisher == "" {
			d.Publisher = closingOutlet
		}
	}
	d.Author = firstNonEmpty(trailerFirst, h.author, h.speaker, titleAuthor(d.Title), titleSpeaker(d.Title), bracketSpeaker, h.org, lead, tr.authors, metaAuthor, pg.blogger, closingNames, closing.org, tr.unit)

	// A byline, a newspaper, or a web page's own date stamp mark a news
	// item once title and navigation have not said otherwise; a blog or
	// forum post has a date stamp too and is no news for it.
	personal := personalSiteRe.MatchString(zh.Fold(pg.site + " " + d.Publisher))
	reported := lead != "" || dl.outlet != "" || dl.own || tr.authors != "" || tr.unit != "" || tr.paper != ""
	news := h.author != "" && h.speaker == "" || reported || newspaperRe.MatchString(zh.Fold(d.Publisher)) ||
		doctypePageTurn.On() && hasPageTurn(lines, ks) ||
		pg.html && !personal && (h.fieldDate != "" || h.lineDate != "" || pg.metaDate != "") ||
		doctypePortalStamp.On() && !personal && (portalStamp(h) || datedByOutlet(h, d.Publisher))
	d.Doctype = doctype(d.Title, append(h.crumbs, breadcrumbs(lines, ks)...), d.Body, news)
	// A story that opens 本报讯（记者…）or 新华社…电 is news, though its title
	// names the report or the rules it tells of.
	if reported && (d.Doctype == corpus.DoctypeSummary || d.Doctype == corpus.DoctypeOther) {
		d.Doctype = corpus.DoctypeNews
	}
	if pt.sample && doctypeSampleLead.On() && (d.Doctype == corpus.DoctypeSummary || d.Doctype == corpus.DoctypeExperience) &&
		len(d.Body) > 0 && leadTime(zh.Fold(d.Body[0])) {
		d.Doctype = corpus.DoctypeNews
	}
	// The site's name often names the place (郸城县总工会): it counts as
	// one mention.
	var places []string
	if isSiteName(pg.docTitle, pg.site) {
		places = append(places, pg.docTitle)
	}
	// The unit that signs a report names who reports, as a title does.
	// So does the place a story is filed from.
	var prefix string
	if titlePlacePrefix.On() {
		prefix = bracketPrefix(rawTitle)
	}
	d.Region = region.Detect(strings.TrimSpace(prefix+" "+d.Title+" "+firstNonEmpty(h.org, closing.org)+" "+dl.place), d.Body, append(places, d.Publisher, pg.site)...)
	if d.Date == "" && dateTextReported.On() {
		body := d.Body
		if dateDatelineDay.On() && strings.Contains(dl.day, "月") && len(body) > 0 {
			// The day the dateline gives is the lead's: 本报1月5日讯 …今天.
			body = append([]string{dl.day + "，" + body[0]}, body[1:]...)
		}
		d.Date = textDate(body, d.Doctype != corpus.DoctypeSpeech, d.Doctype == corpus.DoctypeNews, d.Region.Province == "台湾省")
	}

	text := d.Text()
	if ms := quantity.Extract(text); ms != nil {
		d.Metrics = ms
	}
	if cs := campaign.Extract(campaignText(d.Title, text)); cs != nil {
		d.Campaigns = cs
	}
	return d
}

// hasPageTurn reports whether a part holds a newspaper's continuation
// note (doctype.page-turn); a document site's page notes are no such note.
func hasPageTurn(lines []line, kinds []kind) bool {
	for i, k := range kinds {
		if k == kindPageTurn && isPageTurn(foldLine(lines[i].text)) {
			return true
		}
	}
	return false
}

// subtitle returns the ——subtitle line right under a web page's headline
// element, which belongs to the title as it does in a text file's header.
func subtitle(pg *page, lines []line, at, end int) string {
	if !pg.html || pg.headline == "" || at+1 >= end || lines[at].text != pg.headline {
		return ""
	}
	next := lines[at+1].text
	if f := zh.Fold(next); (strings.HasPrefix(f, "——") || strings.HasPrefix(f, "--")) && utf8.RuneCountInString(f) <= 60 && !strings.Contains(pg.headline, "——") {
		return next
	}
	return ""
}

// chooseTitle prefers, for web pages, the headline element, then a title
// line above the body that agrees with <title>, then <title> itself unless
// it only names the site; for text, the title lines above the body, then
// the compilation's part header.
var titlePartHeader = rule.New(rule.Rule{
	Name: "title.part-header",
	Why: "position: on a web page that holds several texts, a later one is titled by its own header (第二篇：…) or " +
		"the headline above it, not by the page's headline or <title>, which are the first's or the collection's",
	Accept: "<html><head><title>工会讲话稿两篇</title></head><body><p>第一篇：在县总工会全委会上的讲话</p><p>同志们：</p>" +
		"<p>今天召开全委会议，总结去年的工作，部署今年的任务。</p><p>第二篇：在镇工会职代会上的讲话</p><p>同志们：</p>" +
		"<p>这次职代会是在全镇上下深入推进各项工作的时候召开的。</p></body></html>",
	Reject: "<html><head><title>在县总工会全委会上的讲话</title></head><body><p>同志们：</p>" +
		"<p>今天召开全委会议，总结去年的工作，部署今年的任务。</p></body></html>",
	Fires: func(s string) bool {
		ts := pageTitles(s)
		return len(ts) > 1 && ts[1] == "在镇工会职代会上的讲话"
	},
})

// pageTitles is the titles of a web page's documents, set in init: a
// rule's Fires that reads the page reaches the rule again.
var pageTitles func(s string) []string

func chooseTitle(pg *page, h header, pt part) string {
	if !pg.html {
		if pt.title != "" && titleRepeat(zh.Fold(pt.title), zh.Fold(h.title)) {
			return pt.title // 标题1 over the first of a site's samples
		}
		var crumb string
		if titleCrumbLast.On() {
			crumb = h.crumbTitle
		}
		return firstNonEmpty(h.title, pt.title, h.origTitle, crumb)
	}
	if (pt.from > 0 || pt.title != "") && titlePartHeader.On() {
		// A part of a compilation: the page's headline and <title> are
		// the first part's, or the collection's. A headline the blocks
		// broke before a bracket goes on under the part's header.
		if pt.title != "" && strings.HasPrefix(zh.Fold(h.title), "(") {
			return pt.title + h.title
		}
		return firstNonEmpty(h.title, pt.title, h.origTitle)
	}
	if pg.headline != "" {
		return pg.headline
	}
	ht, dt := zh.Fold(h.title), zh.Fold(pg.docTitle)
	switch {
	case h.title != "" && (dt == "" || strings.Contains(dt, ht) || strings.Contains(ht, dt)):
		return h.title
	case dt != "" && !isSiteName(pg.docTitle, pg.site):
		return pg.docTitle
	}
	return firstNonEmpty(h.title, pg.docTitle, h.origTitle)
}

var siteNameRe = regexp.MustCompile(`(网|在线|门户|网站|首页|主页|总工会|工会)$`)

func isSiteName(s, site string) bool {
	return s == site || utf8.RuneCountInString(s) <= 12 && siteNameRe.MatchString(zh.Fold(s))
}

// headlineLine returns the index of the line that holds the headline, so
// that the header is read from there on and not from the menus above it.
func headlineLine(lines []line, headline string, end int) int {
	if headline == "" {
		return 0
	}
	for i := end - 1; i >= 0; i-- {
		if lines[i].text == headline || lines[i].heading {
			return i
		}
	}
	return 0
}

// authorClosingByline and authorTrailerFirst are declared in init: their
// Fires read a closing line or parse a page, which asks whether they are
// on.
var authorClosingByline, authorTrailerFirst *rule.Rule

func init() {
	pageTitles = func(s string) []string {
		docs, _ := buildDocuments(htmlPage(s), "example.html", "")
		var ts []string
		for _, d := range docs {
			ts = append(ts, d.Title)
		}
		return ts
	}
	authorTrailerFirst = rule.New(rule.Rule{
		Name: "author.trailer-first",
		Why: "the reporters a story names after its last sentence ((张三 李四), 王某摄) are who wrote it; a 作者: " +
			"field above may name whoever posted it, and gives way",
		Accept: "作者：韦明\n近日，镇工会获评全国模范职工小家。（孟晓岚 韦家宁）",
		Reject: "作者：韦明\n近日，镇工会获评全国模范职工小家。",
		Fires: func(s string) bool {
			docs, err := Parse(Input{Name: "rule.txt", Data: []byte(s)})
			return err == nil && len(docs) == 1 && docs[0].Author == "孟晓岚 韦家宁"
		},
	})

	authorClosingByline = rule.New(rule.Rule{
		Name: "author.closing-byline",
		Why: "a reporter's byline may stand on a line of its own right under the story (本报记者 王某), as it " +
			"does above it",
		Accept: "全县共有职工代表450名。\n本报记者 王立新", Reject: "全县共有职工代表450名。\n本报地址：某某路8号",
		Fires: func(s string) bool {
			ls := fixtureLines(s)
			return closingTrailer(ls, fixtureKinds(s), span{0, 1}).authors != ""
		},
	})
}

// maxClosingBylineRunes bounds a byline line: roles and a few names.
const maxClosingBylineRunes = 30

// maxClosingTrailerLines is how many lines with text under the body
// closingTrailer reads.
const maxClosingTrailerLines = 3

// closingTrailer reads a byline or a newspaper's stamp in brackets on a
// line of its own right under the body: （某某日报 2012年01月17日 002版）.
func closingTrailer(lines []line, kinds []kind, sp span) trailer {
	for i, end := sp.end, closingEnd(lines, sp.end, maxClosingTrailerLines); sp.start >= 0 && i < end; i++ {
		if kinds[i] == kindBlank || kinds[i] == kindAd {
			continue
		}
		if t := parseTrailer(lines[i].text); t.start == 0 {
			return t
		}
		// A byline on a line of its own under the text: 本报记者 王某.
		if f := foldLine(lines[i].text); authorClosingByline.On() && utf8.RuneCountInString(f) <= maxClosingBylineRunes && bylineRe.MatchString(f) {
			if names := bylineNames(lines[i].text, zh.Fold(lines[i].text)); names != "" {
				return trailer{start: 0, authors: names}
			}
		}
		break
	}
	return trailer{start: -1}
}

// closing is the signature under a report: the unit and the date it
// was signed.
type closing struct{ org, date string }

// closingLines reads the signature right after the body: a unit and a date
// on the lines under the last paragraph (the 落款 of a work summary), or a
// date alone. A unit counts only with a date, as footers name units too.
func closingLines(lines []line, kinds []kind, sp span) closing {
	var c closing
	if sp.start < 0 {
		return c
	}
	for i, end := sp.end, closingEnd(lines, sp.end, maxClosingLines); i < end; i++ {
		s := lines[i].text
		f := strings.TrimSpace(zh.Fold(s))
		if isDateLine(f) {
			c.date = findDate(f)
			break
		}
		if d := periodLine(f); d != "" {
			c.date = d
			break
		}
		if org, d := orgLine(s, f); org != "" && c.org == "" {
			c.org = org
			if d != "" {
				c.date = d
				break
			}
			continue
		}
		if kinds[i] != kindBlank && kinds[i] != kindAd {
			break
		}
	}
	if c.date == "" {
		c.org = ""
	}
	return c
}

// pageSite finds the site's own name in the page's navigation and footer:
// 返回厦门工会网首页, 版权所有 新浪网.
func pageSite(lines []line, kinds []kind) string {
	for i, l := range lines {
		if kinds[i] == kindContent {
			continue
		}
		f := zh.Fold(l.text)
		if m := siteHomeRe.FindStringSubmatchIndex(f); m != nil {
			return origSpan(l.text, f, m[2], m[3])
		}
	}
	for i, l := range lines {
		if kinds[i] == kindContent {
			continue
		}
		f := zh.Fold(l.text)
		if m := copyrightRe.FindStringSubmatchIndex(f); m != nil {
			return origSpan(l.text, f, m[2], m[3])
		}
	}
	return ""
}

// breadcrumbs returns the folded breadcrumb lines of a part: 当前位置
// lines and paths with separators, not menus.
func breadcrumbs(lines []line, kinds []kind) []string {
	var out []string
	for i, l := range lines {
		if kinds[i] != kindNav {
			continue
		}
		f := zh.Fold(l.text)
		if navStartRe.MatchString(f) || strings.Contains(f, ">") || strings.ContainsAny(f, "»›") {
			out = append(out, f)
		}
	}
	return out
}

// replaceParagraph sets body[i] to p, trimmed, or drops it when nothing
// is left.
func replaceParagraph(body []string, i int, p string) []string {
	if p = strings.TrimSpace(p); p != "" {
		body[i] = p
		return body
	}
	return append(body[:i], body[i+1:]...)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
