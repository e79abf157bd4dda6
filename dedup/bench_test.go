package dedup

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// synth writes documents shaped like union reports: about 2,000 characters
// of sentences, one in six a stock phrase shared across the corpus (工作
// 总结 boilerplate), the rest words drawn from common characters, with
// numbers; one document in twenty is a repost of an earlier one with a
// portal's header.
type synth struct {
	r      *rand.Rand
	stock  []string
	han    []rune
	recent []string
}

func newSynth(tb testing.TB, seed uint64) *synth {
	s := &synth{r: rand.New(rand.NewPCG(seed, 99))}
	// Characters of the genre, from the test reports.
	reports, err := os.ReadFile(filepath.Join("testdata", "reports.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	seen := map[rune]bool{}
	for _, r := range string(reports) {
		if zh.IsHan(r) && !seen[r] {
			seen[r] = true
			s.han = append(s.han, r)
		}
	}
	for range 300 {
		s.stock = append(s.stock, s.words(12+s.r.IntN(20))+"。")
	}
	return s
}

func (s *synth) words(n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(s.han[s.r.IntN(len(s.han))])
		if s.r.IntN(15) == 0 {
			b.WriteString(strconv.Itoa(s.r.IntN(10000)))
		}
	}
	return b.String()
}

func (s *synth) text() string {
	if len(s.recent) > 0 && s.r.IntN(20) == 0 {
		orig := s.recent[s.r.IntN(len(s.recent))]
		return "来源：中州新闻网　发布时间：2023-05-06\n" + orig + "\n（责任编辑：李明）"
	}
	var b strings.Builder
	for b.Len() < 6000 { // about 2,000 characters
		if s.r.IntN(6) == 0 {
			b.WriteString(s.stock[s.r.IntN(len(s.stock))])
		} else {
			b.WriteString(s.words(15 + s.r.IntN(30)))
			b.WriteString("。")
		}
		if s.r.IntN(5) == 0 {
			b.WriteString("\n")
		}
	}
	t := b.String()
	if len(s.recent) < 200 {
		s.recent = append(s.recent, t)
	} else {
		s.recent[s.r.IntN(len(s.recent))] = t
	}
	return t
}

func BenchmarkSketch(b *testing.B) {
	text := newSynth(b, 1).text()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if NewSketch(text).Empty() {
			b.Fatal("empty sketch")
		}
	}
}

// envInts reads a comma-separated list of numbers from $name, or def.
func envInts(b *testing.B, name, def string) []int {
	v := os.Getenv(name)
	if v == "" {
		v = def
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("%s=%q: not a list of positive numbers", name, v)
		}
		out = append(out, n)
	}
	return out
}

// BenchmarkIngest measures, per document added to a corpus of n stored and
// clustered documents, the store write (ReplaceSource, the part of import
// every document pays after parsing) and the clustering that follows it:
// UpdateSource after every document (batch=1), or UpdateSources once per
// batch of documents, as an import that clusters at each index sync does.
// clustering/store is the overhead relative to the store write alone;
// import also parses and indexes, so its share of the whole import is
// smaller. Sizes come from $DEDUP_BENCH_SIZES (1000,10000), batches from
// $DEDUP_BENCH_BATCHES (1,100).
func BenchmarkIngest(b *testing.B) {
	for _, n := range envInts(b, "DEDUP_BENCH_SIZES", "1000,10000") {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			ctx := context.Background()
			s := openStore(b)
			g := newSynth(b, uint64(n))
			start := time.Now()
			const perSource = 500
			for i := 0; i < n; i += perSource {
				var docs []corpus.Document
				for part := range min(perSource, n-i) {
					docs = append(docs, corpus.Document{Part: part, SourceFile: "bench", Body: strings.Split(g.text(), "\n")})
				}
				if _, err := s.ReplaceSource(ctx, fmt.Sprintf("/bench/prefill-%d.txt", i), "h", docs); err != nil {
					b.Fatal(err)
				}
			}
			d, err := New(ctx, s)
			if err != nil {
				b.Fatal(err)
			}
			st, err := d.Rebuild(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("prefilled %d documents (%d in clusters) in %v", st.Documents, st.Clusters+st.Copies, time.Since(start).Round(time.Second))
			added := 0
			for _, batch := range envInts(b, "DEDUP_BENCH_BATCHES", "1,100") {
				b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
					// CPU time, not wall time: the machine is shared,
					// and the process does nothing else while the loop
					// runs.
					var storeCPU, dedupCPU time.Duration
					var pending []SourceDocs
					flush := func() {
						c0 := cpuTime(b)
						if err := d.UpdateSources(ctx, pending); err != nil {
							b.Fatal(err)
						}
						dedupCPU += cpuTime(b) - c0
						pending = pending[:0]
					}
					i := 0
					for b.Loop() {
						i++
						added++
						src := fmt.Sprintf("/bench/new-%d.txt", added)
						docs := []corpus.Document{{SourceFile: "bench", Body: strings.Split(g.text(), "\n")}}
						c0 := cpuTime(b)
						if _, err := s.ReplaceSource(ctx, src, "h", docs); err != nil {
							b.Fatal(err)
						}
						storeCPU += cpuTime(b) - c0
						if pending = append(pending, SourceDocs{Source: src, Docs: docs}); len(pending) >= batch {
							flush()
						}
					}
					flush()
					b.ReportMetric(float64(i)/dedupCPU.Seconds(), "docs/cpu-s")
					b.ReportMetric(float64(dedupCPU.Microseconds())/float64(i), "cpu-µs-cluster/doc")
					b.ReportMetric(float64(storeCPU.Microseconds())/float64(i), "cpu-µs-store/doc")
					b.ReportMetric(dedupCPU.Seconds()/storeCPU.Seconds(), "cluster/store")
				})
			}
		})
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
