package main

import (
	"strings"
	"testing"
)

func TestParseResults(t *testing.T) {
	in := "0\tCORES\t2\n" +
		"10000\tIMPORT_DOCS_S\t97\n" +
		"\n" +
		"1000000\tQ10_P50_MS\t12.5\n" +
		"10000\tIMPORT_LOAD_START\t6.78 3.19 1.25\n" +
		"10000\tQ1_P50_MS\tnull\n" +
		"10000\tIMPORT_DOCS_S\t101\r\n" + // a later line replaces an earlier one
		"100000\tQ2_P50_MS\t3.1\n"
	r, err := ParseResults(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Sizes(); len(got) != 3 || got[0] != 10000 || got[1] != 100000 || got[2] != 1000000 {
		t.Errorf("Sizes = %v, want [10000 100000 1000000] (0 is the machine, not a size)", got)
	}
	if v, ok := r.Float(10000, "IMPORT_DOCS_S"); !ok || v != 101 {
		t.Errorf("IMPORT_DOCS_S = %v, %v; want the later line's 101", v, ok)
	}
	if got := r.Get(10000, "IMPORT_LOAD_START"); got != "6.78 3.19 1.25" {
		t.Errorf("a value with spaces: %q", got)
	}
	if _, ok := r.Float(10000, "Q1_P50_MS"); ok {
		t.Error("null is not a figure")
	}
	if _, ok := r.Float(100000, "IMPORT_DOCS_S"); ok {
		t.Error("a missing figure is reported as present")
	}
	if q := r.Queries(); q != 10 {
		t.Errorf("Queries = %d, want 10 (Q10 at 1M)", q)
	}
	for _, bad := range []string{"10000 IMPORT_DOCS_S 97\n", "ten\tK\tV\n", "-5\tK\tV\n", "10000\t\tV\n"} {
		if _, err := ParseResults(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median(3 1 2) = %v", m)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median(4 1 3 2) = %v", m)
	}
}

func TestWriteMarkdown(t *testing.T) {
	in := "0\tCORES\t2\n" +
		"10000\tIMPORT_DOCS_S\t97\n10000\tIMPORT_WALL_S\t102.7\n10000\tQ1_P50_MS\t1.1\n10000\tQ1_P99_MS\t21.5\n10000\tQ1_HITS\t1219\n" +
		"10000\tRG1_Q\tq\n10000\tRG1_RG_S\t0.150\n10000\tRG1_WARM_P50_MS\t0.150\n10000\tRG1_US_DOCS\t1219\n" +
		"1000000\tIMPORT_FAILED\texit 137 after 99 s\n"
	r, err := ParseResults(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"| 10,000 | n/a MB | 102.7 s |",
		"| q1 word (12% of docs) | 1.1 / 21.5 (1,219) | n/a / n/a (n/a) |",
		"| 1,000,000 | n/a MB | failed: exit 137 after 99 s |",
		"| 10,000 | q | 0.150 s | n/a s | n/a | 0.150 / n/a ms | 1000× | n/a | 1,219 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
	if group(1000000) != "1,000,000" || group(999) != "999" || group(1000) != "1,000" {
		t.Error("group")
	}
}
