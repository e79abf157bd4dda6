package extract

import (
	"testing"

	"github.com/unionscope/unionscope/extract/rule"
)

// ruleAreas are the prefixes of the rules this package declares.
var ruleAreas = []string{"line.", "text.", "title.", "ad.", "body.", "date.", "publisher.", "author.", "doctype.", "split."}

// TestRuleExamples holds every rule of the package to its own examples:
// it acts on Accept and leaves Reject alone.
func TestRuleExamples(t *testing.T) {
	n := 0
	for _, r := range rule.All() {
		for _, a := range ruleAreas {
			if len(r.Name) > len(a) && r.Name[:len(a)] == a {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no rules declared")
	}
	for _, a := range ruleAreas {
		for _, bad := range rule.Check(a) {
			t.Error(bad)
		}
	}
}

// TestRulesOff checks that switching a rule off changes what Parse does
// on the rule's own example, so each rule can be measured alone.
func TestRulesOff(t *testing.T) {
	in := Input{Name: "a.txt", Data: []byte("原标题：县总工会慰问环卫工人\n县总工会慰问一线环卫工人《某某日报》(2013年01月17日 002版)\n\n1月16日，县总工会走访慰问了坚守岗位的环卫工人，送去慰问金和棉衣。\n")}
	on, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := rule.SetOff([]string{"title.trailer"}); err != nil {
		t.Fatal(err)
	}
	defer rule.SetOff(nil)
	off, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if on[0].Title != "县总工会慰问一线环卫工人" || off[0].Title == on[0].Title {
		t.Errorf("title with title.trailer on %q, off %q", on[0].Title, off[0].Title)
	}
}
