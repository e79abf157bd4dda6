package synth

import (
	"bytes"
	"fmt"
	"strings"
)

// The genre's vocabulary, which the generator combines at random: real
// place names, invented people.
func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

var (
	provinces = []string{"四川省", "河南省", "湖北省", "江西省", "甘肃省", "贵州省", "山东省", "广西壮族自治区", "安徽省", "湖南省"}
	cities    = []string{"巴中市", "南充市", "信阳市", "襄阳市", "赣州市", "天水市", "遵义市", "临沂市", "桂林市", "六安市", "岳阳市", "达州市", "绵阳市", "宜宾市"}
	counties  = []string{"平昌县", "通江县", "南江县", "恩阳区", "仪陇县", "营山县", "光山县", "商城县", "谷城县", "于都县", "瑞金市", "秦安县", "湄潭县", "沂南县", "阳朔县", "金寨县", "平江县", "宣汉县", "江油市", "屏山县"}
	campaigns = []string{"送温暖", "金秋助学", "农民工平安返乡", "职工之家建设", "劳动竞赛", "困难职工帮扶", "工资集体协商", "安康杯竞赛", "女职工关爱行动", "职工技能大赛", "夏送清凉", "春风行动", "职工书屋", "普惠制服务"}
	leaders   = []string{"王建国", "李红梅", "张志强", "刘晓燕", "陈永明", "杨秀英", "赵德胜", "黄丽华", "周海涛", "吴春花"}
	titlesOf  = []string{"主席", "常务副主席", "副主席", "党组书记", "县委副书记"}
	verbs     = []string{"深入开展", "扎实推进", "认真组织", "广泛开展", "持续深化", "全面落实", "大力实施"}
	groups    = []string{"困难职工", "农民工", "一线职工", "女职工", "劳动模范", "环卫工人", "建筑工人", "快递小哥", "货车司机", "留守儿童"}
	units     = []string{"企业", "机关事业单位", "非公企业", "乡镇", "社区", "园区", "村"}
)

// sample draws k distinct items of xs.
func (g *Generator) sample(xs []string, k int) []string {
	out := make([]string, 0, k)
	for _, i := range g.r.Perm(len(xs))[:k] {
		out = append(out, xs[i])
	}
	return out
}

func (g *Generator) place() string {
	switch g.r.IntN(3) {
	case 0:
		return g.pick(provinces)
	case 1:
		return g.pick(cities)
	}
	return g.pick(counties)
}

func (g *Generator) money() string {
	var q Quantity
	switch g.r.IntN(3) {
	case 0:
		a := 1 + g.r.IntN(900)
		b := g.r.IntN(10)
		q = Quantity{Value: float64(a*10+b) * 1000, Surface: fmt.Sprintf("%d.%d万元", a, b)}
	case 1:
		a := 1 + g.r.IntN(3000)
		q = Quantity{Value: float64(a) * 10000, Surface: fmt.Sprintf("%d万元", a)}
	default:
		a := 100 + g.r.IntN(99000)
		q = Quantity{Value: float64(a), Surface: fmt.Sprintf("%d元", a)}
	}
	q.Category, q.Unit = "funds", "元"
	g.quantities = append(g.quantities, q)
	return q.Surface
}

// countUnits are the measure words count draws, with the category of
// what each counts: people, or households, units and other things.
var countUnits = []string{"人", "人次", "户", "名", "家", "个"}

func (g *Generator) count() string {
	n := 2 + g.r.IntN(9000)
	unit := g.pick(countUnits)
	q := Quantity{Category: "count", Value: float64(n), Unit: unit, Surface: fmt.Sprintf("%d%s", n, unit)}
	if unit == "人" || unit == "人次" || unit == "名" {
		q.Category = "people"
	}
	g.quantities = append(g.quantities, q)
	return q.Surface
}

func (g *Generator) pct() string {
	a := 50 + g.r.IntN(50)
	b := g.r.IntN(10)
	q := Quantity{Category: "rate", Value: float64(a*10+b) / 10, Unit: "%", Surface: fmt.Sprintf("%d.%d%%", a, b)}
	g.quantities = append(g.quantities, q)
	return q.Surface
}

// sentence draws one sentence of the genre; slots are filled afresh each time.
func (g *Generator) sentence(place string, year int) string {
	c := g.pick(g.campaigns)
	switch g.r.IntN(16) {
	case 0:
		return fmt.Sprintf("%d年，%s总工会%s“%s”活动，共走访慰问%s%s，发放慰问金%s。", year, place, g.pick(verbs), c, g.pick(g.groups), g.count(), g.money())
	case 1:
		return fmt.Sprintf("全年共筹集%s资金%s，惠及%s%s。", c, g.money(), g.pick(g.groups), g.count())
	case 2:
		return fmt.Sprintf("全%s已建会%s%d家，覆盖职工%s，建会率达到%s。", place[len(place)-3:], g.pick(units), 10+g.r.IntN(5000), g.count(), g.pct())
	case 3:
		return fmt.Sprintf("我们坚持以职工为中心，把%s作为服务职工的重要抓手，推动工会工作不断迈上新台阶。", c)
	case 4:
		return fmt.Sprintf("同志们，做好今年的工会工作，意义重大，任务艰巨，我们一定要统一思想、振奋精神，切实增强做好%s工作的责任感和紧迫感。", c)
	case 5:
		return fmt.Sprintf("开展%s以来，累计签订集体合同%d份，涉及职工%s，职工工资平均增长%s。", c, 20+g.r.IntN(2000), g.count(), g.pct())
	case 6:
		return fmt.Sprintf("%d月%d日，%s总工会%s%s带队深入%s，看望慰问%s，为他们送去米、面、油等慰问品。", 1+g.r.IntN(12), 1+g.r.IntN(28), place, g.pick(titlesOf), g.pick(leaders), g.pick(counties), g.pick(g.groups))
	case 7:
		return fmt.Sprintf("资助困难职工子女%s上大学，发放助学金%s。", g.count(), g.money())
	case 8:
		return fmt.Sprintf("组织开展职业技能培训%d期，培训%s%s，%s取得职业资格证书。", 3+g.r.IntN(200), g.pick(g.groups), g.count(), g.count())
	case 9:
		return "一是加强组织领导，落实工作责任；二是创新工作方法，提升服务水平；三是强化督促检查，确保工作实效。"
	case 10:
		return fmt.Sprintf("建成职工之家%d个、职工书屋%d个、爱心驿站%d个，为%s提供歇脚、饮水、充电等服务。", 2+g.r.IntN(300), 2+g.r.IntN(300), 2+g.r.IntN(300), g.pick(g.groups))
	case 11:
		return fmt.Sprintf("帮助农民工追讨欠薪%s，办理法律援助案件%d件，调解劳动争议%d起。", g.money(), 5+g.r.IntN(500), 5+g.r.IntN(900))
	case 12:
		return fmt.Sprintf("据统计，截至%d年底，全%s工会会员总数达%s，其中农民工会员%s。", year, place[len(place)-3:], g.count(), g.count())
	case 13:
		return fmt.Sprintf("在%s中，我们注重发挥基层工会作用，推动%s向%s延伸，实现了服务职工全覆盖。", c, c, g.pick(units))
	case 14:
		return fmt.Sprintf("全年实现GDP %d.%d亿元，城镇非私营单位职工年平均工资%d元，同比增长%s。", 20+g.r.IntN(900), g.r.IntN(10), 30000+g.r.IntN(60000), g.pct())
	}
	return fmt.Sprintf("下一步，%s总工会将以%s为契机，进一步%s%s工作，为全面建设社会主义现代化国家贡献工会力量。", place, c, g.pick(verbs), g.pick(g.campaigns))
}

// Document draws one document's title, body and metadata, without the
// repost, script and file choices Next adds.
func (g *Generator) Document() Doc {
	place := g.place()
	year := 2006 + g.r.IntN(18)
	g.campaigns = g.sample(campaigns, 1+g.r.IntN(3))
	g.groups = g.sample(groups, 1+g.r.IntN(3))
	g.quantities = nil
	d := Doc{Place: place, Year: year}
	var head string
	switch g.r.IntN(4) {
	case 0:
		d.Doctype, d.Date = "summary", fmt.Sprintf("%d-12-31", year)
		d.Title = fmt.Sprintf("%s总工会%d年工作总结", place, year)
		head = fmt.Sprintf("%d年，在县委和上级工会的坚强领导下，%s总工会紧紧围绕中心工作，团结动员广大职工建功立业，各项工作取得新成效。现将全年工作总结如下。\n一、主要工作及成效", year, place)
	case 1:
		d.Doctype = "speech"
		session := 10 + g.r.IntN(8)
		meeting := 1 + g.r.IntN(6)
		d.Title = fmt.Sprintf("在%s总工会第%d届委员会第%d次全体会议上的讲话", place, session, meeting)
		office := g.pick(titlesOf)
		leader := g.pick(leaders)
		month, day := 1+g.r.IntN(12), 1+g.r.IntN(28)
		d.Date = fmt.Sprintf("%d-%02d-%02d", year, month, day)
		head = fmt.Sprintf("%s %s\n（%d年%d月%d日）\n同志们：\n这次会议的主要任务是，总结%d年工会工作，安排部署%d年工作任务。下面，我讲几点意见。", office, leader, year, month, day, year-1, year)
	case 2:
		d.Doctype = "news"
		d.Title = fmt.Sprintf("%s总工会开展%s活动", place, g.campaigns[0])
		reporter := g.pick(leaders)
		month, day := 1+g.r.IntN(12), 1+g.r.IntN(28)
		d.Date = fmt.Sprintf("%d-%02d-%02d", year, month, day)
		head = fmt.Sprintf("本报讯（通讯员 %s）%d年%d月%d日", reporter, year, month, day)
	default:
		d.Doctype, d.Date = "experience", fmt.Sprintf("%d-06-30", year)
		d.Title = fmt.Sprintf("强化服务 凝聚力量——%s总工会%s工作经验交流材料", place, g.campaigns[0])
		head = fmt.Sprintf("近年来，%s总工会认真贯彻落实上级工会决策部署，探索形成了一套行之有效的工作机制。", place)
	}
	// Lengths spread from 500 to 3000 characters, most near 1,200.
	target := 500 + int(2500*g.r.Float64()*g.r.Float64()*1.6)
	target = min(target, 3000)
	var b strings.Builder
	b.WriteString(head)
	chars := len([]rune(head))
	for chars < target {
		b.WriteString("\n")
		for range 2 + g.r.IntN(4) {
			s := g.sentence(place, year)
			b.WriteString(s)
			chars += len([]rune(s))
		}
	}
	d.Body = b.String()
	d.Quantities = g.quantities
	return d
}

// repost is d as an aggregator copies it: a changed title, and an advert
// between two paragraphs. Next's 1-in-7 traditional conversion makes some
// copies differ in script too.
func (g *Generator) repost(d Doc) Doc {
	title := d.Title
	switch g.r.IntN(3) {
	case 0:
		title = "转载：" + title
	case 1:
		title = title + "（" + g.pick(cities) + "工会网）"
	}
	paras := strings.Split(d.Body, "\n")
	at := g.r.IntN(len(paras)) + 1
	ad := fmt.Sprintf("【广告】%s职业技能培训报名热线%d，名额有限，先到先得！", g.pick(cities), 13800000000+g.r.IntN(99999999))
	paras = append(paras[:at], append([]string{ad}, paras[at:]...)...)
	d.Title, d.Body, d.Repost = title, strings.Join(paras, "\n"), true
	return d
}

func (g *Generator) html(title, body string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s_%s工会网</title></head><body>\n", title, g.pick(cities))
	b.WriteString(`<div class="nav"><a href="/">首页</a> | <a href="/news">工会新闻</a> | <a href="/gz">工作动态</a> | <a href="/wq">维权服务</a> | <a href="/about">关于我们</a></div>` + "\n")
	b.WriteString(`<div class="crumb">当前位置：首页 &gt; 工作动态 &gt; 正文</div>` + "\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<div class=\"info\">来源：%s总工会 发布时间：%d-%02d-%02d 浏览次数：%d</div>\n<div class=\"content\">\n", title, g.pick(cities), 2006+g.r.IntN(18), 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(5000))
	for _, p := range strings.Split(body, "\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</div>\n<div class=\"share\">分享到：微信 微博 | 【打印本页】【关闭窗口】</div>\n")
	b.WriteString("<div class=\"footer\">版权所有：市总工会 备案号：蜀ICP备00000000号 技术支持：某某网络公司</div>\n</body></html>\n")
	return b.String()
}
