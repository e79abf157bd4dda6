package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteMarkdown writes the figures as the Markdown tables of BENCHMARKS.md's
// growth section: import and disk per size, one-client latency per query
// (p50 / p99, a column per size), and cold start with rg beside the cold
// process and the warm server. A missing figure is "n/a".
func WriteMarkdown(w io.Writer, r *Results) error {
	sizes := r.Sizes()
	var b strings.Builder
	f := func(n int, key string) string {
		if s := strings.TrimSpace(r.Get(n, key)); s != "" && s != "null" {
			return s
		}
		return "n/a"
	}
	b.WriteString("| documents | input | import wall | CPU | docs/s (wall) | CPU-ms a document | peak RSS | index | store | load (mean 1-min, during import) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, n := range sizes {
		row := fmt.Sprintf("| %s | %s MB | %s s | %s CPU-s | %s | %s | %s MB | %s MB | %s MB | %s |",
			group(n), f(n, "INPUT_MB"), f(n, "IMPORT_WALL_S"), f(n, "IMPORT_CPU_S"), f(n, "IMPORT_DOCS_S"),
			f(n, "IMPORT_CPU_MS_DOC"), f(n, "IMPORT_RSS_MB"), f(n, "INDEX_MB"), f(n, "STORE_MB"), f(n, "IMPORT_LOAD_MEAN"))
		if failed := r.Get(n, "IMPORT_FAILED"); failed != "" && r.Get(n, "IMPORT_WALL_S") == "" {
			row = fmt.Sprintf("| %s | %s MB | failed: %s | | | | | | | %s |", group(n), f(n, "INPUT_MB"), failed, f(n, "IMPORT_LOAD_MEAN"))
		}
		b.WriteString(row + "\n")
	}

	b.WriteString("\nOne client, p50 / p99 in ms (hits in brackets), per query of `bench/serve.lua`:\n\n| query |")
	for _, n := range sizes {
		b.WriteString(" " + group(n) + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(sizes)) + "\n")
	for q := 1; q <= r.Queries(); q++ {
		name := "q" + strconv.Itoa(q)
		if q <= len(queryNames) {
			name = queryNames[q-1]
		}
		b.WriteString("| " + name + " |")
		for _, n := range sizes {
			k := "Q" + strconv.Itoa(q)
			fmt.Fprintf(&b, " %s / %s (%s) |", f(n, k+"_P50_MS"), f(n, k+"_P99_MS"), group2(f(n, k+"_HITS")))
		}
		b.WriteString("\n")
	}
	b.WriteString("| the mix in turn |")
	for _, n := range sizes {
		fmt.Fprintf(&b, " %s / %s (%s req/s) |", f(n, "MIX1_P50_MS"), f(n, "MIX1_P99_MS"), f(n, "MIX1_RPS"))
	}
	b.WriteString("\n")

	b.WriteString("\n| documents | cold `search 送温暖` (median) | its peak RSS | cold `search --count 送温暖` | serve's peak RSS |\n|---|---|---|---|---|\n")
	for _, n := range sizes {
		fmt.Fprintf(&b, "| %s | %s s | %s MB | %s s | %s MB |\n", group(n), f(n, "COLD_S"), f(n, "COLD_RSS_MB"), f(n, "COLD_COUNT_S"), f(n, "SERVE_RSS_MB"))
	}

	b.WriteString("\n| documents | query | `rg -c` | `search --count` (cold process) | speed-up | warm server, size=0 (p50 / p99) | speed-up | files rg matches | documents counted |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, n := range sizes {
		for i := 1; r.Get(n, "RG"+strconv.Itoa(i)+"_Q") != "" || r.Get(n, "RG"+strconv.Itoa(i)+"_WARM_DOCS") != ""; i++ {
			k := "RG" + strconv.Itoa(i)
			warm := "n/a"
			if rg, ok := r.Float(n, k+"_RG_S"); ok {
				if p50, ok := r.Float(n, k+"_WARM_P50_MS"); ok && p50 > 0 {
					warm = fmt.Sprintf("%.0f×", rg*1000/p50)
				}
			}
			ratio := f(n, k+"_RATIO")
			if ratio != "n/a" {
				ratio += "×"
			}
			fmt.Fprintf(&b, "| %s | %s | %s s | %s s | %s | %s / %s ms | %s | %s | %s |\n", group(n), f(n, k+"_Q"),
				f(n, k+"_RG_S"), f(n, k+"_US_S"), ratio, f(n, k+"_WARM_P50_MS"), f(n, k+"_WARM_P99_MS"), warm,
				group2(f(n, k+"_RG_FILES")), group2(f(n, k+"_US_DOCS")))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// group writes n with thousands separators: 1000000 → 1,000,000.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// group2 is group for a figure held as text, left alone when not a whole number.
func group2(s string) string {
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return group(n)
	}
	return s
}
