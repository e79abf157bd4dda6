package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/unionscope/unionscope/sample"
)

// The command line behaves as gh, git and restic users expect: common
// flags before the command, flags after the arguments, -- to end them,
// help on standard output, a mistake reported once.

// importedSample imports the bundled sample corpus into a new data folder.
func importedSample(t *testing.T) (src, data string) {
	t.Helper()
	src, data = writeSample(t), t.TempDir()
	if _, errs, code := runCLI(t, "import", "--data", data, src); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	return src, data
}

// shared is one imported sample corpus for the tests that only read it,
// made on first use and removed by TestMain.
var shared struct {
	once      sync.Once
	dir       string
	src, data string
	err       error
}

// sharedSample is the imported sample corpus that tests share; they must
// not write to it.
func sharedSample(t *testing.T) (src, data string) {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "unionscope-cli-test-"); shared.err != nil {
			return
		}
		shared.src, shared.data = filepath.Join(shared.dir, "src"), filepath.Join(shared.dir, "data")
		if shared.err = os.Mkdir(shared.src, 0o755); shared.err != nil {
			return
		}
		if shared.err = os.CopyFS(shared.src, sample.FS); shared.err != nil {
			return
		}
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"import", "--data", shared.data, shared.src}, strings.NewReader(""), &out, &errb); code != 0 {
			shared.err = fmt.Errorf("import: exit %d: %s", code, errb.String())
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.src, shared.data
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func TestFlagsBeforeTheCommand(t *testing.T) {
	src, data := sharedSample(t)
	want, errs, code := runCLI(t, "search", "--data", data, "--format", "jsonl", "送温暖")
	if code != 0 || !strings.Contains(want, "送温暖") {
		t.Fatalf("search --data: exit %d, %s\n%s", code, errs, want)
	}
	for _, args := range [][]string{
		{"--data", data, "search", "--format", "jsonl", "送温暖"},
		{"--data=" + data, "search", "--format", "jsonl", "送温暖"},
		// The command's own --data wins over the one before it.
		{"--data", t.TempDir(), "search", "--data", data, "--format", "jsonl", "送温暖"},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || out != want {
			t.Errorf("%q: exit %d, %s\n%s\nwant the output of search --data:\n%s", args, code, errs, out, want)
		}
	}
	// A command that reads no corpus accepts it too, as git -C and restic
	// --repo are accepted everywhere.
	if out, errs, code := runCLI(t, "--data", data, "parse", filepath.Join(src, "speech-2012-plenary.txt")); code != 0 || out == "" {
		t.Errorf("--data before parse: exit %d, %s", code, errs)
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--limit", "5", "search", "x"}, "--limit"},
		{[]string{"--data"}, "--data"},
	} {
		out, errs, code := runCLI(t, tt.args...)
		if code != 1 || out != "" || !strings.Contains(errs, tt.msg) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 naming %s", tt.args, code, out, errs, tt.msg)
		}
	}
}

func TestFlagsAfterTheArguments(t *testing.T) {
	src, data := importedSample(t)
	before, _, _ := runCLI(t, "search", "--data", data, "--format", "jsonl", "送温暖")
	after, errs, code := runCLI(t, "search", "送温暖", "--data", data, "--json")
	if code != 0 || after != before || !strings.HasPrefix(after, "{") {
		t.Errorf("search 送温暖 --data D --json: exit %d, %s\n%s\nwant the JSON lines of the flags first:\n%s", code, errs, after, before)
	}
	for _, line := range strings.Split(strings.TrimSpace(after), "\n") {
		var h hitJSON
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
	}
	// Flags between the words of a query; the words keep their order.
	out, errs, code := runCLI(t, "search", "金秋", "--data", data, "助学", "--count")
	if code != 0 || strings.TrimSpace(out) == "0" {
		t.Errorf("search 金秋 --data D 助学 --count: exit %d, %q, %s", code, out, errs)
	}
	// A flag after -- is a word to look for.
	out, errs, code = runCLI(t, "search", "--data", data, "--", "--json")
	if code != 0 || !strings.Contains(strings.SplitN(out, "\n", 2)[0], `documents match "--json"`) {
		t.Errorf("search -- --json: exit %d, %s\n%s", code, errs, out)
	}
	// An exclusion stays part of the query.
	out, errs, code = runCLI(t, "search", "--data", data, "送温暖", "-新闻", "--count")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Errorf("search 送温暖 -新闻: exit %d, %q, %s", code, out, errs)
	}
	// import DIR --force parses again rather than looking for a file
	// called --force.
	out, errs, code = runCLI(t, "import", src, "--data", data, "--force")
	if code != 0 || strings.Contains(out, " 0 stored") || strings.Contains(errs, "--force") {
		t.Errorf("import DIR --force: exit %d, %q, %s", code, out, errs)
	}
}

var singleDashFlag = regexp.MustCompile(`(?m)^  -[A-Za-z]`)

func TestHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{
		{"search", "--help"},
		{"search", "-h"},
		{"search", "送温暖", "--help"},
		{"help", "search"},
		{"--help", "search"},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || errs != "" || !strings.HasPrefix(out, "Usage: unionscope search [flags] QUERY...") {
			t.Errorf("%q: exit %d, stderr %q, stdout:\n%s", args, code, errs, out)
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || errs != "" || !strings.Contains(out, "Commands:") {
			t.Errorf("%q: exit %d, stderr %q, stdout:\n%s", args, code, errs, out)
		}
	}
	for _, c := range commands {
		out, _, _ := runCLI(t, c.name, "--help")
		// Flags are shown as the examples write them, hidden aliases not
		// at all, and the default of --data once.
		if singleDashFlag.MatchString(out) {
			t.Errorf("%s --help shows a flag with one dash:\n%s", c.name, out)
		}
		for _, hidden := range []string{"--json", "--query"} {
			if strings.Contains(out, hidden) {
				t.Errorf("%s --help shows %q:\n%s", c.name, hidden, out)
			}
		}
		if n := strings.Count(out, defaultData); n > 1 {
			t.Errorf("%s --help names the default data folder %d times:\n%s", c.name, n, out)
		}
		if !strings.Contains(out, "Usage: unionscope "+c.name+" [flags]") {
			t.Errorf("%s --help: the usage line does not say [flags]:\n%s", c.name, out)
		}
	}
}

func TestMistakesAreReportedOnce(t *testing.T) {
	data := t.TempDir()
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"search", "--data", data, "--nonsense", "x"}, "unknown flag --nonsense"},
		{[]string{"search", "--data", data, "x", "--limit"}, "--limit needs a value"},
		{[]string{"search", "--data", data, "--limit", "many", "x"}, "--limit"},
		{[]string{"kwic", "--data", data, "--format", "xml", "x"}, `"xml"`},
	} {
		out, errs, code := runCLI(t, tt.args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 1 || out != "" || len(lines) != 2 || !strings.Contains(lines[0], tt.msg) ||
			lines[1] != "Run 'unionscope "+tt.args[0]+" --help' for usage." {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 1, the error naming %s once and a hint", tt.args, code, out, errs, tt.msg)
		}
	}
}

func TestHelpOfAnUnknownCommand(t *testing.T) {
	for _, args := range [][]string{{"help", "nosuch"}, {"nosuch"}, {"help", "search", "kwic"}} {
		out, errs, code := runCLI(t, args...)
		if code != 1 || out != "" || !strings.Contains(errs, args[len(args)-1]) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 naming %s", args, code, out, errs, args[len(args)-1])
		}
	}
}

func TestOneOutputVocabulary(t *testing.T) {
	_, data := sharedSample(t)
	hits := searchJSON(t, data, "技能大赛")
	if len(hits) == 0 {
		t.Fatal("no hit for 技能大赛")
	}
	// The old --json is --format jsonl, in every command that had it.
	for _, args := range [][]string{
		{"show", "--data", data, hits[0].ID},
		{"dups", "--data", data},
		{"rules", "title."},
	} {
		a, errA, codeA := runCLI(t, append(args, "--json")...)
		b, errB, codeB := runCLI(t, append(args, "--format", "jsonl")...)
		if codeA != 0 || codeB != 0 || a != b {
			t.Errorf("%s: --json (exit %d, %s) and --format jsonl (exit %d, %s) differ:\n%s\n%s", args[0], codeA, errA, codeB, errB, a, b)
		}
	}
	// The query is the arguments in every command that takes one.
	for _, cmd := range []string{"kwic", "metrics", "campaigns"} {
		out, errs, code := runCLI(t, cmd, "--data", data, "--format", "csv", "--no-bom", "技能大赛")
		if code != 0 || strings.Count(out, "\n") < 2 {
			t.Errorf("%s 技能大赛: exit %d, %s\n%s", cmd, code, errs, out)
		}
	}
}

// FuzzParseFlags gives the flag parser arbitrary command lines: it never
// panics, and whatever it does not take as a flag or a flag's value stays
// an argument, in order.
func FuzzParseFlags(f *testing.F) {
	for _, seed := range []string{
		"送温暖 --json", "--limit 5 工會", "-- --json", "-新闻 --count", "--sort -date q", "--limit", "--limit=3 x -h",
		"--year 2010-2012 --nonsense", "- --data", "--data=/tmp/x --from=-1", "--all-copies=false q",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
		fs := newFlagSet(e, "search", "search [flags] QUERY...", "")
		var df dataFlags
		df.register(fs, e)
		var ff filterFlags
		ff.register(fs)
		fs.Int("limit", 10, "")
		fs.Int("from", 0, "")
		fs.String("sort", "relevance", "")
		fs.Bool("count", false, "")
		fs.Bool("all-copies", false, "")
		fs.format("text or jsonl", "text", "jsonl")
		if err := parseFlags(fs, args); err != nil {
			return
		}
		// The arguments are the words the parser passed over, in order.
		rest := fs.Args()
		j := 0
		for _, a := range args {
			if j < len(rest) && a == rest[j] {
				j++
			}
		}
		if j != len(rest) {
			t.Errorf("%q: arguments %q are not a subsequence of the command line", args, rest)
		}
	})
}
