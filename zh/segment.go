package zh

import (
	"sync"
	"unicode"
	"unicode/utf8"
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

// Load loads the dictionary now, so that a caller can pay for it at a time
// of its choosing and see an error early. Cut loads it on first use.
func Load() error {
	_, err := loadDict()
	return err
}

// Cut segments text into words. It folds script, width and case first, so
// 工會 and 工会 give the same words. With search set, each long word is
// followed by the dictionary words inside it (总工会 → 总工会, 工会), which
// lets a short query find a longer word. Spaces and punctuation are not
// returned.
//
// The words are those gse v0.80.3 gives with its simplified dictionary
// (Segmenter.Segment: the shortest path through the word graph), computed
// over a prebuilt trie of the same dictionary; a test holds the two equal.
func Cut(text string, search bool) []Token {
	d, err := loadDict()
	if err != nil || text == "" {
		return nil
	}
	folded, sameWidths := foldWidths(text)
	// byte offset in folded text -> byte offset in text, needed only when
	// folding changed the width of some rune (fullwidth digits, say).
	var origAt []int
	if !sameWidths {
		origAt = make([]int, len(folded)+1)
		oi := 0
		for fi := range folded {
			origAt[fi] = oi
			_, w := utf8.DecodeRuneInString(text[oi:])
			oi += w
		}
		origAt[len(folded)] = len(text)
	}
	orig := func(i int) int {
		if origAt == nil {
			return i
		}
		return origAt[i]
	}

	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	out := make([]Token, 0, len(folded)/4+1)
	forEachClause(folded, func(off int, clause string) {
		for _, sg := range sc.segment(d, clause) {
			st, en := off+int(sg.start), off+int(sg.end)
			word := folded[st:en]
			if !hasWordRune(word) {
				continue
			}
			pos := "x"
			if sg.pos > 0 {
				pos = d.posNames[sg.pos-1]
			}
			out = append(out, Token{Text: word, Start: orig(st), End: orig(en), Pos: pos})
			if search {
				out = appendSubwords(out, d, folded, st, en, orig)
			}
		}
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// foldWidths is Fold that also reports whether every rune kept its width
// in bytes, in which case offsets in the folded text are offsets in s.
func foldWidths(s string) (string, bool) {
	f := Fold(s)
	if len(f) != len(s) {
		return f, false
	}
	if f == s {
		return f, true
	}
	j := 0
	for _, r := range f {
		_, w := utf8.DecodeRuneInString(s[j:])
		if w != utf8.RuneLen(r) {
			return f, false
		}
		j += w
	}
	return f, true
}

// appendSubwords adds the dictionary words of two or more runes that lie
// strictly inside folded[st:en], as jieba's search mode does.
func appendSubwords(out []Token, d *dictionary, folded string, st, en int, orig func(int) int) []Token {
	word := folded[st:en]
	if utf8.RuneCountInString(word) < 3 {
		return out
	}
	for i, r := range word {
		n := d.child(0, d.code(r))
		if n == 0 {
			continue // 0 is also the root: walking on from it would be wrong
		}
		runes := 1
		for j, r2 := range word[i:] {
			if j == 0 {
				continue
			}
			if runes >= 2 && d.pos[n] != 0 {
				out = append(out, Token{Text: word[i : i+j], Start: orig(st + i), End: orig(st + i + j), Pos: d.posNames[d.pos[n]-1], Sub: true})
			}
			if n = d.child(n, d.code(r2)); n == 0 {
				break
			}
			runes++
		}
		if n != 0 && runes >= 2 && i > 0 && d.pos[n] != 0 {
			out = append(out, Token{Text: word[i:], Start: orig(st + i), End: orig(en), Pos: d.posNames[d.pos[n]-1], Sub: true})
		}
	}
	return out
}

// seg is one word of a clause: its byte span and part of speech (0 for a
// character the dictionary does not know, gse's "x").
type seg struct {
	start, end int32
	pos        uint8
}

// scratch holds the buffers of one segmentation, reused across calls.
type scratch struct {
	codes    []uint16  // rune codes of the clause
	unitRune []int32   // first rune of each unit, and one past the last
	unitByte []int32   // first byte of each unit, and one past the last
	minDist  []float32 // shortest path length to the end of each unit
	jLen     []int32   // units in the last word of that path
	jPos     []uint8
	segs     []seg
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// segment reproduces gse's Segmenter.segmentWords on one clause. gse splits
// text into units (one rune each, except that a run of letters and digits
// of at most two bytes each is one unit), then finds the path through the
// units with the least total distance, where a dictionary word costs
// log2(total/freq) and a unit no word starts with costs 32. Ties go to the
// first path found, as in gse, so the result is the same word for word.
func (sc *scratch) segment(d *dictionary, clause string) []seg {
	sc.codes, sc.unitRune, sc.unitByte = sc.codes[:0], sc.unitRune[:0], sc.unitByte[:0]
	inRun := false
	for i, r := range clause {
		w := 1
		c := uint16(0)
		if r != utf8.RuneError {
			w = utf8.RuneLen(r)
			c = d.code(r)
		} else if _, w = utf8.DecodeRuneInString(clause[i:]); w == 3 {
			c = d.code(r)
		}
		alnum := w <= 2 && isLetterOrNumber(r)
		if !alnum || !inRun {
			sc.unitRune = append(sc.unitRune, int32(len(sc.codes)))
			sc.unitByte = append(sc.unitByte, int32(i))
		}
		inRun = alnum
		sc.codes = append(sc.codes, c)
	}
	nU := len(sc.unitRune)
	sc.unitRune = append(sc.unitRune, int32(len(sc.codes)))
	sc.unitByte = append(sc.unitByte, int32(len(clause)))
	if nU == 0 {
		return nil
	}
	if cap(sc.minDist) < nU {
		sc.minDist = make([]float32, nU)
		sc.jLen = make([]int32, nU)
		sc.jPos = make([]uint8, nU)
	}
	minDist, jLen, jPos := sc.minDist[:nU], sc.jLen[:nU], sc.jPos[:nU]
	clear(minDist)
	update := func(at int, dist float32, units int32, pos uint8) {
		if minDist[at] == 0 || minDist[at] > dist {
			minDist[at], jLen[at], jPos[at] = dist, units, pos
		}
	}
	for cur := 0; cur < nU; cur++ {
		var base float32
		if cur > 0 {
			base = minDist[cur-1]
		}
		limit := min(cur+d.maxUnits, nU)
		n := uint32(0)
		found, firstUnits := 0, int32(0)
	walk:
		for u := cur; u < limit; u++ {
			for k := sc.unitRune[u]; k < sc.unitRune[u+1]; k++ {
				if n = d.child(n, sc.codes[k]); n == 0 {
					break walk
				}
			}
			if p := d.pos[n]; p != 0 {
				units := int32(u - cur + 1)
				if found == 0 {
					firstUnits = units
				}
				found++
				update(u, base+d.dist[n], units, p)
			}
		}
		if found == 0 || firstUnits > 1 {
			update(cur, base+32, 1, 0)
		}
	}
	sc.segs = sc.segs[:0]
	for end := nU - 1; end >= 0; {
		start := end - int(jLen[end]) + 1
		sc.segs = append(sc.segs, seg{start: sc.unitByte[start], end: sc.unitByte[end+1], pos: jPos[end]})
		end = start - 1
	}
	for i, j := 0, len(sc.segs)-1; i < j; i, j = i+1, j-1 {
		sc.segs[i], sc.segs[j] = sc.segs[j], sc.segs[i]
	}
	return sc.segs
}

func isLetterOrNumber(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// forEachClause calls fn with each run of text between line breaks and
// sentence punctuation. The shortest path is cut at clause ends anyway in
// practice, and short inputs keep the buffers small.
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
	if len(w) >= 3 && w[0] >= 0xE4 && w[0] <= 0xE9 {
		return true // U+4E00..U+9FFF, the common ideographs: almost every word
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
