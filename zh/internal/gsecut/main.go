// Command gsecut segments stdin with gse itself (v0.80.3, simplified
// dictionary, Segmenter.Segment after folding, clause by clause) and
// prints each line's words separated by spaces. It is the reference the
// seg-bench table puts next to zh.Cut; it lives under zh/ because zh is the
// one place that imports gse. With -speed it measures gse's throughput
// instead, for the analyzer table.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/unionscope/unionscope/zh"
)

func main() {
	speed := flag.String("speed", "", "instead, print gse's MB per CPU second cutting `file` line by line")
	flag.Parse()
	var err error
	if *speed != "" {
		err = measure(*speed)
	} else {
		err = run()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gsecut:", err)
		os.Exit(1)
	}
}

func load() (*gse.Segmenter, error) {
	seg := new(gse.Segmenter)
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse dictionary: %w", err)
	}
	return seg, nil
}

// measure times what zh.Cut(line, false) did before the prebuilt trie:
// fold, split into clauses, gse's Segment on each. One core, best of 3.
func measure(file string) error {
	runtime.GOMAXPROCS(1)
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	t0 := time.Now()
	seg, err := load()
	if err != nil {
		return err
	}
	loadTime := time.Since(t0)
	lines := strings.Split(string(data), "\n")
	best := 0.0
	for range 3 {
		t := cpuTime()
		for _, l := range lines {
			cutLine(seg, l)
		}
		best = max(best, float64(len(data))/1e6/(cpuTime()-t).Seconds())
	}
	fmt.Printf("{\"exact_mbs\":%.2f,\"dict_load_ms\":%.0f}\n", best, float64(loadTime.Milliseconds()))
	return nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cutLine is fold, clause split and Segment, keeping the words.
func cutLine(seg *gse.Segmenter, line string) []string {
	folded := zh.Fold(line)
	var words []string
	start := 0
	for i, r := range folded + "\n" {
		if r != '\n' && r != '\r' && r != '。' && r != '！' && r != '？' && r != '；' && r != '!' && r != '?' && r != ';' {
			continue
		}
		for _, sg := range seg.Segment([]byte(folded[start:i])) {
			if w := folded[start+sg.Start() : start+sg.End()]; hasWordRune(w) {
				words = append(words, w)
			}
		}
		start = i + utf8.RuneLen(r)
	}
	return words
}

func run() error {
	seg, err := load()
	if err != nil {
		return err
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 1<<24)
	out := bufio.NewWriter(os.Stdout)
	for in.Scan() {
		line := strings.TrimRight(strings.TrimPrefix(in.Text(), "\uFEFF"), "\r")
		folded := zh.Fold(line)
		var words []string
		// Fold keeps the rune count, so rune i of folded is rune i of line.
		orig := []rune(line)
		at := 0
		emit := func(word string) {
			n := utf8.RuneCountInString(word)
			w := string(orig[at : at+n])
			at += n
			if strings.TrimSpace(w) != "" {
				words = append(words, w)
			}
		}
		start := 0
		for i, r := range folded + "\n" {
			if r != '\n' && r != '\r' && r != '。' && r != '！' && r != '？' && r != '；' && r != '!' && r != '?' && r != ';' {
				continue
			}
			for _, sg := range seg.Segment([]byte(folded[start:i])) {
				word := folded[start+sg.Start() : start+sg.End()]
				if hasWordRune(word) {
					emit(word)
				} else {
					for _, r := range word { // as the zh side: punctuation one rune at a time
						emit(string(r))
					}
				}
			}
			if i < len(folded) {
				emit(string(r))
			}
			start = i + utf8.RuneLen(r)
		}
		fmt.Fprintln(out, strings.Join(words, " "))
	}
	if err := in.Err(); err != nil {
		return err
	}
	return out.Flush()
}

func hasWordRune(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
