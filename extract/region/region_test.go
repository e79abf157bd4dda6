package region

import (
	"reflect"
	"testing"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
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

// TestScanFilters holds scan's prefix and length filters to a scan that
// looks up every name at every position.
func TestScanFilters(t *testing.T) {
	buildOnce.Do(build)
	for name := range aliases {
		r := []rune(name)
		if !prefixes.mayHave(r[0], r[1]) || lengths[[2]rune{r[0], r[1]}]&(1<<len(r)) == 0 {
			t.Errorf("alias %q is missing from the filters", name)
		}
	}
	texts := []string{
		"北京市朝阳区总工会近日召开全委会。",
		"昌吉回族自治州辖五县三市,昌吉自治州各级工会积极开展工作。",
		"巴中市巴州区总工会在中山路召开会议,巴州中学参加。",
		"开展和平共处活动,和平和平。漯河市源汇区",
		"",
		"市",
	}
	for _, text := range texts {
		f := zh.Fold(text)
		if got, want := scan(f, 1, nil), scanEverywhere(f); !reflect.DeepEqual(got, want) {
			t.Errorf("scan(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// scanEverywhere is scan without its filters.
func scanEverywhere(folded string) []mention {
	var ms []mention
	rs := []rune(folded)
	prevEnd := -1
	for i := 0; i+1 < len(rs); {
		found := 0
		for n := min(maxAlias, len(rs)-i); n >= 2; n-- {
			name := string(rs[i : i+n])
			a := aliases[name]
			if a == nil || a.short() && afterShortRe.MatchString(string(rs[i+n:min(len(rs), i+n+2)])) {
				continue
			}
			if prevEnd == i {
				ms[len(ms)-1].next = len(ms)
			}
			ms = append(ms, mention{al: a, weight: 1, form: name, next: -1})
			prevEnd, found = i+n, n
			break
		}
		i += max(found, 1)
	}
	return ms
}
