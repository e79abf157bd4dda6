package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/unionscope/unionscope/internal/derrors"
	"github.com/unionscope/unionscope/zh"
)

// clause is one element of the query language.
type clause struct {
	field  string // "" for the text and title; else title, region, doctype, campaign
	value  string
	phrase bool
	negate bool
	raw    string // the clause as the user wrote it
}

// parseQuery splits the user's query into clauses: plain words, "exact
// phrases" (ASCII or Chinese quotes), -exclusions and field:value pairs.
func parseQuery(q string) ([]clause, error) {
	var out []clause
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var c clause
		start := i
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			c.negate = true
			i++
		}
		// field:value, only for the fields the language knows, so that a
		// colon in ordinary text stays text.
		for _, f := range []string{"title", "region", "doctype", "campaign"} {
			p := []rune(f + ":")
			if i+len(p) <= len(rs) && strings.EqualFold(string(rs[i:i+len(p)]), string(p)) {
				c.field = f
				i += len(p)
				break
			}
		}
		if i < len(rs) && (rs[i] == '"' || rs[i] == '“' || rs[i] == '”') {
			end := i + 1
			for end < len(rs) && rs[end] != '"' && rs[end] != '”' && rs[end] != '“' {
				end++
			}
			if end >= len(rs) {
				return nil, derrors.BadParam("q", "unbalanced quote")
			}
			c.value = strings.TrimSpace(string(rs[i+1 : end]))
			c.phrase = true
			i = end + 1
		} else {
			from := i
			for i < len(rs) && !unicode.IsSpace(rs[i]) {
				i++
			}
			c.value = string(rs[from:i])
		}
		c.raw = string(rs[start:i])
		if c.value == "" {
			if c.field != "" {
				return nil, derrors.BadParam("q", "%s: needs a value", c.field)
			}
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// SplitTextTerms splits a query into the words and "phrases" it looks for
// in a document's text, and the rest of the query (-exclusions and
// field:value clauses, as written), which selects documents but does not
// occur in the text as such. Keyword-in-context uses it to know what to
// mark.
func SplitTextTerms(q string) (terms []string, rest string, err error) {
	clauses, err := parseQuery(q)
	if err != nil {
		return nil, "", err
	}
	var others []string
	for _, c := range clauses {
		if c.negate || c.field != "" {
			others = append(others, c.raw)
			continue
		}
		terms = append(terms, c.value)
	}
	return terms, strings.Join(others, " "), nil
}

// query is the clause as a Bleve query; pairs says whether the index has
// the pairs fields for phrases.
func (c clause) query(pairs bool) query.Query {
	switch c.field {
	case "region":
		// The term AnalyzerKeyword indexes, as a term query: a match query
		// would wrap it in a conjunction of one.
		t := bleve.NewTermQuery(zh.Fold(c.value))
		t.SetField("region")
		return t
	case "doctype":
		t := bleve.NewTermQuery(strings.ToLower(c.value))
		t.SetField("doctype")
		return t
	case "campaign":
		t := bleve.NewTermQuery(zh.NameKey(c.value))
		t.SetField("campaign")
		return t
	case "title":
		return c.in("title", 1, pairs)
	}
	return bleve.NewDisjunctionQuery(c.in("text", 1, pairs), c.in("title", 2, pairs))
}

// textTerms is what a plain clause looks for in the text, which is where
// highlights come from; ok is false for field clauses.
func (c clause) textTerms() (t textTerms, ok bool) {
	if c.field != "" {
		return t, false
	}
	return textTerms{words: phraseWords(c.value), phrase: c.phrase}, true
}

// in finds the clause's words in a text field, with a boost: every word,
// as users of a search box expect (Bleve's default is any word), or the
// phrase, through the field's pairs when pairs is set.
func (c clause) in(field string, boost float64, pairs bool) query.Query {
	words := phraseWords(c.value)
	if c.phrase && len(words) > 1 {
		if pairs {
			return pairsPhrase(field, words, boost)
		}
		p := bleve.NewMatchPhraseQuery(c.value)
		p.SetField(field)
		p.Analyzer = AnalyzerQuery
		p.SetBoost(boost)
		return p
	}
	// Term queries rather than a match query, which wraps even one word
	// in a conjunction that costs a step for every matching document.
	terms := make([]query.Query, len(words))
	for i, w := range words {
		t := bleve.NewTermQuery(w)
		t.SetField(field)
		t.SetBoost(boost)
		terms[i] = t
	}
	switch len(terms) {
	case 0:
		return bleve.NewMatchNoneQuery()
	case 1:
		return terms[0]
	}
	return bleve.NewConjunctionQuery(terms...)
}
