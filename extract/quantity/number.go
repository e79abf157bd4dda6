package quantity

import (
	"math"
	"strconv"
)

// numeral is a number read from folded text: Arabic digits, Chinese
// numerals or a mix of both (1.3万, 二十余万, 三千五百, 一百零八).
type numeral struct {
	value float64
	end   int // rune index just past the numeral
	// over is set when 余/多 sits inside the numeral (二十余万).
	over bool
	// digit is false for a bare multiplier such as 百 or 千 in 百名, 近千个.
	digit bool
	// chinese is set when the numeral has Chinese digits or 十/百/千.
	chinese bool
	// one is set when the numeral is the single character 一.
	one bool
	// big is the last 万/亿 multiplier read, 1 when there is none.
	big float64
}

func chineseDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

func smallUnit(r rune) float64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	}
	return 0
}

func bigUnit(r rune) float64 {
	switch r {
	case '万':
		return 1e4
	case '亿':
		return 1e8
	}
	return 0
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// startsNumeral reports whether a numeral can begin with r.
func startsNumeral(r rune) bool {
	if isDigit(r) || smallUnit(r) != 0 || bigUnit(r) != 0 {
		return true
	}
	_, ok := chineseDigit(r)
	return ok
}

// arabic reads digits at r[i:], with an optional decimal part and optional
// thousands separators (13,949), and returns the value and the end.
func arabic(r []rune, i int) (float64, int) {
	j := i
	buf := make([]rune, 0, 16)
	group := 0 // digits since the start or the last separator
	for j < len(r) {
		switch {
		case isDigit(r[j]):
			buf = append(buf, r[j])
			group++
			j++
			continue
		case r[j] == ',' && group >= 1 && group <= 3 && len(buf) <= 15 && group3(r, j+1):
			// 12,680 is one number; 12345,678 is not.
			group = 0
			j++
			continue
		}
		break
	}
	if j+1 < len(r) && r[j] == '.' && isDigit(r[j+1]) {
		buf = append(buf, '.')
		j++
		for j < len(r) && isDigit(r[j]) {
			buf = append(buf, r[j])
			j++
		}
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil {
		return 0, i
	}
	return v, j
}

// group3 reports whether r[i:] holds exactly three digits and then no digit,
// which is what a thousands group after a comma looks like.
func group3(r []rune, i int) bool {
	if i+3 > len(r) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(r[k]) {
			return false
		}
	}
	return i+3 == len(r) || !isDigit(r[i+3])
}

// parseNumeral reads the numeral that starts at r[i]; r is folded text.
// It stops before anything that is not part of the number, and reports
// false when r[i:] is no well-formed numeral (五一, 十一五).
func parseNumeral(r []rune, i int) (numeral, bool) {
	n := numeral{big: 1}
	var total, section, cur float64
	curSet := false
	var lastSmall float64
	zero, prevDigit, prevBig := false, false, false
	j := i
	tokens := 0
loop:
	for j < len(r) {
		c := r[j]
		wasBig := prevBig
		prevBig = false
		switch {
		case isDigit(c):
			if curSet || tokens > 0 && !wasBig {
				break loop
			}
			v, e := arabic(r, j)
			if e == j {
				break loop
			}
			cur, curSet, n.digit = v, true, true
			j = e
			prevDigit = false
		case smallUnit(c) != 0:
			u := smallUnit(c)
			if lastSmall != 0 && u >= lastSmall && !curSet {
				break loop
			}
			if !curSet {
				if tokens > 0 && !zero && section+total > 0 {
					break loop
				}
				cur = 1
				if u == 10 {
					n.digit = true
				}
			}
			section += cur * u
			curSet, lastSmall, zero, prevDigit = false, u, false, false
			n.chinese = true
			j++
		case bigUnit(c) != 0:
			b := bigUnit(c)
			had := curSet || lastSmall != 0
			if curSet {
				section += cur
				curSet = false
			}
			switch {
			case section == 0 && total == 0 && !had:
				section = 1
			case section == 0:
				// 万亿: the multiplier applies to everything so far.
				total *= b
				n.big *= b
				lastSmall, prevDigit, prevBig = 0, false, true
				j++
				tokens++
				continue
			}
			if b == 1e4 && total >= 1e8 {
				total += section * b
			} else {
				total = (total + section) * b
			}
			n.big = b
			section, lastSmall, zero, prevDigit, prevBig = 0, 0, false, false, true
			j++
		case c == '余' || c == '多':
			// Inside the numeral only before a multiplier: 二十余万, 20多万.
			if tokens == 0 || j+1 >= len(r) || smallUnit(r[j+1]) == 0 && bigUnit(r[j+1]) == 0 {
				break loop
			}
			n.over = true
			prevBig = wasBig
			j++
			continue
		default:
			d, ok := chineseDigit(c)
			if !ok {
				break loop
			}
			if prevDigit || curSet {
				// Digits side by side (五一, 二〇一〇) are names or years.
				return n, false
			}
			n.chinese = true
			if d == 0 {
				zero = true
				prevDigit = false
				j++
				tokens++
				continue
			}
			cur, curSet, prevDigit, n.digit = float64(d), true, true, true
			j++
		}
		tokens++
	}
	if tokens == 0 {
		return n, false
	}
	if curSet {
		if n.chinese && prevDigit && !zero && lastSmall >= 100 {
			// 三千五 is 3500 and 两万五 is 25000: a trailing digit counts
			// in the unit below the one before it.
			section += cur * lastSmall / 10
		} else if n.chinese && prevDigit && !zero && lastSmall == 0 && total > 0 && n.big > 1 {
			section += cur * n.big / 10
		} else {
			section += cur
		}
	}
	total += section
	n.value = total
	n.end = j
	n.one = j == i+1 && r[i] == '一'
	return n, !math.IsInf(total, 0) && !math.IsNaN(total)
}

// place is the value of the lowest non-zero digit of v (1300 → 100,
// 200000 → 100000), the step an approximate bound moves by.
func place(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for p > 1e-6 {
		q := v / p
		if math.Abs(q-math.Round(q)) < 1e-6*q+1e-9 {
			return p
		}
		p /= 10
	}
	return p
}
