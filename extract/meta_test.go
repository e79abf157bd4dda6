package extract

import (
	"testing"

	"github.com/unionscope/unionscope/zh"
)

func TestPeriodLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（2013年4月）", "2013-04"},
		{"2013年12月", "2013-12"},
		{"(二〇一〇年四月)", "2010-04"},
		{"【2019年】", "2019"},
		{"2013年13月", ""},
		{"2013年4月12日", ""},
		{"2013年工作总结", ""},
	}
	for _, tt := range tests {
		if got := periodLine(zh.Fold(tt.in)); got != tt.want {
			t.Errorf("periodLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOrgLine(t *testing.T) {
	tests := []struct{ in, org, date string }{
		{"阆中市总工会", "阆中市总工会", ""},
		{"某某区总工会（2013年4月）", "某某区总工会", "2013-04"},
		{"某县總工會 2016年12月26日", "某县總工會", "2016-12-26"},
		{"中共某某区委", "中共某某区委", ""},
		{"在全市工会工作会议上的讲话", "", ""},
		{"建设职工之家", "", ""},
		{"市总工会主席", "", ""},
		{"一年来工作成效明显。", "", ""},
	}
	for _, tt := range tests {
		org, date := orgLine(tt.in, zh.Fold(tt.in))
		if org != tt.org || date != tt.date {
			t.Errorf("orgLine(%q) = %q, %q; want %q, %q", tt.in, org, date, tt.org, tt.date)
		}
	}
}

func TestBodyByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"本報訊（記者 陳曉）日前，市總工會舉行儀式。", "陳曉"},
		{"本报讯（记者 宋立平 通讯员 韩雪）7月14日上午，活动启动。", "宋立平 韩雪"},
		{"新华社北京3月5日电（记者王平）全国总工会今天发布报告。", "王平"},
		{"本报讯 记者陈晓 通讯员刘洋报道：日前，市总工会举行仪式。", "陈晓 刘洋"},
		{"（2012年5月）市总工会召开会议。", ""},
		{"日前，市总工会记者节慰问一线记者。", ""},
	}
	for _, tt := range tests {
		if got := bodyByline(tt.in); got != tt.want {
			t.Errorf("bodyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakerName(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"县委副书记　林志远", "林志远", true},
		{"（市总工会主席 郑维民）", "郑维民", true},
		{"王立新同志", "王立新", true},
		{"县委副书记 王立新同志", "王立新", true},
		{"叶海波", "叶海波", true},
		{"履职尽责", "", false},
		{"同志们：", "", false},
	}
	for _, tt := range tests {
		got, ok := speakerName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("speakerName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInfoTable(t *testing.T) {
	lines := func(ss ...string) []line {
		out := make([]line, len(ss))
		for i, s := range ss {
			out[i] = line{text: s, main: true}
		}
		return out
	}
	tests := []struct {
		name string
		in   []line
		want info
	}{
		{"cells", lines("索引号：", "0001/2016-00012", "发布机构：", "某市总工会", "生成日期：", "2016-01-18", "成文日期：", "2016-01-15"),
			info{publisher: "某市总工会", published: "2016-01-18", written: "2016-01-15"}},
		{"one row", lines("发布机构：某县人民政府办公室 发文日期：2012年3月5日"),
			info{publisher: "某县人民政府办公室", written: "2012-03-05"}},
		{"empty value", lines("发布机构：", "生成日期：2010-02-03"), info{published: "2010-02-03"}},
	}
	for _, tt := range tests {
		if got := infoTable(tt.in); got != tt.want {
			t.Errorf("%s: infoTable = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestBlogger(t *testing.T) {
	tests := []struct {
		segs []string
		want string
	}{
		{[]string{"当工会主席十年", "周明远", "新浪博客"}, "周明远"},
		{[]string{"当工会主席十年", "周明远的博客"}, "周明远"},
		{[]string{"工会要闻", "新闻中心", "某某网"}, ""},
		{[]string{"职工书屋", "工会动态"}, ""},
	}
	for _, tt := range tests {
		if got := blogger(tt.segs, tt.segs[0]); got != tt.want {
			t.Errorf("blogger(%q) = %q, want %q", tt.segs, got, tt.want)
		}
	}
}

func TestDoctypeExperienceOverSpeech(t *testing.T) {
	tests := []struct{ title, want string }{
		{"强化服务 建家交流——在全市工会经验交流会上的发言", "experience"},
		{"在全市工会工作会议上的发言", "speech"},
		{"某某区总工会2016年工作总结", "summary"},
	}
	for _, tt := range tests {
		if got := doctype(tt.title, nil, nil, false); got != tt.want {
			t.Errorf("doctype(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestTitleSpeaker(t *testing.T) {
	tests := []struct{ in, want string }{
		{"王立新同志在全县劳模表彰大会上的讲话", "王立新"},
		{"县委书记王立新在全县工会工作会议上的讲话", "王立新"},
		{"陈晓在职工代表大会上的发言", "陈晓"},
		{"在全县劳模表彰大会上的讲话", ""},
		{"市总工会在全市工会工作会议上的报告", ""},
		{"坚持在发展中保障职工权益", ""},
	}
	for _, tt := range tests {
		if got := titleSpeaker(tt.in); got != tt.want {
			t.Errorf("titleSpeaker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDoctypeFromBody(t *testing.T) {
	tests := []struct {
		first, want string
	}{
		{"前天上午，我县召开职工技能大赛表彰会，28名选手获奖。", "news"},
		{"????近日，县总工会为一线职工送去防暑降温用品。", "news"},
		{"市总工会在商圈和楼宇打造了一批共享职工之家，方便职工就近活动。", "news"},
		{"我县总工会今年以来开展了送温暖活动，走访慰问困难职工。", "other"},
		{"区总工会现有干部12人，下设办公室、组织部。", "other"},
	}
	for _, tt := range tests {
		if got := doctype("", nil, []string{tt.first}, false); got != tt.want {
			t.Errorf("doctype(body %q) = %q, want %q", tt.first, got, tt.want)
		}
	}
}
