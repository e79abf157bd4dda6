package quantity

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// want is the part of a metric a sentence case pins down.
type want struct {
	Category string
	Value    float64
	Unit     string
	Approx   string
	Surface  string
}

type sentenceCase struct {
	line  int
	text  string
	wants []want
}

// readCases reads testdata/sentences.txt: blocks of a sentence and its
// expected quantities, separated by blank lines.
func readCases(t *testing.T) []sentenceCase {
	t.Helper()
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var cases []sentenceCase
	var cur *sentenceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			cur = nil
		case cur == nil:
			cases = append(cases, sentenceCase{line: n, text: line})
			cur = &cases[len(cases)-1]
		default:
			// The surface is the rest of the line: a conversion's space may
			// stand in it (300 余名).
			fs := strings.Fields(line)
			if len(fs) < 5 {
				t.Fatalf("sentences.txt:%d: want 5 fields, got %q", n, line)
			}
			fs[4] = strings.Join(fs[4:], " ")
			v, err := strconv.ParseFloat(fs[1], 64)
			if err != nil {
				t.Fatalf("sentences.txt:%d: %v", n, err)
			}
			if fs[3] == "-" {
				fs[3] = ""
			}
			cur.wants = append(cur.wants, want{fs[0], v, fs[2], fs[3], fs[4]})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read cases: %v", err)
	}
	return cases
}

func TestExtractSentences(t *testing.T) {
	cases := readCases(t)
	if len(cases) < 80 {
		t.Errorf("only %d sentence cases, want at least 80", len(cases))
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			got := []want{}
			for _, m := range Extract(c.text) {
				got = append(got, want{m.Category, m.Value, m.Unit, m.Approx, m.Surface})
				checkMetricInvariants(t, c.text, m.Surface, m.Offset, m.Low, m.Value, m.High)
			}
			if c.wants == nil {
				c.wants = []want{}
			}
			approx := cmp.Comparer(func(a, b float64) bool { return closeTo(a, b) })
			if diff := cmp.Diff(c.wants, got, approx); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", c.text, diff)
			}
		})
	}
}

func checkMetricInvariants(t *testing.T, text, surface string, off int, low, value, high float64) {
	t.Helper()
	rs := []rune(text)
	n := utf8.RuneCountInString(surface)
	if off < 0 || off+n > len(rs) || string(rs[off:off+n]) != surface {
		t.Errorf("surface %q not at rune offset %d of %q", surface, off, text)
	}
	if !(low <= value && value <= high) {
		t.Errorf("bounds of %q: low %v value %v high %v", surface, low, value, high)
	}
}

func TestSubject(t *testing.T) {
	tests := []struct{ text, surface, want string }{
		{"共筹集送温暖资金266万元，慰问职工。", "266万元", "送温暖资金"},
		{"对全市30户企业的1200名困难职工实施救助。", "1200名", "困难职工"},
		{"全市工会组建率达90%。", "90%", "工会组建率"},
		{"全市生产总值120亿元，同比增长9%。", "9%", "全市生产总值增长"},
		{"发放助学金约12万元。", "12万元", "助学金"},
		{"投入80万元用于职工活动中心改造。", "80万元", "职工活动中心改造"},
		{"全年共刊发《职工之友》12期。", "12期", "《职工之友》"},
		{"全县共有基层工会组织 512个，工会会员 6 万人。", "512个", "基层工会组织"},
		{"全县共有基层工会组织 512个，工会会员 6 万人。", "6 万人", "工会会员"},
	}
	for _, tt := range tests {
		var got string
		found := false
		for _, m := range Extract(tt.text) {
			if m.Surface == tt.surface {
				got, found = m.Subject, true
			}
		}
		if !found {
			t.Errorf("Extract(%q): no quantity %q", tt.text, tt.surface)
			continue
		}
		if !strings.Contains(got, tt.want) && !strings.Contains(tt.want, got) || got == "" {
			t.Errorf("Extract(%q) subject of %q = %q, want %q", tt.text, tt.surface, got, tt.want)
		}
	}
}

// TestSubjectExact pins the subject rules whose output a loose containment
// check cannot tell apart (资金 against 帮扶资金).
func TestSubjectExact(t *testing.T) {
	tests := []struct{ name, text, surface, want string }{
		{"modifier after a verb of raising", "全年筹集帮扶资金860万元。", "860万元", "帮扶资金"},
		{"gse fragments joined", "建立未建会企业台账312户。", "312户", "未建会企业台账"},
		{"bound suffix joined", "救助金发放及时率比上年提高2个百分点。", "2个百分点", "救助金发放及时率提高"},
		{"second end of a range", "每户发放慰问金从800元到1500元不等。", "1500元", "慰问金"},
		{"origin of a change", "会员入会率由上年的71%提高到80%。", "71%", "会员入会率"},
		{"end point of a change", "会员入会率由上年的71%提高到80%。", "80%", "会员入会率"},
		{"quoted name before a count", "全市建成“职工驿站”64个。", "64个", "职工驿站"},
		{"first term of a comparison", "工资增幅高于全省平均水平0.6个百分点。", "0.6个百分点", "工资增幅"},
		{"points follow the rate", "女职工入会率达到91%，比上年提高3个百分点。", "3个百分点", "女职工入会率提高"},
		{"share of the noun after", "全县有72%的企业建立了职代会制度。", "72%", "企业"},
		{"honour won", "共有15人获评“金牌工匠”。", "15人", "金牌工匠"},
		{"status verb modifies", "为全县2600名在岗职工发放慰问品。", "2600名", "在岗职工"},
		{"predicate verb dropped", "快递员入会2300人。", "2300人", "快递员"},
		{"completion verb skipped", "全县工业产值完成86亿元。", "86亿元", "全县工业产值"},
		{"per month skipped", "最低工资标准由每月1800元提高到2000元。", "1800元", "最低工资标准"},
		{"pair in points", "分别提高1.5个和2.4个百分点。", "2.4个百分点", "提高"},
		{"people head ends the phrase", "为机关28名女职工免费体检。", "28名", "女职工"},
		{"people heads in a row", "为28名困难职工子女发放助学金。", "28名", "困难职工子女"},
		{"measure word read into the noun", "慰问了86名城区环卫工人。", "86名", "城区环卫工人"},
		{"sum modifies the noun after 的", "为职工送去价值6万元的慰问物资。", "6万元", "慰问物资"},
		{"first end of a range before 的", "按800元至1500元不等的标准发放。", "800元", "标准"},
		{"frame noun after 的 is no subject", "在筹集资金6万元的基础上追加投入。", "6万元", "筹集资金"},
		{"measure word is the noun", "慰问组分赴全州五县三市。", "三市", "市"},
		{"clause after the count", "为6家受灾企业发放救助金。", "6家", "受灾企业"},
		{"modal before the number", "职代会建制率须达到95%。", "95%", "职代会建制率"},
		{"place before the number", "职工入会率在92%以上。", "92%", "职工入会率"},
		{"respective nouns, first", "全县工业产值、社会消费品零售额分别达到86亿元、42亿元，分别增长12%、9%。", "86亿元", "全县工业产值"},
		{"respective nouns, second", "全县工业产值、社会消费品零售额分别达到86亿元、42亿元，分别增长12%、9%。", "42亿元", "社会消费品零售额"},
		{"respective growth after a comma", "全县工业产值、社会消费品零售额分别达到86亿元、42亿元，分别增长12%、9%。", "9%", "社会消费品零售额增长"},
		{"respective growth in its own clause", "入会率和建会率分别提高3.5和2.1个百分点。", "2.1个百分点", "建会率提高"},
		{"end of a change with any verb", "全县技师从6300人发展到31000人。", "31000人", "全县技师"},
		{"verbal noun after people is a predicate", "全县技师6300人发展到今天的规模。", "6300人", "全县技师"},
		{"verbal noun after things is counted", "全年举办两项竞赛。", "两项", "竞赛"},
		{"scope word opens a new phrase", "评出86家单位全省先进集体。", "86家", "单位"},
		{"honour granted", "授予86家单位全省五一劳动奖状。", "86家", "全省五一劳动奖状"},
		{"honour named with 为", "命名42名个人为全市优秀工会积极分子。", "42名", "全市优秀工会积极分子"},
		{"honour won by a generic noun, title dropped", "共有17位同志荣获省级优秀工会工作者称号。", "17位", "省级优秀工会工作者"},
		{"who won the honour", "共有17家基层工会荣获省级模范职工之家称号。", "17家", "基层工会"},
		{"people ahead through 的", "表彰了26名在技能竞赛中获奖的职工。", "26名", "职工"},
		{"people ahead after a place", "资助215名来沪务工人员子女入学。", "215名", "来沪务工人员子女"},
		{"superlative before", "在各乡镇中，东河镇职工书屋藏书量最多，达到4.2万册。", "4.2万册", "东河镇职工书屋藏书量"},
		{"share written 占比", "其中女性会员占比46.2%。", "46.2%", "女性会员占比"},
		{"verb with 于 is no noun", "全市68个工会驿站数领先于周边县市。", "68个", "工会驿站数"},
		{"numeral tag on a noun", "发放慰问品1000份、大米500袋。", "500袋", "大米"},
		{"no subject in another figure's unit", "工会会员由原来的3万人增加到5万人。", "5万人", "工会会员"},
		{"verb before a noun of people", "为全市2000名快递小哥送上防暑用品。", "2000名", "快递小哥"},
		{"a delegation", "省总工会调研组一行6人来我县调研。", "6人", "省总工会调研组一行"},
		{"label line above", "表彰名单\n全省优秀工会工作者\n--12名--\n", "12名", "全省优秀工会工作者"},
		{"growth of an amount", "全年帮扶资金支出较上年增加36万元。", "36万元", "资金支出较上年增加"},
		{"measure noun takes its verb", "职工互助保障理赔金额1260万元。", "1260万元", "理赔金额"},
		{"measure noun with its nouns", "农民工入会人数为6.7万人。", "6.7万人", "农民工入会人数"},
		{"rate measure noun with its verb", "全县厂务公开覆盖率达到88%。", "88%", "全县厂务公开覆盖率"},
		{"respective growth of figures without a list", "全县共有基层工会1200个，会员总数15万人，分别比上年增长3%和5%。", "3%", "基层工会增长"},
		{"respective growth of figures without a list, second", "全县共有基层工会1200个，会员总数15万人，分别比上年增长3%和5%。", "5%", "会员总数增长"},
		{"own noun after 和", "共评出12名技术能手和40名获奖选手。", "40名", "获奖选手"},
		{"sum before a noun of money", "工会为每名困难职工送去800元慰问金。", "800元", "慰问金"},
		{"longest approximation word skipped", "全县职工工资平均增幅接近9%。", "9%", "全县职工工资平均增幅"},
		{"modal before the linking verb", "今年助学资金将达1900余万元。", "1900余万元", "助学资金"},
		{"modal before the approximation", "全年送温暖资金预计超过300万元。", "300万元", "送温暖资金"},
		{"noun of money past the figures of its unit", "中考和高考学生分别将得到3000元和4000元补助。", "3000元", "补助"},
		{"noun of money past a modifier", "为职工子女提供3000元一次性助学金和300元交通补助。", "3000元", "一次性助学金"},
		{"noun of money after a glued 和", "为职工子女提供3000元一次性助学金和300元交通补助。", "300元", "交通补助"},
		{"noun of money past a range", "违者处2万元以上、100万元以下罚款。", "2万元", "罚款"},
		{"levels listed before the noun", "全省1300家全国、省、市一级“职工书屋”示范点投入使用。", "1300家", "职工书屋示范点"},
		{"levels written together with 级", "全省建成320个省市县三级职工服务中心。", "320个", "职工服务中心"},
		{"regions written together are no levels", "全市有3个县区职工入会率超过95%。", "3个", "县区"},
		{"honour won with 获", "共有11位同志获市先进个人称号。", "11位", "市先进个人"},
		{"a fact after 的 is no subject", "企业认可拖欠职工工资9600元的事实。", "9600元", "职工工资"},
		{"a sum per year before 的 and its noun", "按4000元/年的标准予以资助。", "4000元", "标准"},
		{"status word before the noun counted", "大会表扬了35家优良工会。", "35家", "优良工会"},
		{"wages are money", "工会帮他追回了两万多元工资。", "两万多元", "工资"},
		{"thing ahead through a quoted clause and 的", "6场以“安全生产”为主题的知识竞赛在各乡镇举行。", "6场", "知识竞赛"},
		{"clause before the comma", "各乡镇开展劳动法律法规宣传，累计达86场次。", "86场次", "劳动法律法规宣传"},
		{"two verbs after a count of times", "计划每季度开展1次集中捐赠。", "1次", "集中捐赠"},
		{"per household before the sum", "送温暖慰问金每户800元。", "800元", "送温暖慰问金"},
		{"per household after a comma", "为困难职工送去慰问金，每户800元。", "800元", "慰问金"},
		{"front-line workers", "为200名一线职工免费体检。", "200名", "一线职工"},
		{"end of a change past a per-unit word", "最低工资标准由每月1800元调整到2000元。", "2000元", "最低工资标准"},
		{"subject through readings", "區(qū)總工會(huì)發(fā)放慰問金12.6萬(wàn)元。", "12.6萬(wàn)元", "慰問金"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range Extract(tt.text) {
				if m.Surface == tt.surface {
					if m.Subject != tt.want {
						t.Errorf("Extract(%q) subject of %q = %q, want %q", tt.text, tt.surface, m.Subject, tt.want)
					}
					return
				}
			}
			t.Errorf("Extract(%q): no quantity %q", tt.text, tt.surface)
		})
	}
}

// TestRunOnSentence checks that a text without sentence ends does not make
// every metric carry, and scan, the whole text.
func TestRunOnSentence(t *testing.T) {
	text := strings.Repeat("由上年的12%提高到13%，发放3元至5元", 500)
	ms := Extract(text)
	if len(ms) != 2000 {
		t.Fatalf("got %d metrics, want 2000", len(ms))
	}
	for _, m := range ms {
		if n := utf8.RuneCountInString(m.Sentence); n > 2*maxSentence+1 {
			t.Fatalf("sentence of %q at %d is %d runes, want at most %d", m.Surface, m.Offset, n, 2*maxSentence+1)
		}
	}
}

func TestBoundsAndSentence(t *testing.T) {
	text := "第一段。发放慰问金20余万元，慰问近9万名职工。"
	ms := Extract(text)
	if len(ms) != 2 {
		t.Fatalf("Extract(%q) = %d metrics, want 2", text, len(ms))
	}
	if ms[0].Low != 200000 || ms[0].High != 300000 {
		t.Errorf("20余万元 bounds = [%v, %v], want [200000, 300000]", ms[0].Low, ms[0].High)
	}
	if ms[1].High != 90000 || ms[1].Low >= 90000 {
		t.Errorf("近9万名 bounds = [%v, %v], want high 90000 and low below", ms[1].Low, ms[1].High)
	}
	if want := "发放慰问金20余万元，慰问近9万名职工。"; ms[0].Sentence != want {
		t.Errorf("sentence = %q, want %q", ms[0].Sentence, want)
	}
	if Extract("") == nil {
		t.Error("Extract(\"\") = nil, want an empty slice")
	}
}
