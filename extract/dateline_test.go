package extract

import "testing"

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in, rest, outlet, authors string
		own                       bool
	}{
		{"本报讯（记者 陈晓 通讯员 刘洋）7月14日上午，活动启动。", "7月14日上午，活动启动。", "", "陈晓 刘洋", true},
		{"新华社北京5月1日电（记者 林海）全国总工会今天发布报告。", "全国总工会今天发布报告。", "新华社", "林海", false},
		{"某某网讯 3月5日，县总工会召开会议。", "3月5日，县总工会召开会议。", "某某网", "", false},
		{"某某网12月3日电 县总工会召开会议。", "县总工会召开会议。", "某某网", "", false},
		{"某某新聞網(wǎng)訊 記者王曉 通訊員李青報(bào)道 9月2日，會議閉幕。", "9月2日，會議閉幕。", "某某新聞網", "王曉 李青", false},
		{"本报讯 记者陈晓 通讯员刘洋报道：日前，市总工会举行仪式。", "日前，市总工会举行仪式。", "", "陈晓 刘洋", true},
		{"某某网讯（张三 李四）日前，活动举行。", "日前，活动举行。", "某某网", "张三 李四", false},
		{"本报通讯员张三报道：日前，活动举行。", "日前，活动举行。", "", "张三", false},
		{"县供电公司工会3月8日举办讲座。", "", "", "", false},
		{"市电视台记者走进车间。", "", "", "", false},
		{"（2012年5月）市总工会召开会议。", "", "", "", false},
		{"本报讯", "", "", "", true},
		{"云上青松报道：（记者 王林）3月2日，县总工会走访慰问困难职工。", "3月2日，县总工会走访慰问困难职工。", "云上青松", "王林", false},
		{"据新华社报道：全国总工会今天发布报告。", "", "", "", false},
		{"【某某商报网讯】记者王林报道：工会昨晚举行理事会。", "工会昨晚举行理事会。", "某某商报", "王林", false},
		{"[某某新闻] 县总工会昨日举办活动。", "县总工会昨日举办活动。", "某某新闻", "", false},
		{"【记者手记】一线职工的春节", "", "", "", false},
		{"【青松社记者王林十月廿八日台北报导】工会代表今日请愿。", "工会代表今日请愿。", "青松社", "王林", false},
		{"（本报记者 王林）县总工会召开会议。", "县总工会召开会议。", "", "王林", false},
		{"县电视台报道了这次活动。", "", "", "", false},
		{"青松新闻(www.qingsong.cn)记者从市总工会获悉，全市工会将办实事十件。", "记者从市总工会获悉，全市工会将办实事十件。", "青松新闻", "", false},
		{"本报讯（青松日报记者 王林）县总工会召开会议。", "县总工会召开会议。", "青松日报", "王林", true},
		{"本网讯（青松日报青松新闻网记者 王林）县总工会召开会议。", "县总工会召开会议。", "青松新闻网", "王林", true},
		{"本报讯（青松日报青松新闻网记者 王林）县总工会召开会议。", "县总工会召开会议。", "青松日报", "王林", true},
	}
	for _, tt := range tests {
		d := parseDateline(tt.in)
		rest := ""
		if d.end > 0 {
			rest = tt.in[d.end:]
		}
		if rest != tt.rest || d.outlet != tt.outlet || d.authors != tt.authors || d.own != tt.own {
			t.Errorf("parseDateline(%q) = rest %q outlet %q authors %q own %v; want %q %q %q %v",
				tt.in, rest, d.outlet, d.authors, d.own, tt.rest, tt.outlet, tt.authors, tt.own)
		}
	}
}

func TestParseTrailer(t *testing.T) {
	tests := []struct {
		in, kept, authors, unit, paper, date string
	}{
		{"共发放慰问金12万元。（记者 王青）", "共发放慰问金12万元。", "王青", "", "", ""},
		{"共发放慰问金12万元。(张晓 李青)", "共发放慰问金12万元。", "张晓 李青", "", "", ""},
		{"共发放慰问金12万元。（区总工会）", "共发放慰问金12万元。", "", "区总工会", "", ""},
		{"共发放慰问金12万元。（某某日报 2012年01月17日 002版）", "共发放慰问金12万元。", "", "", "某某日报", "2012-01-17"},
		{"共发放慰问金12万元。（完）", "共发放慰问金12万元。", "", "", "", ""},
		{"（记者 王青 通讯员 李红）", "", "王青 李红", "", "", ""},
		{"共发放慰问金12万元（含物资）。", "共发放慰问金12万元（含物资）。", "", "", "", ""},
		{"会议通过了决议。（2013年4月）", "会议通过了决议。（2013年4月）", "", "", "", ""},
		{"职工踊跃参加。（图为活动现场）", "职工踊跃参加。（图为活动现场）", "", "", "", ""},
	}
	for _, tt := range tests {
		tr := parseTrailer(tt.in)
		kept := tt.in
		if tr.start >= 0 {
			kept = tt.in[:tr.start]
		}
		if kept != tt.kept || tr.authors != tt.authors || tr.unit != tt.unit || tr.paper != tt.paper || tr.date != tt.date {
			t.Errorf("parseTrailer(%q) = kept %q authors %q unit %q paper %q date %q; want %q %q %q %q %q",
				tt.in, kept, tr.authors, tr.unit, tr.paper, tr.date, tt.kept, tt.authors, tt.unit, tt.paper, tt.date)
		}
	}
}

func TestReadingOffsets(t *testing.T) {
	for _, s := range []string{"", "工会", "工會(huì)經(jīng)費", "會(huì)(擴大)會議", "(a)", "工會（huì）", "\xff工會(huì)"} {
		st, offs := readingOffsets(s)
		if len([]rune(st)) != len(offs)-1 || offs[len(offs)-1] != len(s) {
			t.Errorf("readingOffsets(%q): %d runes, %d offsets", s, len([]rune(st)), len(offs))
			continue
		}
		// Every kept rune starts where its offset says.
		i := 0
		for _, r := range st {
			if got := []rune(s[offs[i]:])[0]; got != r {
				t.Errorf("readingOffsets(%q): rune %d is %q at %d, want %q", s, i, got, offs[i], r)
			}
			i++
		}
	}
}
