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
