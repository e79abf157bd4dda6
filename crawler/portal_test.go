package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// articles are union news items written for these tests.
var articles = map[string]struct{ title, body string }{
	"a1":      {"市总工会开展“送清凉”慰问活动", "7月以来，市总工会组织慰问组深入建筑工地、环卫站点和快递网点，为高温下坚守岗位的一线职工送去防暑降温物资。慰问组一行听取了企业工会关于高温津贴发放情况的汇报，要求各级工会切实维护职工的劳动安全卫生权益。今年全市工会系统共投入慰问资金三百二十万元，惠及职工一万八千余人次。"},
	"a2":      {"区总工会举办职工技能竞赛", "为进一步弘扬劳模精神和工匠精神，区总工会联合区人社局举办电工、焊工和数控车工三个工种的职工职业技能竞赛。来自四十六家企业的二百一十名选手参加了理论考试和实际操作比赛，获得前三名的选手将按规定申报区级五一劳动奖章，竞赛成绩突出的企业工会也将受到表彰。"},
	"a3":      {"县总工会推进困难职工帮扶工作", "县总工会坚持精准帮扶原则，对建档困难职工实行动态管理，全年走访慰问困难职工家庭三百余户。县总工会还与县人民医院签订协议，为困难职工开通就医绿色通道，并设立助学专项资金，资助困难职工子女六十八人顺利入学，切实把党和政府的温暖送到职工心坎上。"},
	"a4":      {"镇工会联合会建立新就业形态劳动者服务站", "镇工会联合会在镇便民服务中心建成新就业形态劳动者服务站，为外卖送餐员、网约车司机和快递员提供饮水、充电、休息和法律咨询等服务。服务站运行两个月以来，已接待劳动者一千二百余人次，发展新就业形态劳动者加入工会组织二百三十人，工会组织覆盖面不断扩大。"},
	"a5":      {"市总工会召开全委会议部署年度工作", "市总工会召开全委会议，总结上一年度工会工作，部署今年重点任务。会议指出，要围绕中心服务大局，深入开展劳动和技能竞赛，扎实推进职工之家建设，持续做好职工维权帮扶工作。会议审议通过了市总工会年度工作要点，并对工会经费收缴管理工作提出明确要求，确保经费用于服务职工。"},
	"a6":      {"企业工会开展职工读书月活动", "某机械制造有限公司工会以“书香职工”为主题开展读书月活动，在车间班组设立职工书屋流动借阅点二十个，组织读书分享会八场。公司工会主席表示，读书活动丰富了职工的精神文化生活，激发了职工学技术、钻业务的热情，为企业高质量发展凝聚了力量。"},
	"moved":   {"区总工会为环卫职工建设爱心驿站", "区总工会投入资金八十万元，在主要街道建设爱心驿站十五个，为环卫职工、交通协管员等户外劳动者提供休息、饮水和加热饭菜的场所。驿站由街道工会负责日常管理，所需物品由区总工会统一配送，受到户外职工的普遍欢迎，成为工会服务职工的一张名片。"},
	"flaky":   {"市总工会开展法律援助进企业活动", "市总工会组织工会法律援助律师团走进产业园区，为职工提供劳动合同、工资支付和工伤认定等方面的法律咨询。活动现场发放宣传资料三千余份，解答职工咨询二百多人次，受理法律援助申请九件，帮助职工依法维护自身合法权益，增强了职工的法治意识。"},
	"busy":    {"县总工会组织劳模疗休养", "县总工会组织本年度各级劳动模范和先进工作者三十人开展疗休养活动。疗休养期间，劳模们参观了红色教育基地，开展了健康体检和交流座谈。县总工会负责人表示，组织劳模疗休养是关心关爱劳模的具体举措，今后将进一步完善劳模服务管理制度。"},
	"weather": {"本周天气以晴为主", "根据气象台预报，本周我市天气以晴到多云为主，最高气温三十五摄氏度左右，午后局部地区可能出现雷阵雨。气象部门提醒市民注意防暑降温，外出时做好防晒措施，合理安排出行时间，驾驶车辆时注意交通安全，遇雷雨天气尽量减少户外活动。"},
}

// clutter is navigation and footer text longer than some articles.
func clutter() string {
	var b strings.Builder
	b.WriteString(`<div class="nav">`)
	for i := range 40 {
		fmt.Fprintf(&b, `<a href="/gzdt/">栏目导航第%d项工会新闻</a> `, i)
	}
	b.WriteString(`</div><div class="footer">主办单位：某市总工会　地址：某市人民路一号　邮编：100000　联系电话：0000-12345678　备案号：某ICP备00000000号　版权所有　未经许可不得转载　技术支持：某网络科技有限公司　推荐使用谷歌浏览器访问本站　最佳分辨率一九二零乘一零八零</div>`)
	return b.String()
}

func articleHTML(key string, withClutter bool) string {
	a := articles[key]
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>%s</title></head><body>`, a.title)
	if withClutter {
		b.WriteString(clutter())
	}
	fmt.Fprintf(&b, `<div class="content"><h1>%s</h1><p>发布时间：2024-07-12　来源：本站</p>`, a.title)
	for _, p := range strings.SplitAfter(a.body, "。") {
		if p != "" {
			fmt.Fprintf(&b, "<p>%s</p>", p)
		}
	}
	b.WriteString(`</div><a href="/gzdt/">返回列表</a></body></html>`)
	return b.String()
}

func listHTML(title string, links []string, next string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>%s</title></head><body><ul>`, title)
	for _, l := range links {
		fmt.Fprintf(&b, `<li><a href="%s">工会动态 %s</a> <span>2024-07-12</span></li>`, l, l)
	}
	b.WriteString("</ul>")
	if next != "" {
		fmt.Fprintf(&b, `<a href="%s">下一页</a>`, next)
	}
	b.WriteString("</body></html>")
	return b.String()
}

// hit is one request the portal served.
type hit struct {
	at     time.Time
	path   string // path and query
	status int
	agent  string
}

// portal is the fake union site of the tests.
type portal struct {
	*httptest.Server
	// now is the clock the hits are timed by: the crawler's.
	now  func() time.Time
	mu   sync.Mutex
	hits []hit
	// state of pages that fail before they succeed
	flaky, busy int
}

func (p *portal) record(r *http.Request, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pq := r.URL.Path
	if r.URL.RawQuery != "" {
		pq += "?" + r.URL.RawQuery
	}
	p.hits = append(p.hits, hit{p.now(), pq, status, r.Header.Get("User-Agent")})
}

// count returns how often path was requested, and with status 200.
func (p *portal) count(path string) (all, ok int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, h := range p.hits {
		if h.path == path {
			all++
			if h.status == 200 {
				ok++
			}
		}
	}
	return all, ok
}

func (p *portal) paths() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, h := range p.hits {
		out = append(out, h.path)
	}
	sort.Strings(out)
	return out
}

const slowDelay = 2 * time.Second

// newPortal starts the portal, timing its hits by clock.
func newPortal(t *testing.T, clock Clock) *portal {
	t.Helper()
	p := &portal{now: clock.Now}
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, r *http.Request, status int, body string) {
		p.record(r, status)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.05\n")
	})
	mux.HandleFunc("/gzdt/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/gzdt/" && r.URL.Path != "/gzdt/index.html" {
			http.NotFound(w, r)
			p.record(r, 404)
			return
		}
		html(w, r, 200, listHTML("工会动态", []string{
			"a1.html", "a2.html?utm_source=weixin", "a2.html?utm_medium=app&from=timeline", "/gzdt/a3.html",
			"a4.html#top", "/private/secret.html", "/files/report.pdf", "/download?id=7",
			"/old.html", "/loop1", "/missing.html", "/flaky.html", "/busy.html", "/slow.html", "/big.html",
			"/dup.html", "/weather.html", "/calendar?date=2024-01-01", "http://other.invalid/union.html",
			"a1.html;jsessionid=0123456789ABCDEF",
		}, "index_1.html"))
	})
	mux.HandleFunc("/gzdt/index_1.html", func(w http.ResponseWriter, r *http.Request) {
		html(w, r, 200, listHTML("工会动态 第2页", []string{"a5.html", "a6.html"}, ""))
	})
	for _, k := range []string{"a1", "a2", "a4", "a5", "a6"} {
		mux.HandleFunc("/gzdt/"+k+".html", func(w http.ResponseWriter, r *http.Request) {
			html(w, r, 200, articleHTML(k, k == "a4"))
		})
	}
	mux.HandleFunc("/gzdt/a3.html", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(articleHTML("a3", true), "<head>", `<head><meta charset="gbk">`, 1))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "text/html; charset=GB2312")
		fmt.Fprint(w, gbk)
	})
	mux.HandleFunc("/dup.html", func(w http.ResponseWriter, r *http.Request) { html(w, r, 200, articleHTML("a1", false)) })
	mux.HandleFunc("/weather.html", func(w http.ResponseWriter, r *http.Request) { html(w, r, 200, articleHTML("weather", false)) })
	mux.HandleFunc("/gzdt/moved.html", func(w http.ResponseWriter, r *http.Request) { html(w, r, 200, articleHTML("moved", false)) })
	mux.HandleFunc("/private/secret.html", func(w http.ResponseWriter, r *http.Request) { html(w, r, 200, articleHTML("a5", false)) })
	mux.HandleFunc("/old.html", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 301)
		http.Redirect(w, r, "/gzdt/moved.html?utm_campaign=x", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop1", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 302)
		http.Redirect(w, r, "/loop2", http.StatusFound)
	})
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 302)
		http.Redirect(w, r, "/loop1", http.StatusFound)
	})
	mux.HandleFunc("/flaky.html", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.flaky++
		n := p.flaky
		p.mu.Unlock()
		if n == 1 {
			html(w, r, 500, "<html><body>服务器内部错误</body></html>")
			return
		}
		html(w, r, 200, articleHTML("flaky", false))
	})
	mux.HandleFunc("/busy.html", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.busy++
		n := p.busy
		p.mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			html(w, r, 429, "<html><body>请求过于频繁</body></html>")
			return
		}
		html(w, r, 200, articleHTML("busy", false))
	})
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		select {
		case <-time.After(slowDelay):
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, articleHTML("a5", false))
	})
	mux.HandleFunc("/big.html", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("a6", false))
		fmt.Fprint(w, strings.Repeat("<p>工会新闻</p>", 20000))
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\n"+strings.Repeat("x", 5000))
	})
	mux.HandleFunc("/files/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		p.record(r, 200)
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\n")
	})
	mux.HandleFunc("/calendar", func(w http.ResponseWriter, r *http.Request) {
		d, err := time.Parse("2006-01-02", r.URL.Query().Get("date"))
		if err != nil {
			html(w, r, 404, "no such day")
			return
		}
		html(w, r, 200, listHTML("活动日历 "+d.Format("2006-01-02"), []string{
			"/calendar?date=" + d.AddDate(0, 0, 1).Format("2006-01-02"),
			"/calendar?date=" + d.AddDate(0, 0, -1).Format("2006-01-02"),
		}, ""))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		html(w, r, 404, "<html><body>页面不存在</body></html>")
	})
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

type httptestServer = httptest.Server

func startServer(h http.Handler) *httptest.Server { return httptest.NewServer(h) }
