package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// page is a file or web page reduced to lines of text in reading order,
// with what the HTML told us besides. Plain text fills only lines.
type page struct {
	lines []line
	// From HTML: the headline element's text, the <title> without the site
	// name, the site name, and <meta> values.
	headline, docTitle, site string
	metaDate, metaAuthor     string
	metaPublisher            string
	// blogger is the owner named in a blog's <title>.
	blogger string
	html    bool
	// dom is what the markup says of each line of a web page (html_body.go).
	dom *layout
}

type line struct {
	text string
	// main is false for lines outside the HTML element chosen as the
	// article; always true for plain text.
	main bool
	// heading marks h1–h6 in HTML.
	heading bool
	// blockEnd marks a line of a web page that a block's end closes, as a
	// blank line closes one in plain text; a <br> closes the others. Set
	// only while title.block-group is on.
	blockEnd bool
}

// textPage splits plain text into lines.
func textPage(text string) *page {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	p := &page{lines: make([]line, 0, len(raw))}
	// indented holds each line's indent, which counts towards the width
	// of a hard-wrapped file's lines (unwrap).
	indented := make([]string, len(raw))
	nIndented := 0
	for i, s := range raw {
		r, _ := utf8.DecodeRuneInString(s)
		if isSpace(r) && strings.TrimFunc(s, isSpace) != "" {
			indented[i] = s[:len(s)-len(strings.TrimLeftFunc(s, isSpace))]
			nIndented++
		}
		raw[i] = cleanSpace(s)
		if textSpacedLabel.On() {
			raw[i] = joinSpacedLabel(raw[i])
		}
		if textSpacedRole.On() {
			raw[i] = joinSpacedRole(raw[i])
		}
		if textJammer.On() {
			raw[i] = stripJammer(raw[i])
		}
		if textTablePipe.On() {
			raw[i] = stripTablePipe(raw[i])
		}
		if adWatermark.On() {
			var site string
			if raw[i], site = stripWatermarks(raw[i]); p.site == "" {
				p.site = site
			}
		}
	}
	// Rejoined first: the splitters below read a headline or a salutation
	// glued to the text, which a wrap may have broken anywhere.
	raw, indented = unwrap(raw, indented, nIndented*5 >= len(raw))
	if textGluedSalutation.On() {
		raw, indented = splitGluedSalutations(raw, indented)
	}
	raw, indented = splitGluedHead(raw, indented)
	if textInlineFields.On() {
		raw, indented = splitInlineFields(raw, indented)
	}
	raw = joinNumberLines(raw, textNumberLine.On(), textNumberWrap.On())
	for _, s := range raw {
		p.lines = append(p.lines, line{text: s, main: true})
	}
	return p
}

var textWrapNear = rule.New(rule.Rule{
	Name: "text.wrap-near-width",
	Why: "a named threshold (minNearWidthTenths): deciding whether a page was hard-wrapped, only lines of nearly the " +
		"wrap's width weigh against it; a list of short headlines above a wrapped story does not",
	Accept: "• 社区中心举办亲子活动\n• 青年义工探访独居长者\n• 工会举办职工摄影比赛作品展\n• 女职工委员会开展健康讲座\n• 区总工会召开全委会议\n• 职工书屋新书上架\n" +
		"区总工会近日举办职工技能大赛，来自全区四十二家企业的三百多名\n职工参加比赛，比赛设车工、钳工、焊工等十个工种，经过两天的激\n烈角逐，共有三十名职工获得一等奖，区总工会为他们颁发了证书和\n奖金，并推荐他们参加全市职工技能大赛，大赛还评出优秀组织奖五\n个。区总工会表示，将继续办好技能大赛，为职工成长搭建平台，让\n更多的职工走上技能成才之路。",
	Reject: "• 社区中心举办亲子活动\n• 青年义工探访独居长者\n• 工会举办职工摄影比赛作品展\n• 女职工委员会开展健康讲座\n• 区总工会召开全委会议\n• 职工书屋新书上架\n" +
		"区总工会近日举办职工技能大赛。\n比赛设车工、钳工、焊工等十个工种。",
	Fires: func(s string) bool {
		ls := strings.Split(s, "\n")
		w, _ := wrapWidthFor(ls, make([]string, len(ls)))
		return w > 0
	},
})

// wrapWidthFor is wrapWidthOf, set in init: textWrapNear's Fires reads a
// width, which asks the rule.
var wrapWidthFor func(lines, indented []string) (int, func(string) int)

func init() { wrapWidthFor = wrapWidthOf }

// maxWrapWindows is how many of a measure's other widths, widest first,
// are tried as a wrap's when the one with most lines is none, and
// minWrapWindowLines the fewest lines such a width must have.
const (
	maxWrapWindows     = 3
	minWrapWindowLines = 5
)

// minNearWidthTenths is how near the wrap's width, in tenths of it, a
// line must come to weigh in textWrapNear's count.
const minNearWidthTenths = 8

// wrapSlack is how much narrower than the wrap width a wrapped line may
// be: a character two columns wide that did not fit, or a run of spaces
// cleaning made one.
const wrapSlack = 1

var textSpacedLabel = rule.New(rule.Rule{
	Name:   "text.spaced-label",
	Why:    "portals space out a two-character field label to line it up (来 源：, 作 者：); it is the label",
	Accept: "来 源：青松县总工会", Reject: "王 林：我们要做好服务",
	Fires: func(s string) bool { return joinSpacedLabel(s) != s },
})

var textSpacedRole = rule.New(rule.Rule{
	Name:   "text.spaced-role",
	Why:    "a newspaper spaces out the role that opens a byline to line up its names (□记 者 王林, 通 讯 员 李青): it is the role",
	Accept: "□记 者 王林", Reject: "记 者们走进车间",
	Fires: func(s string) bool { return joinSpacedRole(s) != s },
})

var textJammer = rule.New(rule.Rule{
	Name: "text.jammer",
	Why: "forum software scatters runs of random short ASCII tokens through a post to spoil copying (* H& q z) X6 E\" ^3); " +
		"a line of them, or a run of them before or after the text, is none of it, and what they enclose on both sides " +
		"(the forum's name, a caption) is the forum's",
	Accept: ", A5 R8 y( K- D/ X3 U+ M/ ^% I 6月20日，区总工会举办职工技能大赛。", Reject: "6月20日，区总工会举办 A B C 三个组别的 IT 技能大赛。",
	Fires: func(s string) bool { return stripJammer(s) != s },
})

// minJammerTokens is how many junk tokens in a row make a jammer's run.
const minJammerTokens = 5

// stripJammer removes a forum's copy jammer from a cleaned line
// (text.jammer): the whole line when it is one, else a run of it that
// opens the line.
func stripJammer(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= utf8.RuneSelf {
		return stripJammerTail(s)
	}
	n, end, odd := 0, 0, 0
	for _, tok := range strings.SplitAfter(s, " ") {
		t := strings.TrimSpace(tok)
		if !jammerToken(t) {
			break
		}
		if t != "" {
			n++
			if strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				odd++
			}
		}
		end += len(tok)
	}
	// Words of a sentence are letters; a jammer's tokens mostly are not.
	if n < minJammerTokens || 2*odd < n {
		return stripJammerTail(s)
	}
	rest := strings.TrimSpace(s[end:])
	// Its last token is glued to what follows: a letter or two before
	// the text (z他们…).
	k := 0
	for k < len(rest) && k < 2 && ('a' <= rest[k]|0x20 && rest[k]|0x20 <= 'z') {
		k++
	}
	if r, _ := utf8.DecodeRuneInString(rest[k:]); zh.IsHan(r) {
		rest = rest[k:]
	}
	// What a jammer encloses on both sides, or what has no text, is the
	// forum's own: its name and address, a photo's caption.
	if t := stripJammerTail(rest); t != rest || hanCount(rest) == 0 {
		return ""
	}
	return rest
}

// stripJammerTail removes a run of a jammer's tokens that ends line s
// after its text (…场景。 9 X i% Q- Q t# G3 f;).
func stripJammerTail(s string) string {
	// Lines of text end in a character or a mark, not in ASCII.
	if s == "" || s[len(s)-1] >= utf8.RuneSelf || strings.Count(s, " ") < minJammerTokens {
		return s
	}
	toks := strings.Split(s, " ")
	n, odd, k := 0, 0, len(toks)
	for k > 1 && jammerToken(toks[k-1]) {
		k--
		if toks[k] != "" {
			n++
			if strings.IndexFunc(toks[k], func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				odd++
			}
		}
	}
	if n < minJammerTokens || 2*odd < n {
		return s
	}
	return strings.TrimSpace(strings.Join(toks[:k], " "))
}

// jammerToken reports whether t is one of a jammer's tokens: one to three
// ASCII characters.
func jammerToken(t string) bool {
	if len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// spacedRoleRe is a byline's role spaced out at the start of a line,
// before a space and a name.
var spacedRoleRe = regexp.MustCompile(`^([□■●▲◆◇○]?\s*)(记\s+者|通\s*讯\s*员)(\s+\p{Han})`)

// joinSpacedRole closes the spaces inside a byline's role at the start of
// a cleaned line (text.spaced-role).
func joinSpacedRole(s string) string {
	m := spacedRoleRe.FindStringSubmatchIndex(s)
	if m == nil || !strings.ContainsRune(s[m[4]:m[5]], ' ') {
		return s
	}
	return s[:m[4]] + strings.ReplaceAll(s[m[4]:m[5]], " ", "") + s[m[5]:]
}

// joinSpacedLabel closes the space inside a two-character field label at
// the start of a cleaned line (text.spaced-label).
func joinSpacedLabel(s string) string {
	r1, n1 := utf8.DecodeRuneInString(s)
	if n1 == len(s) || s[n1] != ' ' || !zh.IsHan(r1) {
		return s
	}
	r2, n2 := utf8.DecodeRuneInString(s[n1+1:])
	if !zh.IsHan(r2) {
		return s
	}
	rest := strings.TrimLeft(s[n1+1+n2:], " ")
	if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "：") {
		return s
	}
	if !slices.Contains(fieldLabels, zh.Fold(string([]rune{r1, r2}))) {
		return s
	}
	return s[:n1] + s[n1+1:]
}

// unwrap rejoins the lines of a file hard-wrapped at a fixed width, before
// anything classifies them: a line as wide as the wrap width, its indent
// included, goes on in the next line unless that one is blank, indented
// (when the file indents its paragraphs) or opens a numbered point. Width
// is measured both in runes and in display columns, as wrapping tools use
// either. A wrapped line of chrome (作者 | :王林, a breadcrumb) goes on only
// in a short tail that is no line of its own kind, and joined stays of its
// kind.
// endsParagraph reports whether a folded line ends a sentence, maybe with
// a bracketed byline after it.
func endsParagraph(f string) bool { return endsSentence(f) || endsSentenceBeforeBracket(f) }

// isFieldKind reports whether k is a line of the page's own: a field, a
// footer or the end of the article.
func isFieldKind(k kind) bool { return k == kindMeta || k == kindJunk || k == kindStop }

func unwrap(lines, indented []string, indents bool) ([]string, []string) {
	width, measure := wrapWidthOf(lines, indented)
	if width == 0 {
		return lines, indented
	}
	out := make([]string, 0, len(lines))
	ind := make([]string, 0, len(lines))
	var cur strings.Builder
	for i := 0; i < len(lines); i++ {
		cur.Reset()
		cur.WriteString(lines[i])
		ind = append(ind, indented[i])
		wide := measure(indented[i]+lines[i]) >= width-wrapSlack
		// A line of chrome keeps its kind as it takes its tail; prose is
		// classified no further, as each join would read the whole
		// paragraph again.
		k := kindContent
		if wide {
			k = classify(lines[i])
		}
		chrome := k != kindContent && k != kindShort && !opensStory(lines[i])
		for i+1 < len(lines) && wide {
			next := lines[i+1]
			if next == "" || indents && indented[i+1] != "" || startsPoint(zh.Fold(next)) {
				break
			}
			// A notice under the text runs on over several full lines, as
			// a menu's lines do not: it goes on while its sentence does.
			if chrome && (measure(next) >= width-wrapSlack && !(k == kindStop && !endsParagraph(zh.Fold(lines[i]))) || classify(cur.String()+next) != k) {
				break
			}
			// A paragraph that has ended (…。(王林)) does not go on in a
			// field line under it (责任编辑:…).
			if !chrome && endsParagraph(zh.Fold(lines[i])) && isFieldKind(classify(next)) {
				break
			}
			cur.WriteString(next)
			i++
			wide = measure(indented[i]+lines[i]) >= width-wrapSlack
		}
		out = append(out, cur.String())
	}
	return out, ind
}

// opensStory reports whether s is a dateline with the story's first words
// after it (本报讯（记者 王林）5月1日，…): a paragraph, whatever its opener
// makes of the line.
func opensStory(s string) bool {
	d := parseDateline(s)
	return d.end > 0 && d.end < len(s)
}

// wrapWidthOf finds the width most long lines share, in runes or in
// columns, and returns it with its measure; 0 when lengths vary as
// paragraphs do.
func wrapWidthOf(lines, indented []string) (int, func(string) int) {
	// Every line's width by both measures, in one pass over it: each page
	// asks, and few are wrapped.
	widths := [2][]int{make([]int, len(lines)), make([]int, len(lines))}
	for i, s := range lines {
		r, c := lineWidths(indented[i])
		r2, c2 := lineWidths(s)
		widths[0][i], widths[1][i] = r+r2, c+c2
	}
	best, bestHits, bestK := 0, 0, -1
	for k := range widths {
		counts := map[int]int{}
		for _, n := range widths[k] {
			if n >= 16 {
				counts[n]++
			}
		}
		// The widest of equal windows, and runes before columns when both
		// measures find as many lines: a map's order must not decide. The
		// width is the window's widest line.
		type window struct{ top, hits int }
		var wins []window
		for n := range counts {
			top := n + 1
			for counts[top] == 0 {
				top--
			}
			wins = append(wins, window{top, counts[n-1] + counts[n] + counts[n+1]})
		}
		slices.SortFunc(wins, func(a, b window) int {
			if a.hits != b.hits {
				return b.hits - a.hits
			}
			return b.top - a.top
		})
		if len(wins) == 0 {
			continue
		}
		if !textWrapNear.On() {
			if wins[0].hits > bestHits {
				best, bestHits, bestK = wins[0].top, wins[0].hits, k
			}
			continue
		}
		if wins[0].hits > bestHits && wrapped(lines, widths[k], wins[0].top, wins[0].hits) {
			best, bestHits, bestK = wins[0].top, wins[0].hits, k
			continue
		}
		// A list of short headlines lines up at a width of its own, often
		// with more lines than the wrapped text below it: of the other
		// windows with enough lines to tell, the widest that reads as a
		// wrap is the wrap's (text.wrap-near-width).
		floor := max(minWrapWindowLines, wins[0].hits/4)
		slices.SortFunc(wins, func(a, b window) int { return b.top - a.top })
		tried := 0
		for _, w := range wins {
			if w.hits < floor || w.hits <= bestHits {
				continue
			}
			if tried++; tried > maxWrapWindows {
				break
			}
			if wrapped(lines, widths[k], w.top, w.hits) {
				best, bestHits, bestK = w.top, w.hits, k
				break
			}
		}
	}
	if bestK < 0 || !wrapped(lines, widths[bestK], best, bestHits) {
		return 0, nil
	}
	measure := func(s string) int { r, c := lineWidths(s); return [2]int{r, c}[bestK] }
	return best, measure
}

// wrapped reports whether lines of widths ws read as hard-wrapped at
// width best, hits of them in its window.
func wrapped(lines []string, ws []int, best, hits int) bool {
	long := 0
	for _, n := range ws {
		// Lines far narrower than the width (a list of headlines, a menu
		// above the text) say nothing of whether it was wrapped: only
		// those of nearly its width count against it (text.wrap-near-width).
		// A page of few wrapped lines is judged by all its long lines.
		if n >= 16 && (!textWrapNear.On() || hits < minWrapWindowLines || n*10 >= best*minNearWidthTenths) {
			long++
		}
	}
	// A short page wraps few lines: all its long lines but the last of
	// each paragraph are as wide as each other, and being prose most hold
	// clause marks, which a headline repeated above its text does not.
	if hits < 5 && (hits < 2 || hits*10 < long*6 || !widePunctuated(lines, ws, best)) || hits*10 < long*4 {
		return false
	}
	// Nothing a wrap went over is wider than its width: a list of headlines
	// of similar lengths has lines on both sides of any width.
	over := 0
	for _, n := range ws {
		if n > best+wrapSlack {
			over++
		}
	}
	if over*4 > hits {
		return false
	}
	// Wrapping cuts sentences anywhere, so most full lines end mid-sentence;
	// paragraphs of equal length that end sentences are not wrapped.
	full, open := 0, 0
	for i, s := range lines {
		if ws[i] >= best-wrapSlack {
			full++
			if !endsSentence(s) {
				open++
			}
		}
	}
	return open*2 >= full
}

// lineWidths returns the width of s in runes and in display columns, where
// a Han character or a full-width mark takes two.
func lineWidths(s string) (runes, cols int) {
	// Bytes, not runes: every wide character is three bytes long, and
	// decoding each rune of every line of every page cost more than the
	// rest of the test.
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b&0xC0 == 0x80 {
			continue // a continuation byte
		}
		runes++
		cols++
		switch {
		case b >= 0xE1 && b <= 0xEF && i+2 < len(s):
			r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0x1100 && (zh.IsHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || r >= 0x2E80 && r <= 0xA4CF) {
				cols++
			}
		case b >= 0xF0 && i+3 < len(s):
			// Han characters of the supplementary planes.
			if r, _ := utf8.DecodeRuneInString(s[i:]); zh.IsHan(r) {
				cols++
			}
		}
	}
	return runes, cols
}

// widePunctuated reports whether most lines of the wrap width (widths
// holds each line's) hold a clause mark or a bracket of running text (the
// first may be a headline the wrap ran into its text).
func widePunctuated(lines []string, widths []int, width int) bool {
	wide, marked := 0, 0
	for i, s := range lines {
		if widths[i] >= width-wrapSlack {
			wide++
			if strings.ContainsAny(s, "，,。；;、【】（）()") {
				marked++
			}
		}
	}
	return marked*2 > wide
}

// cleanSpace trims a line and turns runs of spaces (ASCII, no-break,
// ideographic) inside it into one space.
func cleanSpace(s string) string {
	s = strings.TrimFunc(s, isSpace)
	if !hasSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := false
	for _, r := range s {
		if isSpace(r) {
			if !prev {
				b.WriteByte(' ')
			}
			prev = true
			continue
		}
		prev = false
		b.WriteRune(r)
	}
	return b.String()
}

// hasSpace is strings.ContainsFunc(s, isSpace), decoding only the runes
// whose first byte a space's may be: every space isSpace takes is ASCII
// or opens with 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF, while a Chinese line is
// mostly characters that open with 0xE4 to 0xE9, and every line of every
// page is tested.
func hasSpace(s string) bool {
	// The multi-byte spaces isSpace takes are told by their bytes: CJK
	// punctuation shares their lead bytes, and decoding each of them
	// cost more than the rest of the test.
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return true
		case 0xC2: // U+0085, U+00A0
			if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
				return true
			}
		case 0xE1: // U+1680
			if strings.HasPrefix(s[i:], "\u1680") {
				return true
			}
		case 0xE2: // U+2000–U+200B, U+2028, U+2029, U+202F, U+205F
			if i+2 < len(s) && (s[i+1] == 0x80 && (s[i+2] <= 0x8B || s[i+2] == 0xA8 || s[i+2] == 0xA9 || s[i+2] == 0xAF) ||
				s[i+1] == 0x81 && s[i+2] == 0x9F) {
				return true
			}
		case 0xE3: // U+3000
			if strings.HasPrefix(s[i:], "\u3000") {
				return true
			}
		case 0xEF: // U+FEFF
			if strings.HasPrefix(s[i:], "\ufeff") {
				return true
			}
		}
	}
	return false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// span is where the article body lies in a list of lines.
type span struct{ start, end int } // end exclusive

// findBody picks the run of lines that holds the most prose, allowing short
// headings and single stray lines inside it, and ending at a hard stop such
// as a related-news list or a print bar.
func findBody(lines []line, kinds []kind) span {
	best, bestScore := span{-1, -1}, 0
	cur, curScore, gap := span{-1, -1}, 0, 0
	closeRun := func() {
		if cur.start >= 0 && curScore > bestScore {
			best, bestScore = cur, curScore
		}
		cur, curScore, gap = span{-1, -1}, 0, 0
	}
	for i, k := range kinds {
		if !lines[i].main {
			closeRun()
			continue
		}
		switch k {
		case kindContent:
			if cur.start < 0 {
				cur.start = i
			}
			cur.end = i + 1
			curScore += utf8.RuneCountInString(lines[i].text)
			gap = 0
		case kindBlank, kindPageTurn, kindAd:
		case kindStop:
			closeRun()
		case kindShort:
			gap++
			if gap > 3 && cur.start >= 0 {
				closeRun()
			}
		default:
			gap += 2
			if gap > 3 && cur.start >= 0 {
				closeRun()
			}
		}
	}
	closeRun()
	return best
}

// bodyParagraphs returns the kept lines of the body span, cleaned and with
// hard-wrapped lines rejoined.
func bodyParagraphs(lines []line, kinds []kind, sp span) []string {
	var out []string
	for i := sp.start; i < sp.end; i++ {
		switch kinds[i] {
		case kindContent, kindShort:
			out = append(out, lines[i].text)
		}
	}
	return cleanLines(out, true)
}

var bodyNoLetters = rule.New(rule.Rule{
	Name:   "body.no-letters",
	Why:    "a line without a letter or a digit (?, ……, ★★★) is what a conversion or a layout left, no paragraph",
	Accept: "?", Reject: "1.",
	Fires: func(s string) bool { return !strings.ContainsFunc(s, isLetterOrDigit) },
})

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cleanParagraphs drops boilerplate lines, removes injected adverts and
// rejoins lines broken mid-sentence. It is idempotent.
func cleanParagraphs(in []string) []string { return cleanLines(in, false) }

// cleanLines is cleanParagraphs. With kept, every line of in is known to
// classify as content or a heading as it stands, and one that cleaning
// its spaces leaves as it is need not be classified again.
func cleanLines(in []string, kept bool) []string {
	out := make([]string, 0, len(in))
	for _, line := range in {
		s := cleanSpace(line)
		pieces := []string{s}
		if bodyOmission.On() {
			pieces = splitOmissions(s)
		}
		for _, s := range pieces {
			if bodyMarkup.On() {
				s = stripMarkupResidue(s)
			}
			f := zh.Fold(s)
			if !kept || s != line {
				switch classifyFolded(s, f) {
				case kindBlank, kindNav, kindMeta, kindJunk, kindStop, kindPageTurn, kindAd:
					continue
				}
			}
			if bodyPreamble.On() && siteTalk(f) {
				continue
			}
			if t := stripFoldedAds(s, f); t != s {
				s = t
				f = zh.Fold(s)
			}
			if s != "" && adGambling.On() {
				s = stripInlineAdsFolded(s, f)
			}
			if bodyNoLetters.On() && !strings.ContainsFunc(s, isLetterOrDigit) {
				continue // ? or …… left by a conversion: no paragraph
			}
			if s != "" {
				out = append(out, s)
			}
		}
	}
	return rejoin(out)
}

// rejoin merges a line into the next one when it was broken by a fixed
// wrap width rather than at a paragraph's end: it does not end a sentence,
// it is long (or as long as the file's wrap width), and the next line goes
// on with text rather than a new numbered point.
func rejoin(in []string) []string {
	if len(in) < 2 {
		return in
	}
	width := wrapWidth(in)
	out := make([]string, 0, len(in))
	var cur strings.Builder
	cur.WriteString(in[0])
	// Only the last line joined and the length so far decide, so the test
	// stays linear however many lines join.
	last, curLen := in[0], utf8.RuneCountInString(in[0])
	for _, next := range in[1:] {
		if continues(last, curLen, next, width) {
			cur.WriteString(next)
			last = next
			curLen += utf8.RuneCountInString(next)
			continue
		}
		out = append(out, cur.String())
		cur.Reset()
		cur.WriteString(next)
		last, curLen = next, utf8.RuneCountInString(next)
	}
	return append(out, cur.String())
}

// continues reports whether a paragraph whose last line is last, curLen
// runes long in all, goes on in next.
func continues(last string, curLen int, next string, width int) bool {
	fl := zh.Fold(last)
	if endsSentence(fl) || startsPoint(fl) && curLen < 60 || endsSentenceBeforeBracket(fl) {
		return false // …送到骑手身边。（记者 王林）: the byline closes the paragraph
	}
	// A sample's header (…总结 篇1) heads the text; it goes on in none.
	if curLen <= maxHeaderRunes && endsNumber(fl) && sampleHeader(last) != "" {
		return false
	}
	// A table's rows stand each on its own line.
	if strings.Contains(fl, "|") && isTableRow(fl) {
		return false
	}
	// A caption ends with its photo's credit (…合影留念。新华社发（王某 摄）).
	if (strings.Contains(fl, "摄") || strings.Contains(fl, "供图")) && photoCredit(last).start > 0 {
		return false
	}
	fn := zh.Fold(next)
	r, _ := utf8.DecodeRuneInString(fn)
	// No line begins with a closing quote or a comma: the break is a wrap.
	if strings.ContainsRune("，、,;；)）”’」』", r) {
		return true
	}
	if curLen < 30 && (width == 0 || utf8.RuneCountInString(fl) < width-2) || startsPoint(fn) {
		return false
	}
	return zh.IsHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wrapWidth returns the width in runes at which most long lines were cut,
// or 0 when the lines vary as paragraphs do.
func wrapWidth(lines []string) int {
	counts := map[int]int{}
	long := 0
	for _, s := range lines {
		n := utf8.RuneCountInString(s)
		if n >= 20 {
			counts[n]++
			long++
		}
	}
	if long < 5 {
		return 0
	}
	mode, hits := 0, 0
	for n := range counts {
		h := counts[n-1] + counts[n] + counts[n+1]
		if h > hits || h == hits && n > mode {
			mode, hits = n, h
		}
	}
	if hits*10 < long*4 {
		return 0
	}
	return mode
}

// startsPoint reports whether s opens a numbered point or heading:
// 一、 (一) 1、 1. 第一、 一是 首先.
func startsPoint(folded string) bool {
	return pointRe.MatchString(folded)
}
