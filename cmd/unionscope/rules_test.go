package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/extract/rule"
)

// TestRulesListsEveryArea checks that `rules` lists the rules of every
// package that declares them, that a prefix narrows the list, and that an
// unknown prefix lists nothing rather than failing.
func TestRulesListsEveryArea(t *testing.T) {
	out, errs, code := runCLI(t, "rules", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("rules: exit %d: %s", code, errs)
	}
	areas := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r ruleJSON
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("rules: %q: %v", line, err)
		}
		if r.Why == "" || r.Accept == "" || r.Reject == "" {
			t.Errorf("rule %s lacks why or an example", r.Name)
		}
		area, _, _ := strings.Cut(r.Name, ".")
		areas[area]++
	}
	for _, a := range []string{"title", "date", "doctype", "quantity", "campaign"} {
		if areas[a] == 0 {
			t.Errorf("rules lists no %s.* rule (areas: %v)", a, areas)
		}
	}
	out, _, _ = runCLI(t, "rules", "quantity.")
	for _, line := range strings.Split(out, "\n") {
		if line != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "quantity.") {
			t.Errorf("rules quantity. lists %q", line)
		}
	}
	if out, _, code := runCLI(t, "rules", "nosuch."); code != 0 || out != "" {
		t.Errorf("rules nosuch.: exit %d, output %q; want 0 and nothing", code, out)
	}
}

// TestParseRulesOff switches one rule off and sees its effect on the
// document, then an unknown rule is refused by name.
func TestParseRulesOff(t *testing.T) {
	t.Cleanup(func() { rule.SetOff(nil) })
	f := filepath.Join(t.TempDir(), "news.txt")
	text := "原标题：县总工会为环卫工人送清凉\n本报讯 7月2日，某某县总工会为全县两百名环卫工人送去防暑降温用品，价值三万元。\n"
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	title := func(args ...string) string {
		out, errs, code := runCLI(t, append(append([]string{"parse", "--format", "jsonl"}, args...), f)...)
		if code != 0 {
			t.Fatalf("parse %v: exit %d: %s", args, code, errs)
		}
		var d struct{ Title string }
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("parse %v: %v", args, err)
		}
		return d.Title
	}
	// Two rules know the label: the line rule reads 原标题： as a label
	// line, and the title rule cleans it off a title line.
	on, off := title(), title("--rules-off", "title.label,line.label")
	if on != "县总工会为环卫工人送清凉" || !strings.HasPrefix(off, "原标题") {
		t.Errorf("title with the label rule = %q, without = %q; want the label gone only with it", on, off)
	}
	if _, errs, code := runCLI(t, "parse", "--rules-off", "title.nosuch", f); code != 1 || !strings.Contains(errs, "title.nosuch") {
		t.Errorf("parse --rules-off title.nosuch: exit %d, %q; want 1 and the name", code, errs)
	}
}
