package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

// Date patterns, on folded text: 2005年04月21日08:35, 2005-5-7 21:23:57,
// 2011/07/12, 2011.07.12, 二〇〇六年一月十二日.
var (
	dateYMDRe = regexp.MustCompile(`(19[5-9]\d|20\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[-/.](\d{1,2})[-/.](\d{1,2}))`)
	dateCNRe  = regexp.MustCompile(`([一二三四五六七八九〇零○o]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日`)
	dateYMRe  = regexp.MustCompile(`(19[5-9]\d|20\d\d)\s*年\s*(\d{1,2})\s*月`)
	yearRe    = regexp.MustCompile(`(19[5-9]\d|20\d\d)\s*年`)
	// A line that is only a date, maybe in brackets and with a time: the
	// speech header (2006年1月12日), or a page's stamp, which may give no
	// year (9月4日).
	dateLineRe = mustStartRe(`^[(\[【]?\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|[一二三四五六七八九〇零○o]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)\s*(?:[(]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)]?)?\s*(?:星期.|周.)?\s*[)\]】]?$`)
	urlStampRe = regexp.MustCompile(`t((?:19|20)\d\d)(\d\d)(\d\d)_`)
	urlDayRe   = regexp.MustCompile(`/((?:19|20)\d\d)-?(\d\d)/(\d\d)/`)
	urlDateRe  = regexp.MustCompile(`/((?:19|20)\d\d)[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])?(?:[/_]|t|$)`)
)

func isDateLine(folded string) bool { return dateLineRe.MatchString(strings.TrimSpace(folded)) }

// findDate returns the first full date in folded text as YYYY-MM-DD.
func findDate(folded string) string {
	best, at := "", -1
	// Most of a body's paragraphs name no date, and the regexps would try
	// every position of them: the literals each one needs settle those.
	if mayOpenYMD(folded) {
		best, at = firstYMD(folded)
	}
	if best == "" && dateDayFirst.On() {
		// 15.07.2014 09:15, a stamp alone on its line.
		if m := dayFirstRe.FindStringSubmatch(strings.TrimSpace(folded)); m != nil {
			return ymd(m[3], m[2], m[1])
		}
	}
	if !strings.Contains(folded, "年") || !strings.Contains(folded, "日") {
		return best
	}
	if m := dateCNRe.FindStringSubmatchIndex(folded); m != nil && (at < 0 || m[0] < at) {
		if s := ymd(cnDigits(sub(folded, m, 1)), strconv.Itoa(cnNumber(sub(folded, m, 2))), strconv.Itoa(cnNumber(sub(folded, m, 3)))); s != "" {
			best = s
		}
	}
	return best
}

var dateDatelineDay = rule.New(rule.Rule{
	Name: "date.dateline-day",
	Why: "a dateline's month and day (本报1月5日讯, 某某日报2月13日讯) is the day of the lead under it, and takes " +
		"its year as that paragraph's own day would (date.day-year)",
	Accept: "本报1月5日讯（记者 王林）今天，2016年“两节”送温暖活动启动。",
	Reject: "本报讯（记者 王林）今天，2016年“两节”送温暖活动启动。",
	Fires: func(s string) bool {
		dl := parseDateline(s)
		return strings.Contains(dl.day, "月") && textDate([]string{dl.day + "，" + s[dl.end:]}, true, true, false) != ""
	},
})

var dateDayFirst = rule.New(rule.Rule{
	Name:   "date.day-first",
	Why:    "some portals stamp a page day first (15.07.2014 09:15); alone on its line such a stamp is the page's date",
	Accept: "15.07.2014  09:15", Reject: "共发放15.07万元慰问金",
	Fires: func(s string) bool { return dayFirstRe.MatchString(zh.Fold(strings.TrimSpace(s))) },
})

// dayFirstRe is a day-first stamp that fills a folded line.
var dayFirstRe = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?:\s+\d{1,2}:\d\d(?::\d\d)?)?$`)

// mayOpenYMD reports whether folded s holds a year as dateYMDRe's dates
// open: 19 or 20 and two more digits, then after spaces (\s) 年 or a
// separator. A year alone, as bodies name them, is no date.
func mayOpenYMD(s string) bool {
	for i := 0; i+4 < len(s); i++ {
		if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isASCIIDigit(s[i+2]) || !isASCIIDigit(s[i+3]) {
			continue
		}
		j := i + 4
		for j < len(s) && strings.IndexByte("\t\n\f\r ", s[j]) >= 0 {
			j++
		}
		if j < len(s) && (s[j] == '-' || s[j] == '/' || s[j] == '.' || strings.HasPrefix(s[j:], "年")) {
			return true
		}
	}
	return false
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

// dateYMDAtRe is dateYMDRe anchored at a year's first digit.
var dateYMDAtRe = regexp.MustCompile(`^` + dateYMDRe.String())

// firstYMD returns the first match of dateYMDRe in folded that is a real
// day, as YYYY-MM-DD, and where it starts; "" and -1 if none. It tries the
// regexp only where a year starts, which a regexp without a literal
// prefix would seek at every position, and goes on after a match that is
// no day as FindAll would.
func firstYMD(folded string) (string, int) {
	for i := 0; i+4 <= len(folded); {
		if !isYear(folded[i : i+4]) {
			i++
			continue
		}
		m := dateYMDAtRe.FindStringSubmatchIndex(folded[i:])
		if m == nil {
			i++
			continue
		}
		f := folded[i:]
		mo, d := sub(f, m, 2), sub(f, m, 3)
		if mo == "" {
			mo, d = sub(f, m, 4), sub(f, m, 5)
		}
		if s := ymd(sub(f, m, 1), mo, d); s != "" {
			return s, i
		}
		i += m[1]
	}
	return "", -1
}

// mayNameYear reports whether s holds 19 or 20, which every year the
// date patterns take (dateYMDRe, yearRe, postedRe …) begins with.
func mayNameYear(s string) bool {
	return strings.Contains(s, "19") || strings.Contains(s, "20")
}

// findMonth returns YYYY-MM for text like 2012年5月 when no full date is there.
func findMonth(folded string) string {
	if !mayNameYear(folded) || !strings.Contains(folded, "月") {
		return ""
	}
	m := dateYMRe.FindStringSubmatch(folded)
	if m == nil {
		return ""
	}
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return ""
	}
	return fmt.Sprintf("%s-%02d", m[1], mo)
}

func sub(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

func ymd(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return ""
	}
	return t.Format("2006-01-02")
}

// urlDate reads a date from a URL path: /2012-05/16/, /201205/t20120516_.
func urlDate(u string) string {
	if m := urlStampRe.FindStringSubmatch(u); m != nil {
		if s := ymd(m[1], m[2], m[3]); s != "" {
			return s
		}
	}
	m := urlDateRe.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	if m[3] != "" {
		return ymd(m[1], m[2], m[3])
	}
	// /2012-05/16/: the day is the next path element.
	if dm := urlDayRe.FindStringSubmatch(u); dm != nil {
		if s := ymd(dm[1], dm[2], dm[3]); s != "" {
			return s
		}
	}
	return m[1] + "-" + m[2]
}

func cnDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte('0' + cnDigit(r)))
	}
	return b.String()
}

func cnDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// cnNumber reads 1..99 written in Chinese numerals: 十二, 二十一, 十.
func cnNumber(s string) int {
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = cnDigit(r)
	}
	return n + cur
}

var (
	dateTextReported = rule.New(rule.Rule{
		Name: "date.text-reported",
		Why: "a page with no date of its own is dated by the most specific date its text gives with the year known: " +
			"a full date first, then a year and month, then the latest year a description runs to; a speech's " +
			"bare years are those it reviews and plans, not when it was given, and do not count",
		Accept: "2015年11月起，区总工会开展职工技能培训。", Reject: "11月起，区总工会开展职工技能培训。",
		Fires: func(s string) bool { return textDate([]string{s}, true, false, false) != "" },
	})
)

var dateROCYear = rule.New(rule.Rule{
	Name: "date.roc-year",
	Why: "Taiwan counts years from 1912 (民國106年 is 2017): a year after 民國 is one anywhere, and on a page " +
		"about a place in Taiwan so is a bare year of three digits (106年) or of two with its month (98年5月)",
	Accept: "民國106年5月1日，高雄市總工會表揚模範勞工。", Reject: "106年来，工会始终与职工站在一起。",
	Fires: func(s string) bool { f := zh.Fold(s); return rocYears(f, false) != f },
})

// rocYearRe is a year of the Republic's calendar in folded text, with the
// character before it: 民国 opens it, or it is a bare number of two or
// three digits (bare) that no digit precedes.
var rocYearRe = regexp.MustCompile(`(^|[^\d])(民国\s*)?(\d{2,3})(\s*年)(\s*\d{1,2}\s*月)?`)

// rocYears writes the Republic's years in folded f as the common era's
// (date.roc-year); bare ones count when the page is about Taiwan.
func rocYears(f string, bare bool) string {
	return rocYearRe.ReplaceAllStringFunc(f, func(m string) string {
		sm := rocYearRe.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sm[3])
		// A bare year of two digits is read only with its month (98年5月):
		// alone it is more often a span (历经72年).
		if sm[2] == "" && (!bare || n < 100 && sm[5] == "") || n < 1 || n > 150 {
			return m
		}
		return sm[1] + strconv.Itoa(1911+n) + sm[4] + sm[5]
	})
}

var monthDayRe = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*日`)

var dateDayYear = rule.New(rule.Rule{
	Name: "date.day-year",
	Why: "a text with no date of its own and no full date in it is dated by the first day it gives (3月19日) " +
		"in the one year that day's paragraph names, and a news item, which tells of recent days, in the one " +
		"year its whole text names, unless a later paragraph dates an event with its year (2021年4月, 2024年冬…12月10日), " +
		"which then dates it; with two years (12月21日…2011年元旦…2010年) the day's year is unknown",
	Accept: "3月19日，县总工会召开全委会议，部署了2019年工会工作。",
	Reject: "12月21日，全区2011年元旦春节送温暖活动启动，2010年筹集资金7亿元。",
	Fires: func(s string) bool {
		f := zh.Fold(s)
		return dayYear([]string{f}, [][][]string{yearsIn(f)}, false) != ""
	},
})

// yearsIn returns the matches of yearRe in folded f, as
// FindAllStringSubmatch would.
func yearsIn(f string) [][]string {
	if !strings.Contains(f, "年") || !mayNameYear(f) {
		return nil
	}
	var out [][]string
	for _, sp := range yearSpans(f) {
		out = append(out, []string{f[sp[0]:sp[1]], f[sp[0] : sp[0]+4]})
	}
	return out
}

// yearSpans returns the start and end of each match of yearRe in f: a
// year from 1950 to 2099, maybe spaces, and 年. It reads back from each 年,
// as a regexp without a literal prefix tries every position.
func yearSpans(f string) [][2]int {
	var out [][2]int
	for at := 0; ; {
		k := strings.Index(f[at:], "年")
		if k < 0 {
			return out
		}
		k += at
		at = k + len("年")
		d := k
		for d > 0 && strings.IndexByte("\t\n\f\r ", f[d-1]) >= 0 {
			d--
		}
		if d < 4 || !isYear(f[d-4:d]) {
			continue
		}
		out = append(out, [2]int{d - 4, at})
	}
}

// isYear reports whether four bytes are a year from 1950 to 2099.
func isYear(y string) bool {
	for i := range 4 {
		if !isASCIIDigit(y[i]) {
			return false
		}
	}
	return y[:2] == "20" || y[:2] == "19" && y[2] >= '5'
}

// dayYear dates a folded body by its first day and the one year named
// with it (date.day-year); news takes the text's one year too. yearsOf
// holds yearsIn of each paragraph.
func dayYear(body []string, yearsOf [][][]string, news bool) string {
	var day []string
	dayYear, textYear, later := "", "", ""
	textYears := 0
	for i, f := range body {
		years := yearsOf[i]
		if day == nil && strings.Contains(f, "日") && strings.Contains(f, "月") {
			if m := monthDayRe.FindStringSubmatch(f); m != nil {
				day = m[1:]
				dayYear = onlyYear(years)
			}
		} else if day != nil && dayYear == "" && later == "" {
			later = datedEvent(f, onlyYear(years))
		}
		for _, y := range years {
			if y[1] != textYear {
				textYear = y[1]
				textYears++
			}
		}
	}
	if day == nil {
		return ""
	}
	// A story that opens on a yearless day and goes back to what happened
	// in 2021年4月 is dated by that, the one day whose year it gives.
	if dayYear == "" && news && later != "" {
		return later
	}
	if dayYear == "" && news && textYears == 1 {
		dayYear = textYear
	}
	if dayYear == "" {
		return ""
	}
	return ymd(dayYear, day[0], day[1])
}

var dateSinceYear = rule.New(rule.Rule{
	Name:   "date.since-year",
	Why:    "a year a period starts from (2014年以来, 2016年启动以来, 2012年至今, 自2013年起) says how long something has run, not when what is reported happened",
	Accept: "2014年以来，县总工会累计筹集帮扶资金300万元。",
	Reject: "2014年，县总工会筹集帮扶资金300万元。",
	Fires:  func(s string) bool { return sinceYearRe.MatchString(zh.Fold(s)) },
})

// sinceYearRe is a year a period runs from (date.since-year): 2014年以来,
// or 自2007年8月…以来 around a clause.
var sinceYearRe = regexp.MustCompile(`(?:19|20)\d\d\s*年[^,，。;；\d]{0,6}?(?:以来|至今)|自\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?[^,，。;；]{0,30}?(?:以来|至今)|(?:自|从)\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?\s*(?:起|开始)`)

var dateFounded = rule.New(rule.Rule{
	Name:   "date.founded",
	Why:    "the date a body was founded or built (成立于1994年12月, 始建于1986年) is its history, not when what is reported happened",
	Accept: "市职工互助保障会成立于1994年12月，多年来坚持公益服务。",
	Reject: "2023年12月，市职工互助保障会开展集中参保活动。",
	Fires:  func(s string) bool { return foundedRe.MatchString(zh.Fold(s)) },
})

// withoutHistory removes from folded f the dates that tell of a text's
// past, not of what it reports: a period's start (date.since-year) and a
// founding (date.founded). Most paragraphs have neither word.
func withoutHistory(f string) string {
	if dateSinceYear.On() && (strings.Contains(f, "以来") || strings.Contains(f, "至今") || strings.Contains(f, "年起") || strings.Contains(f, "月起") || strings.Contains(f, "年开始") || strings.Contains(f, "月开始")) {
		f = sinceYearRe.ReplaceAllString(f, "")
	}
	if dateFounded.On() && (strings.Contains(f, "立于") || strings.Contains(f, "建于")) {
		f = foundedRe.ReplaceAllString(f, "")
	}
	if datePlanYear.On() && containsAny(f, "将", "计划", "拟", "力争", "预计") && mayNameYear(f) {
		f = withoutPlanYears(f)
	}
	return f
}

// planWords say that a clause tells what will be done (date.plan-year);
// 将至 and 将近 tell that a day comes (2024年春节将至), no plan.
var planWords = []string{"计划", "拟", "力争", "预计"}

// maxPlanRunes bounds how far into its clause a year's plan word stands.
const maxPlanRunes = 16

// withoutPlanYears removes from folded f each year that opens a clause
// saying what will be done in it (date.plan-year).
func withoutPlanYears(f string) string {
	ms := yearSpans(f)
	if ms == nil {
		return f
	}
	var b strings.Builder
	prev := 0
	for _, m := range ms {
		if planClause(f[m[1]:]) {
			b.WriteString(f[prev:m[0]])
			prev = m[1]
		}
	}
	if prev == 0 {
		return f
	}
	b.WriteString(f[prev:])
	return b.String()
}

// planClause reports whether the clause that opens rest (after a year's
// 年 and maybe a comma) says what will be done.
func planClause(rest string) bool {
	rest = strings.TrimLeft(rest, ",，")
	n := 0
	for i, r := range rest {
		if n > maxPlanRunes || strings.ContainsRune("。;；,，", r) {
			return false
		}
		if r == '将' {
			next, _ := utf8.DecodeRuneInString(rest[i+len("将"):])
			if !strings.ContainsRune("至近临", next) {
				return true
			}
		}
		for _, w := range planWords {
			if strings.HasPrefix(rest[i:], w) {
				return true
			}
		}
		n++
	}
	return false
}

var dateDocNumber = rule.New(rule.Rule{
	Name: "date.document-number",
	Why: "a document's number holds the year it was issued (总工发〔2025〕1号); a text that reports the document is " +
		"of that year at the earliest, whatever years the document's title covers",
	Accept: "全总下发《关于表彰2022—2023年度先进集体的决定》(总工发〔2025〕1号)。",
	Reject: "全总下发《关于表彰2022—2023年度先进集体的决定》。",
	Fires:  func(s string) bool { return docNumberRe.MatchString(zh.Fold(s)) },
})

// docNumberRe is the year in a document's number (〔2025〕1号).
var docNumberRe = regexp.MustCompile(`[〔\[［(]((?:19|20)\d\d)[〕\]］)]\s*第?\d{1,4}\s*号`)

var datePlanYear = rule.New(rule.Rule{
	Name:   "date.plan-year",
	Why:    "a year that opens what a union will do (2015年，县总工会将…, 2016年计划…) is a plan, not when what is reported happened",
	Accept: "表彰大会召开。李主席说，2015年，县总工会将开展更多竞赛活动。",
	Reject: "2024年春节将至，县总工会开展了送温暖活动。",
	Fires:  func(s string) bool { f := zh.Fold(s); return withoutPlanYears(f) != f },
})

// foundedRe is a founding date (date.founded).
var foundedRe = regexp.MustCompile(`(?:成立|始建|创建|创立|组建|建)于\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?`)

// datedEvent returns the day or month a folded paragraph gives with its
// one year y (2024年冬…12月10日, 2021年4月), or "".
func datedEvent(f, y string) string {
	if y == "" {
		return ""
	}
	if m := monthDayRe.FindStringSubmatch(f); m != nil {
		if d := ymd(y, m[1], m[2]); d != "" {
			return d
		}
	}
	return findMonth(f)
}

// onlyYear returns the year all matches of yearRe name, or "" when they
// name none or several.
func onlyYear(ms [][]string) string {
	y := ""
	for _, m := range ms {
		if y != "" && m[1] != y {
			return ""
		}
		y = m[1]
	}
	return y
}

// textDate dates a body by what it reports (date.text-reported).
// Without years (a speech's), only a month or a day dates it; a day
// takes the year named with it (date.day-year).
func textDate(body []string, years, news, roc bool) string {
	d := readTextDate(body, years, news, roc)
	if dateAsOf.On() {
		if a := asOfDate(body); a > d {
			return a
		}
	}
	return d
}

var dateAsOf = rule.New(rule.Rule{
	Name: "date.as-of",
	Why: "a text that states its figures as of a month (截至2023年11月，…共有65家会员工会) was written then or " +
		"after: an earlier date in it is history",
	Accept: "1999年4月3日，工会召开记者会。截至2023年11月，会员工会共有65家。",
	Reject: "截至2023年9月底，会员工会共有65家。2023年10月9日，工会召开记者会。",
	Fires: func(s string) bool {
		a := asOfDate([]string{s})
		return a != "" && a > readTextDate([]string{s}, true, true, false)
	},
})

var asOfRe = regexp.MustCompile(`截(?:至|止)(?:到)?\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)

// asOfDate returns the first as-of date the body states (date.as-of): the
// month, or the day when it is given.
func asOfDate(body []string) string {
	for _, p := range body {
		if !strings.Contains(p, "截至") && !strings.Contains(p, "截止") {
			continue
		}
		if m := asOfRe.FindStringSubmatch(zh.Fold(p)); m != nil {
			if m[3] != "" {
				return ymd(m[1], m[2], m[3])
			}
			if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
				return fmt.Sprintf("%s-%02d", m[1], mo)
			}
		}
	}
	return ""
}

// readTextDate is textDate before an as-of date is weighed.
func readTextDate(body []string, years, news, roc bool) string {
	var month, year string
	folded := make([]string, len(body))
	for i, p := range body {
		folded[i] = zh.Fold(zh.StripReadings(p)) // 2014年啟動(dòng)以來(lái): the readings hide the words
		// The regexp tries every position: only a page about Taiwan, or a
		// paragraph that says 民国, can hold such a year.
		if dateROCYear.On() && (roc || strings.Contains(folded[i], "民国")) && strings.Contains(folded[i], "年") {
			folded[i] = rocYears(folded[i], roc)
		}
		if d := findDate(folded[i]); d != "" {
			return d
		}
	}
	// Both readings below take each paragraph's years: they are found once.
	ys := make([][][]string, len(folded))
	for i, f := range folded {
		ys[i] = yearsIn(f)
	}
	if dateDayYear.On() {
		if d := dayYear(folded, ys, news); d != "" {
			return d
		}
	}
	for i, f := range folded {
		yrs := ys[i]
		if g := withoutHistory(f); g != f {
			f, yrs = g, yearsIn(g)
		}
		if month == "" {
			month = findMonth(f)
		}
		for _, y := range yrs {
			year = max(year, y[1])
		}
		if dateDocNumber.On() && strings.Contains(f, "号") {
			for _, y := range docNumberRe.FindAllStringSubmatch(f, -1) {
				year = max(year, y[1])
			}
		}
	}
	if !years {
		year = ""
		if dateLastYear.On() {
			year = lastYearNamed(folded)
		}
	}
	return firstNonEmpty(month, year)
}

var dateLastYear = rule.New(rule.Rule{
	Name: "date.last-year",
	Why: "a speech that looks back on 去年 and names that year's figures soon after (去年以来……2012年，全县…) " +
		"was given the year after it; a speech's other years are history or plans and date nothing",
	Accept: "去年以来，全县经济保持较快发展。2012年，全县地区生产总值实现126亿元。",
	Reject: "去年以来，全县经济保持较快发展。全县地区生产总值实现126亿元，比2008年翻了一番。",
	Fires:  func(s string) bool { return lastYearNamed([]string{zh.Fold(s)}) != "" },
})

// maxLastYearGap bounds how far after 去年 the year it names may stand: the
// rest of the sentence and the one after it.
const maxLastYearGap = 60

// lastYearNamed returns the year after the one that 去年 names in folded
// paragraphs (date.last-year): the first year within maxLastYearGap runes
// after it, with no sentence between them that names another.
func lastYearNamed(folded []string) string {
	for _, f := range folded {
		k := strings.Index(f, "去年")
		if k < 0 {
			continue
		}
		rest := f[k+len("去年"):]
		if cut := byteOfRune(rest, maxLastYearGap); cut < len(rest) {
			rest = rest[:cut]
		}
		sp := yearSpans(rest)
		if len(sp) == 0 {
			continue
		}
		// The year must open its clause (2012年，全县…), as a year of
		// figures does, not trail a comparison (比2008年).
		at := sp[0][0]
		if at > 0 {
			r, _ := utf8.DecodeLastRuneInString(rest[:at])
			if !strings.ContainsRune("。，,；;:：!！ ", r) {
				continue
			}
		}
		y, err := strconv.Atoi(rest[at : at+4])
		if err != nil {
			continue
		}
		return strconv.Itoa(y + 1)
	}
	return ""
}

// byteOfRune returns the byte offset of s's n-th rune, or len(s).
func byteOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

var (
	dateForumEdit = rule.New(rule.Rule{
		Name:   "date.forum-edit",
		Why:    "a forum post's stamp says who last edited it and when (本帖最后由 某某 于 2012-10-3 15:32 编辑): the post's date",
		Accept: "本帖最后由 小周 于 2012-10-3 15:32 编辑", Reject: "本帖由小周整理",
		Fires: func(s string) bool { return forumEditRe.MatchString(foldLine(s)) },
	})
	dateCompactLine = rule.New(rule.Rule{
		Name: "date.compact-line",
		Why: "a speech or report may be dated under its title by a line of digits alone, year, month and day run " +
			"together ((2013130), 20130130); it dates the text when only one reading is a date",
		Accept: "（2013130）", Reject: "（2013111）",
		Fires: func(s string) bool { return compactDate(foldLine(s)) != "" },
	})
	dateTitleStamp = rule.New(rule.Rule{
		Name: "date.title-stamp",
		Why: "a line under the text that repeats the title with a date is the page's stamp (an e-paper's footer: " +
			"paper, page, title, date)",
		Accept: "县总工会为环卫工人送清凉\n某某日报 综合 00003 县总工会为环卫工人送清凉 2016-10-29",
		Reject: "县总工会为环卫工人送清凉\n某某日报 综合 00003 2016-10-29",
		Fires: func(s string) bool {
			title, rest, _ := strings.Cut(s, "\n")
			return titleStampDate(fixtureLines(rest), span{0, 0}, title) != ""
		},
	})
)

var (
	forumEditRe   = regexp.MustCompile(`^本帖最后由\s*\S{1,20}\s*于\s*(?:19|20)\d\d[-/.年]`)
	compactDateRe = regexp.MustCompile(`^[(\[【]?\s*((?:19|20)\d\d)(\d{3,4})\s*[)\]】]?$`)
)

// compactDate reads a line of year, month and day run together
// (date.compact-line), or "".
func compactDate(f string) string {
	m := compactDateRe.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	y, md := m[1], m[2]
	if len(md) == 4 {
		return ymd(y, md[:2], md[2:])
	}
	// Three digits: M DD or MM D; a date only when one of them is.
	a, b := ymd(y, md[:1], md[1:]), ymd(y, md[:2], md[2:])
	if a != "" && b != "" {
		return ""
	}
	return firstNonEmpty(a, b)
}

// titleStampDate reads the date of a line under the body that repeats the
// title (date.title-stamp).
func titleStampDate(lines []line, sp span, title string) string {
	t := strings.ReplaceAll(zh.Fold(title), " ", "")
	if utf8.RuneCountInString(t) < minTitleRunes {
		return ""
	}
	for i, end := sp.end, closingEnd(lines, sp.end, 2*maxClosingLines); i < end; i++ {
		f := strings.ReplaceAll(zh.Fold(lines[i].text), " ", "")
		if strings.Contains(f, t) {
			if d := findDate(strings.Replace(f, t, " ", 1)); d != "" {
				return d
			}
		}
	}
	return ""
}
