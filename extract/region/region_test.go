package region

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		title string
		body  []string
		more  []string
		want  corpus.Region
	}{
		{"county in title", "巴中市巴州区总工会2010年工作总结", []string{"全区各级工会认真开展工作。", "巴州区共收到职工建议405条。"}, nil,
			corpus.Region{Province: "四川省", City: "巴中市", County: "巴州区"}},
		{"prefecture not its city", "新疆昌吉回族自治州总工会工作纪", []string{"昌吉回族自治州辖五县三市。", "昌吉自治州各级工会积极开展工作。"}, nil,
			corpus.Region{Province: "新疆维吾尔自治区", City: "昌吉回族自治州"}},
		{"traditional script and short name", "在區總工會全委會議上的講話", []string{"構建和諧海陵。", "結合海陵實際。", "貫徹《江蘇省集體合同條例》。", "為海陵加快發展再立新功。"}, nil,
			corpus.Region{Province: "江苏省", City: "泰州市", County: "海陵区"}},
		{"name of its day", "在姜堰市總工會全委擴大會上的講話", []string{"促進姜堰經濟持續發展。"}, nil,
			corpus.Region{Province: "江苏省", City: "泰州市", County: "姜堰市"}},
		{"province only", "全委会上的讲话", []string{"构建和谐四川。", "四川省总工会。", "实现四川发展新跨越。"}, nil,
			corpus.Region{Province: "四川省"}},
		{"one passing mention", "全委会上的讲话", []string{"今年工作很好。", "继续努力。", "组织职工参加福建省职工运动会。"}, nil,
			corpus.Region{}},
		{"common word is no place", "工会工作要点", []string{"维护社会长治久安。", "开展安康杯竞赛。", "开展安康杯竞赛。"}, nil,
			corpus.Region{}},
		{"a city paper's own short name in its dateline", "我市工会开展金秋助学活动", []string{"苏报讯（记者 王林）昨天，市总工会金秋助学活动启动。"}, nil,
			corpus.Region{Province: "江苏省", City: "苏州市"}},
		{"a district named in a city paper's report", "", []string{"据青松日报报道 近日，思明区快递员联合工会成立，首批入会的快递员有了娘家。厦门工会服务新业态劳动者走在前列。", "快递员小郑收到了来自思明区总工会的入会礼包。", "思明区总工会还推出五项服务。"}, nil,
			corpus.Region{Province: "福建省", City: "厦门市", County: "思明区"}},
		{"a city paper's name weighs not against the district it reports on", "", []string{"据厦门日报报道 近日，思明区快递员联合工会成立，首批入会的快递员有了娘家。厦门工会服务新业态劳动者走在前列。", "思明区总工会为入会的快递员送上礼包。", "思明区总工会还推出五项服务。"}, nil,
			corpus.Region{Province: "福建省", City: "厦门市", County: "思明区"}},
		{"words that hold county names", "", []string{"全市工会开展帮扶解困送温暖、情系职工惠民生活动，宣讲党和政府的政策，在“六大兴市计划”中发挥主力军作用。"}, nil, corpus.Region{}},
		{"a county paper named by its county", "县总工会举行助学金发放仪式", []string{"8月26日，县总工会举行金秋助学金发放仪式，为31名困难职工子女发放助学金。"}, []string{"青田今报"},
			corpus.Region{Province: "浙江省", City: "丽水市", County: "青田县"}},
		{"a county-level city the province governs", "", []string{"仙桃日报讯 近日，仙桃市总工会为困难职工送去慰问金。"}, nil,
			corpus.Region{Province: "湖北省", County: "仙桃市"}},
		{"a district named in its city union's portal", "", []string{"梧州工会网讯 1月，万秀区总工会开展春节送温暖慰问活动。", "今年，我会为困难职工争取到帮扶资金20多万元。"}, nil,
			corpus.Region{Province: "广西壮族自治区", City: "梧州市", County: "万秀区"}},
		{"Macau's federation by its short name", "工联总会慰问基层工友", []string{"工联总会常青活动中心日前举办会员活动，近百名会员出席。", "工联总会表示，将继续关心基层工友的生活。"}, nil,
			corpus.Region{Province: "澳门特别行政区"}},
		{"guests are no city", "在职工服务中心落成典礼上的讲话", []string{"尊敬的各位来宾，同志们：", "全县各级工会要以此为起点。"}, nil, corpus.Region{}},
		{"short county needs its city", "工作总结", []string{"开展和平共处活动。", "和平和平。"}, nil, corpus.Region{}},
		{"municipality district has no city", "朝阳区总工会召开全委会", []string{"北京市朝阳区总工会近日召开全委会。"}, nil,
			corpus.Region{Province: "北京市", County: "朝阳区"}},
		{"reporting unit in the lead", "节前慰问送温暖", []string{"春节前夕，阿瓦提县总工会走访慰问环卫工人四十名，送去米面油。"}, nil,
			corpus.Region{Province: "新疆维吾尔自治区", City: "阿克苏地区", County: "阿瓦提县"}},
		{"pinyin readings", "", []string{"衡陽(yáng)市雁峰區(qū)總工會(huì)第三次代表大會(huì)開幕，代表一百二十名。"}, nil,
			corpus.Region{Province: "湖南省", City: "衡阳市", County: "雁峰区"}},
		{"own place does not rescue a passing mention", "在劳模表彰大会上的讲话", []string{"同志们：", "今天我们表彰全县的劳动模范。", "全县职工踊跃参加福建省职工运动会。"}, nil,
			corpus.Region{}},
		{"own county named in passing", "在劳模表彰大会上的讲话", []string{"同志们：", "今天我们表彰为我县发展作出贡献的劳动模范，祝贺荣获山东省劳模和滨州市劳模的同志。", "去年全县生产总值增长百分之九，阳信发展势头良好。", "全县职工要再立新功，阳信的明天更美好。"}, nil,
			corpus.Region{Province: "山东省", City: "滨州市", County: "阳信县"}},
		{"own province over the honoured", "全省十家单位获全国五一劳动奖状", []string{"本报讯 全省共有十家单位获奖。", "获奖单位有郑州恒远精密机械有限公司、洛阳青松重工集团、河南省某某研究院等。"}, nil,
			corpus.Region{Province: "河南省"}},
		{"own prefecture over the site's county", "州总工会开展金秋助学", []string{"香格里拉网讯 州总工会为全州三十名困难学子发放助学金。", "迪庆州人大常委会副主任、州总工会主席出席仪式。"}, []string{"香格里拉网"},
			corpus.Region{Province: "云南省", City: "迪庆藏族自治州"}},
		{"autonomous region calls itself 全区", "全区工会送温暖启动", []string{"全区工会送温暖活动启动，自治区、呼和浩特市两级工会为困难劳模送去慰问金。"}, nil,
			corpus.Region{Province: "内蒙古自治区"}},
		{"outlet stands for its province", "全省工会服务大局", []string{"五年来，全省工会主动融入发展大局。", "各级工会组织职工立功竞赛。"}, []string{"", "东南网"},
			corpus.Region{Province: "福建省"}},
		{"old suffix", "县总工会发放送温暖慰问金", []string{"县总工会为全县困难职工发放慰问金。", "我县在青海省西宁市湟中区位置的鲁沙尔片区设立服务站。", "湟中职工感谢县总工会。"}, nil,
			corpus.Region{Province: "青海省", City: "西宁市", County: "湟中区"}},
		{"old suffix from a short name", "县总工会发放送温暖慰问金", []string{"县总工会为全县困难职工发放慰问金。", "青海省西宁市领导肯定湟中工会工作。", "湟中职工感谢县总工会。"}, nil,
			corpus.Region{Province: "青海省", City: "西宁市", County: "湟中县"}},
		{"autonomous county by its plain suffix", "巍山县总工会开展金秋助学", []string{"大理州巍山县总工会为二十名学子发放助学金。"}, nil,
			corpus.Region{Province: "云南省", City: "大理白族自治州", County: "巍山彝族回族自治县"}},
		{"company seat", "", []string{"深圳华腾电子科技有限公司向西宁市城中区困难职工捐款，城中区总工会接收捐款。"}, nil,
			corpus.Region{Province: "青海省", City: "西宁市", County: "城中区"}},
		{"visitor", "调研职工书屋建设", []string{"四川省总工会调研组莅临我县，察看职工书屋。", "阳新县总工会汇报了工作，阳新职工书屋已建成一百家。"}, []string{"阳新县总工会"},
			corpus.Region{Province: "湖北省", City: "黄石市", County: "阳新县"}},
		{"a branch works where it is", "", []string{"国网阿克苏供电分公司工会为全市一线职工送清凉，三百名职工受益。"}, nil,
			corpus.Region{Province: "新疆维吾尔自治区", City: "阿克苏地区"}},
		{"own unit goes about its ground", "", []string{"阿瓦提县总工会深入到我县各企业走访，慰问职工三百名。"}, nil,
			corpus.Region{Province: "新疆维吾尔自治区", City: "阿克苏地区", County: "阿瓦提县"}},
		{"city over its county-level cities", "泉州市总工会召开全委会", []string{"全市各级工会代表参加会议。", "晋江市总工会、石狮市总工会、南安市总工会作交流发言。"}, nil,
			corpus.Region{Province: "福建省", City: "泉州市"}},
		{"county-level city calls itself 市", "", []string{"彬州市总工会开展暖冬慰问，市人大常委会副主任参加。", "全市共慰问户外劳动者二百人。"}, nil,
			corpus.Region{Province: "陕西省", City: "咸阳市", County: "彬州市"}},
		{"national aid to one place", "全国总工会慰问灾区职工", []string{"全国总工会今天向我国受灾地区职工捐款，全国各级工会踊跃参与。", "捐款将送到四川省汶川县，汶川县总工会负责发放。", "汶川职工感谢全国职工。"}, nil,
			corpus.Region{Province: "四川省", City: "阿坝藏族羌族自治州", County: "汶川县"}},
		{"taiwan's nation is its province", "", []string{"全國勞工團體今日集會，全國各地勞工代表出席，臺北市代表發言。", "全國總工會呼籲調薪，臺北市勞動局回應。"}, nil,
			corpus.Region{Province: "台湾省"}},
		{"local story with a national aside", "", []string{"南宁临床用血进入紧张阶段，寒假是全国的献血淡季。", "南宁献血办呼吁市民献血，南宁各献血点发放纪念品。"}, []string{"南宁新闻网"},
			corpus.Region{Province: "广西壮族自治区", City: "南宁市"}},
		{"local story with national honours", "", []string{"全省九家单位获全国五一劳动奖状，全国五一劳动奖章和全国工人先锋号也有多人获得。", "河南省总工会表示祝贺。"}, nil,
			corpus.Region{Province: "河南省"}},
		{"home province", "", []string{"来自四川省的农民工在东莞市领到了工会送的返乡车票，东莞市总工会今年送出车票两千张。"}, nil,
			corpus.Region{Province: "广东省", City: "东莞市"}},
		{"taiwan district", "", []string{"臺北市大安區公所今日為區內勞工舉辦講座，臺北市勞動局派員列席。"}, nil,
			corpus.Region{Province: "台湾省", City: "台北市", County: "大安区"}},
		{"taiwan county", "高雄市產業總工會舉辦勞工節表揚", []string{"高雄市產業總工會今年表揚模範勞工三十人。"}, nil,
			corpus.Region{Province: "台湾省", City: "高雄市"}},
		{"one of a list is not the place", "春節步道走春", []string{"全區十五條步道分布在宜蘭、臺北、桃園、新竹、苗栗、臺中、彰化、南投、雲林、嘉義、臺南、高雄、屏東、臺東、花蓮。", "臺中清水步道適合全家。"}, nil,
			corpus.Region{Province: "台湾省"}},
		{"a nickname's city", "", []string{"江城市总工会在全市建筑工地开办农民工夜校，江城各区工会承办。"}, nil,
			corpus.Region{}},
		{"acting county head", "", []string{"代县长王某出席全县职工运动会，县总工会主席致辞。"}, nil,
			corpus.Region{}},
		{"a new county seat", "", []string{"为建设富裕和谐新县城作出更大的贡献，新县长到任。"}, nil,
			corpus.Region{}},
		{"shared district needs its city", "鼓楼区总工会召开全委会", []string{"福州市鼓楼区总工会召开第三届全委会。"}, nil,
			corpus.Region{Province: "福建省", City: "福州市", County: "鼓楼区"}},
		{"shared district alone", "鼓楼区总工会召开全委会", []string{"区总工会召开第三届全委会。"}, nil,
			corpus.Region{}},
		{"newspaper names the city", "模范职工之家推荐工作开始", []string{"本报讯 记者从市总工会获悉，根据河南省总工会的通知，市总工会将推荐一批模范职工之家。"}, []string{"平顶山日报"},
			corpus.Region{Province: "河南省", City: "平顶山市"}},
		{"dateline", "", []string{"新华社太原1月5日电 记者从有关部门获悉，今年全市送温暖资金已发放。"}, nil,
			corpus.Region{Province: "山西省", City: "太原市"}},
		{"a town of one name", "枫桥镇总工会开展夏送清凉", []string{"枫桥镇总工会为全镇五十名环卫工人送去绿豆汤和毛巾。"}, nil,
			corpus.Region{Province: "浙江省", City: "绍兴市", County: "诸暨市"}},
		{"a shared town settled by its province", "", []string{"浙江省总工会调研组来到西塘镇，察看镇总工会的职工驿站。", "西塘镇工会已建驿站六个。"}, nil,
			corpus.Region{Province: "浙江省", City: "嘉兴市", County: "嘉善县"}},
		{"a shared town alone", "西塘镇工会举办职工趣味运动会", []string{"西塘镇工会举办职工趣味运动会，全镇二百名职工参加。"}, nil,
			corpus.Region{}},
		{"a town in another province is another town's", "江苏省总工会慰问一线职工", []string{"江苏省总工会慰问组来到枫桥镇一家纺织企业，送去慰问品。"}, nil,
			corpus.Region{Province: "江苏省"}},
		{"a settled town settles its neighbour", "", []string{"木渎镇工会和胥口镇工会联合举办职工篮球赛，两镇十六支球队参赛。"}, nil,
			corpus.Region{Province: "江苏省", City: "苏州市", County: "吴中区"}},
		{"two shared towns of one county", "", []string{"阎村镇工会与石楼镇工会签订结对协议，两镇职工互学互助。"}, nil,
			corpus.Region{Province: "北京市", County: "房山区"}},
		{"a county before its town counts once", "", []string{"全县职工大会在诸暨市枫桥镇召开，县总工会主席作报告。"}, nil,
			corpus.Region{Province: "浙江省", City: "绍兴市", County: "诸暨市"}},
		{"villages are no town", "", []string{"全县推进城西乡村振兴，县总工会组织职工志愿服务。"}, nil,
			corpus.Region{}},
		{"a common word is no town", "", []string{"县总工会参与小城镇建设，组织职工开展劳动竞赛。"}, nil,
			corpus.Region{}},
		{"a local portal's common-word name", "", []string{"长治新闻网讯 市总工会为全市三百名环卫工人送去防暑用品。"}, []string{"长治新闻网"},
			corpus.Region{Province: "山西省", City: "长治市"}},
		{"a national paper's common-word name", "", []string{"光明日报讯 记者从有关部门获悉，全国职工书屋已建成十万家。"}, []string{"光明日报"},
			corpus.Region{}},
		{"a county-level city's paper", "市总工会开展送清凉", []string{"市总工会为全市一线职工送去清凉，慰问职工一千人。"}, []string{"晋江日报"},
			corpus.Region{Province: "福建省", City: "泉州市", County: "晋江市"}},
		{"a county-level city's short name and its 全市", "在市总工会全委会上的讲话", []string{"同志们：", "今年全市各级工会围绕市委中心工作，为建设美丽昆山贡献力量。", "全市职工要再立新功。"}, nil,
			corpus.Region{Province: "江苏省", City: "苏州市", County: "昆山市"}},
		{"a short name that reads as a word", "在县总工会全委会上的讲话", []string{"同志们：", "今年全县各级工会深化医疗互助，推进职工书屋建设。", "全县职工同心协力再立新功。"}, nil,
			corpus.Region{}},
		{"the one division of its level named in full", "在市总工会全委会上的讲话", []string{"同志们：", "一年来，全市各级工会在市委领导下开展工作。", "全市职工踊跃参加技能竞赛。", "市总工会表彰三十名余姚市技术能手。"}, nil,
			corpus.Region{Province: "浙江省", City: "宁波市", County: "余姚市"}},
		{"a variant character", "", []string{"陜西省總工會為全省困難職工發放慰問金。"}, nil,
			corpus.Region{Province: "陕西省"}},
		{"a company's union and no other place", "郑州恒远精密机械有限公司工会举办职工运动会", []string{"公司工会组织八百名职工参加十二个项目的比赛。"}, nil,
			corpus.Region{Province: "河南省", City: "郑州市"}},
		{"a dateline's short name", "", []string{"本报晋江讯 市总工会为一线职工送去清凉。"}, nil,
			corpus.Region{Province: "福建省", City: "泉州市", County: "晋江市"}},
		{"a short name opening its union's", "昆山总工会开展金秋助学", []string{"为八十名困难职工子女发放助学金。"}, nil,
			corpus.Region{Province: "江苏省", City: "苏州市", County: "昆山市"}},
		{"a town by the suffix of its day", "", []string{"木渎乡总工会为全乡二百名困难职工发放慰问金。"}, nil,
			corpus.Region{Province: "江苏省", City: "苏州市", County: "吴中区"}},
		{"a nickname", "冰城工会夏送清凉", []string{"冰城各级工会为户外劳动者送去防暑用品一万份。"}, nil,
			corpus.Region{Province: "黑龙江省", City: "哈尔滨市"}},
		{"a city's paper", "", []string{"记者从市总工会获悉，全市今年为一线职工送清凉三万人次。"}, []string{"金陵晚报"},
			corpus.Region{Province: "江苏省", City: "南京市"}},
		{"a Hong Kong federation by its short name", "職工盟遊行爭取集體談判權", []string{"職工盟發起遊行，要求企業明年加薪。"}, nil,
			corpus.Region{Province: "香港特别行政区"}},
		{"a Taiwan district named like a word needs its city", "", []string{"數百名市民下午在公園集會，然後遊行至中區政府總部。"}, nil,
			corpus.Region{}},
		{"a way of working is no Corps", "", []string{"县总工会采取大兵团作战方式，组织职工开展劳动竞赛。"}, nil,
			corpus.Region{}},
		{"publisher is the unit", "11 个县(市、区)总工会", []string{"市总工会领导班子分别联系全市各县总工会。"}, []string{"", "乐山市总工会"},
			corpus.Region{Province: "四川省", City: "乐山市"}},
	}
	for _, tt := range tests {
		if got := Detect(tt.title, tt.body, tt.more...); got != tt.want {
			t.Errorf("%s: Detect = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestRules checks every region rule's examples, and that switching the
// rule off changes what Detect makes of its Accept example (a document with
// no title whose paragraphs are the example's lines).
func TestRules(t *testing.T) {
	for _, msg := range rule.Check("region.") {
		t.Error(msg)
	}
	for _, r := range rule.All() {
		if !strings.HasPrefix(r.Name, "region.") {
			continue
		}
		on := Detect("", strings.Split(r.Accept, "\n"))
		if err := rule.SetOff([]string{r.Name}); err != nil {
			t.Fatal(err)
		}
		off := Detect("", strings.Split(r.Accept, "\n"))
		if err := rule.SetOff(nil); err != nil {
			t.Fatal(err)
		}
		if on == off {
			t.Errorf("%s: Detect(%q) = %+v with the rule on and off", r.Name, r.Accept, on)
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
		"巍山彝族回族自治县":  "巍山",
	}
	for in, want := range tests {
		if got := stripName(in); got != want {
			t.Errorf("stripName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSelfClass(t *testing.T) {
	tests := map[string]selfClass{
		"全县各级工会，我县职工":  selfCounty,
		"县总工会为困难职工送温暖": selfCounty,
		"走在全市前列，全县职工":  selfCounty,
		"全省各级工会":       selfProvince,
		"本市职工，市总工会":    selfCity,
		"全国总工会，全市场化":   selfNone,
		"阿瓦提县总工会召开会议":  selfNone,
		"全镇建会企业四十家":    selfTown,
		"州总工会主席，全州职工":  selfPrefecture,
		"全区工会，自治区总工会":  selfRegion,
		"本区域内的企业":      selfNone,
		"争取省、市总工会的慰问金": selfNone,
	}
	for in, want := range tests {
		if got := examineSelf(in).class(); got != want {
			t.Errorf("class(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestGazetteer checks the tree's shape where Detect leans on it.
func TestGazetteer(t *testing.T) {
	buildOnce.Do(build)
	tests := []struct{ name, parent string }{
		{"大安区", "台北市"}, {"台北市", "台湾省"}, {"竹北市", "新竹县"}, {"宜秀区", "安庆市"}, {"阿瓦提县", "阿克苏地区"},
	}
	for _, tt := range tests {
		a := aliases[tt.name]
		found := false
		for _, e := range a.entriesOrNone() {
			if p := entries[e].parent; p >= 0 && entries[p].name == tt.parent {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not under %s", tt.name, tt.parent)
		}
	}
	for name, prov := range outlets {
		a := aliases[zh.Fold(name)]
		if a == nil || !a.outlet || entries[a.entries[0]].name != prov {
			t.Errorf("outlet %s does not stand for %s", name, prov)
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
		"东南网讯 臺北市大安區",
		"花莲十三乡镇市，医师邱南昌指出",
		"镇党委和县总工会，代县长，在和县",
		"诸暨市枫桥镇，城西乡村，十三乡镇，小城镇，木渎镇和胥口镇",
		"木渎乡和胥口乡的职工，城关乡，城关镇，阎村乡",
		"",
		"市",
	}
	for _, text := range texts {
		f := zh.Fold(text)
		if got, want := scan(f, 1, fromLead, nil), scanEverywhere(f); !reflect.DeepEqual(got, want) {
			t.Errorf("scan(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// scanEverywhere is scan without its filters: at each position the
// longest alias or town name, a town's only where no longer alias is.
func scanEverywhere(folded string) []mention {
	var ms []mention
	rs := []rune(folded)
	prevEnd := -1
	for i := 0; i+1 < len(rs); {
		found := 0
		for n := min(max(maxAlias, towns.maxRunes), len(rs)-i); n >= 2; n-- {
			name := string(rs[i : i+n])
			a := aliases[name]
			if n > maxAlias || a == nil || !names(a, rs, i, i+n) {
				a = nil
				if codes, ok := towns.lookupOrOld(name); ok && townAt(rs, i, i+n) {
					a = townAlias(codes)
				}
			}
			if a == nil {
				continue
			}
			if prevEnd == i {
				ms[len(ms)-1].next = len(ms)
			}
			m := mention{al: a, weight: 1, form: name, src: fromLead, pos: i, next: -1}
			classify(&m, rs, i, i+n)
			ms = append(ms, m)
			prevEnd, found = i+n, n
			break
		}
		i += max(found, 1)
	}
	return ms
}

// lookup finds a town's name by binary search.
func (t *townIndex) lookup(name string) (string, bool) {
	k := sort.Search(len(t.lines), func(k int) bool {
		n, _ := t.line(k)
		return n >= name
	})
	if k < len(t.lines) {
		if n, codes := t.line(k); n == name {
			return codes, true
		}
	}
	return "", false
}

// lookupOrOld finds a town by its name, or else by the names it may have
// today if name has an older suffix.
func (t *townIndex) lookupOrOld(name string) (string, bool) {
	if codes, ok := t.lookup(name); ok {
		return codes, true
	}
	var newer []string
	for suf, olds := range olderSuffixes {
		for _, o := range olds {
			if base, ok := strings.CutSuffix(name, o); ok && len([]rune(base)) >= 2 {
				newer = append(newer, base+suf)
			}
		}
	}
	sort.Strings(newer)
	var all []string
	for _, n := range newer {
		if codes, ok := t.lookup(n); ok {
			all = append(all, codes)
		}
	}
	return strings.Join(all, ","), len(all) > 0
}

// TestTowns checks the town list: sorted for the binary search, names
// folded as the scanned text is, every code a county of the gazetteer.
func TestTowns(t *testing.T) {
	buildOnce.Do(build)
	if len(towns.lines) < 30000 {
		t.Fatalf("%d town names, want the whole town level", len(towns.lines))
	}
	prev := ""
	for i := range towns.lines {
		name, codes := towns.line(i)
		if name <= prev {
			t.Fatalf("town %q after %q: not sorted", name, prev)
		}
		prev = name
		if zh.Fold(name) != name {
			t.Errorf("town %q is not folded (%q): regenerate towns.deflate", name, zh.Fold(name))
		}
		a := townAlias(codes)
		if len(a.entries) != strings.Count(codes, ",")+1 {
			t.Errorf("town %q: codes %s name no county of the gazetteer", name, codes)
		}
		for _, e := range a.entries {
			if entries[e].level != 3 {
				t.Errorf("town %q: %s is no county", name, entries[e].name)
			}
		}
	}
	if _, err := unpackTowns([]byte("not deflate")); err == nil {
		t.Error("unpackTowns took bytes that are no town list")
	}
}

func (a *alias) entriesOrNone() []int {
	if a == nil {
		return nil
	}
	return a.entries
}

func FuzzDetect(f *testing.F) {
	f.Add("县总工会举行送温暖仪式", "阿瓦提县总工会为全县职工送温暖。\n臺北市大安區公所(qū)", "东南网")
	f.Add("", "和县(hé)代县长\n十三乡镇", "")
	f.Fuzz(func(t *testing.T, title, body, more string) {
		r := Detect(title, strings.Split(body, "\n"), more)
		if r.County != "" && r.Province == "" || r.City != "" && r.Province == "" {
			t.Errorf("Detect(%q, %q, %q) = %+v: a city or county without its province", title, body, more, r)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	body := strings.Split(strings.Repeat("春节前夕，阿瓦提县总工会走访慰问环卫工人四十名，为全县困难职工送去米面油和慰问金十二万元。\n", 40), "\n")
	for b.Loop() {
		Detect("县总工会举行送温暖慰问金发放仪式", body, "阿瓦提县总工会", "清风网")
	}
}
