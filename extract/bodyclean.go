package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Rules that clean the paragraphs of a body of what document sites and
// conversions put into them.

var (
	bodyOmission = rule.New(rule.Rule{
		Name: "body.omission-note",
		Why: "a document site hides part of a text behind a note (……此处隐藏1200个字……, 省略N字, ……(未完,全文共779字…); the note is " +
			"not text, and the text on either side of it belongs to different paragraphs",
		Accept: "全年新建工会28家……此处隐藏860个字……三、加强职工之家建设", Reject: "全年新建工会28家，隐藏的问题也不少。",
		Fires: func(s string) bool { return len(splitOmissions(s)) != 1 },
	})
	bodyMarkup = rule.New(rule.Rule{
		Name:   "body.markup-residue",
		Why:    "a copy cut inside an HTML tag leaves the tail of a style attribute before the text: color: #333;\">",
		Accept: "ground-color: #fff;\">三、加强职工之家建设", Reject: "三、加强职工之家建设",
		Fires: func(s string) bool { return stripMarkupResidue(s) != s },
	})
	bodyPreamble = rule.New(rule.Rule{
		Name: "body.site-talk",
		Why: "a document site talks to its readers around a sample text (下面是小编整理的…, 希望对大家有所帮助, " +
			"欢迎大家借鉴与参考, 由会员上传分享, 这些范文或许可以帮助你…); the paragraph that does is the site's, not the text's",
		Accept: "总结是一种书面材料。下面是小编为大家整理的工会工作总结，希望对大家有所帮助。",
		Reject: "近日小编了解到，区总工会推出了职工服务卡。",
		Fires:  func(s string) bool { return siteTalk(zh.Fold(s)) },
	})
	bodyTitleRepeat = rule.New(rule.Rule{
		Name: "body.title-repeat",
		Why: "a line in the body that repeats the title, maybe with a sample's number (标题1, 篇二), is the " +
			"site's heading over the text again",
		Accept: "村工会工作总结\n村工会工作总结2", Reject: "村工会工作总结\n一、基本情况",
		Fires: func(s string) bool { t, l, _ := strings.Cut(s, "\n"); return titleRepeat(zh.Fold(t), zh.Fold(l)) },
	})
)

// omissionRe is a document site's note of text it left out: 省略356字,
// 此处隐藏4421个字, or a preview's end (……(未完,全文共779字,当前仅显示496字…).
var omissionRe = regexp.MustCompile(`[.…。]{0,6}\s*(?:(?:此处)?(?:隐藏|省略)\s*\d+\s*(?:个)?字|[(\[]?\s*未完\s*[,，]?\s*全文共\s*\d+\s*字[^。]*(?:。|$))\s*[.…。]{0,6}`)

// splitOmissions cuts a paragraph at the omission notes in it
// (body.omission-note); without one it returns the paragraph alone.
func splitOmissions(s string) []string {
	if !strings.Contains(s, "字") {
		return []string{s}
	}
	f := zh.Fold(s)
	ms := omissionRe.FindAllStringIndex(f, -1)
	if ms == nil {
		return []string{s}
	}
	var out []string
	prev := 0
	for _, m := range ms {
		if p := strings.TrimSpace(origSpan(s, f, prev, m[0])); p != "" {
			out = append(out, p)
		}
		prev = m[1]
	}
	if p := strings.TrimSpace(origSpan(s, f, prev, len(f))); p != "" {
		out = append(out, p)
	}
	return out
}

// markupResidueRe is the tail of a tag cut open: attribute text in ASCII
// up to the quote and bracket that close it.
var markupResidueRe = regexp.MustCompile(`^[a-z-]*\s*:\s*[\x20-\x21\x23-\x3b\x3d\x3f-\x7e]{0,80}"\s*/?>`)

func stripMarkupResidue(s string) string {
	if !strings.Contains(s, "\">") {
		return s
	}
	if m := markupResidueRe.FindStringIndex(s); m != nil {
		return strings.TrimSpace(s[m[1]:])
	}
	return s
}

var siteTalkRe = regexp.MustCompile(`小编(?:精心|特意|特地)?(?:为(?:大家|你|您))?(?:收集|整理|准备|搜集|推荐)|希望(?:能)?对(?:大家|你|您)(?:有所)?(?:帮助|启发)|希望(?:下面的?|以下的?|这篇|本篇)(?:文档|文章|范文|内容|资料)对(?:大家|你|您)(?:有所)?(?:帮助|启发)|希望能(?:够)?帮助到(?:大家|你|您)|欢迎(?:大家)?(?:借鉴|参考|阅读)(?:与|和)?(?:参考|借鉴)?|快来(?:写|看)一(?:份|篇)|希望(?:大家|你|您)(?:可以|能够?|会)?喜欢|由[\p{Han}a-z0-9]{0,8}?(?:会员|用户|网友)(?:上传)?分享|免费在线阅读`)

// siteTalkCues are the words each of siteTalkRe's phrases opens with, as
// far as they go before a choice: a speech hopes (希望) and welcomes (欢迎)
// too, and the regexp is tried only where a phrase may start.
var siteTalkCues = newWordSet("小编", "希望对", "希望能", "希望大家", "希望你", "希望您", "欢迎借鉴", "欢迎参考", "欢迎阅读",
	"欢迎大家", "快来写", "快来看", "上传分享", "在线阅读", "希望下面", "希望以下", "希望这篇", "希望本篇", "网友分享", "用户分享", "会员分享")

// offerHelpRe is a site's blurb that offers its samples as help (这些范文或许
// 可以帮助你…), tried only where 帮助 and a reader stand together.
var offerHelpRe = regexp.MustCompile(`(?:这些|以下|下面的?)(?:范文|文章|内容|资料)(?:或许|也许)?(?:可以|能够?)帮助(?:大家|你|您)`)

// maxSiteTalkRunes bounds a paragraph dropped for site talk: the site's
// blurb runs to two or three sentences; a long paragraph that quotes such
// a phrase is text.
const maxSiteTalkRunes = 200

func siteTalk(f string) bool {
	if runesOver(f, maxSiteTalkRunes) {
		return false
	}
	return siteTalkCues.in(f) && siteTalkRe.MatchString(f) ||
		containsAny(f, "帮助你", "帮助大家", "帮助您") && offerHelpRe.MatchString(f)
}

var sampleNumberRe = regexp.MustCompile(`^\s*(?:[(（【\[]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）】\]]?|[(（【\[]?\s*(?:篇|范文)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）】\]]?)?\s*$`)

// titleRepeat reports whether the folded body line l repeats the folded
// title t (body.title-repeat).
func titleRepeat(t, l string) bool {
	t, l = strings.ReplaceAll(t, " ", ""), strings.ReplaceAll(l, " ", "")
	if utf8.RuneCountInString(t) < minTitleRunes || !strings.HasPrefix(l, t) {
		return false
	}
	rest := l[len(t):]
	if sampleNumberRe.MatchString(rest) {
		return true
	}
	m := collectionCountRe.FindStringIndex(rest)
	return m != nil && strings.TrimSpace(rest[:m[0]]) == ""
}

// dropTitleRepeats removes the body lines that repeat the title.
func dropTitleRepeats(body []string, title string) []string {
	t := zh.Fold(title)
	out := body[:0]
	for _, p := range body {
		// A repeat is the title and a few characters more; longer
		// paragraphs need not be folded to tell.
		if len(p) <= 2*len(title)+24 && titleRepeat(t, zh.Fold(zh.StripReadings(p))) {
			continue
		}
		out = append(out, p)
	}
	return out
}

var bodyCutTailStop = rule.New(rule.Rule{
	Name: "body.cut-tail-stop",
	Why: "position: an excerpt cut mid-sentence and then the page's closing chrome (【打印本页】, 相关新闻) ends as it " +
		"would at the page's end: its short last lines, the last unfinished, are the text's",
	Accept: "全年慰问困难职工38户，发放慰问金4.2万元，送去了组织的关怀和温暖。\n二、加强组织建设\n一是全镇各基层工会紧紧围\n\n【打印本页】 【关闭窗口】",
	Reject: "全年慰问困难职工38户，发放慰问金4.2万元，送去了组织的关怀和温暖。\n二、加强组织建设\n返回顶部\n\n【打印本页】 【关闭窗口】",
	Fires: func(s string) bool {
		ls := fixtureLines(s)
		return cutTailFn(ls, fixtureKinds(s), span{0, 1}) > 1
	},
})

// cutTailFn is cutTail, set in init: cutTail asks body.cut-tail-stop, whose
// Fires calls it.
var cutTailFn func(lines []line, kinds []kind, sp span) int

func init() { cutTailFn = cutTail }

var bodyCutTail = rule.New(rule.Rule{
	Name: "body.cut-tail",
	Why: "an excerpt that stops mid-sentence leaves its last lines short (a heading, half a sentence); short " +
		"lines after the text with nothing but blank lines under them, the last one unfinished, are the text's end",
	Accept: "全年慰问困难职工38户，发放慰问金4.2万元，送去了组织的关怀和温暖。\n二、加强组织建设\n一是全镇各基层工会紧紧围",
	Reject: "全年慰问困难职工38户，发放慰问金4.2万元，送去了组织的关怀和温暖。\n二、加强组织建设\n返回顶部",
	Fires: func(s string) bool {
		ls := fixtureLines(s)
		return cutTail(ls, fixtureKinds(s), span{0, 1}) > 1
	},
})

// maxCutTailLines bounds the short lines an excerpt's end may leave;
// each has words, minCutTailHan characters at least.
const (
	maxCutTailLines = 6
	minCutTailHan   = 4
)

// signatureLine reports whether a short line signs a finished text: the
// unit that wrote it or the month it was written (县总工会, 2017年11月).
func signatureLine(s string) bool {
	f := foldLine(s)
	org, _ := orgLine(s, f)
	return org != "" || periodLine(f) != "" || isDateLine(f)
}

// cutTail returns where the body ends once the short lines an excerpt
// stopped in are taken in (body.cut-tail).
func cutTail(lines []line, kinds []kind, sp span) int {
	if sp.start < 0 {
		return sp.end
	}
	end, short := sp.end, 0
	for i := sp.end; i < len(lines); i++ {
		switch kinds[i] {
		case kindBlank, kindAd: // an advert injected among the last lines
			continue
		case kindShort:
			// A signature (the unit, the date) closes a finished text.
			f := foldLine(lines[i].text)
			// So does a note in brackets: (请阅读下面的提示).
			if signatureLine(lines[i].text) || hanCount(f) < minCutTailHan || strings.ContainsRune("([【", firstRune(f)) {
				return sp.end
			}
			if short++; short > maxCutTailLines || !lines[i].main {
				return sp.end
			}
			end = i + 1
		case kindStop:
			// The page's closing chrome (打印本页, 相关新闻) ends the text
			// as the page's end does.
			if !bodyCutTailStop.On() {
				return sp.end
			}
			i = len(lines)
		default:
			return sp.end
		}
	}
	if end == sp.end || endsSentence(foldLine(lines[end-1].text)) {
		return sp.end
	}
	return end
}

var bodyHeadlineAboveByline = rule.New(rule.Rule{
	Name: "body.headline-above-byline",
	Why: "position: a first line that ends no sentence, with a byline or a 来源/date line under it and the text " +
		"after that, is the headline, however long and punctuated it is",
	Accept: "县总工会:举行“当好发展主力军、建功新时代”全县“三个十”劳动竞赛暨“安康杯”竞赛活动启动仪式\n来源:县总工会 2021-05-21 11:01\n" +
		"5月20日上午，全县劳动竞赛启动仪式在工业园区举行，各基层工会主席和职工代表共100余人参加。",
	Reject: "5月20日上午，全县劳动竞赛启动仪式在工业园区举行，各基层工会主席和职工代表共100余人参加。\n" +
		"来源:县总工会 2021-05-21 11:01\n活动还组织职工开展了技能比武，评出一等奖3名、二等奖6名。",
	Fires: func(s string) bool {
		ls, ks := fixtureLines(s), fixtureKinds(s)
		sp := findBody(ls, ks)
		return headlineAboveByline(ls, ks, sp) > sp.start
	},
})

// headlineAboveByline returns where the body starts when its first line
// is a headline over a byline (body.headline-above-byline), or sp.start.
func headlineAboveByline(lines []line, kinds []kind, sp span) int {
	if sp.start < 0 || kinds[sp.start] != kindContent || endsSentence(foldLine(lines[sp.start].text)) {
		return sp.start
	}
	for i := sp.start - 1; i >= 0; i-- {
		if kinds[i] == kindContent || kinds[i] == kindShort {
			return sp.start // a line above could be the headline
		}
	}
	i := sp.start + 1
	for i < sp.end && kinds[i] == kindBlank {
		i++
	}
	if i >= sp.end || kinds[i] != kindMeta {
		return sp.start
	}
	for i++; i < sp.end; i++ {
		if kinds[i] == kindContent {
			return i
		}
	}
	return sp.start
}

var bodyBylineEnds = rule.New(rule.Rule{
	Name: "body.byline-ends",
	Why: "a reporters' byline in brackets closing a paragraph (…送到骑手身边。（记者 王林 通讯员 李青）) ends the " +
		"story: the paragraphs after it are the next story on the page",
	Accept: "首批636名配送员入会。（记者 王林 通讯员 李青）\n8月18日，在郑州市一家宾馆里，医护人员正在忙碌。",
	Reject: "首批636名配送员入会。（王林 李青 摄）\n8月18日，在郑州市一家宾馆里，医护人员正在忙碌。",
	Fires:  func(s string) bool { return len(endAtByline(strings.Split(s, "\n"))) == 1 },
})

// endAtByline cuts body after the first paragraph, not the last, that a
// reporters' byline closes (body.byline-ends).
func endAtByline(body []string) []string {
	for i := 0; i+1 < len(body); i++ {
		if !strings.Contains(body[i], "记者") && !strings.Contains(body[i], "記者") {
			continue
		}
		if t := parseTrailer(body[i]); t.start > 0 && !t.photo && t.authors != "" {
			return body[:i+1]
		}
	}
	return body
}

var bodyLeadingHeading = rule.New(rule.Rule{
	Name: "body.leading-heading",
	Why: "a numbered heading (一、 (一) 1、 第一、) right above the first paragraph, with a line above it for the title, " +
		"opens the body: a headline is not numbered",
	Accept: "镇工会年度工作总结\n一、基本情况\n全镇现有基层工会38个，会员2600余人，较上年增加了两百多人。",
	Reject: "镇工会年度工作总结\n全镇现有基层工会38个，会员2600余人，较上年增加了两百多人。",
	Fires: func(s string) bool {
		ls, ks := fixtureLines(s), fixtureKinds(s)
		return leadingHeadings(ls, ks, findBody(ls, ks)) < findBody(ls, ks).start
	},
})

// headingNumberRe is the number of a section heading; pointRe's 一是 and
// 首先 open sentences, not headings.
var headingNumberRe = regexp.MustCompile(`^([一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d{1,2}[、]|第[一二三四五六七八九十]+[、,:]|第[一二三四五六七八九十]+(?:部分|章))`)

// leadingHeadings returns where the body starts once the numbered
// headings straight above sp.start are counted in (body.leading-heading).
// Some line must stay above them to be the title.
func leadingHeadings(lines []line, kinds []kind, sp span) int {
	start := sp.start
	for i := sp.start - 1; i > 0; i-- {
		if kinds[i] != kindShort || !headingNumberRe.MatchString(foldLine(lines[i].text)) {
			break
		}
		start = i
	}
	if start == sp.start {
		return start
	}
	for i := start - 1; i >= 0; i-- {
		if kinds[i] == kindShort || kinds[i] == kindContent {
			return start
		}
	}
	return sp.start
}
