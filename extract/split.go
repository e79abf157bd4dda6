package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// A compilation holds several documents in one file: speeches under
// 第一篇:, 第二篇: headers, samples numbered after one title (标题1,
// 标题2), or speeches one after the other, each under its own title and
// opening by addressing its audience. Each rule needs two or more
// boundaries in order; anything else is one document.

// The split rules are declared in init: their Fires split a page, and
// splitting asks whether each rule is on.
var splitPartHeader, splitSampleNumber, splitSpeeches *rule.Rule

func init() {
	splitPartHeader = rule.New(rule.Rule{
		Name:   "split.part-header",
		Why:    "headers that number the parts in order (第一篇：…, 篇二：…, 【篇三】…) cut a compilation",
		Accept: "第一篇：在工会会议上的讲话\n正文。\n第二篇：在职代会上的讲话\n正文。",
		Reject: "本书第一篇：总论部分。\n正文。",
		Fires:  func(s string) bool { return len(splitParts(textPage(s).lines, nil)) > 1 },
	})
	splitSampleNumber = rule.New(rule.Rule{
		Name:   "split.sample-number",
		Why:    "a document site numbers the samples it gives under one title (工会工作总结1, 工会工作总结2); each is a document",
		Accept: "村工会工作总结1\n今年以来，村工会开展了活动。\n村工会工作总结2\n一年来，村工会做了工作。",
		Reject: "村工会工作总结1\n今年以来，村工会开展了活动。",
		Fires:  func(s string) bool { return len(splitParts(textPage(s).lines, nil)) > 1 },
	})
	splitSpeeches = rule.New(rule.Rule{
		Name: "split.speeches",
		Why: "speeches copied one after another each open under their own title (在…上的讲话) by addressing " +
			"the audience (同志们：); each title with its salutation starts a document",
		Accept: "在县工会会议上的讲话\n同志们：\n今天开会。\n在县职代会上的讲话\n同志们：\n这次会议很重要。",
		Reject: "在县工会会议上的讲话\n同志们：\n今天开会。\n同志们：\n会议很重要。",
		Fires: func(s string) bool {
			pg := textPage(s)
			ks := make([]kind, len(pg.lines))
			for i, l := range pg.lines {
				ks[i] = classify(l.text)
			}
			return len(splitParts(pg.lines, ks)) > 1
		},
	})
}

// part is a slice of the page's lines that makes one document.
type part struct {
	from, to int
	title    string // from the part's header, if any
	// sample marks one of a site's numbered samples, whose header repeats
	// its collection's title (工会送温暖工作总结篇一, …篇二).
	sample bool
}

var (
	partRe = regexp.MustCompile(`^(?:第([一二三四五六七八九十百零〇两\d]{1,4})篇\s*[:：]|[【\[]?\s*篇\s*([一二三四五六七八九十百零〇两\d]{1,4})\s*(?:[】\]]\s*[:：]?|[:：]))\s*(.*)$`)
	// A speech's title: 在…上的讲话, or a word for a speech at its end.
	speechTitleRe = regexp.MustCompile(`^[^。！？!?]{0,60}(?:讲话|致辞|致词|发言|讲稿|报告)(?:\s*[(（][^()（）]{0,12}[)）])?$|^在[^。！？!?]{2,50}上的`)
)

// maxHeaderRunes bounds a part header: a long line is prose that happens
// to open with 第一篇.
const maxHeaderRunes = 100

// maxTitleToSalutation is how many lines may stand between a speech's
// title and its salutation: the date, the speaker, a subtitle.
const maxTitleToSalutation = 4

// splitParts cuts a compilation into parts; kinds may be nil, and then
// only the header rules apply.
func splitParts(lines []line, kinds []kind) []part {
	if splitPartHeader.On() {
		if ps := headerParts(lines); ps != nil {
			return ps
		}
	}
	if splitSampleNumber.On() {
		if ps := sampleParts(lines); ps != nil {
			return ps
		}
	}
	if splitSpeeches.On() && kinds != nil {
		if ps := speechParts(lines, kinds); ps != nil {
			return ps
		}
	}
	return []part{{from: 0, to: len(lines)}}
}

// headerParts cuts at 第一篇:, 第二篇: … headers numbered in order.
func headerParts(lines []line) []part {
	var at []int
	var titles []string
	for i, l := range lines {
		if runesOver(l.text, maxHeaderRunes) {
			continue
		}
		if !strings.Contains(l.text, "篇") {
			continue
		}
		f := zh.Fold(l.text)
		m := partRe.FindStringSubmatchIndex(f)
		if m == nil {
			continue
		}
		num := sub(f, m, 1) + sub(f, m, 2)
		if partNumber(num) != len(at)+1 {
			continue
		}
		at = append(at, i)
		titles = append(titles, strings.TrimSpace(origSpan(l.text, f, m[6], m[7])))
	}
	if len(at) < 2 {
		return nil
	}
	return cutAt(lines, at, titles, true)
}

// sampleParts cuts at lines that repeat one title with 1, 2, … after it.
func sampleParts(lines []line) []part {
	var at []int
	var titles []string
	base := ""
	for i, l := range lines {
		if runesOver(l.text, maxHeaderRunes) {
			continue
		}
		if !endsNumber(l.text) {
			continue
		}
		f := zh.Fold(l.text)
		title, num := cutSampleNumber(f)
		if num == "" || endsSentence(f) {
			continue
		}
		b := strings.ReplaceAll(title, " ", "")
		if hanCount(b) < minTitleRunes {
			continue
		}
		if partNumber(num) != len(at)+1 || len(at) > 0 && b != base {
			continue
		}
		base = b
		at = append(at, i)
		titles = append(titles, strings.TrimSpace(origSpan(l.text, f, 0, len(title))))
	}
	if len(at) < 2 {
		return nil
	}
	// The page's title and stamp stand above the first sample.
	ps := cutAt(lines, at, titles, true)
	ps[0].from = 0
	for i := range ps {
		ps[i].sample = true
	}
	return ps
}

// mayEndColon reports whether s ends with a colon but for spaces, as a
// salutation folded does (： folds to :, the ideographic space to a
// space): it spares the fold of most lines.
func mayEndColon(s string) bool {
	s = strings.TrimRight(s, " \u3000")
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

// speechParts cuts before each speech title that a salutation follows.
func speechParts(lines []line, kinds []kind) []part {
	var at []int
	for i, l := range lines {
		if kinds[i] != kindContent || !mayEndColon(l.text) || !salutation(zh.Fold(l.text)) {
			continue
		}
		t := -1
		for j, seen := i-1, 0; j >= 0 && seen < maxTitleToSalutation; j-- {
			if kinds[j] == kindBlank {
				continue
			}
			seen++
			if kinds[j] == kindContent && endsSentence(zh.Fold(lines[j].text)) {
				break
			}
			if speechTitleRe.MatchString(zh.Fold(lines[j].text)) {
				t = j
			}
		}
		if t < 0 || len(at) > 0 && t <= at[len(at)-1] {
			continue
		}
		// A title broken over lines: the slogan above its ——subtitle.
		if t > 0 && strings.HasPrefix(zh.Fold(lines[t].text), "——") && kinds[t-1] == kindShort && (len(at) == 0 || t-1 > at[len(at)-1]) {
			t--
		}
		at = append(at, t)
	}
	if len(at) < 2 {
		return nil
	}
	ps := cutAt(lines, at, make([]string, len(at)), false)
	ps[0].from = 0
	return ps
}

// cutAt makes a part at each boundary; skip leaves the boundary line out
// of its part (a header read for its title), else it opens the part.
func cutAt(lines []line, at []int, titles []string, skip bool) []part {
	parts := make([]part, len(at))
	for i, a := range at {
		to := len(lines)
		if i+1 < len(at) {
			to = at[i+1]
		}
		from := a
		if skip {
			from++
		}
		parts[i] = part{from: from, to: to, title: titles[i]}
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

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if zh.IsHan(r) {
			n++
		}
	}
	return n
}

// endsNumber reports whether s ends as a sample's number does: a digit, a
// Chinese numeral or a closing bracket.
func endsNumber(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十)）", r)
}

// maxSampleTitleRunes bounds the title a site numbers its samples under.
const maxSampleTitleRunes = 60

// cutSampleNumber cuts folded 标题2 or 标题（二） into the title and the
// number; num is "" when s does not end in one.
func cutSampleNumber(s string) (title, num string) {
	t := strings.TrimRight(s, " )")
	end := len(t)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:end])
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)) {
			break
		}
		end -= n
	}
	num = t[end:]
	if num == "" || utf8.RuneCountInString(num) > 3 {
		return "", ""
	}
	title = strings.TrimRight(t[:end], " (")
	// …总结篇二, …总结范文3: the word that counts the sample is no title.
	title = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(title, "篇"), "范文"), " (")
	if n := utf8.RuneCountInString(title); n < minTitleRunes || n > maxSampleTitleRunes {
		return "", ""
	}
	return title, num
}
