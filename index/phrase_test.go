package index

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"
)

func TestPairFilter(t *testing.T) {
	// 送温暖 and its sub-word 温暖 share position 1, so both pair with 活动.
	ts := (zhTokenizer{search: true}).Tokenize([]byte("送溫暖活動"))
	var got []string
	for _, tk := range (pairFilter{}).Filter(ts) {
		got = append(got, strings.ReplaceAll(string(tk.Term), pairSep, "|")+"@"+itoa(tk.Start)+"-"+itoa(tk.End)+"/"+itoa(tk.Position))
	}
	want := []string{"送温暖|活动@0-15/1", "温暖|活动@3-15/1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
}

// TestPhraseNeedsWordsTogether: a document with every pair of a phrase of
// three words, but apart, does not match it.
func TestPhraseNeedsWordsTogether(t *testing.T) {
	x, err := Open(filepath.Join(t.TempDir(), "x.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if !x.pairs {
		t.Fatal("a new index has no pairs fields")
	}
	if got := phraseWords("工会帮扶职工"); len(got) != 3 {
		t.Fatalf("phraseWords = %q, want three words", got)
	}
	for id, text := range map[string]string{
		"apart":    "工会帮扶活动，组织帮扶职工。",
		"together": "县工会帮扶职工开展活动。",
	} {
		if err := x.b.Index(id, indexDoc{Text: text, Canonical: true}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := x.Search(context.Background(), Request{Query: `"工会帮扶职工"`, Size: 10, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "together" {
		t.Fatalf("hits = %+v, want only together", res.Hits)
	}
	if want := "县<mark>工会</mark><mark>帮扶</mark><mark>职工</mark>开展活动。"; strings.Join(res.Hits[0].Snippets, "") != want {
		t.Errorf("snippets = %q, want %q", res.Hits[0].Snippets, want)
	}
}

// TestSearchMatchesBleveHighlights holds Search, which finds phrases
// through text_pairs and highlights the page's hits itself, to what Bleve
// gives for the same query over the words with its own highlighter: the
// same documents, and the same snippets, for phrases cut at random out of
// the text, which the query analyzer cuts into words that the text has
// only as sub-words or not at all.
func TestSearchMatchesBleveHighlights(t *testing.T) {
	x := proseIndex(t, 300)
	ctx := context.Background()
	var texts, titles []string
	for _, id := range []string{"3", "77", "150", "299"} {
		doc, err := x.b.Document(id)
		if err != nil || doc == nil {
			t.Fatal(id, err)
		}
		texts = append(texts, strings.Split(stored(doc, "text"), "\n")...)
	}
	for id := range 300 {
		doc, err := x.b.Document(itoa(id))
		if err != nil || doc == nil {
			t.Fatal(id, err)
		}
		titles = append(titles, stored(doc, "title"))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	queries := []string{"送温暖", "工会 -送温暖", `"职工之家"`, `"金秋助学" 助学金`, `"困难职工子女"`, "工资集体协商 企业",
		`"职工之家" 职工`, `"工会帮扶职工"`, `"职工之家建设"`, `"没有的词组"`, `title:"工作总结"`, `""`}
	unquote := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '"' || r == '“' || r == '”' {
				return -1
			}
			return r
		}, s)
	}
	for range 150 {
		rs := []rune(texts[rng.IntN(len(texts))])
		if len(rs) < 12 {
			continue
		}
		at, n := rng.IntN(len(rs)-10), 2+rng.IntN(9)
		q := `"` + unquote(string(rs[at:at+n])) + `"`
		if rng.IntN(4) == 0 {
			q += " 工会"
		}
		queries = append(queries, q)
	}
	// Phrases of titles, which are found through title_pairs.
	for range 50 {
		rs := []rune(titles[rng.IntN(len(titles))])
		at := rng.IntN(len(rs) - 4)
		n := 2 + rng.IntN(len(rs)-at-2)
		queries = append(queries, `title:"`+unquote(string(rs[at:at+n]))+`"`, `"`+unquote(string(rs[at:at+n]))+`"`)
	}
	for _, q := range queries {
		got, err := x.Search(ctx, Request{Query: q, Size: MaxSize, Highlight: true})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		bq, _, err := (&Request{Query: q}).buildQuery(false)
		if err != nil {
			t.Fatal(err)
		}
		req := bleve.NewSearchRequestOptions(bq, 1000, 0, false)
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("text")
		want, err := x.b.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total {
			t.Errorf("Search(%q): total %d, Bleve's phrase over the words %d", q, got.Total, want.Total)
			continue
		}
		wantSnippets := map[string]string{}
		for _, h := range want.Hits {
			var s []string
			for _, f := range h.Fragments["text"] {
				s = append(s, strings.TrimSpace(f))
			}
			wantSnippets[h.ID] = strings.Join(s, "|")
		}
		for _, h := range got.Hits {
			w, ok := wantSnippets[h.ID]
			if !ok {
				t.Errorf("Search(%q): hit %s is not Bleve's", q, h.ID)
				continue
			}
			if s := strings.Join(h.Snippets, "|"); s != w {
				t.Errorf("Search(%q): hit %s snippet\n got %s\nwant %s", q, h.ID, s, w)
			}
		}
	}
}

// stored is a document's stored text field.
func stored(doc index.Document, field string) string {
	var text string
	doc.VisitFields(func(f index.Field) {
		if t, ok := f.(index.TextField); ok && f.Name() == field {
			text = t.Text()
		}
	})
	return text
}
