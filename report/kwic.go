package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
	"github.com/unionscope/unionscope/zh"
)

// MaxWidth is the widest context KWIC gives on either side, in characters.
const MaxWidth = 200

// KWICLine is one occurrence of a searched word with the characters
// around it, as a concordancer such as AntConc or CQPweb shows it.
type KWICLine struct {
	DocID string `json:"doc_id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	// Left and Right are up to width characters (runes) of the text before
	// and after the match, shorter at the text's edges; line breaks become
	// spaces so that each occurrence stays on one line.
	Left  string `json:"left"`
	Match string `json:"match"`
	Right string `json:"right"`
	// Offset is the rune offset of Match in corpus.Document.Text(), as
	// metric offsets are.
	Offset int `json:"offset"`
}

// splitQuery gives the folded, distinct words and phrases of q that KWIC
// marks in the text, and the clauses that only select documents.
func splitQuery(q string) (terms []string, rest string, err error) {
	raw, rest, err := index.SplitTextTerms(q)
	if err != nil {
		return nil, "", err
	}
	for _, t := range raw {
		if t = zh.Fold(t); t != "" && !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms, rest, nil
}

// span is a match as rune offsets [start, end) into a text.
type span struct{ start, end int }

// findTerms returns the non-overlapping occurrences of terms in folded, in
// text order; where two terms start at one place the longer wins, so 工会
// and 工会经费 give one line, not two.
func findTerms(folded string, terms []string) []span {
	var all []span
	for _, t := range terms {
		runes := utf8.RuneCountInString(t)
		at, rat := 0, 0 // byte and rune offset up to which folded is counted
		for {
			i := strings.Index(folded[at:], t)
			if i < 0 {
				break
			}
			rat += utf8.RuneCountInString(folded[at : at+i])
			all = append(all, span{rat, rat + runes})
			// Step one rune, not the whole term, so that 哈哈 in 哈哈哈 is
			// found where the longest-first merge below wants it.
			_, size := utf8.DecodeRuneInString(folded[at+i:])
			at += i + size
			rat++
		}
	}
	slices.SortFunc(all, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	out := all[:0]
	for _, s := range all {
		if len(out) > 0 && s.start < out[len(out)-1].end {
			continue
		}
		out = append(out, s)
	}
	return out
}

// oneLine turns line breaks and tabs into spaces, rune for rune, so a
// context never breaks a line of output and keeps its width.
func oneLine(rs []rune) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, string(rs))
}

// kwicLines calls fn for each occurrence of terms in text, provided that
// every term occurs, as a search needs every word.
func kwicLines(id, title, date, text string, terms []string, width int, fn func(KWICLine) error) error {
	folded := zh.Fold(text)
	for _, t := range terms {
		if !strings.Contains(folded, t) {
			return nil
		}
	}
	spans := findTerms(folded, terms)
	rs := []rune(text)
	for _, s := range spans {
		l := KWICLine{
			DocID: id, Title: title, Date: date, Offset: s.start,
			Left:  oneLine(rs[max(0, s.start-width):s.start]),
			Match: oneLine(rs[s.start:s.end]),
			Right: oneLine(rs[s.end:min(len(rs), s.end+width)]),
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return nil
}

// KWIC calls fn for each occurrence of the query's words and phrases in
// the text of the documents that hold them all and pass req's filters and
// its -exclusions and field:value clauses: documents in ID order,
// occurrences in text order, with width characters of context each side,
// and at most limit lines (0 for no limit). Words are matched in either
// script and width but shown as written. It checks its parameters before
// the first call.
//
// The words are looked for in the text itself, not through the index,
// because a concordance must show every occurrence: the segmenter does not
// always index a word inside a longer one (职工 in 困难职工), and a search
// for it would miss those documents. The price is a scan of the text of
// every document the filters let through, which limit cuts short.
func KWIC(ctx context.Context, st *corpus.Store, x *index.Index, req index.Request, width, limit int, fn func(KWICLine) error) error {
	if width < 0 || width > MaxWidth {
		return derrors.BadParam("width", "must be 0..%d", MaxWidth)
	}
	if limit < 0 {
		return derrors.BadParam("limit", "must not be negative")
	}
	if err := req.Validate(); err != nil {
		return err
	}
	terms, rest, err := splitQuery(req.Query)
	if err != nil {
		return err
	}
	if len(terms) == 0 {
		return derrors.BadParam("q", "needs a word or phrase to look for")
	}
	sel := req
	sel.Query = rest
	n := 0
	emit := func(l KWICLine) error {
		if err := fn(l); err != nil {
			return err
		}
		if n++; limit > 0 && n >= limit {
			return errStop
		}
		return nil
	}
	const q = `SELECT d.id, d.title, d.date, d.body FROM documents d WHERE %s ORDER BY d.id`
	err = selectDocs(ctx, st, x, sel, "d.id", q, nil, func(rows *sql.Rows) error {
		var id, title, date, body string
		if err := rows.Scan(&id, &title, &date, &body); err != nil {
			return err
		}
		return kwicLines(id, title, date, body, terms, width, emit)
	})
	if err != nil && !errors.Is(err, errStop) {
		return fmt.Errorf("kwic %q: %w", req.Query, err)
	}
	return nil
}
