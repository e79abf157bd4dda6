package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/extract/rule"
	"github.com/unionscope/unionscope/zh"
)

var (
	pointRe = regexp.MustCompile(`^([一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d{1,2}[、]|\d{1,2}\.\D|第[一二三四五六七八九十]+[、,:]|[一二三四五六七八九十]是|首先|其次|最后)`)

	// A speaker line: an office and a name, or a name alone.
	officeSuffix = suffixes{"书记", "主席", "市长", "区长", "县长", "省长", "州长", "镇长", "乡长", "部长", "局长", "厅长", "处长", "主任", "委员",
		"秘书长", "常委", "总经理", "董事长", "院长", "校长", "会长", "理事长", "组长", "代表"}
	nameRe    = regexp.MustCompile(`^[\p{Han}·]{2,4}$`)
	orgSuffix = suffixes{"委", "局", "厅", "办", "部", "处", "会", "院", "校", "厂", "公司", "中心", "政府", "集团", "街道", "镇", "乡", "村",
		"社区", "所", "站", "队", "支队", "工会", "协会", "联合会", "分会", "委员会", "医院", "学校", "大学", "银行", "车间", "班组", "小组"}

	newspaperRe = regexp.MustCompile(`([\p{Han}]{2,8}?(?:日报|晚报|早报|时报|商报|导报|周报|工人报|青年报|法制报|经济报))|(新华社|中新社|中新网|人民网|新华网|央视网|中国新闻网|中工网|中国工会网|光明网)`)
	siteHomeRe  = regexp.MustCompile(`返回\s*([\p{Han}a-z0-9]{2,20}?(?:网|在线|网站|门户))\s*首页`)
	copyrightRe = regexp.MustCompile(`(?:版权所有|copyright|©)\s*[:：]?\s*(?:©|\(c\))?\s*(?:\d{4}\s*(?:-\s*\d{4})?)?\s*([\p{Han}]{2,15}?(?:网|在线))`)
	titleOrgRe  = regexp.MustCompile(`[(（]([^()（）]{2,20})[)）]\s*$`)
	roleSplitRe = regexp.MustCompile(`本报记者|全媒体记者|融媒体记者|特约记者|见习记者|实习记者|记者|通讯员|实习生|本报讯|本台讯|本网讯|摄影|摄|文/|图/|/文|/图|报道|报导`)
	// suffixRoleRe is a role written after the names it follows: 王某 报道,
	// 王某/文, 王某 摄.
	suffixRoleRe = regexp.MustCompile(`^(?:摄影|摄|/文|/图|报道)$`)
)

// suffixes are words a text may end with. Its test is a suffix test per
// word, where a regexp (…|…)$ tries every start of the text.
type suffixes []string

// MatchString reports whether s ends with one of the words, as the regexp
// would.
func (ws suffixes) MatchString(s string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// surnames holds Chinese family names, simplified (names are looked up
// folded), to tell a speaker's name from a short slogan line such as
// 履职尽责. Family names that are also common words (幸, 满, 须) are left
// out: a line of two characters would read as a name.
var surnames = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封井嵇揭粟阚訾郜扈冀蔺逯晁鞠谌禹邸滑笪靖宦芮奚茅羊隗宓蓬郗仰钭戎韶蓟薄邰鄂屠胥莘逄郦雍璩濮郏庾暨阙殳蔚厍毋乜巢蒯荆竺桓钮於阎才代位帅续居官银况练植衣郁储闻冼" {
		m[r] = true
	}
	return m
}()

// header is what the lines before the body say about the document.
type header struct {
	// lineDate is a line that is only a date: a speech's (2006年1月12日)
	// or a page's stamp; fieldDate follows a label such as 发表日期.
	title, lineDate, fieldDate, anyDate string
	author, publisher, site             string
	// stampOutlet is the outlet a stamp names beside its date (2020-08-18
	// 10:00 某某电视台); a 来源 label anywhere outranks it. masthead is the
	// paper an e-paper names over the day's date (line.masthead-date).
	stampOutlet, masthead string
	crumbs                []string // folded navigation lines
	speaker               string
	// org is a unit signing under the title (阆中市总工会); periodDate a
	// year or month alone on a line there: (2013年4月).
	org, periodDate string
	// origTitle is the value of a 原标题: line; crumbTitle the headline
	// the last breadcrumb ends in (title.crumb-last).
	origTitle, crumbTitle string
	// groups counts the runs of title-like lines; bylineAt is how many of
	// them came before the first byline or date line, 0 when none did.
	groups, bylineAt int
	// otherTitles are the title-like groups above the byline that the
	// title was not chosen from (a headline's kicker or its deck).
	otherTitles []string
}

var titleChannelLabel = rule.New(rule.Rule{
	Name: "title.channel-label",
	Why: "a news site prints the channel an item is filed under on the line under its headline (本地, 国际, 财经: a " +
		"documented list, channelLabels); it is no part of the headline",
	Accept: "五一多个团体游行争劳工权益\n本地", Reject: "五一多个团体游行争劳工权益\n劳工团体下午在维园集合",
	Fires: func(s string) bool { return len(dropChannel(strings.Split(s, "\n"))) == 1 },
})

// dropChannel drops a channel's label under a headline from a group of
// title lines (title.channel-label).
func dropChannel(group []string) []string {
	if n := len(group); n > 1 && slices.Contains(channelLabels, foldLine(group[n-1])) {
		return group[:n-1]
	}
	return group
}

// channelLabels are the channels news sites file items under.
var channelLabels = []string{"本地", "国际", "国内", "两岸", "港澳", "财经", "体育", "社会", "要闻", "时政", "娱乐", "科技", "教育", "民生", "综合"}

// readHeader reads metadata from lines[from:to], the zone between the top of
// a part and its body.
func readHeader(lines []line, kinds []kind, from, to int) header {
	var h header
	var titleGroups [][]string
	var group []string
	// crumbGroups marks the groups that only repeat a breadcrumb's segment.
	crumbGroups := map[int]bool{}
	prevByline := -2 // the last byline line's index
	// On a web page read with title.block-group, blockFlushed is the line
	// whose block's end closed the last group, and groupStart the line
	// that opened the group being read.
	blockFlushed, groupStart := -2, -1
	flush := func() {
		if len(group) > 1 && lineKicker.On() {
			if f := foldLine(group[0]); isExclaimKicker(f, utf8.RuneCountInString(f)) {
				group = group[1:] // 549.87万户! leads the headline and is no part of it
			}
		}
		if titleChannelLabel.On() {
			group = dropChannel(group)
		}
		if len(group) > 0 {
			if titleRewrapped.On() {
				group = dropRewrapped(group)
			}
			// A ——subtitle set apart by a blank line belongs to the
			// headline above it.
			// So does the rest of a headline that a web page's blocks broke
			// before a bracket: 在区总工会全委 | (扩大)会议上的讲话.
			if n := len(titleGroups); n > 0 && !crumbGroups[n-1] && (titleDashSubtitle.On() && strings.HasPrefix(foldLine(group[0]), "——") ||
				blockFlushed == groupStart-1 && strings.HasPrefix(foldLine(group[0]), "(")) {
				titleGroups[n-1] = append(titleGroups[n-1], group...)
			} else {
				titleGroups = append(titleGroups, group)
			}
			group = nil
		}
	}
	for i := from; i < to; i++ {
		s := lines[i].text
		f := strings.TrimSpace(zh.Fold(s))
		if h.stampOutlet == "" && publisherCellStamp.On() && strings.Count(f, "|") >= 2 {
			h.stampOutlet = cellStampOutlet(f)
		}
		switch kinds[i] {
		case kindNav:
			h.crumbs = append(h.crumbs, f)
			if t := crumbTitle([]string{f}); t != "" {
				k := strings.LastIndex(f, t)
				h.crumbTitle = strings.TrimSpace(origSpan(s, f, k, k+len(t)))
			}
			if h.fieldDate == "" && dateEpaperToolbar.On() && isEpaperChrome(f, utf8.RuneCountInString(f)) {
				h.fieldDate = findDate(f)
			}
			if h.fieldDate == "" && dateChromeMinute.On() && postedMinuteRe.MatchString(f) {
				h.fieldDate = findDate(f)
			}
			if m := siteHomeRe.FindStringSubmatchIndex(f); m != nil && h.site == "" {
				h.site = origSpan(s, f, m[2], m[3])
			}
			flush()
		case kindMeta:
			flush()
			// An e-paper prints its masthead's stamp above the headline.
			// The masthead's stamp has the weekday; an item's stamp, its page.
			masthead := linePaperStamp.On() && weekdayRe.MatchString(f) && isPaperStamp(f, utf8.RuneCountInString(f))
			if lineMastheadDate.On() && i > from && isDateLine(f) && mastheadName(foldLine(lines[i-1].text)) {
				masthead = true
				if h.masthead == "" {
					h.masthead = strings.TrimSpace(lines[i-1].text)
				}
			}
			if h.bylineAt == 0 && !masthead && (!urlLineRe.MatchString(f) || fieldRe.MatchString(f)) {
				h.bylineAt = len(titleGroups)
			}
			if o := stampOutlet(f); o != "" && lineNameDate.On() {
				// 某某财经·2026-02-12 04:51, 2020-08-18 10:00 某某电视台: the
				// outlet and its date.
				if h.stampOutlet == "" {
					k := strings.Index(f, o)
					h.stampOutlet = origSpan(s, f, k, k+len(o))
				}
				if h.lineDate == "" {
					h.lineDate = findDate(f)
				}
				continue
			}
			if isDateLine(f) {
				if h.lineDate == "" {
					h.lineDate = findDate(f)
				}
				continue
			}
			if m := labelLineRe.FindStringSubmatchIndex(f); m != nil {
				if l := f[m[2]:m[3]]; l == "原标题" || l == "原题" || l == "文章标题" {
					h.origTitle = strings.TrimSpace(origSpan(s, f, m[1], len(f)))
				}
				continue
			}
			// A byline set over two lines (记者 王林 / 通讯员 李青 报道)
			// names its writers on both.
			if bylineRe.MatchString(f) {
				if h.author != "" && (prevByline == i-1 || prevByline == i-2 && kinds[i-1] == kindBlank) && authorBylineRun.On() {
					h.author = addNames(h.author, bylineNames(s, f))
				}
				prevByline = i
			}
			readFields(&h, s, f)
		case kindShort, kindContent:
			if isDateLine(f) {
				if h.lineDate == "" {
					h.lineDate = findDate(f)
				}
				flush()
				continue
			}
			if d := compactDate(f); d != "" && dateCompactLine.On() {
				if h.lineDate == "" {
					h.lineDate = d
				}
				flush()
				continue
			}
			// A name counts as the speaker only after the title, and so do
			// the signing unit and a (2013年4月) under it.
			afterTitle := len(group) > 0 || len(titleGroups) > 0
			if name, ok := speakerName(s); ok && afterTitle {
				if h.speaker == "" {
					h.speaker = name
				}
				flush()
				continue
			}
			if name, date := datedSpeaker(s); name != "" && afterTitle && headerDatedSpeaker.On() {
				if h.speaker == "" {
					h.speaker = name
				}
				if h.lineDate == "" {
					h.lineDate = date
				}
				flush()
				continue
			}
			if d := periodLine(f); d != "" && afterTitle {
				if h.periodDate == "" {
					h.periodDate = d
				}
				flush()
				continue
			}
			if org, d := orgLine(s, f); org != "" && afterTitle {
				if h.org == "" {
					h.org = org
				}
				if h.periodDate == "" {
					h.periodDate = d
				}
				flush()
				continue
			}
			if kinds[i] == kindContent && endsSentence(f) || runesOver(f, 80) {
				flush()
				continue
			}
			if n := len(group); n > 0 && group[n-1] == s {
				continue // a title repeated line for line
			}
			if titleCrumbSection.On() && crumbSection(f, h.crumbs) {
				flush()
				crumbGroups[len(titleGroups)] = true
				titleGroups = append(titleGroups, []string{s})
				continue
			}
			if m := wikiFromRe.FindStringSubmatchIndex(f); m != nil && titleWikiView.On() {
				if h.publisher == "" {
					h.publisher = origSpan(s, f, m[2], m[3])
				}
				flush()
				continue
			}
			if markedNames(f) != "" && authorMarkedNames.On() {
				if h.author == "" {
					h.author = strings.Join(strings.Fields(strings.TrimLeft(s, "●■□▲◆◇○★☆ \u3000")), " ")
				}
				flush()
				continue
			}
			if titlePhotoCaption.On() && (photoCredit(s).start >= 0 || captionCreditRe.MatchString(f)) {
				flush()
				continue
			}
			if titleSalutation.On() && opensSalutation(f) || titlePersonLine.On() && afterTitle && personLine(f) {
				flush()
				continue
			}
			// 编者按 opens an editor's note under the headline.
			if titleEditorNote.On() && editorNoteRe.MatchString(f) {
				flush()
				continue
			}
			// A sample's header heads a group of its own, apart from the
			// collection's title above it.
			if titleSampleHeader.On() && len(group) > 0 && sampleHeader(s) != "" {
				flush()
			}
			if len(group) == 0 {
				groupStart = i
			}
			group = append(group, s)
			// On a web page a block is a group of its own, as lines between
			// blank lines are in text; a kicker still leads the headline.
			if lines[i].blockEnd && !(len(group) == 1 && lineKicker.On() && kickerLine(s)) {
				flush()
				blockFlushed = i
			}
		case kindBlank:
			// A kicker (青松县：) leads the headline under it, blank line or not.
			if len(group) == 1 && lineKicker.On() && kickerLine(group[0]) {
				if f := foldLine(group[0]); isExclaimKicker(f, utf8.RuneCountInString(f)) {
					group = nil
				}
				continue
			}
			flush()
		default:
			if m := siteHomeRe.FindStringSubmatchIndex(f); m != nil && h.site == "" {
				h.site = origSpan(s, f, m[2], m[3])
			}
			flush()
			if headerToolbarFields.On() && fieldRe.MatchString(f) || dateToolbarStamp.On() && kinds[i] == kindStop && stampWithClock(f) {
				if h.bylineAt == 0 {
					h.bylineAt = len(titleGroups)
				}
				readFields(&h, s, f)
			}
		}
	}
	flush()
	h.groups = len(titleGroups)
	if h.bylineAt > 0 && titleAboveByline.On() {
		titleGroups = titleGroups[:h.bylineAt]
	}
	if g := pickTitleGroup(titleGroups, crumbGroups); g != nil {
		h.title = joinTitle(g)
		for i, o := range titleGroups {
			if !crumbGroups[i] && !slices.Equal(o, g) && looksLikeTitle(strings.Join(o, "")) {
				h.otherTitles = append(h.otherTitles, joinTitle(o))
			}
		}
	}
	return h
}

var publisherCellStamp = rule.New(rule.Rule{
	Name: "publisher.cell-stamp",
	Why: "a page converted with its table keeps the stamp under the headline as a row of cells: the site's name " +
		"(…网, …新闻) in one, the date in the next",
	Accept: "| 青松资讯网 | 2014-3-7 11:53:54 安全专题 |", Reject: "| 首页 | 2014-3-7 11:53:54 安全专题 |",
	Fires: func(s string) bool { return cellStampOutlet(foldLine(s)) != "" },
})

// cellStampOutlet returns the site a row of table cells names before a
// cell that opens with a date (publisher.cell-stamp), or "".
func cellStampOutlet(f string) string {
	cells := strings.Split(f, "|")
	for i := 0; i+1 < len(cells); i++ {
		name, next := strings.TrimSpace(cells[i]), strings.TrimSpace(cells[i+1])
		if cellNameRe.MatchString(name) && outletSuffixRe.MatchString(name) && dateOpensRe.MatchString(next) {
			return name
		}
	}
	return ""
}

var (
	cellNameRe  = regexp.MustCompile(`^[\p{Han}a-z0-9]{2,20}$`)
	dateOpensRe = regexp.MustCompile(`^(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}`)
)

var (
	titleBlockGroup = rule.New(rule.Rule{
		Name: "title.block-group",
		Why: "DOM structure: on a web page each block (<p>, <div>) above the text is a group of its own, as the lines " +
			"between blank lines are in plain text, so a site's chrome in the blocks above the headline is no part of it",
		Accept: `<html><body><p>电脑桌面</p><p>添加本站到电脑桌面</p><p>县总工会2013年工作总结</p><p>发布时间：2013-12-20 浏览：326次</p>` +
			`<p>一年来，县总工会在县委和上级工会的领导下，紧紧围绕全县工作大局，认真履行各项职能。</p></body></html>`,
		Reject: `<html><body><p>电脑桌面<br>添加本站到电脑桌面<br>县总工会2013年工作总结</p><p>发布时间：2013-12-20 浏览：326次</p>` +
			`<p>一年来，县总工会在县委和上级工会的领导下，紧紧围绕全县工作大局，认真履行各项职能。</p></body></html>`,
		Fires: func(s string) bool { return ruleChangesTitle(s, "title.block-group") },
	})
	titleDashSubtitle = rule.New(rule.Rule{
		Name:   "title.dash-subtitle",
		Why:    "a subtitle that opens with a dash (——某某工作掠影) belongs to the headline above it, a blank line between or not",
		Accept: "筑牢女职工健康防线\n\n——青松县总工会推进女职工筛查工作掠影", Reject: "筑牢女职工健康防线\n\n青松县总工会推进女职工筛查工作",
		Fires: func(s string) bool {
			a, b, _ := strings.Cut(s, "\n\n")
			return looksLikeTitle(a) && strings.HasPrefix(foldLine(b), "——")
		},
	})
	titleEditorNote = rule.New(rule.Rule{
		Name:   "title.editor-note",
		Why:    "编者按 on a line of its own opens an editor's note under the headline; it is no part of it",
		Accept: "编者按", Reject: "编者按照要求修改",
		Fires: func(s string) bool { return editorNoteRe.MatchString(foldLine(s)) },
	})
)

// editorNoteRe is an editor's note's label alone on its line.
var editorNoteRe = regexp.MustCompile(`^[【\[]?\s*(?:编者按|编者的话|编前语|编后语)\s*[】\]]?\s*:?$`)

var lineMastheadDate = rule.New(rule.Rule{
	Name: "line.masthead-date",
	Why: "an e-paper prints the day's date right under the paper's name at the top of the page: it is the " +
		"masthead's, the headline comes after it, not before, and the paper is the publisher",
	Accept: "青松妇女报\n2022年03月04日", Reject: "县总工会召开全委会\n2022年03月04日",
	Fires: func(s string) bool {
		a, b, _ := strings.Cut(s, "\n")
		return mastheadName(foldLine(a)) && isDateLine(foldLine(b))
	},
})

// mastheadName reports whether a folded line is only a newspaper's name:
// a few characters ending in 报 (某某妇女报, 某某日报).
func mastheadName(f string) bool {
	n := utf8.RuneCountInString(f)
	return n >= 3 && n <= 10 && strings.HasSuffix(f, "报") && hanCount(f) == n
}

var authorBylineRun = rule.New(rule.Rule{
	Name:   "author.byline-run",
	Why:    "a byline set over consecutive lines, reporters on one and correspondents on the next, names its writers on each",
	Accept: "□记者 王林\n通讯员 李青 报道", Reject: "□记者 王林\n县总工会召开全委会",
	Fires: func(s string) bool {
		a, b, _ := strings.Cut(s, "\n")
		return bylineRe.MatchString(foldLine(a)) && bylineRe.MatchString(foldLine(b))
	},
})

// addNames adds to a space-separated list of names those of more that it
// lacks.
func addNames(names, more string) string {
	have := strings.Fields(names)
	for _, n := range strings.Fields(more) {
		if !slices.Contains(have, n) {
			have = append(have, n)
		}
	}
	return strings.Join(have, " ")
}

var authorMarkedNames = rule.New(rule.Rule{
	Name:   "author.marked-names",
	Why:    "a newspaper sets its writers' names alone on a line behind a mark (● 王林 李青): a byline, not a headline",
	Accept: "● 王林 李青", Reject: "● 县总工会召开全委会",
	Fires: func(s string) bool { return markedNames(foldLine(s)) != "" },
})

// captionCreditRe is the credit that ends a caption: who provided the
// photo, or 图/记者 … 摄 in brackets.
var captionCreditRe = regexp.MustCompile(`[。!?！？)]\s*[\p{Han}]{2,14}提供$|[(]\s*图\s*[/／:]\s*[^()]{2,16}摄\s*[)]$`)

// markedNames returns the names of a marked byline line (author.marked-names), or "".
func markedNames(f string) string {
	rest := strings.TrimLeft(f, "●■□▲◆◇○★☆ ")
	if len(rest) == len(f) || !allNames(rest) {
		return ""
	}
	return strings.Join(strings.Fields(rest), " ")
}

var titlePhotoCaption = rule.New(rule.Rule{
	Name:   "title.photo-caption",
	Why:    "a line that ends in a photo's credit (…现场。本报记者 王某摄, …。某某总工会提供, (图/记者王某摄)) is the caption of a picture above the story, not its headline",
	Accept: "慰问现场。通讯员 李青 本报记者 王林摄",
	Reject: "县总工会开展送温暖慰问",
	Fires:  func(s string) bool { return photoCredit(s).start >= 0 },
})

var titleRewrapped = rule.New(rule.Rule{
	Name:   "title.rewrapped-repeat",
	Why:    "a title written on one line and again broken over the lines next to it (a sample's header, then the heading) is one title, not two joined",
	Accept: "第一篇：全镇工会工作会议讲话\n全镇工会工作会议\n讲话",
	Reject: "全镇工会工作会议\n讲话",
	Fires:  func(s string) bool { return len(dropRewrapped(strings.Split(s, "\n"))) == 1 },
})

// dropRewrapped keeps the one-line copy of a title that the group also
// holds broken over its other lines: the first line, when the rest joined
// is its end (after a label such as 第一篇：), or the last, when the lines
// before it joined are all of it.
func dropRewrapped(group []string) []string {
	if len(group) < 2 {
		return group
	}
	join := func(g []string) string { return strings.ReplaceAll(zh.Fold(strings.Join(g, "")), " ", "") }
	first, last := join(group[:1]), join(group[len(group)-1:])
	if rest := join(group[1:]); utf8.RuneCountInString(rest) >= minTitleRunes && strings.HasSuffix(first, rest) {
		return group[:1]
	}
	if head := join(group[:len(group)-1]); utf8.RuneCountInString(head) >= minTitleRunes && head == last {
		return group[len(group)-1:]
	}
	return group
}

// pickTitleGroup prefers the last group that reads like a title; menus and
// site names come first on a page, the title last before the byline. A
// line that repeats a breadcrumb's segment is the title only when no
// other line is (title.crumb-section): a breadcrumb may end in the
// page's own title. With none (title.too-short off: the last group) it
// returns nil.
func pickTitleGroup(groups [][]string, crumb map[int]bool) []string {
	if g := pickTitleFrom(groups, crumb, false); g != nil {
		return g
	}
	if g := pickTitleFrom(groups, crumb, true); g != nil {
		return g
	}
	if len(groups) == 0 || titleTooShort.On() {
		return nil
	}
	return groups[len(groups)-1]
}

func pickTitleFrom(groups [][]string, crumb map[int]bool, crumbs bool) []string {
	for i := len(groups) - 1; i >= 0; i-- {
		if crumb[i] != crumbs {
			continue
		}
		g := groups[i]
		if looksLikeTitle(strings.Join(g, "")) && (len(g) <= maxTitleLines || !titleRunTail.On()) {
			return g
		}
		// A menu run straight into the headline, with no blank line
		// between, ends with the headline.
		if last := g[len(g)-1]; len(g) > 1 && titleRunTail.On() && looksLikeTitle(last) {
			return g[len(g)-1:]
		}
	}
	return nil
}

// joinTitle joins the lines of a title broken over several lines: short
// slogans keep a space between them, fragments of one phrase do not.
func joinTitle(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			prev := parts[i-1]
			r, _ := utf8.DecodeRuneInString(p)
			if utf8.RuneCountInString(prev) <= 12 && utf8.RuneCountInString(p) <= 40 && !strings.ContainsRune("—-(（:：,，、", r) && endsPhrase(prev) && !strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, "：") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return cleanSpace(b.String())
}

// endsPhrase tells a complete slogan (履职尽责) from a phrase cut in two
// (在区总工会十二届六次全委 / (扩大)会议上的讲话) by the cut's last word.
func endsPhrase(s string) bool {
	return !strings.HasPrefix(zh.Fold(s), "在")
}

var (
	periodRe   = regexp.MustCompile(`^[(\[【]?\s*((?:19|20)\d\d)\s*年\s*(?:(\d{1,2})\s*月(?:份)?)?\s*[)\]】]?$`)
	periodCNRe = regexp.MustCompile(`^[(\[【]?\s*([一二三四五六七八九〇零○o]{4})\s*年\s*(?:([一二三四五六七八九十]{1,3})\s*月)?\s*[)\]】]?$`)
	// A signing unit, maybe with the year or month after it.
	orgLineRe = regexp.MustCompile(`^([\p{Han}·()a-z×*]{3,24}?)\s*([(\[【]?\s*(?:(?:19|20)\d\d|[一二三四五六七八九〇零○o]{4})\s*年[^)\]】]{0,12}[)\]】]?)?$`)
	notOrgRe  = regexp.MustCompile(`的|在|关于|讲话|发言|致辞|致词|总结|报告|材料|经验|会议|大会|活动|通知|意见|方案|之家|工程|建设|服务|工作`)
)

var infoLabelRe = regexp.MustCompile(`(` + strings.Join(infoLabels, "|") + `)\s*:`)

var (
	infoLabels    = []string{"发布机构", "发文机关", "发布单位", "发布日期", "生成日期", "公开日期", "发文日期", "成文日期"}
	infoLabelEnds = labelEnds(infoLabels)
)

// info is what a government open-information table says: 发布机构 and the
// dates, each label in its own cell with the value in the next.
type info struct{ publisher, published, written string }

// infoTable reads the labelled cells of an open-information table (索引号,
// 发布机构, 生成日期 …) from the lines above the body.
func infoTable(lines []line) info {
	var in info
	for i, l := range lines {
		f := strings.TrimSpace(zh.Fold(l.text))
		if runesOver(f, 120) || !mayHaveLabel(f, infoLabelEnds) {
			continue
		}
		locs := infoLabelRe.FindAllStringSubmatchIndex(f, -1)
		for k, m := range locs {
			end := len(f)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			v, vf := strings.TrimSpace(origSpan(l.text, f, m[1], end)), strings.TrimSpace(f[m[1]:end])
			if vf == "" && k+1 == len(locs) && i+1 < len(lines) {
				next := lines[i+1].text
				if nf := strings.TrimSpace(zh.Fold(next)); !infoLabelRe.MatchString(nf) && !fieldRe.MatchString(nf) {
					v, vf = strings.TrimSpace(next), nf
				}
			}
			switch label := f[m[2]:m[3]]; label {
			case "发布机构", "发文机关", "发布单位":
				if in.publisher == "" && utf8.RuneCountInString(vf) <= 30 {
					in.publisher = cleanPublisher(v)
				}
			case "发文日期", "成文日期":
				if in.written == "" {
					in.written = findDate(vf)
				}
			default:
				if in.published == "" {
					in.published = findDate(vf)
				}
			}
		}
	}
	return in
}

// periodLine reads a line that is only a year or a month, as under a
// speech's title: (2013年4月), 二〇一三年四月. It returns YYYY or YYYY-MM.
func periodLine(f string) string {
	y, mo := "", 0
	if m := periodRe.FindStringSubmatch(f); m != nil {
		y = m[1]
		if m[2] != "" {
			mo = int(m[2][0] - '0')
			if len(m[2]) == 2 {
				mo = mo*10 + int(m[2][1]-'0')
			}
		}
	} else if m := periodCNRe.FindStringSubmatch(f); m != nil {
		y, mo = cnDigits(m[1]), cnNumber(m[2])
	} else {
		return ""
	}
	switch {
	case mo == 0:
		return y
	case mo > 12:
		return ""
	}
	return y + "-" + string(rune('0'+mo/10)) + string(rune('0'+mo%10))
}

// orgLine recognises the unit that signs a report under its title or at
// its end: 阆中市总工会, 某某区总工会（2013年4月）. It returns the unit as
// written and the date after it, if any.
func orgLine(s, f string) (org, date string) {
	m := orgLineRe.FindStringSubmatchIndex(f)
	if m == nil {
		return "", ""
	}
	unit := strings.Trim(f[m[2]:m[3]], "()")
	// A unit that acts (…总工会建成…驿站) is a headline's subject.
	if !orgSuffix.MatchString(unit) || notOrgRe.MatchString(unit) || unionActRe.MatchString(unit) || officeSuffix.MatchString(unit) || authorOfficeInUnit.On() && officeInside(unit) {
		return "", ""
	}
	if m[4] >= 0 {
		d := f[m[4]:m[5]]
		date = firstNonEmpty(findDate(d), periodLine(d))
		if date == "" {
			return "", ""
		}
	}
	return strings.Trim(origSpan(s, f, m[2], m[3]), "()（）"), date
}

// bodyByline reads the reporters of a news item from the opening of its
// first paragraph: 本报讯（记者 陈晓）… or 新华社北京电（记者 王某）….
func bodyByline(first string) string { return parseDateline(first).authors }

var headerDatedSpeaker = rule.New(rule.Rule{
	Name: "header.dated-speaker",
	Why: "under a speech's title, an office and a name with the day after a slash, a bracket before them left " +
		"open or closed (【本会理事长 王某/2010.04.07), say who gave it and when",
	Accept: "【本会理事长 王立新/2010.04.07", Reject: "【本会理事长 王立新",
	Fires: func(s string) bool { n, _ := datedSpeaker(s); return n != "" },
})

// datedSpeaker reads a speaker line with its date after a slash
// (header.dated-speaker): the speaker's name and the date, or "".
func datedSpeaker(s string) (name, date string) {
	k := strings.LastIndexAny(s, "/／")
	if k < 0 {
		return "", ""
	}
	date = findDate(zh.Fold(s[k:]))
	if date == "" {
		return "", ""
	}
	head := strings.TrimRight(strings.TrimSpace(s[:k]), "】]）)")
	head = strings.TrimLeft(head, "【[（( ")
	if n, ok := speakerName(head); ok && strings.ContainsFunc(head, isSpace) {
		return n, date
	}
	return "", ""
}

// speakerName recognises a speaker line: 市委常务副书记 邓川, 叶海波 alone,
// 林志远同志, or the same in brackets: (市总工会主席 王某).
func speakerName(s string) (string, bool) {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）") || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "（"), "("), "）"), ")"))
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "同志")
	words := strings.Fields(zh.Fold(s))
	orig := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || len(words) != len(orig) {
		return "", false
	}
	last := words[len(words)-1]
	if !nameRe.MatchString(last) || !surnames[[]rune(last)[0]] {
		return "", false
	}
	if len(words) == 1 {
		// A lone name: two or three characters, four only with a dot.
		if utf8.RuneCountInString(last) > 3 {
			return "", false
		}
		return orig[len(orig)-1], true
	}
	if officeSuffix.MatchString(words[len(words)-2]) || strings.Contains(strings.Join(words[:len(words)-1], ""), "书记") {
		return orig[len(orig)-1], true
	}
	return "", false
}

// readFields reads source, author and date fields from one byline.
func readFields(h *header, s, f string) {
	d := findDate(f)
	if d == "" && dateShortYear.On() {
		d = shortYearDate(f)
	}
	if d != "" {
		if fieldRe.MatchString(f) || postedRe.MatchString(f) || dateForumEdit.On() && forumEditRe.MatchString(f) {
			if h.fieldDate == "" {
				h.fieldDate = d
			}
		} else if h.anyDate == "" {
			h.anyDate = d
		}
	}
	for _, fv := range fieldValues(s, f) {
		switch fv.label {
		case "来源", "源自", "来自", "信息来源", "稿源", "文章来源", "新闻来源":
			if h.publisher == "" {
				h.publisher = cleanPublisher(fv.value)
				if publisherSourcePair.On() {
					h.publisher = sourcePaper(h.publisher)
				}
			}
		case "作者", "新闻作者", "撰稿", "撰文", "发布者", "发布人":
			if h.author == "" {
				h.author = authorField(fv.full)
			}
		}
	}
	if h.publisher == "" && !fieldRe.MatchString(f) {
		if m := newspaperRe.FindStringSubmatchIndex(f); m != nil {
			h.publisher = origSpan(s, f, m[0], m[1])
		}
	}
	if h.author == "" && bylineRe.MatchString(f) {
		h.author = bylineNames(s, f)
	}
}

// fieldValue is a labelled value of a byline: value is cut at the first
// space or date, full runs to the next label.
type fieldValue struct{ label, value, full string }

// fieldValues splits a line like 来源:天水日报 2012-05-03 作者:佚名 into
// labelled values; a value ends at the next label, a run of spaces, a
// bracket, or a date.
func fieldValues(s, f string) []fieldValue {
	if !mayHaveField(f) {
		return nil
	}
	locs := fieldRe.FindAllStringSubmatchIndex(f, -1)
	var out []fieldValue
	for i, m := range locs {
		end := len(f)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		vf := f[m[1]:end]
		vo := origSpan(s, f, m[1], end)
		// Cut at the first separator in the folded value, mapped back.
		cut := len(vf)
		for _, sep := range []string{" ", "]", "[", "|", "】", "【", "\t"} {
			if k := strings.Index(strings.TrimLeft(vf, " "), sep); k >= 0 {
				k += len(vf) - len(strings.TrimLeft(vf, " "))
				cut = min(cut, k)
			}
		}
		if m := dateYMDRe.FindStringIndex(vf); m != nil {
			cut = min(cut, m[0])
		}
		if m := toolbarLabelRe.FindStringIndex(vf); m != nil && publisherToolbarCut.On() {
			cut = min(cut, m[0])
		}
		full := strings.TrimSpace(vo)
		vo = origSpan(vo, vf, 0, cut)
		out = append(out, fieldValue{label: f[m[2]:m[3]], value: strings.TrimSpace(vo), full: full})
	}
	return out
}

var (
	publisherToolbarCut = rule.New(rule.Rule{
		Name: "publisher.toolbar-cut",
		Why: "a field's value ends where the toolbar's next label begins, though no space parts them " +
			"(来源:某某局文字大小:[大 中 小])",
		Accept: "来源：青松县教育局文字大小：[大 中 小]", Reject: "来源：青松县教育局",
		Fires: func(s string) bool {
			_, v, ok := strings.Cut(foldLine(s), ":")
			return ok && toolbarLabelRe.MatchString(v)
		},
	})
	publisherBookMarks = rule.New(rule.Rule{
		Name:   "publisher.book-marks",
		Why:    "a newspaper's name is quoted in title marks as a work is (来源：《某某日报》); the outlet is the name",
		Accept: "《青松日报》", Reject: "青松日报",
		Fires: func(s string) bool { return stripBookMarks(s) != s },
	})
	publisherNoOutlet = rule.New(rule.Rule{
		Name: "publisher.no-outlet",
		Why: "a 来源 value that says the text is original, the web's or a user's upload (作者原创, 网络整理, " +
			"会员上传) names no outlet",
		Accept: "作者原创", Reject: "某某日报",
		Fires: func(s string) bool { return noOutletRe.MatchString(zh.Fold(s)) },
	})
)

// toolbarLabelRe opens the labels of a page's toolbar that may follow a
// field's value with no space between.
var toolbarLabelRe = regexp.MustCompile(`(?:文字大小|字体大小|字体颜色|字号|背景色|背景颜色|分享到|浏览次数|阅读次数|点击数|点击量|访问量|浏览量)\s*:`)

// noOutletRe is a 来源 value that names no outlet (publisher.no-outlet).
var noOutletRe = regexp.MustCompile(`^(?:本站|本网|作者|网友|会员|用户|网络|互联网)?\s*(?:原创|整理|投稿|上传|转载|发布|收集)(?:投稿|整理|发布|分享)?$`)

func cleanPublisher(v string) string {
	v = strings.Trim(v, " :：,，.。")
	if publisherBookMarks.On() {
		v = stripBookMarks(v)
	}
	switch zh.Fold(v) {
	case "", "本站", "本站原创", "原创", "网络", "互联网", "未知", "不详", "佚名", "admin", "本网", "网友投稿", "转载", "系统管理", "系统管理员", "管理员", "网站管理员", "超级管理员":
		return ""
	}
	if publisherNoOutlet.On() && noOutletRe.MatchString(zh.Fold(v)) {
		return ""
	}
	return v
}

// stripBookMarks drops the title marks around a whole value (publisher.book-marks).
func stripBookMarks(v string) string {
	if inner, ok := strings.CutPrefix(v, "《"); ok {
		if inner, ok = strings.CutSuffix(inner, "》"); ok && !strings.ContainsAny(inner, "《》") {
			return strings.TrimSpace(inner)
		}
	}
	return v
}

// authorField reads an author field that runs to the next label: the
// names after role words (记者 陈晓 通讯员 刘洋), or the names in it, or its
// first word.
func authorField(v string) string {
	f := zh.Fold(v)
	if m := dateYMDRe.FindStringIndex(f); m != nil {
		v, f = origSpan(v, f, 0, m[0]), f[:m[0]]
	}
	if roleSplitRe.MatchString(f) {
		return bylineNames("记者"+v, "记者"+f)
	}
	words := strings.Fields(v)
	if len(words) == 0 {
		return ""
	}
	var names []string
	for _, w := range words {
		if !nameRe.MatchString(zh.Fold(w)) || cleanAuthor(w) == "" {
			break
		}
		names = append(names, w)
	}
	if len(names) > 1 {
		return strings.Join(names, " ")
	}
	return cleanAuthor(words[0])
}

func cleanAuthor(v string) string {
	v = strings.Trim(v, " :：,，.。")
	switch zh.Fold(v) {
	case "", "佚名", "未知", "不详", "admin", "administrator", "管理员", "本站", "本网", "编辑", "匿名":
		return ""
	}
	if authorSiteName.On() && siteAuthorRe.MatchString(zh.Fold(v)) {
		return ""
	}
	return v
}

var authorSiteName = rule.New(rule.Rule{
	Name: "author.site-name",
	Why: "an author field that names a site, maybe with 整理 or 收集 after it (某某文秘网整理), names who posted " +
		"the text, not who wrote it",
	Accept: "青松文秘网整理", Reject: "孟晓岚",
	Fires: func(s string) bool { return siteAuthorRe.MatchString(zh.Fold(s)) },
})

// siteAuthorRe is an author field's value that is a site's name.
var siteAuthorRe = regexp.MustCompile(`^[\p{Han}a-z0-9]{1,20}?(?:网|网站|文库|之家|在线|吧)(?:整理|收集|编辑|转载|发布|原创)?$|(?:整理|收集|转载)$`)

// namesBeforeFiling returns how much of the folded byline segment before
// a 报道 holds names: the day and the place the story is filed from may
// run into it (王林十月廿八日台北报导, 王林 青松报道, 王林/台中即时报导).
func namesBeforeFiling(seg string) int {
	if k := filedDayRe.FindStringIndex(seg); k != nil && k[0] > 0 {
		seg = seg[:k[0]]
	}
	if k := strings.LastIndexAny(seg, " /"); k > 0 && strings.TrimSpace(seg[:k]) != "" && !allNames(seg[k+1:]) {
		return k
	}
	return len(seg)
}

// filedDayRe is the day and place a report is filed, before its 报导.
var filedDayRe = regexp.MustCompile(`(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})月(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日[\p{Han}]{0,4}$`)

// bylineNames reads the names in □记者郝勤学通讯员孔岩 as "郝勤学 孔岩".
func bylineNames(s, f string) string {
	var names []string
	prev := 0
	flushSeg := func(a, b int) {
		seg := origSpan(s, f, a, b)
		if authorSpacedName.On() {
			seg = joinSpacedNames(seg)
		}
		for _, w := range strings.FieldsFunc(seg, func(r rune) bool {
			return isSpace(r) || strings.ContainsRune("□■●▲◆◇○、,，;；:：/()（）【】[]", r)
		}) {
			if nameRe.MatchString(zh.Fold(w)) {
				names = append(names, w)
			}
		}
	}
	for i, m := range roleSplitRe.FindAllStringIndex(f, -1) {
		if prev > 0 {
			end := m[0]
			if r := f[m[0]:m[1]]; r == "报道" || r == "报导" {
				end = prev + namesBeforeFiling(f[prev:end])
			}
			flushSeg(prev, end)
		} else if i == 0 && (suffixRoleRe.MatchString(f[m[0]:m[1]]) || authorLeadingNames.On() && namesBeforeRole(f)) {
			flushSeg(0, m[0])
		}
		prev = m[1]
	}
	if prev > 0 {
		flushSeg(prev, len(f))
	}
	return strings.Join(names, " ")
}

var authorLeadingNames = rule.New(rule.Rule{
	Name:   "author.leading-names",
	Why:    "names with no role before the first 记者 of a byline (本报讯（李青 赵明 记者王林）) are its correspondents, who wrote it too",
	Accept: "李青 赵明 记者王林",
	Reject: "记者王林",
	Fires:  func(s string) bool { return namesBeforeRole(zh.Fold(s)) },
})

// namesBeforeRole reports whether the folded byline f opens with names
// before its first role (author.leading-names).
func namesBeforeRole(f string) bool {
	m := roleSplitRe.FindStringIndex(f)
	return m != nil && m[0] > 0 && allNames(f[:m[0]])
}

var authorSpacedName = rule.New(rule.Rule{
	Name: "author.spaced-name",
	Why: "a byline spaces a two-character name out to the width of three (王 瑞); a family name and one " +
		"character between spaces are one name",
	Accept: "记者 王 瑞 通讯员 李青", Reject: "记者 王瑞 李青",
	Fires: func(s string) bool { return joinSpacedNames(s) != s },
})

// joinSpacedNames closes the space inside a two-character name spaced out
// (author.spaced-name): a lone family name, one space, a lone character.
func joinSpacedNames(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	lone := func(i int) bool {
		return i >= 0 && i < len(rs) && zh.IsHan(rs[i]) && (i == 0 || !zh.IsHan(rs[i-1])) && (i+1 == len(rs) || !zh.IsHan(rs[i+1]))
	}
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' && lone(i-1) && lone(i+1) && surnames[zh.FoldRune(rs[i-1])] {
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// origSpan returns the part of orig that corresponds to folded[fb:fe];
// folding keeps the rune count, so rune indexes carry over.
func origSpan(orig, folded string, fb, fe int) string {
	if orig == folded {
		return orig[fb:fe]
	}
	rb := utf8.RuneCountInString(folded[:fb])
	re := rb + utf8.RuneCountInString(folded[fb:fe])
	i, start, end := 0, len(orig), len(orig)
	for bi := range orig {
		if i == rb {
			start = bi
		}
		if i == re {
			end = bi
			break
		}
		i++
	}
	if start > end {
		return ""
	}
	return orig[start:end]
}

// titleSpeaker reads the speaker who opens a speech's title:
// 王立新同志在全县劳模表彰大会上的讲话, 县委书记 王立新在…上的讲话.
func titleSpeaker(title string) string {
	f := zh.Fold(title)
	k := strings.Index(f, "在")
	if k <= 0 || !containsAny(f[k:], "讲话", "发言", "致辞", "致词", "报告") {
		return ""
	}
	head := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f[:k]), "同志"))
	rs := []rune(head)
	for _, n := range []int{3, 2} {
		if len(rs) < n {
			continue
		}
		name, office := string(rs[len(rs)-n:]), strings.TrimSpace(string(rs[:len(rs)-n]))
		if !nameRe.MatchString(name) || !surnames[rs[len(rs)-n]] {
			continue
		}
		if office == "" && n == len(rs) || officeSuffix.MatchString(office) {
			return origSpan(title, f, len(string(rs[:len(rs)-n])), len(head))
		}
	}
	return ""
}

// titleAuthor reads the unit in brackets at the end of a title, as in
// 经验交流材料 …的无限活力(思明区委).
func titleAuthor(title string) string {
	f := zh.Fold(title)
	m := titleOrgRe.FindStringSubmatchIndex(f)
	if m == nil {
		return ""
	}
	unit := f[m[2]:m[3]]
	if !orgSuffix.MatchString(unit) || dateYMDRe.MatchString(unit) {
		return ""
	}
	return strings.TrimSpace(origSpan(title, f, m[2], m[3]))
}

// countContained counts the words of subs that s contains.
func countContained(s string, subs []string) int {
	n := 0
	for _, x := range subs {
		if strings.Contains(s, x) {
			n++
		}
	}
	return n
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
