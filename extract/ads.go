package extract

import (
	"regexp"
	"strings"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

var adGambling = rule.New(rule.Rule{
	Name: "ad.gambling",
	Why: "links a hacked page injects into text name a gambling brand (a documented list: 申博, sunbet, 百家乐 …) " +
		"and a site word with a colon (官网:, 现金网:); the text around them stays",
	Accept: "在第三届申博现金网：职工技能大赛上", Reject: "上海申博成功后，职工热情高涨。",
	Fires: func(s string) bool { return stripInlineAds(s) != s },
})

var adTitleTail = rule.New(rule.Rule{
	Name: "ad.title-tail",
	Why: "a hacked page appends a betting site's name to its headline after a dash (…情暖职工-m6米乐网页版): a " +
		"documented list of betting brands (米乐, 开云, 九游, 乐鱼, 华体会 …) with a site word (网页版, 官网, 登录, app …)",
	Accept: "市总工会170万元关爱金情暖职工-m6米乐网页版", Reject: "市总工会举办职工乐鱼垂钓比赛-县总工会",
	Fires: func(s string) bool { return stripAdTail(s) != s },
})

// bettingBrands are the betting sites whose names hacked pages append to
// headlines, as their spam campaigns were documented in 2020–2024, and
// the casino words of gamblingBrands.
var bettingBrands = append([]string{"米乐", "开云", "九游", "乐鱼", "华体会", "雷竞技", "亚博", "必威", "博鱼", "星空体育", "半岛体育",
	"爱游戏", "kaiyun", "leyu", "bob体育", "ob体育", "pg电子", "杏彩", "澳门新葡京"}, gamblingBrands...)

// adTitleTailRe is a dash and a betting site's name at the end of a
// folded headline, a site word in it.
var adTitleTailRe = regexp.MustCompile(`\s*[-_|—]+\s*[a-z0-9]{0,6}(?:` + strings.Join(bettingBrands, "|") +
	`)[\p{Han}a-z0-9]{0,8}$`)

var adSiteWordRe = regexp.MustCompile(`网页版|官网|官方|登录|登陆|入口|app|下载|平台|注册|网址|体育|娱乐`)

// stripAdTail removes a betting site's name appended to a headline
// (ad.title-tail).
func stripAdTail(s string) string {
	f := zh.Fold(s)
	m := adTitleTailRe.FindStringIndex(f)
	if m == nil || m[0] == 0 || !adSiteWordRe.MatchString(f[m[0]:]) {
		return s
	}
	return strings.TrimSpace(origSpan(s, f, 0, m[0]))
}

// gamblingAdRe is one injected gambling link, on folded text: a brand
// word, a few more letters, a site word and a colon. The brand word opens
// the match, so no character of the sentence before it goes with it; 申博
// alone (bidding for the Expo) is news, and only with a site word an ad.
var gamblingAdRe = regexp.MustCompile(`(?:` + strings.Join(gamblingBrands, "|") + `)[\p{Han}a-z0-9]{0,6}?(?:官网|现金网|网址|平台|娱乐|开户|注册|网站)\s*:`)

// gamblingBrands are the brand words that open gamblingAdRe.
var gamblingBrands = []string{"申博", "sunbet", "太阳城", "百家乐", "博彩", "娱乐城", "时时彩", "六合彩", "老虎机", "赌场", "博狗", "葡京", "casino", "bet365"}

// mayGamble spares the regexp nearly every line: each match has a colon
// and a brand word. Many lines have a colon (folding makes ： one), and
// the regexp would try every position of them; a search for the brand
// words is far quicker.
func mayGamble(f string) bool {
	if !strings.Contains(f, ":") {
		return false
	}
	return gamblingBrandSet.in(f)
}

var gamblingBrandSet = newWordSet(gamblingBrands...)

// stripInlineAds removes injected gambling links from s (ad.gambling).
func stripInlineAds(s string) string {
	return stripInlineAdsFolded(s, zh.Fold(s))
}

// stripInlineAdsFolded is stripInlineAds for s folded to f already.
func stripInlineAdsFolded(s, f string) string {
	if !mayGamble(f) {
		return s
	}
	ms := gamblingAdRe.FindAllStringIndex(f, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, m := range ms {
		b.WriteString(origSpan(s, f, prev, m[0]))
		prev = m[1]
	}
	b.WriteString(origSpan(s, f, prev, len(f)))
	return strings.TrimSpace(b.String())
}

var adWatermark = rule.New(rule.Rule{
	Name: "ad.site-watermark",
	Why: "a document site stamps its name, a slogan and its address into the text it serves " +
		"(某某之家—资源每日更新www.example.com), even inside a sentence; the stamp names the site, the text " +
		"around it stays",
	Accept: "今年是实现目标任务的关键一年。文稿之家—全网资源每日更新www.wengao.com当前，我们正处在",
	Reject: "请登录www.example.com查询。",
	Fires:  func(s string) bool { t, _ := stripWatermarks(s); return t != s },
})

// watermarkRe is a site's stamp: its name (a site word at its end), a
// dash, a slogan of a few characters and the address.
var watermarkRe = regexp.MustCompile(`([\p{Han}]{2,8}?(?:网|之家|文库|文档|吧|在线))\s*[—–-]{1,2}\s*[\p{Han}]{2,12}\s*(?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org)(?:\.cn)?`)

// stripWatermarks removes site stamps from a line (ad.site-watermark) and
// returns what is left and the site the first stamp names.
func stripWatermarks(s string) (string, string) {
	if !strings.Contains(s, "www") {
		return s, ""
	}
	f := zh.Fold(s)
	ms := watermarkRe.FindAllStringSubmatchIndex(f, -1)
	if ms == nil {
		return s, ""
	}
	site := origSpan(s, f, ms[0][2], ms[0][3])
	var b strings.Builder
	prev := 0
	for _, m := range ms {
		b.WriteString(origSpan(s, f, prev, m[0]))
		prev = m[1]
	}
	b.WriteString(origSpan(s, f, prev, len(f)))
	return strings.TrimSpace(b.String()), site
}

var lineKeywordRun = rule.New(rule.Rule{
	Name: "line.keyword-run",
	Why: "keyword spam injected into a page is a run of at least keywordRunMin short lines that nearly all repeat " +
		"one word of three or more characters (某某草一区, 某某草在线, 精品某某草 …); a headline or a menu varies its words",
	Accept: "忘归草一区\n忘归草二区\n精品忘归草\n忘归草在线\n忘归草网页版\n最新忘归草",
	Reject: "工会新闻\n基层动态\n职工维权\n劳模风采\n女工之家\n政策法规",
	Fires: func(s string) bool {
		ls := fixtureLines(s)
		ks := fixtureKinds(s)
		markKeywordRuns(ls, ks)
		return ks[0] == kindAd
	},
})

// keywordRunMin is the shortest run of lines line.keyword-run takes, and
// keywordLineMax the longest line in it.
const (
	keywordRunMin  = 5
	keywordLineMax = 24
)

// markKeywordRuns marks the lines of keyword spam as adverts
// (line.keyword-run).
func markKeywordRuns(lines []line, kinds []kind) {
	for i := 0; i < len(lines); {
		// A run goes on over blank lines.
		var run []line
		j := i
		for ; j < len(lines); j++ {
			if kinds[j] == kindBlank {
				continue
			}
			if kinds[j] != kindShort && kinds[j] != kindNav || runesOver(lines[j].text, keywordLineMax) {
				break
			}
			run = append(run, lines[j])
		}
		if len(run) >= keywordRunMin {
			if w := sharedWord(run); w != "" {
				for k := i; k < j; k++ {
					if kinds[k] != kindBlank && strings.Contains(zh.Fold(lines[k].text), w) {
						kinds[k] = kindAd
					}
				}
			}
		}
		i = max(j, i+1)
	}
}

// sharedWord returns a word of three Han characters that all lines but
// one in a run hold, or "".
func sharedWord(run []line) string {
	counts := map[string]int{}
	for _, l := range run {
		rs := []rune(zh.Fold(l.text))
		seen := map[string]bool{}
		for k := 0; k+3 <= len(rs); k++ {
			if w := string(rs[k : k+3]); zh.IsHan(rs[k]) && zh.IsHan(rs[k+1]) && zh.IsHan(rs[k+2]) && !seen[w] {
				seen[w] = true
				counts[w]++
			}
		}
	}
	best := ""
	for w, n := range counts {
		if n >= len(run)-1 && (best == "" || n > counts[best] || n == counts[best] && w < best) {
			best = w
		}
	}
	return best
}
