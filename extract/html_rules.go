package extract

import (
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/unionscope/unionscope/extract/rule"
)

// The rules of the HTML path. Each Fires parses its example as a web page
// and reports whether the rule changes what the page yields, so the
// examples test the rule as Parse applies it.
var (
	ruleTitleBounds = rule.New(rule.Rule{
		Name: "html.title-section",
		Why: "the page's <title> bounds the headline: an element that the title opens with, a separator (-社会新闻-) after it, " +
			"is the headline, the rest the section and the site",
		Accept: `<html><head><title>区总工会启动金秋助学-工会动态-某区工会网</title></head><body><div class="nav">首页</div>` +
			`<h1>区总工会启动金秋助学</h1><div>某某新闻╱某某新闻 2013-08-20 16:04</div><div class="content"><p>区总工会近日启动金秋助学活动，资助困难职工子女86名。</p></div><div class="side"><h1>职工书屋建设推进会召开</h1></div></body></html>`,
		Reject: `<html><head><title>区总工会启动金秋助学2013-工会动态-某区工会网</title></head><body><div class="nav">首页</div>` +
			`<h1>区总工会启动金秋助学</h1><div>某某新闻╱某某新闻 2013-08-20 16:04</div><div class="content"><p>区总工会近日启动金秋助学活动，资助困难职工子女86名。</p></div><div class="side"><h1>职工书屋建设推进会召开</h1></div></body></html>`,
		Fires: func(s string) bool { return ruleChangesTitle(s, "html.title-section") },
	})
	ruleUnderHeadline = rule.New(rule.Rule{
		Name: "html.under-headline",
		Why: "position: a paragraph a few lines under the headline opens the article, and weighs more for the element " +
			"that holds it than a box of promotions elsewhere on the page",
		Accept: `<div><a href="/">首页</a> &gt; <a href="/dt/">动态</a> &gt; 正文</div><div><div><h1>市总工会启动职工疗休养报名</h1><div>2015-03-09 10:20 来源：市工会网</div><div><p>记者从市总工会获悉，今年全市职工疗休养报名工作已经启动，一线职工、劳动模范和困难职工优先安排，全年计划组织疗休养3000人次。</p></div>` +
			`</div><div><span>分享到</span> <a href="#">打印</a></div><div><h3>相关新闻</h3><ul><li><a href="/a/1.html">市总工会召开全委会议</a></li></ul></div></div><div><div><p>工会会员服务平台实时发布惠工政策、帮扶项目、法律咨询等各类服务信息，提供免费订阅功能，手机短信提醒。服务信息，即刻知道，详情请登录会员服务平台。</p></div></div>`,
		Reject: `<div><a href="/">首页</a> &gt; <a href="/dt/">动态</a> &gt; 正文</div><div><div><h1>市总工会启动职工疗休养报名</h1><div>2015-03-09 10:20 来源：市工会网</div><div><p>记者从市总工会获悉，今年全市职工疗休养报名工作已经启动，一线职工、劳动模范和困难职工优先安排。</p><p>疗休养分春秋两季进行，每批5天，费用由工会经费列支。</p><p>市总工会要求各基层工会在3月底前上报名单。</p></div>` +
			`</div><div><span>分享到</span> <a href="#">打印</a></div><div><h3>相关新闻</h3><ul><li><a href="/a/1.html">市总工会召开全委会议</a></li></ul></div></div><div><div><p>工会会员服务平台实时发布惠工政策、帮扶项目、法律咨询等各类服务信息，提供免费订阅功能，手机短信提醒。服务信息，即刻知道，详情请登录会员服务平台。</p></div></div>`,
		Fires: func(s string) bool { return ruleChangesBody(s, "html.under-headline") },
	})
	ruleDivParagraph = rule.New(rule.Rule{
		Name: "html.div-paragraph",
		Why: "DOM structure: a <div> that holds text and no block is a paragraph, as a <p> is, so the article's " +
			"score goes to the element around its paragraphs on templates that write them as <div>s",
		Accept: `<div class="wrap"><div class="box"><div class="box-title">图片新闻</div><div>市总工会举行职工篮球赛开幕式，来自全市42家企业的代表队参赛，比赛将持续两周，本届比赛设男子组和女子组，共有运动员500余人参加，决赛安排在市体育馆进行，市总工会负责人出席开幕式并为参赛队伍授旗。</div></div>` +
			`<div class="a"><div>今年以来，省总工会在全省开展农民工入会集中行动，重点面向建筑、物流、家政等行业，新发展农民工会员12.6万人。</div><div>行动中，各级工会深入工地和园区，设立入会服务点300多个，现场办理入会手续。</div><div>省总工会有关负责人表示，将把新入会的农民工纳入帮扶和维权服务范围，让他们真正感受到工会组织的温暖。</div><div>下一步，省总工会还将开展“农民工平安返乡”和“金秋助学”等服务活动。</div></div></div>`,
		Reject: `<div class="wrap"><div class="box"><div class="box-title">图片新闻</div><div>市总工会举行职工篮球赛开幕式，来自全市42家企业的代表队参赛，比赛将持续两周，本届比赛设男子组和女子组，共有运动员500余人参加，决赛安排在市体育馆进行，市总工会负责人出席开幕式并为参赛队伍授旗。</div></div>` +
			`<div class="a"><p>今年以来，省总工会在全省开展农民工入会集中行动，重点面向建筑、物流、家政等行业，新发展农民工会员12.6万人。</p><p>行动中，各级工会深入工地和园区，设立入会服务点300多个，现场办理入会手续。</p><p>省总工会有关负责人表示，将把新入会的农民工纳入帮扶和维权服务范围，让他们真正感受到工会组织的温暖。</p><p>下一步，省总工会还将开展“农民工平安返乡”和“金秋助学”等服务活动。</p></div>`,
		Fires: func(s string) bool { return ruleChangesBody(s, "html.div-paragraph") },
	})
	ruleInlineWrapper = rule.New(rule.Rule{
		Name: "html.inline-wrapper",
		Why: "DOM position: an inline wrapper (<font>, <span>) is no container, so paragraphs in it score " +
			"for the block around it, where a lead paragraph written straight into the cell also stands",
		Accept: `<table><tr><td><font>县总工会近日召开全委会议，部署今年的重点工作。<p>会议总结了去年的工作，表彰了一批先进集体。</p>` +
			`<p>会议要求各级工会围绕中心、服务大局，扎实做好维权服务工作。</p><p>会议强调，要深入开展劳动竞赛，推动企业发展。</p>` +
			`<p>会议号召全县职工立足岗位、建功立业。</p></font></td></tr></table>`,
		Reject: `<table><tr><td><p>县总工会近日召开全委会议，部署今年的重点工作。</p><p>会议总结了去年的工作，表彰了一批先进集体。</p>` +
			`<p>会议要求各级工会围绕中心、服务大局，扎实做好维权服务工作。</p></td></tr></table>`,
		Fires: func(s string) bool { return ruleChangesBody(s, "html.inline-wrapper") },
	})
	rulePollForm = rule.New(rule.Rule{
		Name:   "html.poll-form",
		Why:    "markup: a form of radio buttons or check boxes is a reader poll or a login box, not article text, unless it wraps most of the page",
		Accept: `<div class="content"><p>近日，市总工会开展了职工书屋建设情况调研，走访企业32家，发放问卷1200份。</p><p>调研发现，多数企业的职工书屋藏书在2000册以上，一线职工借阅最多的是技术类图书。</p><p>市总工会将根据调研结果，为50家企业的职工书屋补充图书。</p><form action="/poll"><p>你最常去职工书屋读什么书？</p><p><input type="radio" name="q">技术类图书，提高岗位技能的。</p><p><input type="radio" name="q">文学类图书，丰富业余生活的。</p></form></div>`,
		Reject: `<div class="content"><p>近日，市总工会开展了职工书屋建设情况调研，走访企业32家。</p><form action="/search"><p>站内搜索的结果按时间排列，最新的文章排在前面。</p><input type="text" name="q"></form></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.poll-form") },
	})
	rulePageEnd = rule.New(rule.Rule{
		Name:   "html.page-end",
		Why:    "label: a pager (1 2 3 下一页) or the site's 声明： ends the article page; what follows is the site's, not the story's",
		Accept: `<div class="content"><p>区总工会为120名环卫工人送去了棉衣和慰问金。</p><p>1 2 3 下一页</p><p>声明：</p><p>凡注明来源为其他媒体的稿件，均为转载，并不代表本网赞同其观点。</p></div>`,
		Reject: `<div class="content"><p>区总工会为120名环卫工人送去了棉衣和慰问金。</p><p>2012年全区工会共为环卫工人办了12件实事，受到职工的好评。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.page-end") },
	})
	ruleClaimLine = rule.New(rule.Rule{
		Name:   "html.claim-line",
		Why:    "label: a line claiming or disclaiming rights (版权, 转载, 免责声明) is the site's chrome and counts for a fifth in choosing the article",
		Accept: `<div class="story"><p>区总工会日前举办职工技能大赛，共有300名职工参赛。</p></div><div class="other"><p>声明：本网刊载的稿件，凡注明来源的均为转载，不代表本网观点。</p><p>本网原创稿件版权所有，转载请注明出处，否则追究法律责任。</p></div>`,
		Reject: `<div class="story"><p>区总工会日前举办职工技能大赛，共有300名职工参赛。</p></div><div class="other"><p>大赛设车工、钳工、焊工三个工种，前三名将获得奖励。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.claim-line") },
	})
	ruleReadability = rule.New(rule.Rule{
		Name: "html.readability-fallback",
		Why: "fallback: a web page in which the line rules find no article is read again by go-readability, which scores containers " +
			"by text and link length without needing Chinese punctuation",
		Accept: `<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div><div class="article"><p>县总工会第十次代表大会于三月五日在县会议中心隆重开幕</p>` +
			`<p>来自全县各条战线的二百一十名代表出席了这次大会</p><p>大会听取和审议了县总工会第九届委员会的工作报告</p></div>`,
		Reject: `<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div><div class="article"><p>县总工会周一召开第十次代表大会，二百多名代表出席会议。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.readability-fallback") },
	})
	ruleBlockParagraph = rule.New(rule.Rule{
		Name:   "html.block-paragraph",
		Why:    "markup: a block element's end ends a paragraph; only lines cut by <br> are rejoined where a fixed width cut them",
		Accept: `<div class="content"><p>市总工会近日表彰了一批职工技能大赛的优胜者。</p><p>二〇一二年全市职工职业技能大赛车工钳工焊工三个工种获奖选手名单</p><p>获奖选手将由市总工会推荐参加全省比赛。</p></div>`,
		Reject: `<div class="content"><p>市总工会近日表彰了一批职工技能大赛的优胜者。<br>二〇一二年全市职工职业技能大赛车工钳工焊工三个工种获奖选手名单<br>获奖选手将由市总工会推荐参加全省比赛。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.block-paragraph") },
	})
	ruleStructuredDate = rule.New(rule.Rule{
		Name:   "html.jsonld-date",
		Why:    "markup: the datePublished of the page's JSON-LD is its own stamp",
		Accept: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2012-05-03T10:21:00+08:00"}</script><p>区总工会召开全委会议。</p>`,
		Reject: `<script type="application/ld+json">{"@type":"WebSite","name":"职工网"}</script><p>区总工会召开全委会议。</p>`,
		Fires:  func(s string) bool { return ruleStampDate(s, "html.jsonld-date") },
	})
	ruleCMSDate = rule.New(rule.Rule{
		Name:   "html.cms-comment-date",
		Why:    "markup: the property comment a Chinese publishing system writes over an article (<!--enpproperty …<date>…</date>-->) carries its stamp",
		Accept: `<!--enpproperty <articleid>5512</articleid><date>2012-01-17 20:40:53.0</date><title>区总工会召开全委会议</title>/enpproperty--><p>区总工会召开全委会议。</p>`,
		Reject: `<!-- 2012-01-17 页面更新 --><p>区总工会召开全委会议。</p>`,
		Fires:  func(s string) bool { return ruleStampDate(s, "html.cms-comment-date") },
	})
	ruleCanonicalDate = rule.New(rule.Rule{
		Name:   "html.canonical-date",
		Why:    "position: a full date in the page's canonical address (/2012-05/16/, t20120516_) is its stamp; a month alone is not",
		Accept: `<link rel="canonical" href="http://gh.example.cn/news/201205/t20120516_3321.html"><p>区总工会召开全委会议。</p>`,
		Reject: `<link rel="canonical" href="http://gh.example.cn/news/201205/3321.html"><p>区总工会召开全委会议。</p>`,
		Fires:  func(s string) bool { return ruleStampDate(s, "html.canonical-date") },
	})
	ruleCalendar = rule.New(rule.Rule{
		Name:   "html.calendar-line",
		Why:    "position and label: outside the article element, a date with its weekday (今天是2012年5月20日 星期日) is the site's calendar, the day of the visit",
		Accept: `<table><tr><td>2012年5月20日 星期日</td></tr></table><div class="content"><p>记者从区总工会获悉，全区参加职工医疗互助活动的职工达到5.2万人。</p></div>`,
		Reject: `<table><tr><td>2012年5月3日 10:21</td></tr></table><div class="content"><p>记者从区总工会获悉，全区参加职工医疗互助活动的职工达到5.2万人。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesDate(s, "html.calendar-line") },
	})
	ruleOffscreen = rule.New(rule.Rule{
		Name:   "html.offscreen",
		Why:    "markup: an element styled off the page or to no size (left:-9999px, font-size:0, height:0 with overflow:hidden) is hidden from readers, as injected adverts are",
		Accept: `<div class="content"><p>区总工会为一线职工送去防暑降温用品，慰问职工800余人。</p><div style="position:absolute;left:-9999px"><p>最新优惠活动，每天都有惊喜等着您来参加。</p></div></div>`,
		Reject: `<div class="content"><p>区总工会为一线职工送去防暑降温用品，慰问职工800余人。</p><div style="margin-left:20px"><p>慰问活动将持续到8月底，覆盖全区所有建筑工地。</p></div></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.offscreen") },
	})
	ruleGambling = rule.New(rule.Rule{
		Name:   "html.gambling-ad",
		Why:    "documented word list: a line with a gambling word (百家乐, 娱乐城, 博彩) and a call to act (注册, 开户, 彩金) or a link is an injected advert, and its link counts against no element the article is chosen from",
		Accept: `<div class="content"><p>区总工会为一线职工送去防暑降温用品，慰问职工800余人。</p><p>真人百家乐娱乐城，注册即送38元彩金，信誉第一。</p><p>慰问活动将持续到8月底。</p></div>`,
		Reject: `<div class="content"><p>区总工会为一线职工送去防暑降温用品，慰问职工800余人。</p><p>区总工会还配合公安机关开展了拒绝赌博的宣传，提醒职工远离网络博彩。</p><p>慰问活动将持续到8月底。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.gambling-ad") },
	})
	ruleLinkLine = rule.New(rule.Rule{
		Name:   "html.link-line",
		Why:    "link density: a line of the article that is mostly link text is a link (a download address, a teaser), not a paragraph",
		Accept: `<div class="content"><p>市总工会开通了职工维权服务热线，全天受理职工的咨询和投诉。</p><p>下载地址：<a href="/app">http://app.example.cn/down/5512</a></p><p>职工也可以通过手机客户端反映问题，工会将在三个工作日内答复。</p></div>`,
		Reject: `<div class="content"><p>市总工会开通了职工维权服务热线，全天受理职工的咨询和投诉。</p><p>据<a href="/x">县总工会</a>统计，全年共慰问困难职工312户，发放慰问金18万元。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.link-line") },
	})
	ruleCaption = rule.New(rule.Rule{
		Name:   "html.image-caption",
		Why:    "markup: a line that repeats an image's alt or title is the photo's caption, not a paragraph",
		Accept: `<div class="content"><p>劳模创新工作室成立三年来，共完成技术革新项目46项，创造经济效益800余万元。</p><div><img src="a.jpg" alt="劳模代表在车间交流操作技术"><p>劳模代表在车间交流操作技术。</p></div></div>`,
		Reject: `<div class="content"><p>劳模创新工作室成立三年来，共完成技术革新项目46项，创造经济效益800余万元。</p><div><img src="a.jpg" alt="劳模代表在车间交流操作技术"><p>工作室还带出了一支技术过硬的青年职工队伍。</p></div></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.image-caption") },
	})
	ruleCaptionUnder = rule.New(rule.Rule{
		Name:   "html.caption-under-image",
		Why:    "DOM position and markup: a short line that ends no sentence, right under an image and centred or in a caption-named element, is the photo's caption",
		Accept: `<div class="content"><p>新厂区的职工食堂本月投入使用，可同时容纳600人就餐。</p><p><img src="a.jpg"></p><p style="text-align:center">新建成的职工食堂</p><p>食堂还为夜班职工提供免费夜宵，每月补贴由企业工会承担。</p></div>`,
		Reject: `<div class="content"><p>新厂区的职工食堂本月投入使用，可同时容纳600人就餐。</p><p><img src="a.jpg"></p><p>夜班职工有了热饭</p><p>食堂还为夜班职工提供免费夜宵，每月补贴由企业工会承担。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.caption-under-image") },
	})
	ruleFontBar = rule.New(rule.Rule{
		Name:   "html.font-size-bar",
		Why:    "label: the label of a page's text-size buttons (调整字级：, 字号：大 中 小) is chrome",
		Accept: `<div class="content"><p>区总工会开展“职工健康行”活动，为500名职工免费体检。</p><p>调整字级：</p><p>体检项目包括心电图、B超和血液检查等十余项。</p></div>`,
		Reject: `<div class="content"><p>区总工会开展“职工健康行”活动，为500名职工免费体检。</p><p>字里行间</p><p>体检项目包括心电图、B超和血液检查等十余项。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.font-size-bar") },
	})
	ruleDanglingLabel = rule.New(rule.Rule{
		Name:   "html.dangling-label",
		Why:    "position and label: a short label ending in a colon (附件：, 股价资料：) at the end of the body introduces nothing the body kept",
		Accept: `<div class="content"><p>区总工会开展“职工健康行”活动，为500名职工免费体检。</p><p>体检项目包括心电图、B超和血液检查等十余项。</p><p>附件：</p></div>`,
		Reject: `<div class="content"><p>区总工会开展“职工健康行”活动，为500名职工免费体检。</p><p>附件：</p><p>体检项目包括心电图、B超和血液检查等十余项。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.dangling-label") },
	})
	ruleMainTail = rule.New(rule.Rule{
		Name:   "html.main-tail",
		Why:    "DOM position: short paragraphs, none a link, that run to the end of the article element are its closing list, not chrome",
		Accept: `<div class="content"><p>今年春节前，县总工会走访慰问困难职工家庭126户，送去慰问金和生活用品。</p><p>慰问的企业有：</p><p>县纺织厂(32户)</p><p>县水泥厂(18户)</p><p>县化肥厂(9户)</p></div><div class="list"><p>相关新闻</p></div>`,
		Reject: `<div class="content"><p>今年春节前，县总工会走访慰问困难职工家庭126户，送去慰问金和生活用品。</p><p><a href="/a/1.html">县纺织厂</a></p><p><a href="/a/2.html">县水泥厂</a></p><p><a href="/a/3.html">县化肥厂</a></p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.main-tail") },
	})
	ruleLabelOverProse = rule.New(rule.Rule{
		Name:   "html.label-over-prose",
		Why:    "label and link density: 相关链接 or 延伸阅读 over paragraphs of prose heads a section of the article; over links it ends the article",
		Accept: `<div class="content"><p>今年春节前，县总工会走访慰问困难职工家庭126户，送去慰问金和生活用品。</p><p>相关链接</p><p>去年全县工会共筹集帮扶资金85万元，帮助困难职工子女上学43人。</p></div>`,
		Reject: `<div class="content"><p>今年春节前，县总工会走访慰问困难职工家庭126户，送去慰问金和生活用品。</p><p>相关链接</p><p><a href="/a/1.html">县总工会召开全委会议部署全年工作</a></p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.label-over-prose") },
	})
	ruleReadWhole = rule.New(rule.Rule{
		Name: "html.read-whole-page",
		Why:  "fallback: when the element chosen as the article holds no paragraph but the page has one, the page is read whole rather than giving no article",
		Accept: `<div class="content"><p>工会动态，通知公告，维权服务</p><p>职工之家，劳模风采，法律法规</p><p>办事指南，下载中心，领导信箱</p></div>` +
			`<table><tr><td class="left">全县各级工会组织开展金秋助学活动，资助困难职工子女86名。</td></tr></table>`,
		Reject: `<div class="content"><p>全县各级工会组织开展金秋助学活动，资助困难职工子女86名。</p></div>` +
			`<table><tr><td class="left">工会动态，通知公告，维权服务</td></tr></table>`,
		Fires: func(s string) bool { return ruleChangesBody(s, "html.read-whole-page") },
	})
	ruleBridge = rule.New(rule.Rule{
		Name: "html.bridge-gap",
		Why: "DOM position: inside the article element the body goes on over subheadings and in-text bylines " +
			"(up to a named cost) to the next paragraph, where the line-by-line run would end",
		Accept: `<div class="content"><p>今年以来，市总工会把农民工维权作为重点，共追回拖欠工资260万元。</p><p>记者调查</p><p>讨薪难在哪里</p><p>□本报记者 方晓</p>` +
			`<p>记者走访了三个建筑工地，多数农民工表示已经签订了劳动合同。</p></div>`,
		Reject: `<div class="content"><p>今年以来，市总工会把农民工维权作为重点，共追回拖欠工资260万元。</p></div><div class="list"><p>热点</p><p>工会要闻</p><p>图片新闻</p><p>专题</p><p>视频</p><p>下载</p>` +
			`<p>点击排行榜里都是全市职工关心的文章，欢迎阅读。</p></div>`,
		Fires: func(s string) bool { return ruleChangesBody(s, "html.bridge-gap") },
	})
	ruleLead = rule.New(rule.Rule{
		Name:   "html.lead-above",
		Why:    "headline proximity: a paragraph of prose, not link text, between the headline and the article element is the story's lead",
		Accept: `<h1>县总工会启动农民工平安返乡行动</h1><p class="time">2012-01-16 09:30</p><p class="lead">为帮助农民工平安返乡，县总工会近日启动了平安返乡行动。</p><p class="by">记者 林海</p><div class="content"><p>行动期间，县总工会在火车站设立服务点，为返乡农民工提供免费茶水和咨询。</p><p>县总工会还包租了20辆大巴，免费送农民工回家过年。</p></div>`,
		Reject: `<h1>县总工会启动农民工平安返乡行动</h1><p class="time">2012-01-16 09:30</p><p class="lead"><a href="/a/2.html">为帮助农民工平安返乡，县总工会近日启动了平安返乡行动。</a></p><div class="content"><p>行动期间，县总工会在火车站设立服务点，为返乡农民工提供免费茶水和咨询。</p><p>县总工会还包租了20辆大巴，免费送农民工回家过年。</p></div>`,
		Fires:  func(s string) bool { return ruleChangesBody(s, "html.lead-above") },
	})
)

// gate says which rules are in force while one page is read: the
// registry's switches when Parse reads it, all rules but one when a rule
// runs on its own example, so examples neither read nor change the
// switches that other parses use.
type gate struct {
	fixed bool
	off   []string // rules' names
}

func (g gate) on(r *rule.Rule) bool {
	if g.fixed {
		return !slices.Contains(g.off, r.Name)
	}
	return r.On()
}

// ruleChangesBody is changesBody, set in init: a rule's Fires reaches
// the code that asks whether the rule is on, which a package-level
// initializer may not refer back to.
var ruleChangesBody func(s, name string) bool

// ruleStampDate and ruleChangesDate are stampDate and changesDate, set
// in init for the same reason.
var ruleStampDate, ruleChangesDate func(s, name string) bool

// ruleChangesTitle is changesTitle, set in init for the same reason.
var ruleChangesTitle func(s, name string) bool

func init() {
	ruleChangesBody = changesBody
	ruleStampDate = stampDate
	ruleChangesDate = changesDate
	ruleChangesTitle = changesTitle
}

// changesTitle reports whether the named rule changes the title Parse
// reads from the whole page s.
func changesTitle(s, name string) bool {
	title := func(g gate) string {
		docs, _ := buildDocuments(htmlPageGated(s, g), "example.html", "")
		if len(docs) == 0 {
			return ""
		}
		return docs[0].Title
	}
	return title(gate{fixed: true}) != title(gate{fixed: true, off: []string{name}})
}

// changesDate reports whether the named rule changes the date Parse reads
// from the HTML fragment s.
func changesDate(s, name string) bool {
	page := "<html><head><title>示例</title></head><body>" + s + "</body></html>"
	date := func(g gate) string {
		docs, _ := buildDocuments(htmlPageGated(page, g), "example.html", "")
		if len(docs) == 0 {
			return ""
		}
		return docs[0].Date
	}
	return date(gate{fixed: true}) != date(gate{fixed: true, off: []string{name}})
}

// stampDate reports whether the named rule alone finds a date stamp in
// the HTML fragment s.
func stampDate(s, name string) bool {
	page := "<html><head>" + s + "</head><body></body></html>"
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		return false
	}
	var off []string
	for _, r := range []string{"html.jsonld-date", "html.cms-comment-date", "html.canonical-date"} {
		if r != name {
			off = append(off, r)
		}
	}
	return pageStamp(doc, page, gate{fixed: true, off: off}) != ""
}

// changesBody reports whether the named rule changes the body found in the
// HTML fragment s. The rules of the line path are judged without the
// readability fallback, which would otherwise stand in for each of them.
func changesBody(s, name string) bool {
	page := "<html><head><title>示例</title></head><body>" + s + "</body></html>"
	var base []string
	if name != "html.readability-fallback" {
		base = []string{"html.readability-fallback"}
	}
	return exampleBody(page, gate{fixed: true, off: base}) != exampleBody(page, gate{fixed: true, off: append(base, name)})
}

// exampleBody is the body of a web page as Parse finds it, joined, with
// the rules g lets through.
func exampleBody(src string, g gate) string {
	pg := htmlPageGated(src, g)
	docs, empty := buildDocuments(pg, "example.html", "")
	if empty {
		if alt := fallbackPage(pg, src); alt != nil {
			docs, _ = buildDocuments(alt, "example.html", "")
		}
	}
	var out []string
	for _, d := range docs {
		out = append(out, d.Body...)
	}
	return strings.Join(out, "\n")
}
