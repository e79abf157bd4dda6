package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/unionscope/unionscope/zh"
)

// Names under which the Chinese parts are registered with Bleve.
const (
	TokenizerSearch = "unionscope_zh_search"
	TokenizerExact  = "unionscope_zh_exact"
	TokenizerFolded = "unionscope_folded_keyword"

	AnalyzerIndex   = "unionscope_zh"
	AnalyzerQuery   = "unionscope_zh_query"
	AnalyzerKeyword = "unionscope_keyword"
)

// zhTokenizer cuts text with zh.Cut. Folding happens inside zh.Cut, after
// offsets are taken, so Start and End point at the document's own
// characters and highlights show them, whichever script was searched.
type zhTokenizer struct{ search bool }

func (t zhTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := zh.Cut(string(input), t.search)
	// One allocation for all tokens and one for all terms, rather than two
	// per token: this runs on every paragraph of every document.
	slab := make([]analysis.Token, len(toks))
	n := 0
	for _, tk := range toks {
		n += len(tk.Text)
	}
	terms := make([]byte, 0, n)
	out := make(analysis.TokenStream, len(toks))
	pos := 0
	for i, tk := range toks {
		// A sub-word shares the position of the word it lies in, so phrase
		// queries analysed without sub-words still line up.
		if !tk.Sub {
			pos++
		}
		typ := analysis.Ideographic
		if r, _ := utf8.DecodeRuneInString(tk.Text); !zh.IsHan(r) {
			typ = analysis.AlphaNumeric
		}
		at := len(terms)
		terms = append(terms, tk.Text...)
		slab[i] = analysis.Token{Term: terms[at:len(terms):len(terms)], Start: tk.Start, End: tk.End, Position: pos, Type: typ}
		out[i] = &slab[i]
	}
	return out
}

// foldedKeyword makes the whole input one folded token, for exact-match
// fields such as region and campaign, so 四川省 matches 四川省 in either
// script.
type foldedKeyword struct{}

func (foldedKeyword) Tokenize(input []byte) analysis.TokenStream {
	if len(input) == 0 {
		return nil
	}
	return analysis.TokenStream{{Term: []byte(zh.Fold(string(input))), Start: 0, End: len(input), Position: 1, Type: analysis.AlphaNumeric}}
}

func init() {
	mustRegisterTokenizer(TokenizerSearch, zhTokenizer{search: true})
	mustRegisterTokenizer(TokenizerExact, zhTokenizer{search: false})
	mustRegisterTokenizer(TokenizerFolded, foldedKeyword{})
	mustRegisterAnalyzer(AnalyzerIndex, TokenizerSearch)
	mustRegisterAnalyzer(AnalyzerQuery, TokenizerExact)
	mustRegisterAnalyzer(AnalyzerKeyword, TokenizerFolded)
}

func mustRegisterTokenizer(name string, t analysis.Tokenizer) {
	err := registry.RegisterTokenizer(name, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return t, nil
	})
	if err != nil {
		panic(err) // a duplicate name is a programming error caught at start-up
	}
}

func mustRegisterAnalyzer(name, tokenizer string) {
	err := registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tk, err := cache.TokenizerNamed(tokenizer)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tk}, nil
	})
	if err != nil {
		panic(err)
	}
}
