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
	kinds := make([]kind, len(pg.lines))
	for i, l := range pg.lines {
		kinds[i] = classify(l.text)
	}
	if pg.html {
		refineKinds(pg, kinds)
	}
	parts := splitParts(pg.lines)
	docs := make([]corpus.Document, 0, len(parts))
	empty := true
	for i, pt := range parts {
		d := buildDocument(pg, kinds, pt, name)
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

// part is a slice of the page's lines that makes one document.
type part struct {
	from, to int
	title    string // from the 第N篇: header, if any
}

// splitParts cuts a compilation at its 第一篇:, 第二篇: … headers. Two or
// more headers numbered in order make a compilation; anything else is one
// document.
func splitParts(lines []line) []part {
	type hdr struct {
		at    int
		n     int
		title string
	}
	var hs []hdr
	for i, l := range lines {
		if len(l.text) > 300 {
			continue
		}
		f := zh.Fold(l.text)
		m := partRe.FindStringSubmatchIndex(f)
		if m == nil {
			continue
		}
		n := partNumber(f[m[2]:m[3]])
		if n != len(hs)+1 {
			continue
		}
		hs = append(hs, hdr{at: i, n: n, title: strings.TrimSpace(origSpan(l.text, f, m[4], m[5]))})
	}
	if len(hs) < 2 {
		return []part{{from: 0, to: len(lines)}}
	}
	parts := make([]part, len(hs))
	for i, h := range hs {
		to := len(lines)
		if i+1 < len(hs) {
			to = hs[i+1].at
		}
		parts[i] = part{from: h.at + 1, to: to, title: h.title}
	}
	return parts
}

func partNumber(s string) int {
	n := 0
	digits := true
	for _, r := range s {
		if r < '0' || r > '9' {
			digits = false
		}
	}
	if digits {
		for _, r := range s {
			n = n*10 + int(r-'0')
		}
		return n
	}
	s = strings.NewReplacer("两", "二", "零", "", "〇", "").Replace(s)
	if i := strings.Index(s, "百"); i >= 0 {
		h := cnNumber(s[:i])
		if h == 0 {
			h = 1
		}
		return h*100 + cnNumber(s[i+len("百"):])
	}
	return cnNumber(s)
}

// buildDocument reads one part of a page.
func buildDocument(pg *page, kinds []kind, pt part, name string) corpus.Document {
	lines, ks := pg.lines[pt.from:pt.to], kinds[pt.from:pt.to]
	sp := findBody(lines, ks)
	hdrEnd := sp.start
	if pg.html {
		sp, hdrEnd = widenBody(pg, pt, ks, sp)
	}
	var body []string
	if sp.start >= 0 && pg.html {
		body = htmlParagraphs(pg, pt, ks, sp)
	} else if sp.start >= 0 {
		body = bodyParagraphs(lines, ks, sp)
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
	d.Title = cleanSpace(chooseTitle(pg, h, pt) + subtitle(pg, lines, hdrStart, hdrEnd))
	titleF := zh.Fold(d.Title)

	closing := closingLines(lines, ks, sp)
	tbl := infoTable(lines[:hdrEnd])
	d.Date = firstNonEmpty(h.lineDate, h.fieldDate, pg.metaDate, h.anyDate, h.periodDate, tbl.published, tbl.written, closing.date, urlDate(strings.ToLower(name)), findDate(titleF), findMonth(titleF))
	if d.Date == "" {
		if m := yearRe.FindStringSubmatch(titleF); m != nil {
			d.Date = m[1]
		}
	}

	// The opening byline names the reporters, and the agency of a wire
	// story (新华社北京5月1日电).
	var lead, agency string
	if len(d.Body) > 0 {
		if lead = bodyByline(d.Body[0]); lead != "" {
			f := zh.Fold(d.Body[0])
			if m := newspaperRe.FindStringIndex(f); m != nil && m[0] <= 3 {
				agency = origSpan(d.Body[0], f, m[0], m[1])
			}
		}
	}
	d.Publisher = firstNonEmpty(h.publisher, pg.metaPublisher, tbl.publisher, agency, h.site, pageSite(lines, ks), pg.site)
	metaAuthor := cleanAuthor(pg.metaAuthor)
	if metaAuthor == d.Publisher || metaAuthor == pg.site || isSiteName(metaAuthor, pg.site) {
		metaAuthor = ""
	}
	d.Author = firstNonEmpty(h.author, h.speaker, titleAuthor(d.Title), titleSpeaker(d.Title), h.org, lead, metaAuthor, pg.blogger, closing.org)

	// A byline, a newspaper, or a web page's own date stamp mark a news
	// item once title and navigation have not said otherwise; a blog or
	// forum post has a date stamp too and is no news for it.
	personal := personalSiteRe.MatchString(zh.Fold(pg.site + " " + d.Publisher))
	news := h.author != "" && h.speaker == "" || lead != "" || newspaperRe.MatchString(zh.Fold(d.Publisher)) ||
		pg.html && !personal && (h.fieldDate != "" || h.lineDate != "" || pg.metaDate != "")
	d.Doctype = doctype(d.Title, append(h.crumbs, breadcrumbs(lines, ks)...), d.Body, news)
	// A story that opens 本报讯（记者…）or 新华社…电 is news, though its title
	// names the report or the rules it tells of.
	if lead != "" && (d.Doctype == corpus.DoctypeSummary || d.Doctype == corpus.DoctypeOther) {
		d.Doctype = corpus.DoctypeNews
	}
	// The site's name often names the place (郸城县总工会): it counts as
	// one mention.
	var places []string
	if isSiteName(pg.docTitle, pg.site) {
		places = append(places, pg.docTitle)
	}
	// The unit that signs a report names who reports, as a title does.
	d.Region = region.Detect(strings.TrimSpace(d.Title+" "+firstNonEmpty(h.org, closing.org)), d.Body, append(places, d.Publisher, pg.site)...)

	text := d.Text()
	if ms := quantity.Extract(text); ms != nil {
		d.Metrics = ms
	}
	if cs := campaign.Extract(text); cs != nil {
		d.Campaigns = cs
	}
	return d
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
func chooseTitle(pg *page, h header, pt part) string {
	if !pg.html {
		return firstNonEmpty(h.title, pt.title)
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
	return firstNonEmpty(h.title, pg.docTitle)
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
	for i := sp.end; i < len(lines) && i < sp.end+4; i++ {
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
		if kinds[i] != kindBlank {
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

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
