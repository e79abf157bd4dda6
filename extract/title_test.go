package extract

import "testing"

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"原标题：县总工会慰问环卫工人", "县总工会慰问环卫工人"},
		{"• 县总工会慰问环卫工人", "县总工会慰问环卫工人"},
		{"县總工會(huì)慰問環衛工人", "县總工會慰問環衛工人"},
		{"县总工会慰问环卫工人《某某日报》(2013年01月17日 002版)", "县总工会慰问环卫工人"},
		{"县总工会慰问环卫工人（记者 王青）", "县总工会慰问环卫工人"},
		{"县总工会慰问环卫工人_工会动态_某某新闻网", "县总工会慰问环卫工人"},
		{"县总工会慰问环卫工人 - 某某市总工会", "县总工会慰问环卫工人"},
		{"县总工会召开十届二次全委（扩大）会议", "县总工会召开十届二次全委（扩大）会议"},
		{"凝心聚力——在县总工会全委会上的讲话", "凝心聚力——在县总工会全委会上的讲话"},
		{"2015-2016学年金秋助学工作安排", "2015-2016学年金秋助学工作安排"},
		{"标题党要不得", "标题党要不得"},
		{"[2012-03-15] 区总工会开展维权宣传", "区总工会开展维权宣传"},
		{"在全县工会工作会议上的讲话（县委副书记 韩立军）", "在全县工会工作会议上的讲话"},
		{"激发工会活力（某某区委）", "激发工会活力（某某区委）"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleStamp(t *testing.T) {
	paper, date := titleStamp("县总工会慰问环卫工人《某某日报》(2013年01月17日 002版)")
	if paper != "某某日报" || date != "2013-01-17" {
		t.Errorf("titleStamp = %q, %q", paper, date)
	}
	if paper, date := titleStamp("县总工会慰问环卫工人"); paper != "" || date != "" {
		t.Errorf("titleStamp of a plain title = %q, %q", paper, date)
	}
}

func TestTextDate(t *testing.T) {
	tests := []struct {
		body []string
		want string
	}{
		{[]string{"16日，区总工会开展慰问。", "2015年12月下旬至2016年1月，区总工会将慰问职工。"}, "2015-12"},
		{[]string{"4月28日，2019年全省五一劳动奖表彰大会举行。"}, "2019-04-28"},
		// Two years in the lead: the day has none, and the latest year dates it.
		{[]string{"12月21日，全区工会2011年元旦春节送温暖活动启动，2010年筹集资金7亿元。"}, "2011"},
		{[]string{"中心始建于1986年。", "2012年完成培训3600人次。"}, "2012"},
		{[]string{"会上，2014年3月5日通过的办法得到落实。"}, "2014-03-05"},
		{[]string{"9月28日下午，会议闭幕。"}, ""},
		{[]string{"20xx年度，镇工会开展活动。"}, ""},
		{[]string{"民國106年5月1日，高雄市總工會表揚模範勞工。"}, "2017-05-01"},
		{[]string{"106年来，工会始终与职工站在一起。"}, ""},
	}
	for _, tt := range tests {
		if got := textDate(tt.body, true, false, false); got != tt.want {
			t.Errorf("textDate(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestTextDateSpeech(t *testing.T) {
	if got := textDate([]string{"2006年，全市工会要做好三件事。"}, false, false, false); got != "" {
		t.Errorf("a speech's year dates it: %q", got)
	}
	if got := textDate([]string{"2006年3月，全市工会召开会议。"}, false, false, false); got != "2006-03" {
		t.Errorf("a speech's month: %q", got)
	}
}

func TestCrumbSection(t *testing.T) {
	crumbs := []string{"当前位置: 首页 > 综合治理 >"}
	if !crumbSection("综合治理", crumbs) || crumbSection("县总工会开展慰问", crumbs) || crumbSection("治理", crumbs) {
		t.Error("crumbSection")
	}
}

func TestTitleBracketSpeaker(t *testing.T) {
	for in, want := range map[string]string{
		"在全县工会工作会议上的讲话（县委副书记 韩立军）": "韩立军",
		"在全县工会工作会议上的讲话（韩立军）":       "韩立军",
		"激发工会活力（某某区委）":             "",
		"在全委（扩大）会议上的讲话":            "",
	} {
		if got := titleBracketSpeaker(in); got != want {
			t.Errorf("titleBracketSpeaker(%q) = %q, want %q", in, got, want)
		}
	}
}
