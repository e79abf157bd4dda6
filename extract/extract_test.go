package extract

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/decode"
	"github.com/unionscope/unionscope/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the want.json golden files from the current output")

// want is a fixture's expected document.
type want struct {
	Title     string        `json:"title"`
	Date      string        `json:"date"`
	Publisher string        `json:"publisher"`
	Author    string        `json:"author"`
	Doctype   string        `json:"doctype"`
	Region    corpus.Region `json:"region"`
	Body      []string      `json:"body"`
}

func toWant(d corpus.Document) want {
	return want{Title: d.Title, Date: d.Date, Publisher: d.Publisher, Author: d.Author, Doctype: d.Doctype, Region: d.Region, Body: d.Body}
}

// bigramF1 scores a body against the expected one the way
// ../shared/gold/score.py does: paragraphs joined, whitespace removed,
// multisets of character bigrams compared.
func bigramF1(want, got []string) float64 {
	bigrams := func(ps []string) map[string]int {
		s := []rune(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, strings.Join(ps, "")))
		m := map[string]int{}
		for i := 0; i+1 < len(s); i++ {
			m[string(s[i:i+2])]++
		}
		return m
	}
	wb, gb := bigrams(want), bigrams(got)
	tp, nw, ng := 0, 0, 0
	for k, n := range wb {
		nw += n
		tp += min(n, gb[k])
	}
	for _, n := range gb {
		ng += n
	}
	_, _, f := sharedtest.PRF(tp, ng, nw)
	return f
}

func TestBigramF1(t *testing.T) {
	tests := []struct {
		name      string
		want, got []string
		f1        float64
	}{
		{"same", []string{"工会工作"}, []string{"工会", "工作"}, 1},
		{"disjoint", []string{"工会"}, []string{"职工"}, 0},
		{"both empty", nil, nil, 1},
		{"half", []string{"甲乙丙"}, []string{"甲乙"}, 2 * 1 * 0.5 / 1.5},
		{"whitespace ignored", []string{"甲 乙"}, []string{"甲乙"}, 1},
	}
	for _, tt := range tests {
		if got := bigramF1(tt.want, tt.got); got < tt.f1-1e-9 || got > tt.f1+1e-9 {
			t.Errorf("%s: bigramF1 = %v, want %v", tt.name, got, tt.f1)
		}
	}
}

// TestFixtures parses every testdata/{html,text}/<case>/input.* and compares
// the documents with want.json: metadata exactly, the body exactly for
// text/ and by bigram F1 of at least 0.95 for html/. want.json holds one
// object, or a list for compilations.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "*", "want.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, wp := range dirs {
		dir := filepath.Dir(wp)
		// Text fixtures are written for the phenomenon they show, and
		// their bodies compare exactly; web pages keep some slack.
		exact := filepath.Base(filepath.Dir(dir)) == "text"
		t.Run(filepath.ToSlash(dir[len("testdata/"):]), func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("want one input file in %s, have %v", dir, inputs)
			}
			data, err := os.ReadFile(inputs[0])
			if err != nil {
				t.Fatal(err)
			}
			docs, err := Parse(Input{Name: inputs[0], Data: data})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := make([]want, len(docs))
			for i, d := range docs {
				got[i] = toWant(d)
				checkDocument(t, d)
			}
			if *update {
				var v any = got
				if len(got) == 1 {
					v = got[0]
				}
				b, err := json.MarshalIndent(v, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(wp, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			raw, err := os.ReadFile(wp)
			if err != nil {
				t.Fatal(err)
			}
			var wants []want
			if strings.HasPrefix(strings.TrimSpace(string(raw)), "[") {
				err = json.Unmarshal(raw, &wants)
			} else {
				var w want
				err = json.Unmarshal(raw, &w)
				wants = []want{w}
			}
			if err != nil {
				t.Fatalf("%s: %v", wp, err)
			}
			if len(got) != len(wants) {
				t.Fatalf("got %d documents, want %d", len(got), len(wants))
			}
			for i := range wants {
				w, g := wants[i], got[i]
				if !exact {
					if f1 := bigramF1(w.Body, g.Body); f1 < 0.95 {
						t.Errorf("part %d: body bigram F1 = %.3f, want >= 0.95; (-want +got):\n%s", i+1, f1, cmp.Diff(w.Body, g.Body))
					}
					w.Body, g.Body = nil, nil
				}
				if diff := cmp.Diff(w, g); diff != "" {
					t.Errorf("part %d: mismatch (-want +got):\n%s", i+1, diff)
				}
			}
		})
	}
}

// checkDocument asserts the properties every parsed document has.
func checkDocument(t *testing.T, d corpus.Document) {
	t.Helper()
	for _, s := range append([]string{d.Title, d.Date, d.Publisher, d.Author, d.Doctype, d.Region.Province, d.Region.City, d.Region.County}, d.Body...) {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in %q", s)
		}
	}
	if d.Metrics == nil || d.Campaigns == nil || d.Body == nil {
		t.Errorf("nil list in document %q: metrics %v, campaigns %v, body %v", d.Title, d.Metrics == nil, d.Campaigns == nil, d.Body == nil)
	}
	switch d.Doctype {
	case corpus.DoctypeSpeech, corpus.DoctypeSummary, corpus.DoctypeNews, corpus.DoctypeExperience, corpus.DoctypeOther:
	default:
		t.Errorf("doctype %q", d.Doctype)
	}
	if len(d.ContentHash) != 64 {
		t.Errorf("content hash %q", d.ContentHash)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"nil", nil, decode.ErrEmpty},
		{"spaces", []byte(" \n\t\r\n　"), decode.ErrEmpty},
		{"bom only", []byte{0xEF, 0xBB, 0xBF}, decode.ErrEmpty},
		{"binary", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00binary"), decode.ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), decode.ErrBinary},
		{"markup only", []byte("<html><body><div></div></body></html>"), ErrNoArticle},
		{"links only", []byte("<html><body><ul><li><a href=/a>首页</a></li><li><a href=/b>工会动态</a></li></ul></body></html>"), ErrNoArticle},
	}
	for _, tt := range tests {
		_, err := Parse(Input{Name: tt.name, Data: tt.data})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Parse error = %v, want %v", tt.name, err, tt.want)
		}
	}
}
