// Command analyzer measures the throughput of the project's Chinese
// analyzer on one core: zh.Cut in search mode (what the index stores),
// zh.Cut in exact mode (what queries use), and Bleve's analyzer as the
// index registers it (tokens, positions and types on top), over a text
// file cut line by line, as jieba.js does. Rates are MB of input per CPU
// second, best of several rounds. It prints one JSON object.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2/registry"

	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/zh"
)

func main() {
	rounds := flag.Int("rounds", 3, "measure this many `times` and keep the best")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: analyzer [-rounds N] FILE")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "analyzer:", err)
		os.Exit(1)
	}
}

func run(file string, rounds int) error {
	runtime.GOMAXPROCS(1)
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")

	t0 := time.Now()
	if err := zh.Load(); err != nil {
		return err
	}
	load := time.Since(t0)

	an, err := registry.NewCache().AnalyzerNamed(index.AnalyzerIndex)
	if err != nil {
		return fmt.Errorf("bleve analyzer: %w", err)
	}
	rate := func(fn func(string) int) float64 {
		for _, l := range lines[:min(2000, len(lines))] {
			fn(l)
		}
		best := 0.0
		for range rounds {
			t := cpuTime()
			for _, l := range lines {
				fn(l)
			}
			best = max(best, float64(len(text))/1e6/(cpuTime()-t).Seconds())
		}
		return best
	}
	res := map[string]any{
		"bytes":        len(text),
		"dict_load_ms": float64(load.Microseconds()) / 1000,
		"search_mbs":   round(rate(func(l string) int { return len(zh.Cut(l, true)) })),
		"exact_mbs":    round(rate(func(l string) int { return len(zh.Cut(l, false)) })),
		"bleve_mbs":    round(rate(func(l string) int { return len(an.Analyze([]byte(l))) })),
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(res); err != nil {
		return err
	}
	_, err = os.Stdout.Write(b.Bytes())
	return err
}

// cpuTime is the CPU time this process has used. Rates are per CPU second
// rather than per wall second because the benchmark machine is shared: other
// work on it would otherwise show up as a slower analyzer.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
