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
	FilterPairs     = "unionscope_pairs"

	AnalyzerIndex   = "unionscope_zh"
	AnalyzerQuery   = "unionscope_zh_query"
	AnalyzerKeyword = "unionscope_keyword"
	// AnalyzerPairs makes the words of AnalyzerIndex into pairs of
	// neighbours, for phrase search.
	AnalyzerPairs = "unionscope_zh_pairs"
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

// pairSep joins the two words of a pair; no word contains it.
const pairSep = "\x1f"

// pairFilter turns a token stream into one token for each pair of words
// at neighbouring positions: with sub-words, every word at a position with
// every word at the next, so that a pair term matches where Bleve's phrase
// search over the two words would (phrase.go).
type pairFilter struct{}

func (pairFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	// Tokens come in order of position, the words of one position
	// together. The first pass sizes one slab of tokens and one of terms,
	// as the tokenizer does.
	n, size := 0, 0
	eachPair(input, func(a, b *analysis.Token) {
		n++
		size += len(a.Term) + len(pairSep) + len(b.Term)
	})
	slab := make([]analysis.Token, 0, n)
	terms := make([]byte, 0, size)
	out := make(analysis.TokenStream, 0, n)
	eachPair(input, func(a, b *analysis.Token) {
		at := len(terms)
		terms = append(append(append(terms, a.Term...), pairSep...), b.Term...)
		slab = append(slab, analysis.Token{Term: terms[at:len(terms):len(terms)], Start: a.Start, End: b.End, Position: a.Position, Type: a.Type})
		out = append(out, &slab[len(slab)-1])
	})
	return out
}

// eachPair calls fn with every word at a position and every word at the
// next.
func eachPair(ts analysis.TokenStream, fn func(a, b *analysis.Token)) {
	prev, cur := 0, 0 // where the previous position's words start, and this one's
	for cur < len(ts) {
		next := cur
		for next < len(ts) && ts[next].Position == ts[cur].Position {
			next++
		}
		if cur > 0 && ts[prev].Position == ts[cur].Position-1 {
			for _, a := range ts[prev:cur] {
				for _, b := range ts[cur:next] {
					fn(a, b)
				}
			}
		}
		prev, cur = cur, next
	}
}

func init() {
	mustRegisterTokenizer(TokenizerSearch, zhTokenizer{search: true})
	mustRegisterTokenizer(TokenizerExact, zhTokenizer{search: false})
	mustRegisterTokenizer(TokenizerFolded, foldedKeyword{})
	err := registry.RegisterTokenFilter(FilterPairs, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return pairFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
	mustRegisterAnalyzer(AnalyzerIndex, TokenizerSearch)
	mustRegisterAnalyzer(AnalyzerQuery, TokenizerExact)
	mustRegisterAnalyzer(AnalyzerKeyword, TokenizerFolded)
	mustRegisterAnalyzer(AnalyzerPairs, TokenizerSearch, FilterPairs)
}

func mustRegisterTokenizer(name string, t analysis.Tokenizer) {
	err := registry.RegisterTokenizer(name, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return t, nil
	})
	if err != nil {
		panic(err) // a duplicate name is a programming error caught at start-up
	}
}

func mustRegisterAnalyzer(name, tokenizer string, filters ...string) {
	err := registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tk, err := cache.TokenizerNamed(tokenizer)
		if err != nil {
			return nil, err
		}
		a := &analysis.DefaultAnalyzer{Tokenizer: tk}
		for _, f := range filters {
			tf, err := cache.TokenFilterNamed(f)
			if err != nil {
				return nil, err
			}
			a.TokenFilters = append(a.TokenFilters, tf)
		}
		return a, nil
	})
	if err != nil {
		panic(err)
	}
}
