package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestSplitParts(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		titles []string
	}{
		{"ascii colon", "第一篇:甲的讲话\n同志们:\n正文一。\n第二篇:乙的讲话\n同志们:\n正文二。\n", []string{"甲的讲话", "乙的讲话"}},
		{"fullwidth colon traditional", "第一篇：甲的講話\n同志們：\n正文一。\n第二篇：乙的講話\n同志們：\n正文二。\n第三篇：丙的講話\n正文三。\n", []string{"甲的講話", "乙的講話", "丙的講話"}},
		{"arabic numbers", "第1篇:甲\n正文一。\n第2篇:乙\n正文二。\n", []string{"甲", "乙"}},
		{"one header is no compilation", "第一篇:甲的讲话\n同志们:\n正文一。\n", []string{""}},
		{"out of order", "第二篇:乙\n正文二。\n第一篇:甲\n正文一。\n", []string{""}},
		{"mentions in prose", "本书第一篇:总论部分。\n正文。\n", []string{""}},
	}
	for _, tt := range tests {
		parts := splitParts(textPage(tt.text).lines, nil)
		var got []string
		for _, p := range parts {
			got = append(got, p.title)
		}
		if diff := cmp.Diff(tt.titles, got); diff != "" {
			t.Errorf("%s: part titles (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestParseCompilation(t *testing.T) {
	text := strings.Join([]string{
		"第一篇：在全县工会工作会议上的讲话",
		"在全县工会工作会议上的讲话",
		"（2015年1月20日）",
		"县委书记 王志刚",
		"同志们：",
		"今天召开全县工会工作会议，主要任务是总结去年工作，部署今年任务。",
		"第二篇：在县总工会全委会上的讲话",
		"同志们：",
		"这次全委会开得很成功，我完全同意。",
	}, "\n")
	docs, err := Parse(Input{Name: "c.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		Part                int
		Title, Date, Author string
		Body                []string
	}
	var got []doc
	for _, d := range docs {
		got = append(got, doc{d.Part, d.Title, d.Date, d.Author, d.Body})
	}
	want := []doc{
		{1, "在全县工会工作会议上的讲话", "2015-01-20", "王志刚", []string{"同志们：", "今天召开全县工会工作会议，主要任务是总结去年工作，部署今年任务。"}},
		{2, "在县总工会全委会上的讲话", "", "", []string{"同志们：", "这次全委会开得很成功，我完全同意。"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("compilation (-want +got):\n%s", diff)
	}
}

func TestStripAds(t *testing.T) {
	tests := []struct{ in, want string }{
		{"要切实关心职工。原创文秘材料，转载网络网络.com网。要切实帮助职工解决困难。", "要切实关心职工。要切实帮助职工解决困难。"},
		{"本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", ""},
		{"全年走访困难职工410户，本文来源于某某范文网，原创转载请注明出处。发放慰问金42万元。", "全年走访困难职工410户，发放慰问金42万元。"},
		{"開展職工原創詩歌徵集活動，收到作品300餘篇。", "開展職工原創詩歌徵集活動，收到作品300餘篇。"},
		{"登录网站报名参加，网址www.example.cn。", "登录网站报名参加，网址www.example.cn。"},
		{"会议取得圆满成功。（www.example.com）", "会议取得圆满成功。"},
		{"职工通过网络转载分享劳模事迹，营造了良好氛围。", "职工通过网络转载分享劳模事迹，营造了良好氛围。"},
	}
	for _, tt := range tests {
		if got := stripAds(tt.in); got != tt.want {
			t.Errorf("stripAds(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want kind
	}{
		{"", kindBlank},
		{"新闻中心新浪首页 > 新闻中心 > 国内新闻 > 正文", kindNav},
		{"当前位置：首页>>专题专栏>>经验交流", kindNav},
		{"首页 工会要闻 基层动态 通知公告 维权服务", kindNav},
		{"发表日期：2012-05-16", kindMeta},
		{"更新时间:2011/07/12", kindMeta},
		{"来源：某某日报 2012-05-03 15:12", kindMeta},
		{"□记者张三通讯员李四", kindMeta},
		{"（2006年1月12日）", kindMeta},
		{"（下转第二版）", kindPageTurn},
		{"【打印】【关闭】", kindStop},
		{"相关新闻：", kindStop},
		{"- 相关推荐", kindStop},
		{"某某新闻网>>工会新闻", kindNav},
		{">工作动态>基层风采", kindNav},
		{"来自：某某日报 作者：要闻频道 访问量：356", kindMeta},
		{"责编：王林 编审：李青", kindStop},
		{"扫一扫在手机打开当前页", kindJunk},
		{"打开手机扫一扫，分享到手机查看", kindJunk},
		{"扫一扫二维码，职工就能在手机上申请入会，三天内办结。", kindContent},
		{"• 上一篇：县总工会召开全委会", kindStop},
		{"- 如文档侵犯您的权益，请联系客服反馈。", kindPageTurn},
		{"-5℃的清晨，环卫职工已经上岗。", kindContent},
		{"版权所有 某某网", kindStop},
		{"责任编辑：王五", kindStop},
		{"值班电话：0592-0000000 备案号：闽ICP备00000000号", kindJunk},
		{"同志们：", kindContent},
		{"一、强化领导，营造环境，全力保障工会工作顺利开展", kindShort},
		{"今年以来，市总工会积极开展建功立业活动，团结动员广大职工立足本职创先争优。", kindContent},
	}
	for _, tt := range tests {
		if got := classify(tt.line); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// TestCleanIdempotent runs the cleaner on its own output, for the fixtures
// and the seeds: a boilerplate stripper must not find more to strip.
func TestCleanIdempotent(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*", "*", "input.*"))
	if seeds, err := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*")); err == nil {
		inputs = append(inputs, seeds...)
	}
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := Parse(Input{Name: in, Data: data})
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		for _, d := range docs {
			again := cleanParagraphs(d.Body)
			if diff := cmp.Diff(d.Body, again); diff != "" {
				t.Errorf("%s part %d: cleaning twice changed the body (-once +twice):\n%s", in, d.Part, diff)
			}
		}
	}
}

// bigPage builds a portal page of about n bytes: menus, a long article of
// numbered points and a sidebar.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><title>全市工会工作综述_某某工会网</title></head><body><div class="nav">`)
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, `<a href="/c/%d">栏目%d</a> `, i, i)
	}
	b.WriteString(`</div><h1>全市工会工作综述</h1><div class="info">发布时间：2014-09-01 来源：某某工会网</div><div id="content">`)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "<p>%d、全市各级工会深入开展劳动竞赛，组织职工%d人次参加技能培训，为困难职工发放救助金%d万元，帮助职工解决实际困难。</p>\n", i+1, 100+i, 10+i%90)
	}
	b.WriteString(`</div><div class="side"><a href="/x">相关新闻</a></div></body></html>`)
	return []byte(b.String())
}

// TestParseLargePage checks that a 5 MB page parses; it is not timed, but a
// quadratic step would make it run for minutes.
func TestParseLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large page")
	}
	data := bigPage(5 << 20)
	docs, err := Parse(Input{Name: "big.html", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Body) < 10000 || docs[0].Title != "全市工会工作综述" {
		t.Fatalf("got %d documents, title %q, %d paragraphs", len(docs), docs[0].Title, len(docs[0].Body))
	}
	text := strings.Repeat("今年以来，市总工会认真开展送温暖活动，慰问困难职工。\n", (5<<20)/80)
	docs, err = Parse(Input{Name: "big.txt", Data: []byte(text)})
	if err != nil || len(docs) != 1 || !utf8.ValidString(docs[0].Body[0]) {
		t.Fatalf("text: %v", err)
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data := bigPage(200 << 10)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		docs, err := Parse(Input{Name: "bench.html", Data: data})
		if err != nil || len(docs[0].Body) < 100 {
			b.Fatalf("parse: %v", err)
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "text", "hardwrap-ads", "input.txt"))
	if err != nil {
		b.Fatal(err)
	}
	data = []byte(strings.Repeat(string(data), 50))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(Input{Name: "bench.txt", Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHasAdClaim holds the rune-by-rune scan to its definition: some claim
// is a substring of the line.
func TestHasAdClaim(t *testing.T) {
	tests := []string{
		"", "abc", "本文系作者原创投稿", "开展职工原创诗歌征集活动", "本", "本文", "本文章由", "转自某某网",
		"文件精神", "请勿照搬", "仅供参考", "版权所有", "范文", "来源于基层", "整理发布：某某", "a原创", "\xff原创",
		"全年走访困难职工410户", "本站", "原", "請勿", "abc投稿xyz",
	}
	for _, s := range tests {
		want := false
		for _, w := range adClaims {
			want = want || strings.Contains(s, w)
		}
		if got := hasAdClaim(s); got != want {
			t.Errorf("hasAdClaim(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsJunk(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"联系我们", true},
		{"地址:某某路1号", true},
		{"备案号:闽icp备00000000号", true},
		{"闽icp备00000000号", true},
		{"建议使用1024x768分辨率", true},
		{"copyright all rights reserved", true},
		{"全市职工参加技能竞赛", false},
		{"请联系我们", false},
		{"打印", true},
		{"打印机", false},
	}
	for _, tt := range tests {
		if got := isJunk(tt.line); got != tt.want {
			t.Errorf("isJunk(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestCrumbSite(t *testing.T) {
	tests := []struct{ line, want string }{
		{"您的位置:优选文稿网 > 范文 > 工作总结", "优选文稿网"},
		{"某某新闻网>>工会新闻", "某某新闻网"},
		{"某某新闻网>>县总工会召开第五次会员代表大会部署今后五年工作", ""},
		{"某某新闻网/工会新闻", ""},
		{"您的位置:首页 > 范文", ""},
	}
	for _, tt := range tests {
		if got := crumbSite(tt.line); got != tt.want {
			t.Errorf("crumbSite(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestHasSpace holds hasSpace to strings.ContainsFunc(s, isSpace) for
// every rune, alone and between Han characters, and for broken UTF-8.
func TestHasSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, s := range []string{string(r), "工会" + string(r) + "职工"} {
			if got, want := hasSpace(s), strings.ContainsFunc(s, isSpace); got != want {
				t.Fatalf("hasSpace(%q) = %v, want %v", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xe3", "\xe3\x80", "工\xe3\x80\x80", "\xc2\xa0", "\xc2", "\xef\xbb\xbf会"} {
		if got, want := hasSpace(s), strings.ContainsFunc(s, isSpace); got != want {
			t.Errorf("hasSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSplitGluedHead(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"下载后可任意编辑镇工会工作汇报镇工会高度重视帮扶工作，走访职工46户。"},
			[]string{"下载后可任意编辑", "镇工会工作汇报", "镇工会高度重视帮扶工作，走访职工46户。"}},
		{[]string{"", "镇工会工作汇报镇工会高度重视帮扶工作，走访职工46户。", "下载后可任意编辑全年发放慰问金4万元。"},
			[]string{"", "镇工会工作汇报", "镇工会高度重视帮扶工作，走访职工46户。", "下载后可任意编辑", "全年发放慰问金4万元。"}},
		{[]string{"镇工会工作汇报", "镇工会高度重视帮扶工作，走访职工46户。"},
			[]string{"镇工会工作汇报", "镇工会高度重视帮扶工作，走访职工46户。"}},
	}
	for _, tt := range tests {
		got, ind := splitGluedHead(tt.in, make([]string, len(tt.in)))
		if !slices.Equal(got, tt.want) || len(ind) != len(got) {
			t.Errorf("splitGluedHead(%q) = %q (%d indents), want %q", tt.in, got, len(ind), tt.want)
		}
	}
}
