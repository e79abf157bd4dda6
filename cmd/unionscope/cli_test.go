package main

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/unionscope/unionscope/internal/sharedtest"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/unionscope/unionscope/sample"
)

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit status.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// writeSample copies the bundled sample corpus into a folder.
func writeSample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(sample.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.FS, path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type hitJSON struct {
	ID       string   `json:"id"`
	Source   string   `json:"source"`
	Title    string   `json:"title"`
	Snippets []string `json:"snippets"`
}

func searchJSON(t *testing.T, data string, query ...string) []hitJSON {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"search", "--data", data, "--json", "--limit", "100"}, query...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d: %s", query, code, errs)
	}
	var hits []hitJSON
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var h hitJSON
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			t.Fatalf("search output line %q: %v", line, err)
		}
		hits = append(hits, h)
	}
	return hits
}

func ids(hits []hitJSON) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out
}

func TestImportSeedsAndSearch(t *testing.T) {
	seeds := sharedtest.Dir(t, "seeds")
	data := t.TempDir()
	out, errs, code := runCLI(t, "import", "--data", data, seeds)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "(9 documents)") {
		t.Errorf("import output %q, want 9 documents (file 001 is five speeches)", out)
	}

	files := map[string]bool{}
	for _, h := range searchJSON(t, data, "送温暖") {
		files[h.Source] = true
	}
	if len(files) < 4 {
		t.Errorf("search 送温暖 found documents from %d files %v, want at least 4", len(files), files)
	}
	if !files["001_1bbc9109f68df4c0.txt"] && !anyHasSuffix(files, "001_1bbc9109f68df4c0.txt") {
		t.Errorf("search 送温暖 did not find the traditional-script file 001 (送溫暖): %v", files)
	}

	simp, trad := ids(searchJSON(t, data, "工会")), ids(searchJSON(t, data, "工會"))
	if len(simp) == 0 || strings.Join(simp, ",") != strings.Join(trad, ",") {
		t.Errorf("search 工会 = %v, search 工會 = %v; want the same non-empty set", simp, trad)
	}
}

func anyHasSuffix(m map[string]bool, suffix string) bool {
	for k := range m {
		if strings.HasSuffix(k, suffix) {
			return true
		}
	}
	return false
}

func TestReimportIsIdempotentAndReplacesChangedFiles(t *testing.T) {
	src := writeSample(t)
	data := t.TempDir()
	out, errs, code := runCLI(t, "import", "--data", data, src)
	if code != 0 {
		t.Fatalf("first import: exit %d: %s", code, errs)
	}
	n := countExport(t, data)
	if n == 0 {
		t.Fatalf("first import stored nothing: %s", out)
	}
	out, _, code = runCLI(t, "import", "--data", data, src)
	if code != 0 || !strings.Contains(out, "0 stored") {
		t.Errorf("second import: exit %d, %q; want nothing stored", code, out)
	}
	if m := countExport(t, data); m != n {
		t.Errorf("documents after re-import = %d, want %d", m, n)
	}

	// Change one file: its document is replaced, not duplicated.
	path := filepath.Join(src, "speech-2012-plenary.txt")
	b, _ := os.ReadFile(path)
	b = bytes.Replace(b, []byte("扎实工作"), []byte("真抓实干"), 1)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = runCLI(t, "import", "--data", data, src)
	if code != 0 || !strings.Contains(out, "1 stored") {
		t.Errorf("import after a change: exit %d, %q; want 1 stored", code, out)
	}
	if m := countExport(t, data); m != n {
		t.Errorf("documents after a changed file = %d, want %d", m, n)
	}
	if hits := searchJSON(t, data, "真抓实干"); len(hits) != 1 {
		t.Errorf("search for the new words found %d documents, want 1", len(hits))
	}
	if hits := searchJSON(t, data, `"团结一心，扎实工作"`); len(hits) != 0 {
		t.Errorf("the replaced text is still found: %v", hits)
	}
}

func countExport(t *testing.T, data string) int {
	t.Helper()
	out, errs, code := runCLI(t, "export", "--data", data)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	return strings.Count(out, "\n")
}

func TestImportSkipsBadFilesAndKeepsGoing(t *testing.T) {
	src := writeSample(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(src, "empty.txt"), nil, 0o644))
	must(os.WriteFile(filepath.Join(src, "image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00"), 0o644))
	must(os.Symlink(filepath.Join(src, "no-such-file"), filepath.Join(src, "dangling.txt")))
	data := t.TempDir()
	out, errs, code := runCLI(t, "import", "--data", data, src)
	if code != 0 {
		t.Fatalf("import with bad files: exit %d, want 0: %s", code, errs)
	}
	for _, bad := range []string{"empty.txt", "image.txt", "dangling.txt"} {
		if !strings.Contains(errs, bad) {
			t.Errorf("stderr does not name %s:\n%s", bad, errs)
		}
	}
	if !strings.Contains(out, "3 skipped") {
		t.Errorf("summary %q, want 3 skipped", out)
	}
	if len(searchJSON(t, data, "工会")) == 0 {
		t.Error("the good files were not imported")
	}
}

func TestSearchEitherScriptOnSample(t *testing.T) {
	src := writeSample(t)
	data := t.TempDir()
	if _, errs, code := runCLI(t, "import", "--data", data, src); code != 0 {
		t.Fatal(errs)
	}
	a, b := searchJSON(t, data, "金秋助学"), searchJSON(t, data, "金秋助學")
	if len(a) < 2 || strings.Join(ids(a), ",") != strings.Join(ids(b), ",") {
		t.Errorf("金秋助学 → %v, 金秋助學 → %v", ids(a), ids(b))
	}
	var marked bool
	for _, h := range b {
		for _, s := range h.Snippets {
			marked = marked || strings.Contains(s, "<mark>金秋助學</mark>") || strings.Contains(s, "<mark>金秋</mark>")
		}
	}
	if !marked {
		t.Errorf("no snippet highlights the traditional original: %+v", b)
	}
	out, _, code := runCLI(t, "search", "--data", data, "--count", "送温暖")
	if code != 0 || strings.TrimSpace(out) == "0" {
		t.Errorf("search --count = %q, exit %d", out, code)
	}
	out, _, code = runCLI(t, "search", "--data", data, "送温暖")
	if code != 0 || !strings.Contains(out, "【") || !strings.Contains(out, "documents match") {
		t.Errorf("plain search output:\n%s", out)
	}
}

func TestParsePrintsGoldShape(t *testing.T) {
	seeds := sharedtest.Dir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	out, errs, code := runCLI(t, append([]string{"parse", "--format", "jsonl"}, files...)...)
	if code != 0 {
		t.Fatalf("parse: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 9 {
		t.Errorf("parse printed %d documents, want 9", len(lines))
	}
	for _, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"source_file", "part", "title", "date", "publisher", "author", "region", "doctype", "body", "text", "metrics", "campaigns"} {
			if _, ok := m[k]; !ok {
				t.Errorf("parse output lacks %q: %.200s", k, line)
			}
		}
		if _, ok := m["metrics"].([]any); !ok {
			t.Errorf("metrics is not a list: %.200s", line)
		}
	}
}

func TestExitStatusAndHelp(t *testing.T) {
	data := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"frobnicate"}, 1, "unknown command"},
		{[]string{"search", "--data", data, "x"}, 1, "no corpus"},
		{[]string{"search", "--data", data, "--year", "2012-2010", "x"}, 1, "year"},
		{[]string{"search", "--data", data, "--limit", "500", "x"}, 1, "limit"},
		// The request's own Validate judges it, as over HTTP (400).
		{[]string{"search", "--data", data, "--doctype", "foo", "x"}, 1, "doctype"},
		{[]string{"search", "--data", data, "--from", "20000", "x"}, 1, "from"},
		{[]string{"kwic", "--data", data, "--doctype", "foo", "x"}, 1, "doctype"},
		{[]string{"import", "--data", data, filepath.Join(data, "missing")}, 1, "missing"},
		{[]string{"parse", "--format", "xml", "a.txt"}, 1, "format"},
		{[]string{"search", "--nonsense"}, 1, "nonsense"},
	} {
		_, errs, code := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
	for _, c := range commands {
		out, errs, code := runCLI(t, c.name, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || errs != "" {
			t.Errorf("%s --help: exit %d, no examples on stdout:\n%s\nstderr: %s", c.name, code, out, errs)
		}
	}
}

func TestShowUnknownAndKnown(t *testing.T) {
	src := writeSample(t)
	data := t.TempDir()
	if _, errs, code := runCLI(t, "import", "--data", data, src); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := runCLI(t, "show", "--data", data, "0000000000000000"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("show unknown: exit %d, %q", code, errs)
	}
	hits := searchJSON(t, data, "技能大赛")
	if len(hits) == 0 {
		t.Fatal("no hit for 技能大赛")
	}
	out, errs, code := runCLI(t, "show", "--data", data, hits[0].ID)
	if code != 0 || !strings.Contains(out, hits[0].Title) {
		t.Errorf("show: exit %d, %s\n%s", code, errs, out)
	}
	if strings.Contains(out, "上一篇") || strings.Contains(out, "版权所有") {
		t.Errorf("show prints portal clutter:\n%s", out)
	}
	if _, _, code := runCLI(t, "reindex", "--data", data); code != 0 {
		t.Errorf("reindex: exit %d", code)
	}
	if len(searchJSON(t, data, "技能大赛")) != len(hits) {
		t.Error("reindex changed the results")
	}
}

// outputCase is a command line and what it must print.
type outputCase struct {
	name     string
	args     []string
	wantCode int
	want     string // exact stdout, or a part of stderr on error
}

// runOutputCases runs each case as unionscope CMD --data DATA ARGS.
func runOutputCases(t *testing.T, cmd, data string, tests []outputCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, append([]string{cmd, "--data", data}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if code != 0 {
				if !strings.Contains(errOut, tt.want) {
					t.Errorf("stderr %q does not mention %s", errOut, tt.want)
				}
				return
			}
			if out != tt.want {
				t.Errorf("stdout:\n%q\nwant:\n%q", out, tt.want)
			}
		})
	}
}
