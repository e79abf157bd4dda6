package report

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
	"github.com/unionscope/unionscope/zh"
)

func TestSplitQuery(t *testing.T) {
	tests := []struct {
		q        string
		want     []string
		wantRest string
	}{
		{"", nil, ""},
		{"工会", []string{"工会"}, ""},
		{"工會  送溫暖 工会", []string{"工会", "送温暖"}, ""},
		{`"困难职工" -新闻 region:四川 TITLE:总结 campaign:"送温暖"`, []string{"困难职工"}, `-新闻 region:四川 TITLE:总结 campaign:"送温暖"`},
		{"“金秋 助学” ＡＢＣ -“送 温暖”", []string{"金秋 助学", "abc"}, "-“送 温暖”"},
		{"- 工会", []string{"-", "工会"}, ""},
	}
	for _, tt := range tests {
		got, rest, err := splitQuery(tt.q)
		if err != nil {
			t.Errorf("splitQuery(%q): %v", tt.q, err)
		}
		if !cmp.Equal(tt.want, got) || rest != tt.wantRest {
			t.Errorf("splitQuery(%q) = %q, %q, want %q, %q", tt.q, got, rest, tt.want, tt.wantRest)
		}
	}
}

func TestSplitQueryRejectsWhatSearchRejects(t *testing.T) {
	if _, _, err := splitQuery(`"未闭合`); err == nil {
		t.Error(`splitQuery("未闭合) accepted an unbalanced quote that search rejects`)
	}
}

func TestFindTerms(t *testing.T) {
	tests := []struct {
		text  string
		terms []string
		want  []span
	}{
		{"总工会工会经费", []string{"工会", "工会经费"}, []span{{1, 3}, {3, 7}}},
		{"哈哈哈哈", []string{"哈哈"}, []span{{0, 2}, {2, 4}}},
		{"abc", []string{"x"}, nil},
		{"ａ工会ab工会", []string{"工会"}, []span{{1, 3}, {5, 7}}},
	}
	for _, tt := range tests {
		got := findTerms(zh.Fold(tt.text), tt.terms)
		if len(got) == 0 {
			got = nil
		}
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("findTerms(%q, %q) (-want +got):\n%s", tt.text, tt.terms, diff)
		}
	}
}

func TestKWIC(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	yibin, bazhong, news := "yibin-2012.txt", "bazhong-2010.txt", "https://example.org/news/2011/0120.html"
	tests := []struct {
		name         string
		req          index.Request
		width, limit int
		want         []string // source|left|match|right|offset
	}{
		{"text edges and a line break", index.Request{Query: "工会", YearFrom: 2012}, 4, 0, []string{
			yibin + "||工会| 我们建|0",
			yibin + "|实发挥了|工会||41",
		}},
		{"simplified query shows traditional text", index.Request{Query: "送温暖", Doctype: "news"}, 3, 0, []string{
			news + "|區開展|送溫暖|活動，|17",
		}},
		{"traditional query finds simplified text", index.Request{Query: "金秋助學"}, 2, 0, []string{
			bazhong + "|\u3002 |金秋助学|活动|72",
		}},
		{"phrase, exclusion and field clauses", index.Request{Query: `"困难职工" -新闻 campaign:送温暖 region:四川`}, 2, 0, []string{
			bazhong + "|慰问|困难职工|30|42",
			bazhong + "|资助|困难职工|子女|80",
			"chengdu-speech.docx|做到|困难职工|家家|58",
		}},
		{"width zero", index.Request{Query: "职工之家"}, 0, 0, []string{
			yibin + "||职工之家||7",
		}},
		{"limit, first document by ID", index.Request{Query: "工会 送温暖"}, 1, 2, []string{
			news + "|總|工會|領|7",
			news + "|展|送溫暖|活|17",
		}},
		{"every word must occur", index.Request{Query: "工会 安康杯"}, 1, 0, []string{}},
		{"a word inside a longer word", index.Request{Query: "職工", Region: "四川"}, 1, 0, []string{
			bazhong + "|难|职工|3|44", bazhong + "|难|职工|子|82",
			"chengdu-speech.docx|难|职工|家|60",
			yibin + "|成|职工|之|7", yibin + "|难|职工|5|19",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			err := KWIC(context.Background(), tc.st, tc.x, tt.req, tt.width, tt.limit, func(l KWICLine) error {
				got = append(got, fmt.Sprintf("%s|%s|%s|%s|%d", tc.name[l.DocID], l.Left, l.Match, l.Right, l.Offset))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.limit == 0 {
				tt.want = inIDOrderKWIC(tc, tt.want)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("KWIC(%+v, %d, %d) (-want +got):\n%s", tt.req, tt.width, tt.limit, diff)
			}
		})
	}
}

func inIDOrderKWIC(tc *testCorpus, lines []string) []string {
	out := []string{}
	for _, id := range sortedKeys(tc.name) {
		for _, l := range lines {
			if strings.HasPrefix(l, tc.name[id]+"|") {
				out = append(out, l)
			}
		}
	}
	return out
}

// TestKWICOffsets checks every line of a broad query against the stored
// text: the match sits at Offset, and the contexts are the width runes
// around it.
func TestKWICOffsets(t *testing.T) {
	docs := loadDocs(t)
	tc := openTestCorpus(t, docs)
	texts := map[string][]rune{}
	for _, d := range docs {
		texts[d.SourceFile] = []rune(d.Text())
	}
	const width = 6
	n := 0
	err := KWIC(context.Background(), tc.st, tc.x, index.Request{Query: "職工"}, width, 0, func(l KWICLine) error {
		n++
		rs := texts[tc.name[l.DocID]]
		m := utf8.RuneCountInString(l.Match)
		if got := string(rs[l.Offset : l.Offset+m]); got != l.Match {
			t.Errorf("%s@%d: text has %q, line has %q", l.DocID, l.Offset, got, l.Match)
		}
		if zh.Fold(l.Match) != "职工" {
			t.Errorf("match %q does not fold to the term", l.Match)
		}
		left := oneLine(rs[max(0, l.Offset-width):l.Offset])
		right := oneLine(rs[l.Offset+m : min(len(rs), l.Offset+m+width)])
		if l.Left != left || l.Right != right {
			t.Errorf("%s@%d: contexts %q|%q, want %q|%q", l.DocID, l.Offset, l.Left, l.Right, left, right)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("%d lines for 職工, want 7", n)
	}
}

func TestKWICErrors(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	tests := []struct {
		name         string
		req          index.Request
		width, limit int
		param        string
	}{
		{"no words", index.Request{Query: "region:四川 -工会"}, 20, 0, "q"},
		{"empty query", index.Request{}, 20, 0, "q"},
		{"negative width", index.Request{Query: "工会"}, -1, 0, "width"},
		{"huge width", index.Request{Query: "工会"}, MaxWidth + 1, 0, "width"},
		{"negative limit", index.Request{Query: "工会"}, 20, -1, "limit"},
		{"bad years", index.Request{Query: "工会", YearFrom: 2012, YearTo: 2011}, 20, 0, "year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := KWIC(context.Background(), tc.st, tc.x, tt.req, tt.width, tt.limit, func(KWICLine) error {
				t.Error("fn called")
				return nil
			})
			var inv *derrors.ParamError
			if !errors.As(err, &inv) || inv.Param != tt.param {
				t.Errorf("KWIC = %v, want an InvalidError for %s", err, tt.param)
			}
		})
	}
}

func TestKWICWriters(t *testing.T) {
	lines := []KWICLine{
		{DocID: "d1", Title: "总结", Date: "2010-12-28", Left: "", Match: "工会", Right: "今年把送", Offset: 0},
		{DocID: "d2", Title: "新闻", Date: "2011", Left: "市總", Match: "工會", Right: "開展", Offset: 2},
		{DocID: "d3", Title: "=x", Date: "", Left: "ab, \"c", Match: "工会", Right: "-1", Offset: 9},
	}
	for _, tt := range []struct {
		golden string
		w      func(*strings.Builder) KWICWriter
	}{
		{"kwic.golden.txt", func(b *strings.Builder) KWICWriter { return NewKWICText(b, 4) }},
		{"kwic.golden.csv", func(b *strings.Builder) KWICWriter { return NewKWICCSV(b, false) }},
		{"kwic.golden.jsonl", func(b *strings.Builder) KWICWriter { return NewKWICJSONL(b) }},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var b strings.Builder
			w := tt.w(&b)
			for _, l := range lines {
				if err := w.Write(l); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, b.String())
		})
	}
}

// FuzzKWICLines checks, for any text and query, that every line's match
// folds to one of the query's terms, sits at its offset in the text, has
// at most width runes of context each side, and that lines come in text
// order without overlapping.
func FuzzKWICLines(f *testing.F) {
	f.Add("工會今年把送溫暖作为头等大事。\n工会", "工会 送温暖", 3)
	f.Add("哈哈哈哈", "哈哈", 0)
	f.Add("ＡＢＣabc\u3000x", "abc -x", 2)
	f.Add("\xff\xfe工会", `"工 会"`, 5)
	f.Fuzz(func(t *testing.T, text, q string, width int) {
		width = min(max(width, 0), MaxWidth)
		terms, _, _ := splitQuery(q)
		rs := []rune(text)
		end := 0
		err := kwicLines("d", "t", "", text, terms, width, func(l KWICLine) error {
			m := utf8.RuneCountInString(l.Match)
			if l.Offset < end || l.Offset+m > len(rs) {
				t.Fatalf("line at %d+%d overlaps or leaves the text (%d runes, last end %d)", l.Offset, m, len(rs), end)
			}
			end = l.Offset + m
			found := false
			for _, term := range terms {
				found = found || zh.Fold(string(rs[l.Offset:end])) == term
			}
			if !found {
				t.Errorf("match %q at %d is none of %q", l.Match, l.Offset, terms)
			}
			if utf8.RuneCountInString(l.Left) > width || utf8.RuneCountInString(l.Right) > width {
				t.Errorf("contexts %q|%q wider than %d", l.Left, l.Right, width)
			}
			if strings.ContainsAny(l.Left+l.Match+l.Right, "\n\r") {
				t.Errorf("line break in %q|%q|%q", l.Left, l.Match, l.Right)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
