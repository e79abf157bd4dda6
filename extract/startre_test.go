package extract

import "testing"

// TestStartRe holds startRe's first-rune filter to its regexp: it lets
// through every line the regexp matches, and stops a line of prose.
func TestStartRe(t *testing.T) {
	lines := []string{
		"相关新闻", "【相关阅读】", " 上一篇:", "12条评论", "已有 3 人评论", "copyright 2012", "©某某网",
		"联系我们", "e-mail:", "more>>", "当前位置:首页", "位置 :", "2012年5月3日", "(2012-05-03 10:20)",
		"二〇一二年五月三日", "http://www.example.com/a", "www.example.com", "", " ", "(", "职工代表大会今天召开。",
	}
	for _, re := range []*startRe{stopRe, junkRe, navStartRe, dateLineRe, urlLineRe} {
		for _, l := range lines {
			if re.Regexp.MatchString(l) && !re.mayOpen(l) {
				t.Errorf("%s: the filter stops %q, which the regexp matches", re, l)
			}
		}
		if re.mayOpen("职工代表大会今天召开。") {
			t.Errorf("%s: the filter lets a line of prose through", re)
		}
	}
	for _, expr := range []string{`a`, `^a|b`, `(?m)^a`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("mustStartRe(%q) takes a pattern not anchored at the start", expr)
				}
			}()
			mustStartRe(expr)
		}()
	}
}
