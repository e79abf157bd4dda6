package campaign

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/unionscope/unionscope/corpus"
)

func names(cs []corpus.Campaign) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// Every sentence here is written for this test, modelled on the genre.
func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"quoted with 活动", "全县深入开展“金秋助学”活动，资助困难学生。", []string{"金秋助学"}},
		{"quoted with 竞赛", "各企业广泛开展“安康杯”竞赛。", []string{"安康杯"}},
		{"quoted honour", "该班组被授予“工人先锋号”称号。", []string{"工人先锋号"}},
		{"quoted after verb", "市总工会开展“职工健康行”，惠及职工。", []string{"职工健康行"}},
		{"quoted list shares head", "开展“创建学习型组织、争做知识型职工”和“技能比武”活动。", []string{"创建学习型组织、争做知识型职工", "技能比武"}},
		{"list of brands", "做好“金秋助学、春风送岗、关爱劳模”三大品牌工作。", []string{"金秋助学", "春风送岗", "关爱劳模"}},
		{"honour head joined", "3名职工荣获“五一”劳动奖章。", []string{"五一劳动奖章"}},
		{"award head joined", "2家单位荣获“五一”劳动奖状。", []string{"五一劳动奖状"}},
		{"straight quotes", "3名职工荣获\"五一\"劳动奖章，开展\"送温暖\"活动。", []string{"五一劳动奖章", "送温暖"}},
		{"straight quote too long for a name", "他说\"今年我们要把帮扶工作做得更实更细更好让每一位困难职工都满意\"，并部署\"金秋助学\"活动。", []string{"金秋助学"}},
		{"trailing 行动 dropped", "开展“春雨行动”帮助农民工。", []string{"春雨"}},
		{"unquoted with 活动", "深入开展送温暖活动，走访困难职工。", []string{"送温暖"}},
		{"unquoted programme keeps 工程", "大力实施职工素质提升工程。", []string{"职工素质提升工程"}},
		{"unquoted 行动", "积极开展工资集体协商要约行动。", []string{"工资集体协商要约"}},
		{"unquoted honour", "该局曾荣获全省厂务公开先进单位称号。", []string{"全省厂务公开先进单位"}},
		{"lexicon", "推进职工书屋建设，打造职工之家。", []string{"职工书屋", "职工之家"}},
		{"traditional", "深入開展“送溫暖”活動和金秋助學活動。", []string{"送溫暖", "金秋助學"}},
		{"traditional honour", "榮獲“全國五一勞動獎章”榮譽稱號。", []string{"全國五一勞動獎章"}},
		{"slogan guideline", "认真落实“组织起来、切实维权”的工作方针。", []string{}},
		{"important thought", "以“三个代表”重要思想为指导。", []string{}},
		{"plan", "认真落实“十二五”规划。", []string{}},
		{"law", "认真贯彻《工会法》和《劳动合同法》。", []string{}},
		{"organisations", "采取“楼宇工会”、“行业工会”等形式组建工会。", []string{}},
		{"generic activity", "开展各类文体活动和慰问活动。", []string{}},
		{"goal", "努力实现“工业强县”目标。", []string{}},
		{"quote dates a known campaign", "开展“元旦春节”送温暖活动。", []string{"送温暖"}},
		{"goal after 工作", "围绕“两个提升”工作目标推进。", []string{}},
		{"programme named by its place", "全区建成“职工驿站”40个。", []string{"职工驿站"}},
		{"quoted list of honours", "评选“最美一线职工”“优秀班组长”等评比项目。", []string{"最美一线职工", "优秀班组长"}},
		{"destination takes its subject", "开展全市安全知识“进车间”活动。", []string{"安全知识“进车间”"}},
		{"honour runs to its unit", "积极创建全国“五好”基层工会。", []string{"全国“五好”基层工会"}},
		{"honour after 获评", "多人获评“金牌工匠”。", []string{"金牌工匠"}},
		{"party-wide education", "深入开展党史学习教育和“三严三实”专题教育。", []string{}},
		{"party-wide unquoted", "引导职工积极投身创先争优活动。", []string{}},
		{"theme", "举办以“匠心筑梦”为主题的职工书画展。", []string{}},
		{"theme decides every mention", "以“匠心筑梦”为主题，开展“匠心筑梦”活动。", []string{}},
		{"pinyin readings", "開展“職工暖心(xīn)”活動(dòng)。", []string{"職工暖心"}},
		{"bracketed alias", "实施圆梦助学(金秋助学)活动。", []string{"圆梦助学", "金秋助学"}},
		{"bracketed honour after a known one", "命名12个班组为全县工人先锋号(安全生产示范岗)。", []string{"工人先锋号", "安全生产示范岗"}},
		{"bracket glossing a known name", "全县建成职工之家(活动室)16个。", []string{"职工之家"}},
		{"bracket inside a name", "荣获全省十佳乡镇(街道)工会称号。", []string{"全省十佳乡镇(街道)工会"}},
		{"list of honours", "须具有市级模范职工小家或劳动关系和谐企业称号。", []string{"市级模范职工小家", "劳动关系和谐企业"}},
		{"list inside one honour", "被授予节能降耗、安全生产先进集体称号。", []string{"节能降耗、安全生产先进集体"}},
		{"honour qualifier dropped", "二级单位获得低一级别模范职工之家称号的须过半。", []string{"模范职工之家"}},
		{"honour of another body", "该站荣获全市青年文明号称号，被评为“市级文明单位”。", []string{}},
		{"epithet", "把助学作为一项“暖心工程”。", []string{}},
		{"place", "打造“职工疗休养基地”品牌。", []string{}},
		{"document", "贯彻实施“两法一条例”。", []string{}},
		{"body by its function", "发挥“一室两站”职能，“一室两站”活动有序开展。", []string{}},
		{"everyday activities", "开展集中慰问活动和节前走访慰问活动。", []string{}},
		{"too short unquoted", "开展有益活动。", []string{}},
		{"generic start and topic", "开展各种安全生产活动。", []string{}},
		{"programme of everyday words", "实施职工健康工程。", []string{"职工健康工程"}},
		{"conjoined names share the head", "开展安全生产月和职工健步走活动。", []string{"安全生产月", "职工健步走"}},
		{"quoted date of a known name", "开展“冬季送温暖”活动。", []string{"送温暖"}},
		{"quoted organiser kept", "开展“工会夏送清凉”活动。", []string{"工会夏送清凉"}},
		{"known name and its head", "大力实施送温暖工程。", []string{"送温暖"}},
		{"prize of a longer name", "剧团获得“山茶花”表演金奖。", []string{}},
		{"list ends in 等 and a modifier", "开展“学法规”、“讲安全”等主题宣传。", []string{"学法规", "讲安全"}},
		{"list with a head noun between", "举办“青工夜校”培训班、“师带徒”结对活动。", []string{"青工夜校", "师带徒"}},
		{"count of strategies", "围绕“工业强县”、“生态立县”两大战略。", []string{}},
		{"head after a modifier", "体现“惠工”创业品牌效应。", []string{"惠工"}},
		{"edition dropped", "市总工会举办第十二届职工书画大赛。", []string{"职工书画大赛"}},
		{"edition dropped in traditional script", "縣總工會舉辦第三屆職工廚藝大賽。", []string{"職工廚藝大賽"}},
		{"edition before a level", "选手将参加第六届全国职工数控技能大赛。", []string{"全国职工数控技能大赛"}},
		{"contest on a law", "组织职工参加《工会法》知识竞赛。", []string{"《工会法》知识竞赛"}},
		{"place before a known honour", "大会授予夺冠选手“滨海五一劳动奖章”。", []string{"滨海五一劳动奖章"}},
		{"bare theme", "紧扣“安全你我他”主题，组织职工开展竞赛。", []string{}},
		{"theme before a head", "开展“安全你我他”主题活动。", []string{"安全你我他"}},
		{"creating is no part of the name", "各单位开展职工书香驿站创建活动。", []string{"职工书香驿站"}},
		{"honours of other bodies", "3人获评省技术能手称号，2人获评全市巾帼建功标兵称号。", []string{}},
		{"year dropped", "启动2026年度“爱心助学”行动。", []string{"爱心助学"}},
		{"skills contest after a modifier", "举办“银扳手”技能大比武。", []string{"银扳手"}},
		{"named month", "全县把9月定为“职工安全关爱月”。", []string{"职工安全关爱月"}},
		{"named festival", "举办第二届职工文化艺术节。", []string{"职工文化艺术节"}},
		{"generic sports meet", "举办职工运动会。", []string{}},
		{"head after everyday words", "举办“金剪刀”女职工技能大赛。", []string{"金剪刀"}},
		{"head modifier dropped", "开展学雷锋主题活动和送温暖系列活动。", []string{"学雷锋", "送温暖"}},
		{"quoted after 争创", "各班组积极争创“青工标兵岗”。", []string{"青工标兵岗"}},
		{"list ends in 等 and everyday words", "开展“比技能、创一流”、“当先锋、作表率”等主题劳动竞赛。", []string{"比技能、创一流", "当先锋、作表率"}},
		{"assistance after whom it helps", "镇工会开展关爱环卫职工送温暖活动。", []string{"送温暖"}},
		{"assistance after its season", "扎实开展了中秋国庆送清凉活动。", []string{"送清凉"}},
		{"noun-led programme keeps its qualifier", "深入实施青年职工素质工程。", []string{"青年职工素质工程"}},
		{"aspect after the verb", "大力推进了企业民主管理示范工程。", []string{"企业民主管理示范工程"}},
		{"result after the verb", "开展好职工读书月活动。", []string{"职工读书月"}},
		{"particle before a quotation", "县总工会开展了“技能进万家”。", []string{"技能进万家"}},
		{"slogan ending in a body", "开展“有事找工会,维权靠工会”专项行动。", []string{"有事找工会,维权靠工会"}},
		{"list of bodies", "着力打造“服务工会、活力工会”。", []string{}},
		{"method is no law", "总结推广“五步工作法”和“精益操作法”活动。", []string{"五步工作法", "精益操作法"}},
		{"honour stops at 荣誉", "该局是全县唯一获得“省级模范职工小家”荣誉的单位。", []string{"省级模范职工小家"}},
		{"winner of a campaign", "获得全省“安康杯”优胜单位的代表受到表彰。", []string{"安康杯"}},
		{"unquoted items inside a quoted list", "开展“青工擂台赛”、岗位练兵、技术比武、“五小攻关”等活动。", []string{"青工擂台赛", "五小攻关"}},
		{"only in a document's title", "按照《关于推荐全国工人先锋号的通知》要求报送材料。", []string{}},
		{"programme of a party committee", "认真落实市委“幸福家园”工程。", []string{}},
		{"count of recipients", "授予15个单位全市厂务公开示范单位称号。", []string{"全市厂务公开示范单位"}},
		{"count of recipients before a quotation", "授予3名职工“岗位能手”称号。", []string{"岗位能手"}},
		{"named as an honour", "命名12名个人为全县优秀工会之友。", []string{"全县优秀工会之友"}},
		{"honoured as a quoted honour", "表彰了技能比赛中成绩突出的选手为“全县技术状元”,并颁发证书。", []string{"全县技术状元"}},
		{"honoured for, not as", "表彰为工会工作做出贡献的集体。", []string{}},
		{"design of a structure", "以“三级联动”为载体，建成“三级联动”的服务网络。", []string{}},
		{"list of brands with a known name", "做强送温暖、职工互助保障等服务品牌。", []string{"送温暖", "职工互助保障"}},
		{"list of brands without one", "做强职工互助保障、法律援助等服务品牌。", []string{}},
		{"workers' event without a verb", "历时两月的县第三届农民工文化节落幕。", []string{"农民工文化节"}},
		{"event of others", "全市第十届中学生运动会开幕。", []string{}},
		{"sports meet after its year", "2016年第五届全市职工运动会闭幕。", []string{"全市职工运动会"}},
		{"short head inside a longer name", "不断拓展重点工程立功竞赛活动覆盖面。", []string{"重点工程立功竞赛"}},
		{"slogan of clauses ending in a body", "推行“遇事找工会、维权靠工会”服务。", []string{"遇事找工会、维权靠工会"}},
		{"quoted before an everyday activity and its head", "组织“我为安全献一计”合理化建议活动。", []string{"我为安全献一计"}},
		{"everyday activity unquoted", "广泛开展合理化建议和技术革新活动。", []string{}},
		{"known name with a modifier and a head", "深入开展安康杯知识竞赛活动。", []string{"安康杯"}},
		{"known name with everyday words and a head", "启动金秋助学志愿服务活动。", []string{"金秋助学"}},
		{"quoted items before 等", "镇工会擦亮“送温暖、结对助学、法律进村”等服务品牌。", []string{"送温暖", "结对助学", "法律进村"}},
		{"quoted items without 等, one known", "开展了“金秋助学、书香伴成长”活动。", []string{"金秋助学、书香伴成长", "金秋助学"}},
		{"quoted items without 等, none known", "开展了“书香伴成长、技能促就业”活动。", []string{"书香伴成长、技能促就业"}},
		{"quotation names the contest after its scope", "全市“奋战一百天”百万职工劳动和技能竞赛启动。", []string{"奋战一百天"}},
		{"quotation and a contest in another clause", "喊出“奋战一百天”口号的工地，劳动竞赛随即启动。", []string{}},
		{"contest after its year", "“匠心向未来”2026年全省职工职业技能大赛开赛。", []string{"匠心向未来"}},
		{"counts in a list of honours", "选树命名30个“安全示范岗”、15名“节能标兵”和6家“创新示范企业”。", []string{"安全示范岗", "节能标兵", "创新示范企业"}},
		{"count between the verb and a quotation", "县总工会命名了8名“技术革新能手”。", []string{"技术革新能手"}},
		{"kinds, not names", "活动分为“集中疗养活动”和“分散休养活动”两类。", []string{}},
		{"rest and recuperation is everyday", "县总工会分批组织开展职工(劳模)疗休养活动。", []string{}},
		{"room for nursing mothers", "镇工会标准化“职工爱心母婴室”投入使用。", []string{"职工爱心母婴室"}},
		{"what a place becomes", "让驿站成为户外劳动者的“暖心之家”。", []string{}},
		{"list of a selection", "市总工会公布2026年度“最美护工”名单。", []string{"最美护工"}},
		{"quotation modifies the verb's object", "女职工踊跃参加“三高”筛查，反响良好。", []string{}},
		{"quotation before an object that is an activity", "县总工会开展“情暖万家”新春系列活动。", []string{"情暖万家"}},
		{"quotation before an object with a known name", "开展“爱心暖寒冬”节前送温暖。", []string{"爱心暖寒冬", "送温暖"}},
		{"programme of study grants", "市总工会启动农民工求学圆梦行动。", []string{"农民工求学圆梦"}},
		{"getting to study is no programme", "助学金帮助职工子女求学圆梦。", []string{}},
		{"named day", "车间工会设立“班组长谈心接待日”。", []string{"班组长谈心接待日"}},
		{"honour after 获", "3名职工获全县节能标兵称号。", []string{"全县节能标兵"}},
		{"获 without 称号", "3名职工获全县节能竞赛一等奖。", []string{}},
		{"name opened by a quotation ending in +", "县总工会推进“互联网+”职工普惠行动。", []string{"互联网+职工普惠"}},
		{"quotation ending in + without a head", "县总工会运用“互联网+”信息化手段服务职工。", []string{}},
		{"named carnival", "“职工维权嘉年华”周六在广场举行。", []string{"职工维权嘉年华"}},
		{"known name across a gloss", "全市已建成劳模(工匠)创新工作室12个。", []string{"劳模(工匠)创新工作室"}},
		{"bracket after a known word only", "全市已建成劳模(工匠)活动室12个。", []string{}},
		{"names sharing a later head after a kept one", "广泛开展各种形式的劳动竞赛和职工创新创效活动。", []string{"职工创新创效"}},
		{"kept head before a join, no later head", "大力实施职工素质提升工程和帮扶救助，成效明显。", []string{"职工素质提升工程"}},
		{"plan after a head", "启动集体协商三年行动计划。", []string{}},
		{"caring for migrant workers is everyday", "各级工会扎实开展关爱服务农民工活动。", []string{}},
		{"order of first mention", "开展“安康杯”竞赛。深入开展送温暖活动，送温暖资金到位。", []string{"安康杯", "送温暖"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(Extract(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractCounts(t *testing.T) {
	text := "开展“送温暖”活动。送温暖资金全部到位。送溫暖覆盖全市。"
	got := Extract(text)
	want := []corpus.Campaign{{Name: "送温暖", Key: "送温暖", Count: 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Extract(%q) mismatch (-want +got):\n%s", text, diff)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"送溫暖", "送温暖"},
		{"“送温暖”活动", "送温暖"},
		{" 春雨 行动 ", "春雨"},
		{"活动", "活动"},
		{"面对面，心贴心", "面对面,心贴心"},
		{"《工会法》", "工会法"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"深入開展“送溫暖”活動和金秋助學活動。",
		"做好“金秋助学、春风送岗、关爱劳模”三大品牌工作。",
		"“", "”", "“”活动", "开展活动", "荣获称号", "\n维权工程\n", "\xff“a”活动",
		"开展全县法律知识“进工地”活动。", "开展“職工暖心(xīn)”活動(dòng)。", "实施圆梦助学(金秋助学)活动。",
		"须具有市级模范职工小家或劳动关系和谐企业称号。", "举办第(二)届“”大赛", "第十届", "2026年度活动",
		"开展“比技能、创一流”、“当先锋”等主题劳动竞赛。", "以“匠心”为主题，“匠心”活动。",
		"开展“互联网+”职工普惠行动。", "巩固“送温暖、助学”等品牌。", "命名8个“A岗”、6名“B”。",
		"“奋进”2026年职工技能大赛", "参加“三高”筛查。", "分为“甲活动”和“乙活动”两类。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cs := Extract(text)
		if cs == nil {
			t.Fatal("Extract returned nil")
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if !utf8.ValidString(c.Name) || c.Count < 1 || Normalize(c.Name) == "" {
				t.Fatalf("bad campaign %+v", c)
			}
			// A name across quotes (安全知识“进工地”) holds them inside;
			// none is wrapped in them.
			if strings.HasPrefix(c.Name, "“") || strings.HasSuffix(c.Name, "”") && !strings.Contains(c.Name, "“") {
				t.Fatalf("quotes around %q", c.Name)
			}
			k := Normalize(c.Name)
			if seen[k] {
				t.Fatalf("campaign %q listed twice", k)
			}
			seen[k] = true
			if Normalize(k) != k {
				t.Fatalf("Normalize not idempotent on %q", c.Name)
			}
		}
	})
}

const benchText = `今年以来，县总工会深入开展“送温暖”活动和金秋助学活动，积极开展工资集体协商要约行动，广泛开展“安康杯”竞赛和“工人先锋号”创建活动。大力实施职工素质提升工程，推进职工书屋建设，3个班组荣获“五一”劳动奖章，认真落实“组织起来、切实维权”的工作方针。`

func BenchmarkExtract(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		if cs := Extract(benchText); len(cs) != 8 {
			b.Fatalf("Extract found %d campaigns %v, want 8", len(cs), names(cs))
		}
	}
}
