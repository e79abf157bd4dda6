// Command gencorpus writes a deterministic corpus of synthetic trade-union
// documents for the benchmarks: county work summaries, leaders' speeches,
// news items and experience reports, 500–3000 characters each, with
// figures, campaigns, dates and places, about one in seven in traditional
// script, one in five as an HTML page with portal clutter and one in twenty
// in GBK. The same seed always gives the same bytes.
//
// It writes DIR/docs/NNN/*.txt|*.html (what import reads) and
// DIR/plain/NNN/*.txt (the same documents as UTF-8 text, for rg), and with
// -text FILE a fixed block of about -text-bytes of prose for the analyzer
// benchmark.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	n := flag.Int("n", 10000, "number of `documents`")
	out := flag.String("o", "", "output `dir` (docs/ and plain/ are created in it)")
	seed := flag.Uint64("seed", 2024, "random `seed`")
	text := flag.String("text", "", "also write analyzer benchmark prose to `file`")
	textBytes := flag.Int("text-bytes", 8<<20, "size of the -text file in `bytes`")
	flag.Parse()
	if err := run(*n, *out, *seed, *text, *textBytes); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64, textFile string, textBytes int) error {
	s2t, err := opencc.New("s2t")
	if err != nil {
		return fmt.Errorf("load opencc: %w", err)
	}
	if textFile != "" {
		g := newGen(seed + 1)
		var b strings.Builder
		for b.Len() < textBytes {
			d := g.document()
			b.WriteString(d.title + "\n" + d.body + "\n")
		}
		if err := os.WriteFile(textFile, []byte(b.String()[:cutAt(b.String(), textBytes)]), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", textFile, err)
		}
	}
	if out == "" {
		return nil
	}
	g := newGen(seed)
	var originals []doc
	for i := range n {
		d := g.document()
		// One document in ten is a repost of an earlier one, as on the
		// portals and essay sites: the near-duplicate clustering's share
		// of import time should be measured on a corpus that has copies.
		if len(originals) > 0 && g.r.IntN(10) == 0 {
			d = g.repost(originals[g.r.IntN(len(originals))])
		} else if len(originals) < 2000 {
			originals = append(originals, d)
		} else {
			originals[g.r.IntN(len(originals))] = d
		}
		dir := fmt.Sprintf("%03d", i/1000)
		for _, sub := range []string{"docs", "plain"} {
			if err := os.MkdirAll(filepath.Join(out, sub, dir), 0o755); err != nil {
				return err
			}
		}
		title, body := d.title, d.body
		if g.r.IntN(7) == 0 {
			if title, err = s2t.Convert(title); err == nil {
				body, err = s2t.Convert(body)
			}
			if err != nil {
				return fmt.Errorf("convert document %d: %w", i, err)
			}
		}
		plain := title + "\n" + body + "\n"
		name := fmt.Sprintf("doc%06d", i)
		data, ext := []byte(plain), ".txt"
		switch k := g.r.IntN(20); {
		case k < 4:
			data, ext = []byte(g.html(title, body)), ".html"
		case k == 4:
			if data, err = simplifiedchinese.GBK.NewEncoder().Bytes([]byte(plain)); err != nil {
				data = []byte(plain) // a rune GBK lacks: keep it UTF-8
			}
		}
		if err := os.WriteFile(filepath.Join(out, "docs", dir, name+ext), data, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "plain", dir, name+".txt"), []byte(plain), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cutAt is the largest rune boundary at or below n.
func cutAt(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

type gen struct {
	r *rand.Rand
	// focus is the current document's few campaigns and groups: a real
	// report dwells on two or three, it does not name all of them.
	campaigns, groups []string
}

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, 0x5eed))} }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

type doc struct{ title, body string }

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
func (g *gen) sample(xs []string, k int) []string {
	out := make([]string, 0, k)
	for _, i := range g.r.Perm(len(xs))[:k] {
		out = append(out, xs[i])
	}
	return out
}

func (g *gen) place() string {
	switch g.r.IntN(3) {
	case 0:
		return g.pick(provinces)
	case 1:
		return g.pick(cities)
	}
	return g.pick(counties)
}

func (g *gen) money() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%d.%d万元", 1+g.r.IntN(900), g.r.IntN(10))
	case 1:
		return fmt.Sprintf("%d万元", 1+g.r.IntN(3000))
	}
	return fmt.Sprintf("%d元", 100+g.r.IntN(99000))
}

func (g *gen) count() string {
	return fmt.Sprintf("%d%s", 2+g.r.IntN(9000), g.pick([]string{"人", "人次", "户", "名", "家", "个"}))
}

func (g *gen) pct() string { return fmt.Sprintf("%d.%d%%", 50+g.r.IntN(50), g.r.IntN(10)) }

// sentence draws one sentence of the genre; slots are filled afresh each time.
func (g *gen) sentence(place string, year int) string {
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

func (g *gen) document() doc {
	place := g.place()
	year := 2006 + g.r.IntN(18)
	g.campaigns = g.sample(campaigns, 1+g.r.IntN(3))
	g.groups = g.sample(groups, 1+g.r.IntN(3))
	var title, head string
	switch g.r.IntN(4) {
	case 0:
		title = fmt.Sprintf("%s总工会%d年工作总结", place, year)
		head = fmt.Sprintf("%d年，在县委和上级工会的坚强领导下，%s总工会紧紧围绕中心工作，团结动员广大职工建功立业，各项工作取得新成效。现将全年工作总结如下。\n一、主要工作及成效", year, place)
	case 1:
		title = fmt.Sprintf("在%s总工会第%d届委员会第%d次全体会议上的讲话", place, 10+g.r.IntN(8), 1+g.r.IntN(6))
		head = fmt.Sprintf("%s %s\n（%d年%d月%d日）\n同志们：\n这次会议的主要任务是，总结%d年工会工作，安排部署%d年工作任务。下面，我讲几点意见。", g.pick(titlesOf), g.pick(leaders), year, 1+g.r.IntN(12), 1+g.r.IntN(28), year-1, year)
	case 2:
		title = fmt.Sprintf("%s总工会开展%s活动", place, g.campaigns[0])
		head = fmt.Sprintf("本报讯（通讯员 %s）%d年%d月%d日", g.pick(leaders), year, 1+g.r.IntN(12), 1+g.r.IntN(28))
	default:
		title = fmt.Sprintf("强化服务 凝聚力量——%s总工会%s工作经验交流材料", place, g.campaigns[0])
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
	return doc{title: title, body: b.String()}
}

// repost is d as an aggregator copies it: a changed title, and an advert
// between two paragraphs. The caller's 1-in-7 traditional conversion
// makes some copies differ in script too.
func (g *gen) repost(d doc) doc {
	title := d.title
	switch g.r.IntN(3) {
	case 0:
		title = "转载：" + title
	case 1:
		title = title + "（" + g.pick(cities) + "工会网）"
	}
	paras := strings.Split(d.body, "\n")
	at := g.r.IntN(len(paras)) + 1
	ad := fmt.Sprintf("【广告】%s职业技能培训报名热线%d，名额有限，先到先得！", g.pick(cities), 13800000000+g.r.IntN(99999999))
	paras = append(paras[:at], append([]string{ad}, paras[at:]...)...)
	return doc{title: title, body: strings.Join(paras, "\n")}
}

func (g *gen) html(title, body string) string {
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
