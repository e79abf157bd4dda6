package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Results holds bench/growth.sh's figures: one map of key to value per
// corpus size. Size 0 holds what describes the machine (CORES, CPU, ...).
type Results struct {
	bySize map[int]map[string]string
}

// ParseResults reads growth.sh's results file: lines of size, key and value
// separated by tabs (the value may hold spaces but no tab). A later line
// for the same size and key replaces an earlier one; blank lines are
// skipped; anything else is an error that names the line.
func ParseResults(r io.Reader) (*Results, error) {
	res := &Results{bySize: map[int]map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" {
			continue
		}
		f := strings.SplitN(t, "\t", 3)
		if len(f) != 3 || f[1] == "" {
			return nil, fmt.Errorf("line %d: want size<TAB>key<TAB>value, got %q", line, t)
		}
		n, err := strconv.Atoi(f[0])
		if err != nil || n < 0 {
			return nil, fmt.Errorf("line %d: size %q is not a count of documents", line, f[0])
		}
		if res.bySize[n] == nil {
			res.bySize[n] = map[string]string{}
		}
		res.bySize[n][f[1]] = f[2]
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// Sizes lists the corpus sizes (not 0) in increasing order.
func (r *Results) Sizes() []int {
	var s []int
	for n := range r.bySize {
		if n > 0 {
			s = append(s, n)
		}
	}
	slices.Sort(s)
	return s
}

// Get is the figure of size n under key, or "".
func (r *Results) Get(n int, key string) string { return r.bySize[n][key] }

// Float is the figure of size n under key as a number; ok is false when it
// is missing or not a number ("null" from jq, a failed step).
func (r *Results) Float(n int, key string) (v float64, ok bool) {
	s, found := r.bySize[n][key]
	if !found {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil
}

// Queries is the number of per-query latency figures (Q1_P50_MS, ...) that
// any size holds.
func (r *Results) Queries() int {
	q := 0
	for _, m := range r.bySize {
		for k := range m {
			if rest, ok := strings.CutPrefix(k, "Q"); ok {
				if num, ok := strings.CutSuffix(rest, "_P50_MS"); ok {
					if i, err := strconv.Atoi(num); err == nil && i > q {
						q = i
					}
				}
			}
		}
	}
	return q
}
