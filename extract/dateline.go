package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Datelines and bylines are not body: a news item opens with its outlet's
// 讯 or 电 and the reporters (本报讯（记者 陈晓）, 新华社北京5月1日电, 某某网讯),
// and may close with them in brackets ((记者 王某), (张三 李四)). Both are
// read for the author and the outlet, and cut from the paragraphs.

var (
	bodyDateline = rule.New(rule.Rule{
		Name: "body.dateline",
		Why: "a news item's first paragraph opens with its outlet and 讯, 电 or 消息 (本报讯, 某某网讯, 某某网消息, 新华社某地某日电) " +
			"and the reporters in brackets or before 报道; that opening is a byline, not text",
		Accept: "某某网讯（记者 王晓 通讯员 李青）3月8日，县总工会举办女职工健康讲座。",
		Reject: "县供电公司工会3月8日举办女职工健康讲座。",
		Fires:  func(s string) bool { return parseDateline(s).end > 0 },
	})
	bodyTrailingByline = rule.New(rule.Rule{
		Name: "body.trailing-byline",
		Why: "a bracket after a news item's last sentence that holds only reporters, names, the unit that wrote it, " +
			"a newspaper's stamp or 完 is a byline: (记者 王某), (张三 李四), (区总工会), (某某日报 2012年01月17日 002版)",
		Accept: "活动共发放慰问金12万元。（张晓 李青）",
		Reject: "活动共发放慰问金12万元（含物资折款）。",
		Fires:  func(s string) bool { return parseTrailer(s).start >= 0 },
	})
)

// dateline is the opening of a news item's first paragraph.
type dateline struct {
	// end is how many bytes of the paragraph the dateline takes, 0 when
	// it has none.
	end int
	// outlet is the outlet it names (新华社, 某某网); own is set for 本报,
	// 本台, 本网, which name none.
	outlet string
	own    bool
	// authors are the reporters, space-separated.
	authors string
	// place is where the report was filed (…台北报导), which it is about.
	place string
	// day is the month and day it was filed on (本报1月5日讯), folded.
	day string
}

var (
	// The outlet's 讯 or 电, on folded text with readings removed: who,
	// maybe where and when, then 讯 or 电.
	datelineOpenRe = regexp.MustCompile(`^[□■●◆\s]*(?:[【\[]\s*)?([\p{Han}a-z·]{2,20}?)\s*((?:\d{1,2}月)?\d{1,2}日)?\s*(讯|专电|电|消息|报道)(?:\s*[】\]])?`)
	// A wire's day at the end of its bracket: …新竹县4日电.
	wireDayRe = regexp.MustCompile(`(?:\d{1,2}月)?\d{1,2}日(?:电|专电)$`)
	// An outlet and a space before the lead's day: 某某网 1月21日，…
	outletDayRe = regexp.MustCompile(`^([\p{Han}a-z0-9·]{2,12}?(?:新闻网|网|日报|报|电视台|台|在线|客户端))\s+((?:\d{1,2}月)?\d{1,2}日)(?:[上下]午|晚)?[,，]`)
	// An outlet alone in brackets opens a story too: [某某新闻], 【某某网】.
	outletBracketRe = regexp.MustCompile(`^\s*[【\[]\s*([\p{Han}a-z0-9·]{2,16}?(?:新闻网|新闻|网|日报|报|通讯社|社|电视台|台))\s*[】\]]\s*`)
	// A wire's outlet and the place it files from: 某某网北京5月1日电.
	outletPlaceRe  = regexp.MustCompile(`^([\p{Han}a-z·]{2,16}?(?:网|报|台|社|在线))[\p{Han}]{2,4}$`)
	ownOutletRe    = regexp.MustCompile(`^(本报|本台|本网|本刊|本站)`)
	outletSuffixRe = regexp.MustCompile(`(网|报|台|社|在线|频道|新闻|客户端|日报)$`)
	// The reporters after the opener: in brackets, or 记者 … 报道.
	datelineBracketRe = regexp.MustCompile(`^\s*[(\[【]([^()\[\]【】]{2,40})[)\]】]\s*`)
	datelineRoleRe    = regexp.MustCompile(`^\s*((?:本报|特约|见习|实习)?(?:记者|通讯员)[^。,;:!?]{2,30}?)(?:报道\s*[:]?|\s*[:])\s*`)
	bracketOutletRe   = regexp.MustCompile(`^([\p{Han}]{2,10}?(?:通讯社|社|新闻网|新闻|网|日报|报|电视台|台))(?:特约|驻[\p{Han}]{1,4})?记者`)
	filedPlaceRe      = regexp.MustCompile(`日([\p{Han}]{2,4}?)(?:报导|报道|电)$`)
	columnLabelRe     = regexp.MustCompile(`(?:手记|观察|调查|述评|评论|特写|视点|连线|追踪|探访)$`)
	datelineSpaceRe   = regexp.MustCompile(`^[\s:]*`)
)

// reportedByRe is a paragraph that only names the outlet whose report
// follows: 据《某某工人报》报道。
var reportedByRe = regexp.MustCompile(`^据\s*(《)?([\p{Han}a-z0-9]{2,16}?)(》)?\s*(?:报道|消息)\s*[。.,:]?\s*$`)

var datelineReportedBy = rule.New(rule.Rule{
	Name:   "dateline.reported-by",
	Why:    "a paragraph that is only 据《某某报》报道 opens a story with the outlet it is from, as a dateline does",
	Accept: "据《青松工人报》报道。", Reject: "据《青松工人报》报道，全市已有656名外卖骑手加入工会。",
	Fires: func(s string) bool { return reportedBy(s, zh.Fold(s)) != "" },
})

// reportedBy returns the outlet a paragraph s, folded to f, only names
// (dateline.reported-by), or "".
func reportedBy(s, f string) string {
	m := reportedByRe.FindStringSubmatchIndex(f)
	if m == nil {
		return ""
	}
	if marked := m[2] >= 0 && m[6] >= 0; !marked && !outletSuffixRe.MatchString(f[m[4]:m[5]]) {
		return ""
	}
	return origSpan(s, f, m[4], m[5])
}

var datelineWireTail = rule.New(rule.Rule{
	Name: "dateline.wire-bracket",
	Why: "a wire's dateline in brackets names its agency, reporter, place and day (中央社记者王林新竹县4日电): the " +
		"agency is the outlet, the names the authors, the place where it is filed",
	Accept: "(中央社记者王林新竹县4日电)县政府今天协调劳资纠纷。", Reject: "(记者王林)县政府今天协调劳资纠纷。",
	Fires: func(s string) bool {
		m := datelineBracketRe.FindStringSubmatch(zh.Fold(s))
		if m == nil {
			return false
		}
		k, _ := wireTail(m[1])
		return k > 0
	},
})

// wireTail finds the place before the day that closes a wire's bracket
// (中央社记者王林新竹县4日电) and returns where it starts in folded inner and
// the place, or -1. The place is the shortest of two to four characters
// that leaves names before it, and of three at least when it ends in a
// division's suffix: 王林新北市 is 王林 of 新北市, not 王林新 of 北市.
func wireTail(inner string) (int, string) {
	d := wireDayRe.FindStringIndex(inner)
	if d == nil {
		return -1, ""
	}
	head := []rune(inner[:d[0]])
	shortest := 2
	if len(head) > 0 && strings.ContainsRune("省市县区", head[len(head)-1]) {
		shortest = 3
	}
	for n := shortest; n <= 4 && n < len(head); n++ {
		place := string(head[len(head)-n:])
		k := len(inner[:d[0]]) - len(place)
		before := inner[:k]
		if i := strings.LastIndex(before, "记者"); i >= 0 {
			before = before[i+len("记者"):]
		}
		if allNames(before) {
			return k, place
		}
	}
	return -1, ""
}

var datelineOutletURL = rule.New(rule.Rule{
	Name:   "dateline.outlet-url",
	Why:    "an outlet may open a story with its name and its web address in brackets (某某新闻(www.example.cn)记者从…获悉): that is its dateline, and the outlet the publisher",
	Accept: "青松新闻(www.qingsong.cn)记者从市总工会获悉，今年全市工会将为职工办实事十件。",
	Reject: "青松新闻记者从市总工会获悉，今年全市工会将为职工办实事十件。",
	Fires:  func(s string) bool { return outletURLRe.MatchString(zh.Fold(s)) },
})

// outletURLRe is an outlet's name and its web address in brackets at the
// start of a folded paragraph.
var outletURLRe = regexp.MustCompile(`^\s*([\p{Han}a-z0-9·]{2,12}?(?:新闻网|新闻|网|日报|报|电视台|台|社|客户端))\s*\(\s*(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?\s*\)\s*`)

var datelineOwnBracket = rule.New(rule.Rule{
	Name: "dateline.own-bracket",
	Why: "本报讯 and 本网讯 name no outlet, but the bracket after them may (本报讯(某某日报记者 王林)): it is the " +
		"publisher; where it names a paper and its site together (某某报某某网记者), 本网 is the site and 本报 the paper",
	Accept: "本网讯(青松日报青松新闻网记者 王林)近日，县总工会开展送温暖活动。",
	Reject: "本网讯(记者 王林)近日，县总工会开展送温暖活动。",
	Fires:  func(s string) bool { return ownBracketFires(s) },
})

// ownBracketFires is parseDatelineStart's verdict for dateline.own-bracket,
// set in init: the parser asks whether the rule is on.
var ownBracketFires func(string) bool

func init() {
	ownBracketFires = func(s string) bool { d := parseDatelineStart(s); return d.own && d.outlet != "" }
}

// outletPartRe is one outlet of several named together (某某报某某网).
var outletPartRe = regexp.MustCompile(`[\p{Han}]+?(?:新闻网|网|日报|晚报|新报|报|电视台|台)`)

// ownOutlet returns the outlet of a bracket's outlet that a story's own
// word (本报, 本网, 本台) refers to: the last one of its kind when the
// bracket names several, else all of it.
func ownOutlet(outlet, own string) string {
	kind := strings.TrimPrefix(own, "本")
	parts := outletPartRe.FindAllString(outlet, -1)
	if len(parts) < 2 || strings.Join(parts, "") != outlet {
		return outlet
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if strings.HasSuffix(parts[i], kind) {
			return parts[i]
		}
	}
	return outlet
}

var datelineOutletDay = rule.New(rule.Rule{
	Name:   "dateline.outlet-day",
	Why:    "an outlet's name, a space and a day open a story as 某某网讯 does (新疆某某网 1月21日，…); the day stays in the text",
	Accept: "青松新闻网 1月21日，市总工会开展节前走访慰问活动。",
	Reject: "青松县总工会 1月21日开展节前走访慰问活动。",
	Fires:  func(s string) bool { return outletDayRe.MatchString(zh.Fold(s)) },
})

var datelinePrefixed = rule.New(rule.Rule{
	Name: "dateline.after-prefix",
	Why: "a few words and a space before an outlet's dateline (某某广告制作 多彩某某网讯 …) are chrome or an injected " +
		"keyword; the dateline still opens the story",
	Accept: "青松墙体广告制作 青松新闻网讯 昨天下午，全省职工技能大赛总结会举行。",
	Reject: "昨天下午 全省职工技能大赛总结会举行。",
	Fires:  func(s string) bool { return parseDatelineStart(s).end == 0 && prefixedDateline(s).end > 0 },
})

// maxDatelinePrefixRunes bounds the words dateline.after-prefix passes over.
const maxDatelinePrefixRunes = 12

// parseDateline reads the dateline that opens a paragraph, maybe after a
// few words and a space (dateline.after-prefix).
func parseDateline(p string) dateline {
	d := parseDatelineStart(p)
	if d.end > 0 || !datelinePrefixed.On() {
		return d
	}
	return prefixedDateline(p)
}

// prefixedDateline reads an outlet's dateline after a few words and a
// space at the start of p, or returns none.
func prefixedDateline(p string) dateline {
	k := strings.IndexAny(p, " \u3000")
	if k <= 0 || utf8.RuneCountInString(p[:k]) > maxDatelinePrefixRunes || strings.ContainsFunc(p[:k], func(r rune) bool { return !zh.IsHan(r) }) {
		return dateline{}
	}
	rest := strings.TrimLeft(p[k:], " \u3000")
	r := parseDatelineStart(rest)
	if r.end == 0 || r.outlet == "" && !r.own {
		return dateline{}
	}
	r.end += len(p) - len(rest)
	return r
}

// parseDatelineStart reads the dateline that opens a paragraph at its
// first character.
func parseDatelineStart(p string) dateline {
	st, offs := readingOffsets(p)
	f := zh.Fold(st)
	var d dateline
	if datelineReportedBy.On() {
		if o := reportedBy(st, f); o != "" {
			d.outlet, d.end = o, len(p)
			return d
		}
	}
	at := 0 // bytes of f the dateline takes so far
	opened := false
	ownWord := "" // 本报, 本网: the outlet a story calls its own
	if m := datelineOpenRe.FindStringSubmatchIndex(f); m != nil {
		who := f[m[2]:m[3]]
		dated := m[4] >= 0
		wire := strings.HasSuffix(f[m[6]:m[7]], "电") // 电, 专电
		switch {
		case ownOutletRe.MatchString(who):
			d.own, opened = true, true
			ownWord = ownOutletRe.FindString(who)
		case f[m[6]:m[7]] == "报道":
			// 某某报道：(记者 …) names its outlet by the colon or the
			// bracket after it; 据某某报道 reports another's report.
			if !strings.HasPrefix(who, "据") && !strings.Contains(who, "记者") {
				d.outlet, opened = origSpan(st, f, m[2], m[3]), true
			}
		default:
			if a := newspaperRe.FindStringIndex(who); a != nil && a[0] == 0 {
				d.outlet, opened = origSpan(st, f, m[2], m[2]+a[1]), true
			} else if outletSuffixRe.MatchString(who) && (dated || !wire) {
				d.outlet, opened = origSpan(st, f, m[2], m[3]), true
			} else if op := outletPlaceRe.FindStringSubmatchIndex(who); op != nil && dated && wire {
				d.outlet, opened = origSpan(st, f, m[2], m[2]+op[3]), true
			}
		}
		// A dateline in brackets (【本报消息】) ends at its bracket.
		bracketed := strings.HasPrefix(strings.TrimLeft(f[m[0]:m[1]], "□■●◆ \t"), "【") && strings.HasSuffix(f[:m[1]], "】")
		if opened && (bracketed || !datelineGoesOn(f[m[1]:], dated, f[m[6]:m[7]])) {
			at = m[1]
			if dated {
				d.day = f[m[4]:m[5]]
			}
			if f[m[6]:m[7]] == "报道" {
				at += len(datelineSpaceRe.FindString(f[at:]))
			}
		} else {
			d, opened = dateline{}, false
		}
	}
	if !opened {
		if m := outletBracketRe.FindStringSubmatchIndex(f); m != nil {
			d.outlet, opened, at = origSpan(st, f, m[2], m[3]), true, m[1]
		} else if m := outletURLRe.FindStringSubmatchIndex(f); m != nil && datelineOutletURL.On() {
			d.outlet, opened, at = origSpan(st, f, m[2], m[3]), true, m[1]
		} else if m := outletDayRe.FindStringSubmatchIndex(f); m != nil && datelineOutletDay.On() {
			// 某某网 1月21日，…: the outlet, then the lead's own day.
			d.outlet, opened, at = origSpan(st, f, m[2], m[3]), true, m[4]
			d.day = f[m[4]:m[5]]
		}
	}
	rest := f[at:]
	byline := ""
	if m := datelineBracketRe.FindStringSubmatchIndex(rest); m != nil {
		inner := rest[m[2]:m[3]]
		if columnLabelRe.MatchString(inner) {
			// 【记者手记】 names a column, not who wrote it.
		} else if roleSplitRe.MatchString(inner) {
			names := m[3]
			// (某某社记者王林新竹县4日电): the place and the day it was
			// filed on close the bracket, after the names.
			if k, pl := wireTail(inner); k >= 0 && datelineWireTail.On() {
				names = m[2] + k
				d.place = origSpan(st, f, at+m[2]+k, at+m[2]+k+len(pl))
			}
			byline = bylineNames(origSpan(st, f, at+m[2], at+names), rest[m[2]:names])
			// 【某某社记者王林台北报导】 names its outlet before the reporter.
			if o := bracketOutletRe.FindStringSubmatchIndex(inner); o != nil && d.outlet == "" && !d.own {
				d.outlet = origSpan(st, f, at+m[2]+o[2], at+m[2]+o[3])
				opened = opened || datelineWireTail.On() && names != m[3]
			} else if o != nil && d.own && datelineOwnBracket.On() {
				d.outlet = ownOutlet(origSpan(st, f, at+m[2]+o[2], at+m[2]+o[3]), ownWord)
			}
			if p := filedPlaceRe.FindStringSubmatchIndex(inner); p != nil {
				d.place = origSpan(st, f, at+m[2]+p[2], at+m[2]+p[3])
			}
			at += m[1]
		} else if opened && allNames(inner) {
			byline = namesOf(origSpan(st, f, at+m[2], at+m[3]))
			at += m[1]
		}
	} else if m := datelineRoleRe.FindStringSubmatchIndex(rest); m != nil {
		byline = bylineNames(origSpan(st, f, at+m[2], at+m[3]), rest[m[2]:m[3]])
		at += m[1]
	}
	if !opened && byline == "" {
		return dateline{}
	}
	at += len(datelineSpaceRe.FindString(f[at:]))
	d.authors = byline
	d.end = offs[utf8.RuneCountInString(f[:at])]
	return d
}

// datelineGoesOn reports whether the 讯 or 电 an opener matched is the
// first character of a word that goes on in rest (通讯员, 电视, 电话)
// rather than the end of a dateline. A dated wire (5月1日电) may run
// straight into the text; an undated one is followed by a space, a
// bracket or a mark.
func datelineGoesOn(rest string, dated bool, mark string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || isSpace(r) || strings.ContainsRune("([【:,，", r) {
		return false
	}
	switch mark {
	case "讯":
		return strings.ContainsRune("员息号", r)
	case "消息":
		return true // 消息称, 消息传来: only a bracket or a space ends this dateline
	case "报道":
		return !strings.ContainsRune(":([【", r) // 报道了, 报道组: a colon or a bracket ends this one
	}
	return !dated || strings.ContainsRune("视话力影脑网器子站台厂信商梯动源线价费表", r)
}

// trailer is a byline in brackets after a paragraph's last sentence.
type trailer struct {
	start          int // byte offset of the bracket; -1 when none
	authors        string
	paper, date    string // from a newspaper's stamp
	unit           string // the unit that wrote the item
	onlyEndingMark bool   // （完）, （编辑 某某）: nothing to read
	// photo marks a photo's credit (（王某 摄）, 新华社发（王某 摄）): it
	// names the photographer, and the caption it ends is no prose for it.
	photo bool
}

var (
	trailerRe      = regexp.MustCompile(`(?:^|[。！？!?"”])\s*([(\[【]([^()\[\]【】]{1,40})[)\]】])\s*$`)
	trailerEndRe   = regexp.MustCompile(`^(完|全文完|编辑|责编|责任编辑|校对)`)
	trailerStampRe = regexp.MustCompile(`^《?([\p{Han}]{2,10}?(?:日报|晚报|早报|时报|商报|导报|周报|工人报|青年报))》?\s*[,，]?\s*((?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})?\s*(?:第?\s*[a-z]?\d{1,3}\s*版)?$`)
)

// maxTrailerUnitRunes bounds a unit signing a news item in brackets: 区总工会,
// 某某市总工会办公室. Longer bracketed text is a remark.
const maxTrailerUnitRunes = 14

var (
	bodyPhotoCredit = rule.New(rule.Rule{
		Name: "body.photo-credit",
		Why: "a photo's credit after the last sentence names the photographer and maybe the agency that sent it " +
			"(新华社发（王某 摄）, 王某摄, …。/ 王某 摄); it is a byline, not text; a supplier's credit (…。/ 某某 供图) is " +
			"none either, and names a place or a unit as often as a person, so no author",
		Accept: "职工在书屋里读书。许晓峰摄", Reject: "职工在书屋里读书。",
		Fires: func(s string) bool { return photoCredit(s).start >= 0 },
	})
	bodyLeadingCaption = rule.New(rule.Rule{
		Name: "body.leading-caption",
		Why: "a photo's caption in brackets, ending in its credit (（…现场。 通讯员 摄）), that a copy runs into the " +
			"paragraph after it is the picture's, not text",
		Accept: "（女职工参加公益筛查现场。 通讯员 摄）今年，省总工会设立专项资金，为女职工提供免费筛查。",
		Reject: "（记者 王林）今年，省总工会设立专项资金，为女职工提供免费筛查。",
		Fires:  func(s string) bool { return leadingCaptionEnd(s) > 0 },
	})
	bodyTrailingName = rule.New(rule.Rule{
		Name: "body.trailing-name",
		Why: "a newspaper may print the reporter's name right after a story's last sentence, without brackets " +
			"(…温暖。王某); one to three names with known family names and nothing else are that byline",
		Accept: "让职工感受到家的温暖。邵明川", Reject: "让职工感受到家的温暖。谢谢",
		Fires: func(s string) bool { return trailingName(s).start >= 0 },
	})
)

var (
	photoCreditRe = regexp.MustCompile(`(?:^|[。！？!?"”])\s*((?:[/／]\s*)?(?:(新华社|中新社|[\p{Han}]{2,8}?(?:日报|晚报|报|网|社))\s*发?\s*)?[(\[【]?\s*(?:(?:[\p{Han}·]{2,4}\s+){0,3}(?:本报)?(?:特约)?记者\s*)?([\p{Han}·]{2,4}(?:\s*[、\s]\s*[\p{Han}·]{2,4}){0,3})\s*摄(?:影)?(?:报道)?\s*[)\]】]?)\s*$`)
	// A picture's supplier after its caption (…慰问。/ 某某 供图): a place
	// or a unit as often as a person, so it names no author.
	suppliedRe     = regexp.MustCompile(`(?:^|[。！？!?"”])\s*((?:[/／]\s*)?[\p{Han}·]{2,10}\s*供图)\s*$`)
	trailingNameRe = regexp.MustCompile(`[。！？!?"”]\s*([\p{Han}]{2,3}(?:\s+[\p{Han}]{2,3}){0,2})\s*$`)
)

// photoCredit reads a photo's credit at the end of a paragraph
// (body.photo-credit).
func photoCredit(p string) trailer {
	t := trailer{start: -1}
	if strings.Contains(p, "供图") || strings.Contains(p, "供圖") {
		st, offs := readingOffsets(p)
		f := zh.Fold(st)
		if m := suppliedRe.FindStringSubmatchIndex(f); m != nil {
			t.start, t.photo = offs[utf8.RuneCountInString(f[:m[2]])], true
		}
		return t
	}
	if !strings.Contains(p, "摄") && !strings.Contains(p, "攝") {
		return t
	}
	st, offs := readingOffsets(p)
	f := zh.Fold(st)
	m := photoCreditRe.FindStringSubmatchIndex(f)
	if m == nil || !allNames(f[m[6]:m[7]]) {
		return t
	}
	t.authors, t.photo = namesOf(origSpan(st, f, m[6], m[7])), true
	if m[4] >= 0 {
		t.paper = origSpan(st, f, m[4], m[5])
	}
	t.start = offs[utf8.RuneCountInString(f[:m[2]])]
	return t
}

// trailingName reads the names printed after a paragraph's last sentence
// (body.trailing-name).
func trailingName(p string) trailer {
	t := trailer{start: -1}
	st, offs := readingOffsets(p)
	f := zh.Fold(st)
	m := tailMatch(trailingNameRe, f)
	if m == nil || !allNames(f[m[2]:m[3]]) || doubled(f[m[2]:m[3]]) {
		return t
	}
	t.authors = namesOf(origSpan(st, f, m[2], m[3]))
	t.start = offs[utf8.RuneCountInString(f[:m[2]])]
	return t
}

// tailBytes bounds what a pattern anchored at a paragraph's end can match
// with no start anchor of its own: a sentence's last mark and a few names.
const tailBytes = 256

// tailMatch is re.FindStringSubmatchIndex on f's last tailBytes, with the
// indexes into f: Go's regexp tries every start of a string for a pattern
// anchored only at the end, which cost a long paragraph dearly.
func tailMatch(re *regexp.Regexp, f string) []int {
	at := 0
	if len(f) > tailBytes {
		at = len(f) - tailBytes
		for at < len(f) && !utf8.RuneStart(f[at]) {
			at++
		}
	}
	m := re.FindStringSubmatchIndex(f[at:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += at
		}
	}
	return m
}

// doubled reports whether s is one character twice (谢谢, 好好): a word,
// not a name.
func doubled(s string) bool {
	rs := []rune(s)
	return len(rs) == 2 && rs[0] == rs[1]
}

// closesBracket reports whether folded f ends, but for spaces (\s), with
// a closing bracket.
func closesBracket(f string) bool {
	f = strings.TrimRight(f, "\t\n\f\r ")
	return strings.HasSuffix(f, ")") || strings.HasSuffix(f, "]") || strings.HasSuffix(f, "】")
}

// parseTrailer reads the bracket that closes a paragraph, when it is a
// byline, or a photo's credit or names after its last sentence.
func parseTrailer(p string) trailer {
	t := trailer{start: -1}
	f := zh.Fold(p)
	var m []int
	// The regexp tries every start of the paragraph, and its bracket must
	// close it: most paragraphs end with a full stop instead.
	if closesBracket(f) {
		m = trailerRe.FindStringSubmatchIndex(f)
	}
	if m == nil {
		if bodyPhotoCredit.On() {
			if t = photoCredit(p); t.start >= 0 {
				return t
			}
		}
		if bodyTrailingName.On() {
			return trailingName(p)
		}
		return t
	}
	inner := strings.TrimSpace(f[m[4]:m[5]])
	orig := strings.TrimSpace(origSpan(p, f, m[4], m[5]))
	switch {
	case trailerEndRe.MatchString(inner):
		t.onlyEndingMark = true
	case roleSplitRe.MatchString(inner):
		if t.authors = bylineNames(orig, inner); t.authors == "" {
			return t
		}
		t.photo = strings.HasSuffix(inner, "摄") || strings.HasSuffix(inner, "摄影")
	case allNames(inner):
		t.authors = namesOf(orig)
	case trailerStampRe.MatchString(inner):
		sm := trailerStampRe.FindStringSubmatchIndex(inner)
		t.paper = origSpan(orig, inner, sm[2], sm[3])
		if sm[4] >= 0 {
			t.date = findDate(inner[sm[4]:sm[5]])
		}
	case utf8.RuneCountInString(inner) <= maxTrailerUnitRunes && orgSuffix.MatchString(inner) && !notOrgRe.MatchString(inner):
		t.unit = orig
	default:
		return t
	}
	t.start = len(origSpan(p, f, 0, m[2]))
	return t
}

// allNames reports whether folded s is one to four personal names
// separated by spaces or 、: 张三 李四.
func allNames(s string) bool {
	ws := strings.FieldsFunc(s, func(r rune) bool { return isSpace(r) || r == '、' || r == ',' || r == '，' })
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		rs := []rune(w)
		if !nameRe.MatchString(w) || len(rs) > 3 || !surnames[rs[0]] {
			return false
		}
	}
	return true
}

// namesOf joins the names in s with single spaces.
func namesOf(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return isSpace(r) || r == '、' || r == ',' || r == '，' }), " ")
}

// readingOffsets returns s without pinyin readings, as zh.StripReadings
// does, and for each of its runes, and one past the last, the byte offset
// in s it came from, so that a span found in the stripped text can be cut
// from s.
// leadingCaptionRe is a bracketed caption that ends in its credit (…摄)
// at the start of a folded paragraph.
var leadingCaptionRe = regexp.MustCompile(`^\s*\(([^()]{6,120}?)摄\)\s*`)

// minAfterCaption is how much text must follow a leading caption for it
// to be one glued to a paragraph, not a caption standing alone.
const minAfterCaption = 10

// leadingCaptionEnd returns where a photo's caption glued to the start of
// paragraph p ends (body.leading-caption), or 0.
func leadingCaptionEnd(p string) int {
	if !strings.Contains(p, "摄") && !strings.Contains(p, "攝") {
		return 0
	}
	st, offs := readingOffsets(p)
	f := zh.Fold(st)
	m := leadingCaptionRe.FindStringIndex(f)
	if m == nil || utf8.RuneCountInString(f[m[1]:]) < minAfterCaption {
		return 0
	}
	return offs[utf8.RuneCountInString(f[:m[1]])]
}

var bodyTrailerReading = rule.New(rule.Rule{
	Name: "body.trailer-reading",
	Why: "pinyin readings flattened into a copy (莊嚴(yán)) may stand inside the bracket that closes its byline " +
		"((記者 莊嚴(yán))); the byline is read without them",
	Accept: "截至目前已惠及女職工85.1萬人。(記者 莊嚴(yán))", Reject: "截至目前已惠及女職工85.1萬人。(記者 莊嚴)",
	Fires: func(s string) bool { return parseTrailer(s).start < 0 && readTrailerPastReadings(s).start >= 0 },
})

// trailerPastReadings is parseTrailer of a paragraph read without its
// pinyin readings (body.trailer-reading), its start an offset of p.
func trailerPastReadings(p string) trailer {
	if !bodyTrailerReading.On() {
		return parseTrailer(p)
	}
	return readTrailerPastReadings(p)
}

func readTrailerPastReadings(p string) trailer {
	t := parseTrailer(p)
	// The readings stand inside the closing bracket, so the paragraph ends
	// with one; most end with a full stop, and are not scanned.
	if e := strings.TrimRight(p, " "); t.start >= 0 || !strings.HasSuffix(e, ")") && !strings.HasSuffix(e, "）") || !zh.MayHaveReadings(p) {
		return t
	}
	st, offs := readingOffsets(p)
	if st == p {
		return t
	}
	if t2 := parseTrailer(st); t2.start >= 0 {
		t2.start = offs[utf8.RuneCountInString(st[:t2.start])]
		return t2
	}
	return t
}

func readingOffsets(s string) (string, []int) {
	offs := make([]int, 0, len(s)/2+1)
	if !zh.MayHaveReadings(s) {
		for i := range s {
			offs = append(offs, i)
		}
		return s, append(offs, len(s))
	}
	var b strings.Builder
	b.Grow(len(s))
	glossed, prevHan := false, false
	for i := 0; i < len(s); {
		if prevHan {
			if n := zh.ReadingLen(s[i:], glossed); n > 0 {
				i += n
				glossed, prevHan = true, false
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		offs = append(offs, i)
		b.WriteString(s[i : i+n])
		prevHan = zh.IsHan(r)
		i += n
	}
	return b.String(), append(offs, len(s))
}

// maxStandfirstRunes bounds a paragraph above a story's dateline that is
// its standfirst or a photo's caption; a longer one is the story.
const maxStandfirstRunes = 80

// maxStandfirsts is how many such paragraphs may stand above it.
const maxStandfirsts = 2

var bodyDatelineBelow = rule.New(rule.Rule{
	Name: "body.dateline-below",
	Why: "a story may open under a standfirst or a photo's caption: a dateline ([某某新闻], 【某某网讯】记者…报道) " +
		"at the start of the second or third paragraph, under short ones, starts the story there",
	Accept: "职工代表齐聚一堂。\n【青松新闻网讯】记者王林报道：县总工会昨日召开全委会议。",
	Reject: "职工代表齐聚一堂。\n县总工会昨日召开全委会议。",
	Fires: func(s string) bool {
		_, d := datelineBelow(strings.Split(s, "\n"))
		return d.end > 0
	},
})

// datelineBelow finds a dateline opening one of the paragraphs under
// the first, all those above it short (body.dateline-below).
func datelineBelow(body []string) (int, dateline) {
	for i := 1; i <= maxStandfirsts && i < len(body); i++ {
		if utf8.RuneCountInString(body[i-1]) > maxStandfirstRunes {
			break
		}
		if d := parseDateline(body[i]); d.end > 0 && (d.outlet != "" || d.own) {
			return i, d
		}
	}
	return 0, dateline{}
}
