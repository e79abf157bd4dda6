package zh

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/google/go-cmp/cmp"
)

var (
	gseOnce sync.Once
	gseSeg  gse.Segmenter
	gseErr  error
)

// gseSegmenter is the reference: gse itself with the dictionary the trie
// was built from.
func gseSegmenter(t testing.TB) *gse.Segmenter {
	t.Helper()
	gseOnce.Do(func() {
		gseSeg.SkipLog = true
		gseErr = gseSeg.LoadDictEmbed("zh_s")
	})
	if gseErr != nil {
		t.Fatalf("load gse: %v", gseErr)
	}
	return &gseSeg
}

// gseCut is Cut as it was written directly over gse: the behaviour the
// trie-based Cut must keep.
func gseCut(s *gse.Segmenter, text string, search bool) []Token {
	folded := Fold(text)
	origAt := make([]int, len(folded)+1)
	oi := 0
	for fi := range folded {
		origAt[fi] = oi
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
			if !search || utf8.RuneCountInString(word) < 3 {
				continue
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
		}
	})
	return out
}

// generatedText strings dictionary words together with characters the
// dictionary may not know, Latin and digit runs, fullwidth forms,
// traditional characters and punctuation, so that the word graph has many
// overlapping paths and ties.
func generatedText(s *gse.Segmenter, seed uint64, lines int) []string {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	toks := s.Dict.Tokens
	extra := []string{"，", "、", "：", "（", "）", "“", "”", "《", "》", " ", "２０２３", "ＡＢ", "abc", "GDP", "4S", "3.5", "%", "萬", "會", "職", "溫暖", "x", "é", "Ωmega", "\t", "—", "２６６萬元", "𠀀", "😀"}
	var out []string
	for range lines {
		var b strings.Builder
		for range 5 + rng.IntN(60) {
			switch k := rng.IntN(10); {
			case k < 7:
				b.WriteString(toks[rng.IntN(len(toks))].Text())
			case k < 9:
				b.WriteRune(rune(0x4e00 + rng.IntN(0x9fa5-0x4e00)))
			default:
				b.WriteString(extra[rng.IntN(len(extra))])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// segBenchLines reads the raw seg-bench texts when the shared folder is
// present: real prose in both scripts.
func segBenchLines(t *testing.T) []string {
	dir := filepath.Join("..", "..", "shared", "seg-bench")
	var out []string
	for _, name := range []string{"pku_test.utf8", "msr_test.utf8", "cityu_test.utf8"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Logf("seg-bench text not compared: %v", err)
			return nil
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		f.Close()
	}
	return out
}

func TestCutMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loading gse's dictionary takes seconds; skipped with -short")
	}
	s := gseSegmenter(t)
	n, bench := 10000, segBenchLines(t)
	if raceEnabled {
		n = 1000
		var every []string
		for i := 0; i < len(bench); i += 8 {
			every = append(every, bench[i]) // still all three sets
		}
		bench = every
	}
	lines := generatedText(s, 1, n)
	lines = append(lines, bench...)
	lines = append(lines, "市總工會開展送溫暖活動，籌集資金２６６萬元。", "送溫暖２萬元", "", "。。。", "\xff\xfe工会\xc0")
	bytes, bad := 0, 0
	for _, line := range lines {
		bytes += len(line)
		for _, search := range []bool{false, true} {
			// cmp.Diff only for a line that differs: computing it for
			// every line was a tenth of the test's time under -race.
			want, got := gseCut(s, line, search), Cut(line, search)
			if !slices.Equal(want, got) || (want == nil) != (got == nil) {
				bad++
				if bad <= 5 {
					t.Errorf("Cut(%q, %v) differs from gse (-gse +zh):\n%s", line, search, cmp.Diff(want, got))
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d cuts differ from gse", bad, 2*len(lines))
	}
	t.Logf("compared %d lines, %d bytes, in both modes", len(lines), bytes)
}

// FuzzCut checks what must hold for any input: tokens point into the text,
// cover what they say in folded form, and whole words come in order
// without overlapping.
func FuzzCut(f *testing.F) {
	for _, s := range []string{"市總工會開展送溫暖活動，籌集資金２６６萬元。", "4S店GDP增长3.5%", "\xff工会\xe4\xb8", "ａＢｃ İK", ""} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, search bool) {
		end := 0
		for _, tk := range Cut(text, search) {
			if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
				t.Fatalf("token %+v out of range for %q", tk, text)
			}
			if got := Fold(text[tk.Start:tk.End]); got != tk.Text && utf8.ValidString(text[tk.Start:tk.End]) {
				t.Fatalf("token %+v covers %q, folded %q", tk, text[tk.Start:tk.End], got)
			}
			if tk.Sub {
				continue
			}
			if tk.Start < end {
				t.Fatalf("token %+v overlaps the previous word (end %d) in %q", tk, end, text)
			}
			end = tk.End
		}
	})
}
