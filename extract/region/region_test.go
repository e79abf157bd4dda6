package region

import (
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		title string
		body  []string
		want  corpus.Region
	}{
		{"county in title", "巴中市巴州区总工会2010年工作总结", []string{"全区各级工会认真开展工作。", "巴州区共收到职工建议405条。"},
			corpus.Region{Province: "四川省", City: "巴中市", County: "巴州区"}},
		{"prefecture not its city", "新疆昌吉回族自治州总工会工作纪", []string{"昌吉回族自治州辖五县三市。", "昌吉自治州各级工会积极开展工作。"},
			corpus.Region{Province: "新疆维吾尔自治区", City: "昌吉回族自治州"}},
		{"traditional script and short name", "在區總工會全委會議上的講話", []string{"構建和諧海陵。", "結合海陵實際。", "貫徹《江蘇省集體合同條例》。", "為海陵加快發展再立新功。"},
			corpus.Region{Province: "江苏省", City: "泰州市", County: "海陵区"}},
		{"name of its day", "在姜堰市總工會全委擴大會上的講話", []string{"促進姜堰經濟持續發展。"},
			corpus.Region{Province: "江苏省", City: "泰州市", County: "姜堰市"}},
		{"province only", "全委会上的讲话", []string{"构建和谐四川。", "四川省总工会。", "实现四川发展新跨越。"},
			corpus.Region{Province: "四川省"}},
		{"one passing mention", "全委会上的讲话", []string{"今年工作很好。", "继续努力。", "组织职工参加福建省职工运动会。"},
			corpus.Region{}},
		{"common word is no place", "工会工作要点", []string{"维护社会长治久安。", "开展安康杯竞赛。", "开展安康杯竞赛。"},
			corpus.Region{}},
		{"short county needs its city", "工作总结", []string{"开展和平共处活动。", "和平和平。"}, corpus.Region{}},
		{"municipality district", "朝阳区总工会召开全委会", []string{"北京市朝阳区总工会近日召开全委会。"},
			corpus.Region{Province: "北京市", City: "北京市", County: "朝阳区"}},
	}
	for _, tt := range tests {
		if got := Detect(tt.title, tt.body); got != tt.want {
			t.Errorf("%s: Detect = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestStripName(t *testing.T) {
	tests := map[string]string{
		"昌吉回族自治州":    "昌吉",
		"新疆维吾尔自治区":   "新疆",
		"湘西土家族苗族自治州": "湘西",
		"巴州区":        "巴州",
		"四川省":        "四川",
	}
	for in, want := range tests {
		if got := stripName(in); got != want {
			t.Errorf("stripName(%q) = %q, want %q", in, got, want)
		}
	}
}
