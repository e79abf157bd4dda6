package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

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
	// speech header (2006年1月12日), or a page's stamp.
	dateLineRe = regexp.MustCompile(`^[(\[【]?\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|[一二三四五六七八九〇零○o]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:星期.|周.)?\s*[)\]】]?$`)
	urlStampRe = regexp.MustCompile(`t((?:19|20)\d\d)(\d\d)(\d\d)_`)
	urlDayRe   = regexp.MustCompile(`/((?:19|20)\d\d)-?(\d\d)/(\d\d)/`)
	urlDateRe  = regexp.MustCompile(`/((?:19|20)\d\d)[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])?(?:[/_]|t|$)`)
)

func isDateLine(folded string) bool { return dateLineRe.MatchString(strings.TrimSpace(folded)) }

// findDate returns the first full date in folded text as YYYY-MM-DD.
func findDate(folded string) string {
	best, at := "", -1
	for _, m := range dateYMDRe.FindAllStringSubmatchIndex(folded, -1) {
		mo, d := sub(folded, m, 2), sub(folded, m, 3)
		if mo == "" {
			mo, d = sub(folded, m, 4), sub(folded, m, 5)
		}
		if s := ymd(sub(folded, m, 1), mo, d); s != "" {
			best, at = s, m[0]
			break
		}
	}
	if m := dateCNRe.FindStringSubmatchIndex(folded); m != nil && (at < 0 || m[0] < at) {
		if s := ymd(cnDigits(sub(folded, m, 1)), strconv.Itoa(cnNumber(sub(folded, m, 2))), strconv.Itoa(cnNumber(sub(folded, m, 3)))); s != "" {
			best = s
		}
	}
	return best
}

// findMonth returns YYYY-MM for text like 2012年5月 when no full date is there.
func findMonth(folded string) string {
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
		Fires: func(s string) bool { return textDate([]string{s}, true) != "" },
	})
	dateLeadDayYear = rule.New(rule.Rule{
		Name: "date.lead-day-year",
		Why: "a lead sentence that gives the day (4月28日) and in the same sentence a single year (2019年…大会) " +
			"dates the event it reports",
		Accept: "4月28日，2019年全省五一劳动奖表彰大会在省城举行。", Reject: "4月28日，全省五一劳动奖表彰大会在省城举行。",
		Fires: func(s string) bool { return leadDayYear(zh.Fold(s)) != "" },
	})
)

var monthDayRe = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*日`)

// leadDayYear dates the lead sentence of folded text by its day and the
// one year it names (date.lead-day-year).
func leadDayYear(f string) string {
	if k := strings.IndexAny(f, "。!?！？"); k >= 0 {
		f = f[:k]
	}
	md := monthDayRe.FindStringSubmatchIndex(f)
	if md == nil {
		return ""
	}
	year := ""
	for _, y := range yearRe.FindAllStringSubmatch(f, -1) {
		if year != "" && y[1] != year {
			return ""
		}
		year = y[1]
	}
	if year == "" || dateYMDRe.MatchString(f) {
		return ""
	}
	return ymd(year, f[md[2]:md[3]], f[md[4]:md[5]])
}

// textDate dates a body by what it reports (date.text-reported).
// Without years (a speech's), only a month or a day dates it.
func textDate(body []string, years bool) string {
	var month, year string
	for i, p := range body {
		f := zh.Fold(p)
		if d := findDate(f); d != "" {
			return d
		}
		if i == 0 && dateLeadDayYear.On() {
			if d := leadDayYear(f); d != "" {
				return d
			}
		}
		if month == "" {
			month = findMonth(f)
		}
		for _, y := range yearRe.FindAllStringSubmatch(f, -1) {
			year = max(year, y[1])
		}
	}
	if !years {
		year = ""
	}
	return firstNonEmpty(month, year)
}
