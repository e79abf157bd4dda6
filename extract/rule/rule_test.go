package rule

import (
	"strings"
	"testing"
)

var (
	testQuoted = New(Rule{
		Name: "ruletest.quoted", Why: "a name in quotes",
		Accept: "“金秋助学”", Reject: "金秋助学",
		Fires: func(s string) bool { return strings.HasPrefix(s, "“") },
	})
	testWrong = New(Rule{
		Name: "ruletest-wrong.example", Why: "examples that disagree with the rule",
		Accept: "b", Reject: "a",
		Fires: func(s string) bool { return s == "a" },
	})
)

func TestCheck(t *testing.T) {
	if bad := Check("ruletest."); len(bad) != 0 {
		t.Errorf("Check(ruletest.) = %q, want none", bad)
	}
	bad := Check("ruletest-wrong.")
	if len(bad) != 2 {
		t.Fatalf("Check(ruletest-wrong.) = %q, want both examples reported", bad)
	}
}

func TestSetOff(t *testing.T) {
	t.Cleanup(func() { SetOff(nil) })
	if !testQuoted.On() {
		t.Fatal("a rule starts on")
	}
	if err := SetOff([]string{"ruletest.*"}); err != nil {
		t.Fatal(err)
	}
	if testQuoted.On() || !testWrong.On() {
		t.Errorf("after SetOff(ruletest.*): quoted on=%v, wrong on=%v; want false, true", testQuoted.On(), testWrong.On())
	}
	if err := SetOff([]string{"ruletest-wrong.example"}); err != nil {
		t.Fatal(err)
	}
	if !testQuoted.On() || testWrong.On() {
		t.Errorf("SetOff replaces the set: quoted on=%v, wrong on=%v; want true, false", testQuoted.On(), testWrong.On())
	}
	if err := SetOff([]string{"nosuch.rule"}); err == nil || !strings.Contains(err.Error(), "nosuch.rule") {
		t.Errorf("SetOff(nosuch.rule) = %v, want an error naming it", err)
	}
	if testWrong.On() {
		t.Error("a failed SetOff changed the set")
	}
}

func TestAllSorted(t *testing.T) {
	all := All()
	for i := 1; i < len(all); i++ {
		if all[i-1].Name >= all[i].Name {
			t.Fatalf("All not sorted: %q before %q", all[i-1].Name, all[i].Name)
		}
	}
}
