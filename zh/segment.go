package zh

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Token is one word of a segmented text. Start and End are byte offsets in
// the text that was passed in (not in its folded form); Text is the folded
// word, which is what the index stores and queries match.
type Token struct {
	Text       string
	Start, End int
	// Pos is gse's part-of-speech tag for the word ("n", "v", "m", …), or
	// "x" when the dictionary does not know it.
	Pos string
	// Sub is true for a shorter dictionary word found inside the previous
	// whole word (search mode); it shares that word's position.
	Sub bool
}

var (
	segOnce sync.Once
	seg     gse.Segmenter
	segErr  error
)

// segmenter loads gse's simplified dictionary once per process. Text is
// folded to simplified script before it is cut, so the traditional
// dictionary would only cost memory. Loading mutates gse's package state, so
// it must finish before any goroutine cuts; sync.Once gives that.
func segmenter() (*gse.Segmenter, error) {
	segOnce.Do(func() {
		seg.SkipLog = true
		segErr = seg.LoadDictEmbed("zh_s")
	})
	return &seg, segErr
}

// Load loads the dictionary now, so that a caller can pay for it at a time
// of its choosing and see an error early.
func Load() error {
	_, err := segmenter()
	return err
}

// Cut segments text into words. It folds script, width and case first, so
// 工會 and 工会 give the same words. With search set, each long word is
// followed by the dictionary words inside it (总工会 → 总工会, 工会), which
// lets a short query find a longer word. Spaces and punctuation are not
// returned.
func Cut(text string, search bool) []Token {
	s, err := segmenter()
	if err != nil || text == "" {
		return nil
	}
	folded := Fold(text)
	// byte offset in folded text -> byte offset in text; both strings have the
	// same number of runes, but a rune may have a different width in each.
	origAt := make([]int, len(folded)+1)
	oi := 0
	for fi, r := range folded {
		origAt[fi] = oi
		_ = r
		_, w := utf8.DecodeRuneInString(text[oi:])
		oi += w
	}
	origAt[len(folded)] = len(text)

	var out []Token
	forEachClause(folded, func(off int, clause string) {
		for _, sg := range s.Segment([]byte(clause)) {
			st, en := off+sg.Start(), off+sg.End()
			word := folded[st:en]
			if !hasWordRune(word) {
				continue
			}
			out = append(out, Token{Text: word, Start: origAt[st], End: origAt[en], Pos: sg.Token().Pos()})
			if search {
				out = appendSubwords(out, s, folded, st, en, origAt)
			}
		}
	})
	return out
}

// appendSubwords adds the dictionary words of two or more runes that lie
// strictly inside folded[st:en], as jieba's search mode does.
func appendSubwords(out []Token, s *gse.Segmenter, folded string, st, en int, origAt []int) []Token {
	word := folded[st:en]
	if utf8.RuneCountInString(word) < 3 {
		return out
	}
	var starts []int
	for i := range word {
		starts = append(starts, i)
	}
	starts = append(starts, len(word))
	n := len(starts) - 1
	for i := 0; i < n; i++ {
		for j := i + 2; j <= n; j++ {
			if i == 0 && j == n {
				continue
			}
			sub := word[starts[i]:starts[j]]
			if freq, pos, ok := s.Dict.Find([]byte(sub)); ok && freq > 0 {
				a, b := st+starts[i], st+starts[j]
				out = append(out, Token{Text: sub, Start: origAt[a], End: origAt[b], Pos: pos, Sub: true})
			}
		}
	}
	return out
}

// forEachClause calls fn with each run of text between line breaks and
// sentence punctuation. gse's cost grows faster than linearly with the
// length of what it is given, so it never sees more than one clause.
func forEachClause(s string, fn func(off int, clause string)) {
	start := 0
	for i, r := range s {
		if r == '\n' || r == '\r' || r == '。' || r == '！' || r == '？' || r == '；' || r == '!' || r == '?' || r == ';' {
			if i > start {
				fn(start, s[start:i])
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(s) {
		fn(start, s[start:])
	}
}

func hasWordRune(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
