package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// A document site offers samples of a kind of text under a page title that
// names the collection (工会工作总结(通用7篇), …范文集合十篇) and heads each
// sample with the title again and its number (工会工作总结 篇1). The
// document is the sample; its title is the sample's.

var (
	titleCollection = rule.New(rule.Rule{
		Name: "title.collection-count",
		Why: "a document site's page title counts the samples it collects ((通用7篇), (精选10篇), 范文集合十篇); " +
			"the count names the page, not the text",
		Accept: "村工会工作总结(通用8篇)", Reject: "村工会开展读书活动8次",
		Fires: func(s string) bool { return stripCollectionCount(s) != s },
	})
	titleSampleHeader = rule.New(rule.Rule{
		Name: "title.sample-header",
		Why: "the line that heads a site's first sample with the title and its number (工会工作总结 篇1, …总结1, " +
			"…报告篇一, 【篇一】…, 第一篇：…) titles the text under it, when the page's title is missing, counts a " +
			"collection or holds it",
		Accept: "村工会工作总结 篇1", Reject: "村工会开展读书活动。",
		Fires: func(s string) bool { return sampleHeader(s) != "" },
	})
)

var (
	collectionCountRe = regexp.MustCompile(`\s*(?:[(\[【]\s*(?:通用|精选|优选|推荐|热门|实用|优秀|最新|经典|合集)?\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,3})\s*篇\s*[)\]】]|(?:范文|精选|大全|合集|集合|汇编)+\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,3})\s*篇)$`)
	collectionWordRe  = regexp.MustCompile(`(?:\d{1,3}|[一二三四五六七八九十百]{1,3})\s*篇[)\]】]?$|范文|大全|合集|集合|汇编`)
	sampleHeaderRe    = regexp.MustCompile(`^(.{5,60}?)\s*(?:篇\s*(?:1|一)|[(\[【]\s*(?:1|一)\s*[)\]】]|[(\[【]?\s*第\s*(?:1|一)\s*篇\s*[)\]】]?|1)$`)
	// The first sample's number before its title: 【篇一】…, 篇一：…, 第一篇：…
	samplePrefixRe = regexp.MustCompile(`^(?:[(\[【]\s*(?:篇|范文)\s*(?:1|一)\s*[)\]】]\s*[:：]?|(?:篇|范文)\s*(?:1|一)\s*[:：]|第\s*(?:1|一)\s*篇\s*[:：]?)\s*(.{5,60})$`)
)

// stripCollectionCount removes a collection's count from the end of a
// title (title.collection-count).
func stripCollectionCount(s string) string {
	if !strings.Contains(s, "篇") {
		return s
	}
	f := zh.Fold(s)
	m := collectionCountRe.FindStringIndex(f)
	if m == nil || !looksLikeTitle(f[:m[0]]) {
		return s
	}
	return strings.TrimSpace(origSpan(s, f, 0, m[0]))
}

// isCollectionTitle reports whether a title names a site's collection.
func isCollectionTitle(s string) bool { return collectionWordRe.MatchString(zh.Fold(s)) }

// sampleHeader returns the title in a line that heads a first sample
// (title.sample-header), without readings, or "". The header may follow
// another title on its line: the last piece after a space counts.
func sampleHeader(p string) string {
	if runesOver(p, maxHeaderRunes) || !endsNumber(p) && !strings.Contains(p, "篇") {
		return ""
	}
	s := strings.TrimSpace(zh.StripReadings(p))
	f := zh.Fold(s)
	if endsSentence(f) || strings.ContainsAny(f, "，。；,;") {
		return ""
	}
	m := samplePrefixRe.FindStringSubmatchIndex(f)
	if m == nil {
		m = sampleHeaderRe.FindStringSubmatchIndex(f)
	}
	if m == nil {
		return ""
	}
	t := strings.TrimSpace(origSpan(s, f, m[2], m[3]))
	if k := strings.LastIndex(t, " "); k >= 0 && looksLikeTitle(t[k+1:]) {
		t = t[k+1:]
	}
	if !looksLikeTitle(t) || startsPoint(zh.Fold(t)) {
		return ""
	}
	return t
}

// maxSampleHeaderAt is how far into a body the first sample's header may
// stand: after the site's blurb and the collection's title.
const maxSampleHeaderAt = 3

// firstSample finds the header of a site's first sample among the first
// paragraphs of a body and returns its title and index, or "" and -1.
// The page's title must allow it: missing, a collection's, or holding it.
func firstSample(body []string, pageTitle string) (string, int) {
	for i, p := range body[:min(len(body), maxSampleHeaderAt)] {
		t := sampleHeader(p)
		if t == "" {
			continue
		}
		pt := zh.Fold(zh.StripReadings(pageTitle))
		if pageTitle == "" || isCollectionTitle(pageTitle) || strings.Contains(pt, zh.Fold(t)) {
			return t, i
		}
		return "", -1
	}
	return "", -1
}

var bodyPageChunks = rule.New(rule.Rule{
	Name: "body.page-chunks",
	Why: "a document site's preview numbers the pages it shows (1、…, 2、…), and the first opens with the " +
		"document's title; the numbers are the site's and the title is no text",
	Accept: "1、村工会工作报告 今年以来，村工会开展了活动，\n2、做了大量工作。",
	Reject: "1、健全组织。今年以来，村工会开展了活动。\n2、关爱职工。",
	Fires:  func(s string) bool { _, _, ok := pageChunks(strings.Split(s, "\n"), ""); return ok },
})

// pageChunks finds the numbered pages of a site's preview in a body
// (body.page-chunks): the first of them opens with the title (known, or
// as many characters as a title has before a space). It returns that
// title, the body without the numbers and the title, and whether the body
// is such a preview.
func pageChunks(body []string, title string) (string, []string, bool) {
	first := -1
	for i, p := range body[:min(len(body), maxSampleHeaderAt)] {
		if strings.HasPrefix(p, "1、") {
			first = i
			break
		}
	}
	if first < 0 {
		return "", nil, false
	}
	rest := strings.TrimSpace(strings.TrimPrefix(body[first], "1、"))
	found := ""
	if t := strings.TrimSpace(title); t != "" {
		if strings.HasPrefix(zh.Fold(rest), zh.Fold(t)) {
			found = rest[:len(t)]
		}
	} else if k := strings.Index(rest, " "); k > 0 && looksLikeTitle(rest[:k]) && countPunct(zh.Fold(rest[:k])) == 0 &&
		docKindSuffix.MatchString(zh.Fold(rest[:k])) {
		found = rest[:k]
	}
	if found == "" {
		return "", nil, false
	}
	out := append(body[:first:first], body[first+1:]...)
	out = append([]string(nil), out...)
	if p := strings.TrimSpace(rest[len(found):]); p != "" {
		out = append(out[:first], append([]string{p}, out[first:]...)...)
	}
	// A page that starts mid-sentence goes on with the page before it.
	next := 2
	kept := out[:0]
	for i, p := range out {
		if pre := strconv.Itoa(next) + "、"; i >= first && strings.HasPrefix(p, pre) {
			p = strings.TrimSpace(p[len(pre):])
			next++
			if n := len(kept); n > 0 && p != "" && !endsSentence(zh.Fold(kept[n-1])) {
				kept[n-1] += p
				continue
			}
		}
		if p != "" {
			kept = append(kept, p)
		}
	}
	return found, kept, true
}

// docKindSuffix is the word a document's title ends in when it names its
// kind, as a preview's first page opens with it.
var docKindSuffix = suffixes{"报告", "总结", "讲话", "致辞", "致词", "发言", "材料", "开幕词", "闭幕词", "主持词", "汇报", "述职", "讲稿", "方案", "通知", "意见", "计划", "要点"}
