// Command gencorpus writes a deterministic corpus of synthetic trade-union
// documents for the benchmarks (see package internal/synth for what they
// hold). The same seed always gives the same bytes.
//
// It writes DIR/docs/NNN/*.txt|*.html (what import reads) and
// DIR/plain/NNN/*.txt (the same documents as UTF-8 text, for rg), and with
// -text FILE a fixed block of about -text-bytes of prose for the analyzer
// benchmark.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/unionscope/unionscope/internal/synth"
)

func main() {
	n := flag.Int("n", 10000, "number of `documents`")
	out := flag.String("o", "", "output `dir` (docs/ and plain/ are created in it)")
	seed := flag.Uint64("seed", 2024, "random `seed`")
	text := flag.String("text", "", "also write analyzer benchmark prose to `file`")
	textBytes := flag.Int("text-bytes", 8<<20, "size of the -text file in `bytes`")
	flag.Parse()
	if err := run(*n, *out, *seed, *text, *textBytes); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64, textFile string, textBytes int) error {
	if textFile != "" {
		g, err := synth.New(seed + 1)
		if err != nil {
			return err
		}
		var b strings.Builder
		for b.Len() < textBytes {
			d := g.Document()
			b.WriteString(d.Title + "\n" + d.Body + "\n")
		}
		if err := os.WriteFile(textFile, []byte(b.String()[:cutAt(b.String(), textBytes)]), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", textFile, err)
		}
	}
	if out == "" {
		return nil
	}
	g, err := synth.New(seed)
	if err != nil {
		return err
	}
	for i := range n {
		d, err := g.Next()
		if err != nil {
			return fmt.Errorf("document %d: %w", i, err)
		}
		dir := fmt.Sprintf("%03d", i/1000)
		for _, sub := range []string{"docs", "plain"} {
			if err := os.MkdirAll(filepath.Join(out, sub, dir), 0o755); err != nil {
				return err
			}
		}
		name := fmt.Sprintf("doc%06d", i)
		if err := os.WriteFile(filepath.Join(out, "docs", dir, name+d.Ext), d.File, 0o644); err != nil {
			return err
		}
		plain := d.Title + "\n" + d.Body + "\n"
		if err := os.WriteFile(filepath.Join(out, "plain", dir, name+".txt"), []byte(plain), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cutAt is the largest rune boundary at or below n.
func cutAt(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}
