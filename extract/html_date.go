package extract

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/unionscope/unionscope/zh"
)

// pageStamp reads a web page's own publication date from where a content
// system leaves it outside the visible text, for a page with no date
// <meta>: the structured data (JSON-LD datePublished), the property
// comment some Chinese publishing systems write over the article
// (<!--enpproperty …<date>2012-01-17 20:40:53.0</date>…-->), and the
// page's canonical address (/2012-05/16/, /201205/t20120516_…). Each is the
// page's stamp, where a date in the text may be anything it mentions.
func pageStamp(doc *goquery.Document, raw string, g gate) string {
	if g.on(ruleStructuredDate) {
		if d := jsonLDDate(doc); d != "" {
			return d
		}
	}
	if g.on(ruleCMSDate) {
		if d := cmsCommentDate(raw); d != "" {
			return d
		}
	}
	if g.on(ruleCanonicalDate) {
		if d := canonicalDate(doc); d != "" {
			return d
		}
	}
	return ""
}

var (
	jsonLDDateRe = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)
	// cmsDateRe reads the date of a publishing system's property comment:
	// <!--enpproperty <date>…</date>…--> and the like.
	cmsDateRe = regexp.MustCompile(`(?is)<!--\s*(?:enpproperty|trsproperty)\b.{0,400}?<(?:date|publishdate|pubdate)>([^<]{8,30})</`)
)

func jsonLDDate(doc *goquery.Document) string {
	d := ""
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if m := jsonLDDateRe.FindStringSubmatch(s.Text()); m != nil {
			d = findDate(zh.Fold(m[1]))
		}
		return d == ""
	})
	return d
}

func cmsCommentDate(raw string) string {
	if !strings.Contains(raw, "property") {
		return ""
	}
	if m := cmsDateRe.FindStringSubmatch(raw); m != nil {
		return findDate(zh.Fold(m[1]))
	}
	return ""
}

// canonicalDate reads a full date from the page's own address, as given by
// <link rel="canonical"> or og:url; a month alone (/201205/) says too
// little to stand for the page's date.
func canonicalDate(doc *goquery.Document) string {
	var urls []string
	doc.Find(`link[rel="canonical"], meta[property="og:url"], meta[name="og:url"]`).Each(func(_ int, s *goquery.Selection) {
		urls = append(urls, firstNonEmpty(s.AttrOr("href", ""), s.AttrOr("content", "")))
	})
	for _, u := range urls {
		if d := urlDate(strings.ToLower(u)); len(d) == len("2006-01-02") {
			return d
		}
	}
	return ""
}
