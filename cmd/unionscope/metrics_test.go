package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/dedup"
)

// reportDataDir makes a data folder holding the documents of
// report/testdata/docs.json (written for the report tests, with their
// quantities and campaigns set by hand) and no index yet, as after an
// import whose indexing was interrupted: commands must catch up.
func reportDataDir(t *testing.T) string {
	t.Helper()
	buf, err := os.ReadFile(filepath.Join("..", "..", "report", "testdata", "docs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpus.Document
	if err := json.Unmarshal(buf, &docs); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := corpus.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, d := range docs {
		if _, err := st.ReplaceSource(context.Background(), d.SourceFile, "h", []corpus.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// csvRecords parses a CSV, checking the BOM and the CRLF line ends.
func csvRecords(t *testing.T, out string, bom bool) [][]string {
	t.Helper()
	if strings.HasPrefix(out, "\uFEFF") != bom {
		t.Errorf("BOM present = %v, want %v", !bom, bom)
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Errorf("line ends are not all CRLF: %q", out)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	return recs
}

func TestMetricsCommand(t *testing.T) {
	data := reportDataDir(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		// wantRows is the number of data rows (CSV) or lines (JSON).
		wantRows int
		bom      bool
		wantErr  string
	}{
		{"every quantity as CSV with BOM", nil, 0, 11, true, ""},
		{"categories without BOM", []string{"--category", "funds, people", "--no-bom"}, 0, 8, false, ""},
		{"filters", []string{"--region", "四川", "--year", "2011-2012", "--category", "count"}, 0, 2, true, ""},
		{"query in the other script as JSON lines", []string{"慰問金", "--format", "jsonl"}, 0, 6, false, ""},
		{"the old spelling of the query", []string{"--query", "慰問金", "--format", "jsonl"}, 0, 6, false, ""},
		{"campaign filter", []string{"--campaign", "送溫暖", "--category", "rate"}, 0, 1, true, ""},
		{"unknown category", []string{"--category", "funds,money"}, 1, 0, false, `"money"`},
		{"unknown format", []string{"--format", "xlsx"}, 1, 0, false, `"xlsx"`},
		{"backwards years", []string{"--year", "2012-2010"}, 1, 0, false, "backwards"},
		{"query given twice", []string{"--query", "送温暖", "工会"}, 1, 0, false, "once"},
		{"bad query", []string{`"送温暖`}, 1, 0, false, "quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, append([]string{"metrics", "--data", data}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if tt.wantErr != "" {
				if !strings.Contains(errOut, tt.wantErr) {
					t.Errorf("stderr %q does not mention %s", errOut, tt.wantErr)
				}
				if out != "" {
					t.Errorf("stdout not empty on error: %q", out)
				}
				return
			}
			if slices.Contains(tt.args, "jsonl") {
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				for _, l := range lines {
					var v map[string]any
					if err := json.Unmarshal([]byte(l), &v); err != nil {
						t.Fatalf("line %q: %v", l, err)
					}
				}
				if len(lines) != tt.wantRows {
					t.Errorf("%d lines, want %d", len(lines), tt.wantRows)
				}
				return
			}
			recs := csvRecords(t, out, tt.bom)
			if got := strings.Join(recs[0], ","); !strings.HasPrefix(got, "doc_id,title,date,year,region") {
				t.Errorf("header %q", got)
			}
			if len(recs)-1 != tt.wantRows {
				t.Errorf("%d rows, want %d", len(recs)-1, tt.wantRows)
			}
		})
	}
}

func TestMetricsCommandOutputFile(t *testing.T) {
	data := reportDataDir(t)
	stdout, _, code := runCLI(t, "metrics", "--data", data, "--category", "funds")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	path := filepath.Join(t.TempDir(), "m.csv")
	out, errOut, code := runCLI(t, "metrics", "--data", data, "--category", "funds", "-o", path)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != stdout {
		t.Errorf("file differs from standard output:\n%q\n%q", got, stdout)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("file mode %v, %v; want 0644", fi.Mode(), err)
	}
	assertOnly(t, filepath.Dir(path), "m.csv")

	_, errOut, code = runCLI(t, "metrics", "--data", data, "-o", filepath.Join(t.TempDir(), "no", "such", "m.csv"))
	if code != 1 || !strings.Contains(errOut, "-o") {
		t.Errorf("missing folder: exit %d, stderr %q; want 1 naming -o", code, errOut)
	}
}

// TestWriteFileAtomic checks that a failed export leaves an existing file
// as it was and no temporary file behind.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("store went away")
	err := writeFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half a tab")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file now holds %q, want the old content", b)
	}
	assertOnly(t, dir, "m.csv")

	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file holds %q, want new", b)
	}
	assertOnly(t, dir, "m.csv")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestMetricsCommandNoCorpus(t *testing.T) {
	_, errOut, code := runCLI(t, "metrics", "--data", filepath.Join(t.TempDir(), "none"))
	if code != 1 || !strings.Contains(errOut, "no corpus") {
		t.Errorf("exit %d, stderr %q; want 1 and no corpus", code, errOut)
	}
}

func TestMetricsCanonicalOnly(t *testing.T) {
	data := reportDataDir(t)
	ctx := context.Background()
	st, err := corpus.Open(filepath.Join(data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := st.Get(ctx, corpus.DocID("bazhong-2010.txt", 0))
	if err != nil {
		t.Fatal(err)
	}
	// The same report on an essay site, a month later.
	repost := *orig
	repost.ID, repost.SourceFile, repost.Date = "", "https://essays.example.com/2011/77.html", "2011-01-28"
	if _, err := st.ReplaceSource(ctx, repost.SourceFile, "h2", []corpus.Document{repost}); err != nil {
		t.Fatal(err)
	}
	det, err := dedup.New(ctx, st)
	if err == nil {
		_, err = det.Rebuild(ctx, nil)
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want map[string]int // canonical column value → rows
	}{
		{nil, map[string]int{"true": 11, "false": 4}},
		{[]string{"--canonical-only"}, map[string]int{"true": 11}},
		{[]string{"--query", "送温暖", "--category", "funds"}, map[string]int{"true": 3, "false": 2}},
		{[]string{"--query", "送温暖", "--category", "funds", "--canonical-only"}, map[string]int{"true": 3}},
	} {
		out, errOut, code := runCLI(t, append([]string{"metrics", "--data", data}, tt.args...)...)
		if code != 0 {
			t.Fatalf("metrics %v: exit %d: %s", tt.args, code, errOut)
		}
		recs := csvRecords(t, out, true)
		col := slices.Index(recs[0], "canonical")
		if col < 0 {
			t.Fatalf("no canonical column in %v", recs[0])
		}
		got := map[string]int{}
		for _, r := range recs[1:] {
			got[r[col]]++
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("metrics %v: canonical column counts %v, want %v", tt.args, got, tt.want)
		}
	}
}
