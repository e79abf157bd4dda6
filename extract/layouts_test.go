package extract

import (
	"strings"
	"testing"
)

// layoutBody is the text of a small news item the layouts below put under
// their headers.
const layoutBody = "1月24日，县总工会班子成员分组走访慰问困难职工、劳模，送去慰问金和慰问品。此次活动共慰问困难职工56户，发放慰问金11.2万元。"

// layoutSample is the opening of a summary a document site offers.
const layoutSample = "今年以来，村工会在镇工会的领导下，围绕中心工作，扎实开展各项工作，现总结如下："

// TestLayouts parses pages laid out the ways real pages are — headers,
// bylines, stamps and titles in their common variants — and checks the
// fields each variant decides. An empty want field is not checked; "-"
// wants the field empty.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name, page                              string
		title, date, publisher, author, doctype string
	}{
		{"title in brackets", "【县总工会开展送温暖活动】\n" + layoutBody, "县总工会开展送温暖活动", "", "", "", "news"},
		{"menu run into the title", "青松县总工会\n首页\n工会动态\n通知公告\n县总工会开展送温暖活动\n" + layoutBody, "县总工会开展送温暖活动", "", "", "", ""},
		{"label before the title", "图文：县总工会开展送温暖活动\n" + layoutBody, "县总工会开展送温暖活动", "", "", "", ""},
		{"detail chrome over the title", "新闻详情\n县总工会开展送温暖活动\n字号：大 中 小\n" + layoutBody, "县总工会开展送温暖活动", "", "", "", ""},
		{"date before the title", "2018-01-25 县总工会开展送温暖活动\n" + layoutBody, "县总工会开展送温暖活动", "2018-01-25", "", "", ""},
		{"date after the title", "县总工会开展送温暖活动 2018-01-25\n" + layoutBody, "县总工会开展送温暖活动", "2018-01-25", "", "", ""},
		{"unit and date under the title", "县总工会开展送温暖活动\n青松县总工会 2018-01-25\n" + layoutBody, "县总工会开展送温暖活动", "2018-01-25", "", "", ""},
		{"breadcrumb ends in the title", "首页 > 新闻中心 > 基层动态 > 县总工会开展送温暖活动\n" + layoutBody, "县总工会开展送温暖活动", "", "", "", ""},
		{"newspaper stamp over the title", "青松日报 2018年01月26日 第A02版\n县总工会开展“送温暖”慰问活动\n本报讯 " + layoutBody, "县总工会开展“送温暖”慰问活动", "2018-01-26", "青松日报", "-", "news"},
		{"writer and photographer", "县总工会开展送温暖活动\n文/孟晓岚 图/韦家宁\n" + layoutBody, "", "", "", "孟晓岚 韦家宁", ""},
		{"writer under the text", "县总工会开展送温暖活动\n" + layoutBody + "\n文/韦家宁", "", "", "", "韦家宁", ""},
		{"role after the name", "县总工会开展送温暖活动\n" + layoutBody + "（孟晓岚 报道）", "", "", "", "孟晓岚", ""},
		{"correspondent before reporter", "县总工会开展送温暖活动\n本报通讯员 韦家宁 记者 孟晓岚\n" + layoutBody, "", "", "", "韦家宁 孟晓岚", ""},
		{"lead that tells the day late", "县总工会开展送温暖慰问活动\n\n为让困难职工过一个温暖祥和的春节，县总工会于1月24日开展了慰问活动。\n县总工会主席韦明表示，工会将继续关心困难职工生活。", "", "-", "", "", "news"},
		{"union's act in the headline", "县总工会举办职工技能大赛\n\n为提高职工技能水平，县总工会举办了职工技能大赛，全县120名职工参加比赛。", "", "", "", "", "news"},
		{"report on work", "县总工会2018年上半年工作情况\n\n今年以来，县总工会在县委的领导下，扎实开展各项工作。\n一、主要工作\n全年新建基层工会28家。\n二、下一步打算\n继续做好帮扶工作。", "", "", "", "", "summary"},
		{"summary of an event", "县总工会开展送温暖活动总结\n\n今年元旦春节期间，县总工会开展了送温暖活动，现总结如下：\n一是摸清底数。", "", "", "", "", "summary"},
		{"sample numbered before its title", "村工会工作总结范文（精选5篇）\n【篇一】村工会工作总结\n" + layoutSample, "村工会工作总结", "", "", "", "summary"},
		{"sample under a part label", "村工会工作总结(汇总8篇)\n篇一：村工会工作总结\n" + layoutSample, "村工会工作总结", "", "", "", ""},
		{"sample numbered in brackets after", "村工会工作总结【精选】\n村工会工作总结（一）\n" + layoutSample, "村工会工作总结", "", "", "", ""},
		{"site as the author", "村工会工作总结\n发布时间：2019-03-02 11:20 | 作者：青松文秘网整理 | 阅读：1203\n" + layoutSample, "村工会工作总结", "2019-03-02", "", "-", ""},
		{"photo caption over the text", "县总工会开展送温暖活动\n（记者 孟晓岚）\n▲县总工会干部为困难职工送去慰问品。（韦家宁 摄）\n" + layoutBody, "", "", "", "孟晓岚", ""},
		{"notice", "青松县总工会关于开展2019年金秋助学活动的通知\n\n各乡镇工会：\n为帮助困难职工子女顺利入学，县总工会决定开展金秋助学活动。", "", "", "", "", "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse(Input{Name: "layout.txt", Data: []byte(tt.page)})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			for _, f := range []struct{ name, got, want string }{
				{"title", d.Title, tt.title}, {"date", d.Date, tt.date}, {"publisher", d.Publisher, tt.publisher},
				{"author", d.Author, tt.author}, {"doctype", d.Doctype, tt.doctype},
			} {
				want := f.want
				if want == "-" {
					want = ""
				} else if want == "" {
					continue
				}
				if f.got != want {
					t.Errorf("%s = %q, want %q", f.name, f.got, want)
				}
			}
			if strings.Contains(strings.Join(d.Body, ""), "韦家宁") && tt.author != "" || strings.Contains(strings.Join(d.Body, ""), "▲") {
				t.Errorf("byline left in the body: %q", d.Body)
			}
		})
	}
}
