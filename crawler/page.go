package crawler

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Page kinds.
const (
	KindList    = "list"    // links to follow, no document of its own
	KindArticle = "article" // a page with a body of prose, handed to the sink
	KindOther   = "other"   // a response that is neither (errors, redirects)
	// KindUnsupported is a PDF, Word file or other non-HTML document: noted
	// in the crawl state, not fetched in full or stored.
	KindUnsupported = "unsupported"
)

// Link is one link found on a page.
type Link struct {
	URL  string // canonical
	Text string
	// Pagination marks the next or another page of the same list, which is
	// followed at the depth of the page that links to it.
	Pagination bool
}

// Analysis is what the crawler reads from an HTML page.
type Analysis struct {
	Kind  string
	Links []Link
	// NoIndex and NoFollow come from <meta name="robots">.
	NoIndex, NoFollow bool
	// Prose is the number of Han characters in the densest block of prose.
	Prose int
}

// Article thresholds: a block of at least minProse Han characters of
// sentences, with few links for its size. A list page with a snippet per
// item has prose too, but a link for every sixty or so characters of it.
const (
	minProse          = 80
	proseRunesPerLink = 300
)

var blockTags = map[string]bool{
	"div": true, "td": true, "article": true, "section": true, "main": true, "body": true,
	"table": true, "tbody": true, "ul": true, "ol": true, "form": true, "center": true, "font": true,
}

var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "select": true, "option": true,
	"button": true, "textarea": true, "head": true, "svg": true,
}

// Analyze reads the links and the kind of an HTML page fetched from
// pageURL; text is the page decoded to UTF-8.
func Analyze(pageURL *url.URL, text string) Analysis {
	var a Analysis
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		// The html parser accepts any input; a failure is a reader error.
		a.Kind = KindOther
		return a
	}
	base := pageURL
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := pageURL.Parse(strings.TrimSpace(href)); err == nil && (b.Scheme == "http" || b.Scheme == "https") {
			base = b
		}
	}
	doc.Find(`meta[name]`).Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(s.AttrOr("name", ""))
		if name != "robots" && name != "unionscope" {
			return
		}
		c := strings.ToLower(s.AttrOr("content", ""))
		a.NoIndex = a.NoIndex || strings.Contains(c, "noindex") || strings.Contains(c, "none")
		a.NoFollow = a.NoFollow || strings.Contains(c, "nofollow") || strings.Contains(c, "none")
	})

	seen := map[string]bool{}
	add := func(ref, text string, pagination bool) {
		u, err := canonicalURL(ref, base)
		if err != nil {
			return
		}
		s := u.String()
		pagination = pagination || isPagination(text, u, pageURL)
		if seen[s] {
			if pagination {
				for i := range a.Links {
					if a.Links[i].URL == s {
						a.Links[i].Pagination = true
					}
				}
			}
			return
		}
		seen[s] = true
		a.Links = append(a.Links, Link{URL: s, Text: text, Pagination: pagination})
	}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		add(s.AttrOr("href", ""), strings.Join(strings.Fields(s.Text()), " "), false)
	})
	doc.Find("frame[src], iframe[src]").Each(func(_ int, s *goquery.Selection) {
		add(s.AttrOr("src", ""), "", false)
	})
	doc.Find(`meta[http-equiv]`).Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(s.AttrOr("http-equiv", ""), "refresh") {
			if m := refreshURL.FindStringSubmatch(s.AttrOr("content", "")); m != nil {
				add(strings.Trim(m[1], `'"`), "", false)
			}
		}
	})
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		for _, ref := range scriptPages(s.Text()) {
			add(ref, "", true)
		}
	})

	var best int
	if body := doc.Find("body").Nodes; len(body) > 0 {
		walkProse(body[0], &best)
	}
	a.Prose = best
	a.Kind = KindList
	if best >= minProse {
		a.Kind = KindArticle
	}
	return a
}

var refreshURL = regexp.MustCompile(`(?i)url\s*=\s*(\S+)`)

// createPageHTML(total, current, "index", "html") is how TRS WCM, the CMS
// behind many government and union portals, writes its page links from
// JavaScript: index.html, index_1.html … index_{total-1}.html.
var createPageHTML = regexp.MustCompile(`createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]`)

// maxScriptPages bounds the pages one script call may announce; the
// per-pattern cap bounds the list as a whole.
const maxScriptPages = 1000

func scriptPages(js string) []string {
	m := createPageHTML.FindStringSubmatch(js)
	if m == nil {
		return nil
	}
	total, _ := strconv.Atoi(m[1])
	total = min(total, maxScriptPages)
	var out []string
	for i := 1; i < total; i++ {
		out = append(out, m[3]+"_"+strconv.Itoa(i)+"."+m[4])
	}
	return out
}

var (
	pagerText = regexp.MustCompile(`^(下一?页|下页|后页|上一?页|前页|尾页|末页|首页|最后一?页|第?\s*\d+\s*页?|\[\s*\d+\s*\]|next|prev(ious)?|last|first|»|›|>>|<<|‹|«)$`)
	pagerURL  = regexp.MustCompile(`(?i)(index|list|default)_\d+\.s?html?$|[?&](page|p|pageno|pageindex|pagenum|curpage|pn|start)=\d+`)
)

// isPagination reports whether a link leads to another page of the list
// it is on: its text reads like a pager, or its URL is the page's with a
// page number.
func isPagination(text string, u, page *url.URL) bool {
	if u.Host != page.Host {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(text))
	if t != "" && pagerText.MatchString(t) {
		return true
	}
	if !pagerURL.MatchString(u.Path + "?" + u.RawQuery) {
		return false
	}
	// index_3.html is a page of the list in its own folder only.
	return dir(u.Path) == dir(page.Path)
}

func dir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i+1]
	}
	return p
}

// walkProse returns the Han characters of prose and the links in n's
// subtree, and raises best to the prose of the densest block seen.
func walkProse(n *html.Node, best *int) (prose, links int) {
	switch n.Type {
	case html.TextNode:
		return proseRunes(n.Data), 0
	case html.ElementNode:
		if skipTags[n.Data] {
			return 0, 0
		}
		if n.Data == "a" {
			return 0, 1
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p, l := walkProse(c, best)
		prose += p
		links += l
	}
	if n.Type == html.ElementNode && blockTags[n.Data] && prose > *best && links <= 1+prose/proseRunesPerLink {
		*best = prose
	}
	return prose, links
}

// proseRunes counts the Han characters of s when s reads as sentences
// (it has Chinese clause punctuation), else 0: menus, bylines and
// copyright lines do not count.
func proseRunes(s string) int {
	if !strings.ContainsAny(s, "，。；！？、：") {
		return 0
	}
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.Is(unicode.Han, r) {
			n++
		}
		s = s[size:]
	}
	if n < 10 {
		return 0
	}
	return n
}
