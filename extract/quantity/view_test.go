package quantity

import (
	"testing"
)

// TestConversionNoise reads quantities through what a conversion leaves
// inside them, and checks that Surface, Offset and Sentence point into the
// text as given.
func TestConversionNoise(t *testing.T) {
	type hit struct {
		category string
		value    float64
		unit     string
		surface  string
	}
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"reading inside a number", "县总工会筹集慰问金12.6萬(wàn)元。",
			[]hit{{funds, 126000, "元", "12.6萬(wàn)元"}}},
		{"fullwidth brackets", "慰问职工3.2萬（wàn）人次。",
			[]hit{{people, 32000, "人次", "3.2萬（wàn）人次"}}},
		{"reading after the unit stays in the surface", "新建基層工會(huì)法人登記86個(gè)。",
			[]hit{{count, 86, "个", "86個(gè)"}}},
		{"reading between 余 and 万", "筹集资金52余萬(wàn)元。",
			[]hit{{funds, 520000, "元", "52余萬(wàn)元"}}},
		{"space before the multiplier", "全年筹集帮扶资金8650 万元。",
			[]hit{{funds, 86500000, "元", "8650 万元"}}},
		{"space before 亿元", "全市生产总值2350.6 亿元。",
			[]hit{{funds, 235060000000, "元", "2350.6 亿元"}}},
		{"hard line break before the unit", "共联系\n16\n个乡镇工会。",
			[]hit{{count, 16, "个", "16\n个"}}},
		{"ideographic space before a percent sign", "入会率达到96　%。",
			[]hit{{rate, 96, "%", "96　%"}}},
		{"hard wrap inside a number's sentence", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难职工\n1200户，发放慰问金\n36万元。",
			[]hit{{people, 1200, "户", "1200户"}, {funds, 360000, "元", "36万元"}}},
		{"hard wrap inside the digits", "全年各级工会共筹集送温暖资金和各类帮扶资金合计122\n89万元。",
			[]hit{{funds, 122890000, "元", "122\n89万元"}}},
		{"two line breaks are a paragraph", "编号 8650\n\n万元户名单附后。", nil},
		{"a wide gap is layout", "参加人数 120        人", nil},
		{"an ordinal keeps its spaces", "荣获第 3 名。", nil},
		{"a gap before a word that is no unit", "截至2023 年底。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Extract(tt.text)
			var got []hit
			for _, m := range ms {
				got = append(got, hit{m.Category, m.Value, m.Unit, m.Surface})
				checkMetricInvariants(t, tt.text, m.Surface, m.Offset, m.Low, m.Value, m.High)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Extract(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i].category != tt.want[i].category || !closeTo(got[i].value, tt.want[i].value) || got[i].unit != tt.want[i].unit || got[i].surface != tt.want[i].surface {
					t.Errorf("Extract(%q)[%d] = %+v, want %+v", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestSoftLineBreak holds which line breaks the view reads through: a
// subject that a hard wrap cut in two is whole again, and a heading, a
// short line or a list item keeps its break.
func TestSoftLineBreak(t *testing.T) {
	tests := []struct{ name, text, surface, subject string }{
		{"wrap inside the subject", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难\n职工1200户。", "1200户", "困难职工"},
		{"wrap after a comma", "今年春节前，县总工会组织机关干部深入各乡镇走访企业，\n慰问困难职工1200户。", "1200户", "困难职工"},
		{"short title line", "县总工会开展送温暖\n职工1200户。", "1200户", "职工"},
		{"next line is a list item", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难\n二、职工1200户。", "1200户", "职工"},
		{"next line is a numbered item", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难\n3.职工1200户。", "1200户", "职工"},
		{"line ends a sentence", "今年春节前，县总工会组织机关干部深入各乡镇慰问困难。\n职工1200户。", "1200户", "职工"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range Extract(tt.text) {
				if m.Surface == tt.surface {
					if m.Subject != tt.subject {
						t.Errorf("Extract(%q) subject of %q = %q, want %q", tt.text, tt.surface, m.Subject, tt.subject)
					}
					return
				}
			}
			t.Errorf("Extract(%q): no quantity %q", tt.text, tt.surface)
		})
	}
}

// TestConversionNoiseSubject checks that a subject reads through readings
// and that the sentence is the text as given.
func TestConversionNoiseSubject(t *testing.T) {
	text := "第一段。區(qū)總工會(huì)發(fā)放慰問金12.6萬(wàn)元。"
	ms := Extract(text)
	if len(ms) != 1 {
		t.Fatalf("Extract(%q) = %d metrics, want 1", text, len(ms))
	}
	if ms[0].Subject != "慰問金" {
		t.Errorf("subject = %q, want %q", ms[0].Subject, "慰問金")
	}
	if want := "區(qū)總工會(huì)發(fā)放慰問金12.6萬(wàn)元。"; ms[0].Sentence != want {
		t.Errorf("sentence = %q, want %q", ms[0].Sentence, want)
	}
}
