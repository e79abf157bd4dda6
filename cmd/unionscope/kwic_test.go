package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestKWICCommand(t *testing.T) {
	data := reportDataDir(t)
	tests := []outputCase{
		{"text: left context right-aligned, in the script of the text", []string{"--width", "3", "--region", "广东", "送温暖"}, 0,
			"區開展  送溫暖  活動，  8d0420a83aafe20a\n"},
		{"text at the edges of a text", []string{"--width", "2", "--year", "2012", "工會"}, 0, "" +
			"      工会   我   be4850064326ebba\n" +
			"挥了  工会        be4850064326ebba\n"},
		{"csv", []string{"--width", "2", "--format", "csv", "--no-bom", "--doctype", "speech", `"困难职工"`}, 0,
			"doc_id,title,date,left,match,right,offset\r\n" +
				"bae42e0411f2ab58,在全市工会工作会议上的讲话,2011-03-15,做到,困难职工,家家,58\r\n"},
		{"missing query", []string{"--width", "5"}, 1, "QUERY"},
		{"only exclusions", []string{"--", "-工会"}, 1, "word or phrase"},
		{"width too large", []string{"--width", "500", "工会"}, 1, "width"},
		{"negative limit", []string{"--limit", "-1", "工会"}, 1, "limit"},
		{"unknown format", []string{"--format", "html", "工会"}, 1, `"html"`},
	}
	runOutputCases(t, "kwic", data, tests)
}

func TestKWICCommandJSONL(t *testing.T) {
	data := reportDataDir(t)
	out, errOut, code := runCLI(t, "kwic", "--data", data, "--format", "jsonl", "--limit", "3", "--width", "4", "职工")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3 (--limit):\n%s", len(lines), out)
	}
	for _, l := range lines {
		var k struct {
			DocID              string `json:"doc_id"`
			Left, Match, Right string
			Offset             int
		}
		if err := json.Unmarshal([]byte(l), &k); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if k.Match != "职工" && k.Match != "職工" || len([]rune(k.Left)) > 4 || len([]rune(k.Right)) > 4 || k.DocID == "" {
			t.Errorf("line %+v", k)
		}
	}
}
