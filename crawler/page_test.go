package crawler

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnalyze(t *testing.T) {
	page, _ := url.Parse("http://www.example-union.cn/gzdt/index.html")
	list := `<html><head><base href="http://www.example-union.cn/gzdt/"><script>createPageHTML(3, 0, "index", "html");</script></head><body>
<ul><li><a href="202407/t1.html">区总工会开展送温暖活动</a></li><li><a href="202407/t2.html?utm_source=x">职工之家建设推进会召开</a></li></ul>
<a href="index_1.html">下一页</a> <a href="mailto:a@b.cn">信箱</a> <a href="javascript:void(0)">收藏</a></body></html>`
	a := Analyze(page, list)
	if a.Kind != KindList {
		t.Errorf("list page kind %s (prose %d)", a.Kind, a.Prose)
	}
	var got []string
	for _, l := range a.Links {
		s := strings.TrimPrefix(l.URL, "http://www.example-union.cn")
		if l.Pagination {
			s += " (page)"
		}
		got = append(got, s)
	}
	want := []string{"/gzdt/202407/t1.html", "/gzdt/202407/t2.html", "/gzdt/index_1.html (page)", "/gzdt/index_2.html (page)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}

	// A list whose items carry snippets has prose, but a link per snippet.
	var b strings.Builder
	b.WriteString("<html><body><div class=list>")
	for range 12 {
		b.WriteString(`<div class=item><a href="t.html">市总工会召开全委会议</a><p>会议总结了上一年度工会工作，部署了今年的重点任务，要求各级工会围绕中心、服务大局。</p></div>`)
	}
	b.WriteString("</div></body></html>")
	if a := Analyze(page, b.String()); a.Kind != KindList {
		t.Errorf("list with snippets: kind %s (prose %d)", a.Kind, a.Prose)
	}

	article := `<html><head><meta name="robots" content="noindex,nofollow"></head><body><div class="nav">` + strings.Repeat(`<a href="/">首页导航链接</a>`, 60) + `</div>
<div class="content"><p>县总工会坚持精准帮扶原则，对建档困难职工实行动态管理，全年走访慰问困难职工家庭三百余户。</p>
<p>县总工会还与县人民医院签订协议，为困难职工开通就医绿色通道，并设立助学专项资金，资助困难职工子女六十八人顺利入学。</p></div></body></html>`
	a = Analyze(page, article)
	if a.Kind != KindArticle || !a.NoIndex || !a.NoFollow {
		t.Errorf("article with clutter: kind %s, prose %d, noindex %v, nofollow %v", a.Kind, a.Prose, a.NoIndex, a.NoFollow)
	}
}
