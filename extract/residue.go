package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Conversion residue: a page's text as a search index or a converter
// gives it keeps traces of the markup it came from — the cell borders of
// a table it flattened to Markdown, the image it could not show.

var (
	textTablePipe = rule.New(rule.Rule{
		Name: "text.table-pipe",
		Why: "a page converted to Markdown keeps the border of the table cell its text stood in: a lone | at the " +
			"start or end of a line, or a line of | alone; a row of several cells keeps its borders",
		Accept: "全年慰问困难职工262户。 |", Reject: "基层工会数(个) | 10314 | 9683 |",
		Fires: func(s string) bool { return stripTablePipe(s) != s },
	})
	lineImage = rule.New(rule.Rule{
		Name:   "line.markdown-image",
		Why:    "an image a conversion wrote as Markdown (![说明](地址)) is no text, whatever its caption",
		Accept: "![]()", Reject: "县总工会为环卫工人送清凉！",
		Fires: func(s string) bool { return isMarkdownImage(foldLine(s)) },
	})
)

// stripTablePipe removes a lone cell border from a trimmed line
// (text.table-pipe). A line with a border inside it is a row of cells and
// stays as it is.
func stripTablePipe(s string) string {
	if !strings.Contains(s, "|") {
		return s
	}
	t := strings.TrimSpace(strings.Trim(s, "| "))
	if strings.Contains(t, "|") {
		return s
	}
	return t
}

var markdownImageRe = regexp.MustCompile(`^(?:!\[[^\]]*\]\([^)]*\)\s*)+$`)

func isMarkdownImage(s string) bool {
	return strings.HasPrefix(s, "![") && markdownImageRe.MatchString(s)
}

var textGluedSalutation = rule.New(rule.Rule{
	Name: "text.glued-salutation",
	Why: "a copy that lost its line breaks runs a speech's title into its salutation and the salutation into " +
		"the text (…的讲话同志们：今天…); a salutation right after the word that ends a speech's title starts a " +
		"line, and its colon ends one",
	Accept: "在全县工会工作会议上的讲话同志们：今天我们召开会议。", Reject: "他在会上的讲话让同志们深受鼓舞。",
	Fires: func(s string) bool { out, _ := splitGluedSalutations([]string{s}, nil); return len(out) > 1 },
})

// gluedSalutationRe is a speech title's last word and the salutation
// glued after it, up to its colon.
var gluedSalutationRe = regexp.MustCompile(`(?:` + strings.Join(speechEnds, "|") + `)(?:` + strings.Join(speechEndSuffixes, "|") + `)?\s*((?:` + strings.Join(salutations, "|") + `)[^:。,]{0,24}:)`)

var (
	speechEnds = []string{"讲话", "致辞", "致词", "开幕词", "闭幕词", "发言", "主持词", "讲稿", "报告"}
	// 讲话材料, 讲话稿: a document site's words after the speech's.
	speechEndSuffixes = []string{"材料", "稿", "提纲", "范文"}
	salutations       = []string{"尊敬的", "各位", "同志们"}
)

// mayGlueSalutation reports whether folded f holds a salutation right
// after a speech title's last word, as every match of gluedSalutationRe
// opens. Speeches address their audience on many lines, and the regexp
// would try every position of each.
func mayGlueSalutation(f string) bool {
	for _, sal := range salutations {
		for rest := f; ; {
			k := strings.Index(rest, sal)
			if k < 0 {
				break
			}
			head := strings.TrimRight(rest[:k], " ") // a copy may space the two apart
			for _, x := range speechEndSuffixes {
				head = strings.TrimSuffix(head, x)
			}
			for _, w := range speechEnds {
				if strings.HasSuffix(head, w) {
					return true
				}
			}
			rest = rest[k+len(sal):]
		}
	}
	return false
}

// splitGluedSalutations cuts lines where a salutation is glued to a
// speech's title (text.glued-salutation); indented follows the lines.
func splitGluedSalutations(lines []string, indented []string) ([]string, []string) {
	out := make([]string, 0, len(lines))
	var ind []string
	if indented != nil {
		ind = make([]string, 0, len(lines))
	}
	emit := func(s string, i int) {
		out = append(out, s)
		if indented != nil {
			ind = append(ind, indented[i])
		}
	}
	for i, s := range lines {
		// Every salutation the pattern knows holds one of these, in
		// both scripts, and a colon.
		if !strings.Contains(s, "：") && !strings.Contains(s, ":") ||
			!strings.Contains(s, "同志") && !strings.Contains(s, "各位") && !strings.Contains(s, "尊敬") {
			emit(s, i)
			continue
		}
		f := zh.Fold(s)
		var ms [][]int
		if mayGlueSalutation(f) {
			ms = gluedSalutationRe.FindAllStringSubmatchIndex(f, -1)
		}
		if ms == nil {
			emit(s, i)
			continue
		}
		prev := 0
		for _, m := range ms {
			for _, piece := range []string{origSpan(s, f, prev, m[2]), origSpan(s, f, m[2], m[3])} {
				if piece = strings.TrimSpace(piece); piece != "" {
					emit(piece, i)
				}
			}
			prev = m[3]
		}
		if rest := strings.TrimSpace(origSpan(s, f, prev, len(f))); rest != "" {
			emit(rest, i)
		}
	}
	return out, ind
}

var textInlineFields = rule.New(rule.Rule{
	Name: "text.inline-fields",
	Why: "a copy that lost its line breaks runs the headline, the bracket of byline fields under it " +
		"([ 作者:… 点击数:… 更新时间:…]) and the text into one line; a bracket of two or more labelled fields " +
		"parts them, and so does a date stamp before a bracketed dateline (… 2009-10-28 【某某社记者王林台北报导】…)",
	Accept: "县总工会获全国荣誉[ 作者:王某 点击数:510 更新时间:2025/03/11] 近日，县总工会获评全国模范职工之家。",
	Reject: "县总工会获全国荣誉（2025年3月）。近日，县总工会获评全国模范职工之家。",
	Fires:  func(s string) bool { out, _ := splitInlineFields([]string{s}, nil); return len(out) > 1 },
})

// stampDatelineRe is a list entry's date stamp run between its headline
// and the bracketed dateline that opens its text: … 2009-10-28 【某某社记者王林台北报导】….
var stampDatelineRe = regexp.MustCompile(`\s((?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\s*([【\[])[^】\]]{0,16}(?:记者|报导|报道|讯|电)[^】\]]{0,24}[】\]]`)

// inlineFieldsRe is a bracket of labelled fields inside a line, on folded
// text.
var inlineFieldsRe = regexp.MustCompile(`[\[【(]\s*(?:[\p{Han}]{2,6}\s*:\s*[^\]】():]{1,30}?\s*){2,}[\]】)]`)

// fieldMarks counts the colons of s (: and ：) and reports whether it has
// an opening bracket ([【(（) and a square one ([【), in one pass over its
// bytes: splitInlineFields asks it of every line.
func fieldMarks(s string) (colons int, open, square bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			colons++
		case '(':
			open = true
		case '[':
			open, square = true, true
		case 0xEF: // ： U+FF1A, （ U+FF08
			if i+2 < len(s) && s[i+1] == 0xBC {
				switch s[i+2] {
				case 0x9A:
					colons++
				case 0x88:
					open = true
				}
			}
		case 0xE3: // 【 U+3010
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x90 {
				open, square = true, true
			}
		}
	}
	return colons, open, square
}

// splitInlineFields cuts a line around a bracket of byline fields
// (text.inline-fields); indented follows the lines.
func splitInlineFields(lines []string, indented []string) ([]string, []string) {
	var out []string
	var ind []string
	changed := false
	for i, s := range lines {
		var pieces []string
		colons, open, square := fieldMarks(s)
		if colons >= 2 && open {
			// Readings (點(diǎn)擊數(shù)) would break the bracket: match without them.
			st, offs := readingOffsets(s)
			f := zh.Fold(st)
			if m := inlineFieldsRe.FindStringIndex(f); m != nil && fieldRe.MatchString(f[m[0]:m[1]]) {
				a, b := offs[utf8.RuneCountInString(f[:m[0]])], offs[utf8.RuneCountInString(f[:m[1]])]
				pieces = []string{s[:a], s[a:b], s[b:]}
			}
		}
		if pieces == nil && square {
			st, offs := readingOffsets(s)
			f := zh.Fold(st)
			if m := stampDatelineRe.FindStringSubmatchIndex(f); m != nil && m[0] > 0 {
				a, b := offs[utf8.RuneCountInString(f[:m[2]])], offs[utf8.RuneCountInString(f[:m[4]])]
				pieces = []string{s[:a], s[a:b], s[b:]}
			}
		}
		if pieces == nil {
			pieces = []string{s}
		} else {
			changed = true
		}
		for _, p := range pieces {
			if p = strings.TrimSpace(p); p != "" || len(pieces) == 1 {
				out = append(out, p)
				if indented != nil {
					ind = append(ind, indented[i])
				}
			}
		}
	}
	if !changed {
		return lines, indented
	}
	return out, ind
}

var lineTableRow = rule.New(rule.Rule{
	Name: "line.table-row",
	Why: "a row of a table a conversion flattened (基层工会数(个) | 10314 | 9683 |) is content: cells between " +
		"borders, one that names and one that is a figure; a menu's cells are all names",
	Accept: "基层工会数(个) | 10314 | 9683 |", Reject: "首页 | 工会动态 | 通知公告 |",
	Fires: func(s string) bool { return isTableRow(foldLine(s)) },
})

// tableNumberRe is a cell that is a figure, maybe with a short unit.
var tableNumberRe = regexp.MustCompile(`^[\d.,%‰\s-]*\d[\d.,%‰\s-]*\p{Han}{0,2}$`)

// isTableRow reports whether folded s is a row of a table of figures
// (line.table-row).
func isTableRow(s string) bool {
	if strings.Count(s, "|") < 2 {
		return false
	}
	named, figure, cells := false, false, 0
	for _, c := range strings.Split(s, "|") {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		cells++
		if tableNumberRe.MatchString(c) {
			figure = true
		} else if hanCount(c) > 0 {
			named = true
		}
	}
	return cells >= 2 && named && figure
}

// gluedNoteRe is a download note a copy ran into the text after it.
var gluedNoteRe = regexp.MustCompile(`^\s*(下载后可(?:任意)?编辑)\s*`)

// splitGluedHead parts what a copy that lost its line breaks ran
// together: a download note glued to the text after it, on any line, and
// a title glued to the first line's text (text.glued-title). indented
// follows the lines; lines are returned as they are when nothing is cut.
func splitGluedHead(lines []string, indented []string) ([]string, []string) {
	var out []string
	var ind []string
	first := true // no line above holds text
	for i, s := range lines {
		var pieces []string
		if lineDownload.On() && strings.Contains(s, "下载后可") {
			if m := gluedNoteRe.FindStringSubmatchIndex(s); m != nil && m[1] < len(s) {
				pieces, s = append(pieces, s[m[2]:m[3]]), s[m[1]:]
			}
		}
		if first && textGluedTitle.On() {
			if k := gluedTitleEnd(s); k > 0 {
				pieces, s = append(pieces, s[:k]), s[k:]
			}
		}
		if first && pieces == nil && textHeadingRunIn.On() {
			if k, h := runInHeading(s); k > 0 {
				pieces, s = append(pieces, h), strings.TrimSpace(s[k:])
			}
		}
		first = first && strings.TrimSpace(s) == ""
		if pieces != nil && out == nil {
			out = append(make([]string, 0, len(lines)+2), lines[:i]...)
			ind = append(make([]string, 0, len(lines)+2), indented[:i]...)
		}
		if out != nil {
			for _, p := range append(pieces, s) {
				out, ind = append(out, p), append(ind, indented[i])
			}
		}
	}
	if out == nil {
		return lines, indented
	}
	return out, ind
}

var textGluedTitle = rule.New(rule.Rule{
	Name: "text.glued-title",
	Why: "a copy that lost its line breaks runs a document's title (…工作汇报, …工作总结) into its text; where the " +
		"text goes on with the title's own first words (县总工会…汇报县总工会高度重视…), the title ends there",
	Accept: "镇工会送温暖工作汇报镇工会高度重视困难职工的生活，今年共走访慰问困难职工46户。",
	Reject: "镇工会送温暖工作汇报会上，镇工会主席介绍了今年走访慰问困难职工46户的情况。",
	Fires:  func(s string) bool { return gluedTitleEnd(s) > 0 },
})

var textHeadingRunIn = rule.New(rule.Rule{
	Name: "text.heading-run-in",
	Why: "a yearbook or a copy that lost its line breaks runs a heading into the first paragraph: in black " +
		"brackets (【劳模关怀】2021年，…) or before a space where the text opens on the heading's own first " +
		"words or year (2018年全省…脱困 2018年，全省…); the heading is the title",
	Accept: "【劳模关怀】2021年，市总工会召开迎新春劳模座谈会，20名劳动模范参加。",
	Reject: "【劳模关怀】市总工会召开迎新春劳模座谈会",
	Fires:  func(s string) bool { k, _ := runInHeading(s); return k > 0 },
})

// runInHeadingMax bounds a run-in heading, in runes.
const runInHeadingMax = 40

var (
	runInBracketRe = regexp.MustCompile(`^\s*【([^【】，。,;；]{2,40})】`)
	leadYearRe     = regexp.MustCompile(`^(?:19|20)\d\d\s*年`)
)

// runInHeading returns where the text after a run-in heading starts in
// the first line s, and the heading (text.heading-run-in), or 0.
func runInHeading(s string) (int, string) {
	if m := runInBracketRe.FindStringSubmatchIndex(s); m != nil {
		if rest := strings.TrimSpace(s[m[1]:]); isProse(zh.Fold(rest), utf8.RuneCountInString(rest)) && utf8.RuneCountInString(rest) >= minRunInText {
			return m[1], strings.TrimSpace(s[m[2]:m[3]])
		}
		return 0, ""
	}
	k := strings.IndexByte(s, ' ')
	if k <= 0 {
		return 0, ""
	}
	head, rest := s[:k], strings.TrimSpace(s[k:])
	n := utf8.RuneCountInString(head)
	if n < minTitleRunes || n > runInHeadingMax || strings.ContainsAny(head, "，。,;；:：!！?？") ||
		utf8.RuneCountInString(rest) < minRunInText || !isProse(zh.Fold(rest), utf8.RuneCountInString(rest)) {
		return 0, ""
	}
	hr, rr := []rune(head), []rune(rest)
	same := len(rr) >= 3 && string(hr[:3]) == string(rr[:3])
	if y := leadYearRe.FindString(head); !same && (y == "" || !strings.HasPrefix(rest, y)) {
		return 0, ""
	}
	return k, head
}

// minRunInText is the least text, in runes, a line must go on with after
// a run-in heading: a paragraph, not a subtitle.
const minRunInText = 20

var gluedTitleRe = regexp.MustCompile(`(?:汇报|总结|讲话|报告|材料|发言|致辞|致词)`)

// gluedTitleEnd returns where a title glued to the first line's text ends
// (text.glued-title), or 0.
func gluedTitleEnd(s string) int {
	const lead, maxTitle = 3, 40 // runes the text repeats; a title's length
	if utf8.RuneCountInString(s) < 2*lead+10 {
		return 0
	}
	// Only a title's length of s can hold its end: the regexp need not
	// read a whole paragraph.
	k, n := 0, 0
	for k < len(s) && n < maxTitle {
		_, w := utf8.DecodeRuneInString(s[k:])
		k += w
		n++
	}
	h := 0
	for range lead {
		_, w := utf8.DecodeRuneInString(s[h:])
		h += w
	}
	head := s[:h]
	for _, m := range gluedTitleRe.FindAllStringIndex(s[:k], -1) {
		if n := utf8.RuneCountInString(s[:m[1]]); n > maxTitle {
			break
		}
		if strings.HasPrefix(s[m[1]:], head) && !strings.ContainsAny(s[:m[1]], "，。,;；") {
			return m[1]
		}
	}
	return 0
}
