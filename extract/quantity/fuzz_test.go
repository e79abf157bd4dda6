package quantity

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// chinese writes n the slow, obvious way: four-digit groups under 亿 and
// 万, 零 for skipped places, and 十 rather than 一十 at the very start.
func chinese(n uint64) string {
	if n == 0 {
		return "零"
	}
	digits := []rune("零一二三四五六七八九")
	group := func(g uint64, lead bool) string {
		var b strings.Builder
		units := []string{"千", "百", "十", ""}
		div := []uint64{1000, 100, 10, 1}
		zero := false
		started := false
		for k, d := range div {
			v := g / d % 10
			if v == 0 {
				zero = started
				continue
			}
			if zero || (!started && !lead) {
				b.WriteRune('零')
			}
			zero = false
			if !(lead && !started && k == 2 && v == 1) {
				b.WriteRune(digits[v])
			}
			b.WriteString(units[k])
			started = true
		}
		return b.String()
	}
	var b strings.Builder
	lead := true
	for _, part := range []struct {
		div  uint64
		name string
	}{{1e8, "亿"}, {1e4, "万"}, {1, ""}} {
		g := n / part.div % 10000
		if part.div == 1e8 {
			g = n / part.div
		}
		if g == 0 {
			continue
		}
		if g >= 10000 {
			b.WriteString(chinese(g))
		} else {
			s := group(g, lead)
			if !lead && g < 1000 && !strings.HasPrefix(s, "零") {
				s = "零" + s
			}
			b.WriteString(s)
		}
		b.WriteString(part.name)
		lead = false
	}
	return b.String()
}

func TestNumeralAgainstReference(t *testing.T) {
	for _, n := range []uint64{1, 10, 11, 20, 108, 110, 1000, 1001, 1010, 3500, 10000, 10001, 20000, 100000, 105000, 1000000, 12345678, 100000000, 230000000, 1234567890} {
		checkNumeral(t, n)
	}
	for n := uint64(1); n < 20000; n += 7 {
		checkNumeral(t, n)
	}
}

func checkNumeral(t *testing.T, n uint64) {
	t.Helper()
	s := chinese(n)
	num, ok := parseNumeral([]rune(s), 0)
	if !ok || num.value != float64(n) || num.end != utf8.RuneCountInString(s) {
		t.Errorf("parseNumeral(%q) = %v (end %d, ok %v), want %d", s, num.value, num.end, ok, n)
	}
	a := strconv.FormatUint(n, 10)
	num, ok = parseNumeral([]rune(a+"万"), 0)
	if !ok || num.value != float64(n)*1e4 {
		t.Errorf("parseNumeral(%q) = %v, want %v", a+"万", num.value, float64(n)*1e4)
	}
}

func FuzzNumeral(f *testing.F) {
	for _, n := range []uint64{0, 1, 10, 108, 3500, 10010, 200000, 123456789} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n uint64) {
		checkNumeral(t, n%1e12)
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"共筹集送温暖资金266.74万元，慰问职工5105人次。",
		"全縣發放慰問金二十餘萬元，慰問困難職工三百戶。",
		"入会率提高4.5个百分点，达百分之九十二，八成以上",
		"3-5万元、3000元至5000元、２５００名、约1.3万人",
		"十二届五次全委会“三个代表”2010年0931-8123456",
		"万余名千个百名近9万各族职工1,250,000元X萬名",
		"\xff\xfe1万元", "1.", "百分之", "3-", "一", "“1个”",
		"12.6萬(wàn)元，86個(gè)(", "共联系\n16\n个乡镇，8650 万元", "增长4.2、3.6和2.8个百分点",
		"1.46万户(次)36场（次）", "配备一台冰箱、各一桶", "十几万元数百名若干家",
		"授予12家单位全省五一劳动奖状，命名3名个人为“", "全國優秀工會工作者\n--1名--\n", "--2家",
		"女职工占比38.6%，县区最多，为45%", "两个100%、3个多月、两个老人", "分别比上年增长3%和5%",
		"工作总结(通用7篇)", "发放慰问品：大米一袋", "26名在竞赛中获奖的", "参保人数", "较上年增加",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Extract(text)
		if ms == nil {
			t.Fatal("Extract returned nil")
		}
		valid := strings.ToValidUTF8(text, "\uFFFD")
		for _, m := range ms {
			if !utf8.ValidString(m.Surface) || !utf8.ValidString(m.Subject) || !utf8.ValidString(m.Sentence) {
				t.Fatalf("invalid UTF-8 in %+v", m)
			}
			checkMetricInvariants(t, valid, m.Surface, m.Offset, m.Low, m.Value, m.High)
			if m.Surface == "" || m.Unit == "" {
				t.Fatalf("empty surface or unit in %+v", m)
			}
		}
	})
}
