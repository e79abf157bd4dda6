// Command segbench scores word segmentation on the SIGHAN 2005 test sets
// (../shared/seg-bench) with the standard word-level measure: each word is
// a span of rune offsets with whitespace removed; P = correct/test words,
// R = correct/gold words, F1 = 2PR/(P+R), summed over lines. Lines whose
// characters differ between gold and test (16 misaligned MSR lines) are
// skipped and counted.
//
//	segbench -gold X_gold.utf8 -raw X.utf8          scores zh.Cut on the raw text
//	segbench -gold X_gold.utf8 -test words.txt      scores a segmentation made elsewhere
//	segbench -raw X.utf8 -cut                       prints zh.Cut's segmentation
//
// zh.Cut leaves out spaces and punctuation; the text between its words is
// given one rune per word, the same rule gsecut and jieba.js follow, so
// every segmenter is scored on the same footing.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/unionscope/unionscope/zh"
)

func main() {
	gold := flag.String("gold", "", "gold segmentation `file`")
	raw := flag.String("raw", "", "raw text `file` to cut with zh.Cut")
	test := flag.String("test", "", "segmented `file` to score instead")
	cut := flag.Bool("cut", false, "print zh.Cut's segmentation of -raw and stop")
	flag.Parse()
	if err := run(*gold, *raw, *test, *cut); err != nil {
		fmt.Fprintln(os.Stderr, "segbench:", err)
		os.Exit(1)
	}
}

func run(gold, raw, test string, cut bool) error {
	var testLines []string
	switch {
	case raw != "":
		lines, err := readLines(raw)
		if err != nil {
			return err
		}
		for _, l := range lines {
			testLines = append(testLines, strings.Join(cutWords(l), " "))
		}
		if cut {
			w := bufio.NewWriter(os.Stdout)
			for _, l := range testLines {
				fmt.Fprintln(w, l)
			}
			return w.Flush()
		}
	case test != "":
		var err error
		if testLines, err = readLines(test); err != nil {
			return err
		}
	default:
		return fmt.Errorf("give -raw or -test")
	}
	goldLines, err := readLines(gold)
	if err != nil {
		return err
	}
	s := score(goldLines, testLines)
	return json.NewEncoder(os.Stdout).Encode(s)
}

// cutWords is zh.Cut's segmentation of line with the gaps between words
// (punctuation, symbols) given one rune each and spaces dropped.
func cutWords(line string) []string {
	var out []string
	gap := func(s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				out = append(out, string(r))
			}
		}
	}
	at := 0
	for _, t := range zh.Cut(line, false) {
		gap(line[at:t.Start])
		out = append(out, line[t.Start:t.End])
		at = t.End
	}
	gap(line[at:])
	return out
}

func readLines(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	return strings.Split(text, "\n"), nil
}

// Score is the result for one test set.
type Score struct {
	Lines, Skipped      int
	Gold, Test, Correct int
	P, R, F1            float64
}

type span struct{ a, b int }

// spans turns a line of whitespace-separated words into rune spans, and
// returns the characters with whitespace removed.
func spans(line string) (map[span]bool, string) {
	out := map[span]bool{}
	var chars strings.Builder
	at := 0
	for _, w := range strings.FieldsFunc(line, unicode.IsSpace) {
		n := len([]rune(w))
		out[span{at, at + n}] = true
		at += n
		chars.WriteString(w)
	}
	return out, chars.String()
}

func score(gold, test []string) Score {
	var s Score
	for i, g := range gold {
		s.Lines++
		gs, gc := spans(g)
		t := ""
		if i < len(test) {
			t = test[i]
		}
		ts, tc := spans(t)
		if gc != tc {
			s.Skipped++
			continue
		}
		s.Gold += len(gs)
		s.Test += len(ts)
		for sp := range ts {
			if gs[sp] {
				s.Correct++
			}
		}
	}
	if s.Test > 0 && s.Gold > 0 {
		s.P = float64(s.Correct) / float64(s.Test)
		s.R = float64(s.Correct) / float64(s.Gold)
		if s.P+s.R > 0 {
			s.F1 = 2 * s.P * s.R / (s.P + s.R)
		}
	}
	return s
}
