package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCampaignsCommand(t *testing.T) {
	data := reportDataDir(t)
	tests := []outputCase{
		{"table", nil, 0, "" +
			"name        key         docs  mentions\n" +
			"送温暖      送温暖         3         4\n" +
			"安康杯      安康杯         1         2\n" +
			"工人先锋号  工人先锋号     1         1\n" +
			"职工之家    职工之家       1         1\n" +
			"金秋助学    金秋助学       1         1\n"},
		{"table by region with a query in the other script", []string{"--by", "region", "困難職工"}, 0, "" +
			"name        key         region  docs  mentions\n" +
			"送温暖      送温暖      四川省     2         3\n" +
			"送温暖      送温暖      广东省     1         1\n" +
			"工人先锋号  工人先锋号  四川省     1         1\n" +
			"职工之家    职工之家    四川省     1         1\n" +
			"金秋助学    金秋助学    四川省     1         1\n"},
		{"csv by year", []string{"--by", "year", "--format", "csv", "--doctype", "news"}, 0,
			"\uFEFFname,key,year,docs,mentions\r\n送溫暖,送温暖,2011,1,1\r\n"},
		{"csv without BOM, unknown year empty", []string{"--by", "year", "--format", "csv", "--no-bom", "--campaign", "安康杯"}, 0,
			"name,key,year,docs,mentions\r\n安康杯,安康杯,,1,2\r\n"},
		{"nothing matches", []string{"--format", "csv", "--no-bom", "铁路"}, 0, "name,key,docs,mentions\r\n"},
		// The spellings of before the query became the arguments and the
		// text format "text" still work.
		{"old spellings", []string{"--query", "铁路", "--format", "table"}, 0, "name  key  docs  mentions\n"},
		{"unknown grouping", []string{"--by", "month"}, 1, `"month"`},
		{"unknown format", []string{"--format", "xml"}, 1, `"xml"`},
		{"query given twice", []string{"--query", "送温暖", "工会"}, 1, "once"},
	}
	runOutputCases(t, "campaigns", data, tests)
}

func TestCampaignsCommandJSONL(t *testing.T) {
	data := reportDataDir(t)
	out, errOut, code := runCLI(t, "campaigns", "--data", data, "--format", "jsonl", "--by", "year", "--region", "四川")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var c struct {
			Key, Group     string
			Docs, Mentions int
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		got = append(got, c.Key+"/"+c.Group)
	}
	want := "送温暖/2010 送温暖/2011 工人先锋号/2011 职工之家/2012 金秋助学/2010"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}
