package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// flagSet is a command's flags: the standard library's, parsed wherever
// they stand among the arguments (as gh, git and restic users expect), with
// help on standard output and old spellings kept as hidden aliases.
type flagSet struct {
	*flag.FlagSet
	e        *env
	usage    string // the usage line after "unionscope "
	examples string
	// hidden flags still work but are left out of the help: spellings that
	// scripts may use from before the flags were made consistent.
	hidden map[string]bool
}

// newFlagSet makes a command's flag set. usage is the command's usage line
// ("search [flags] QUERY..."); examples follow the flags in its help.
func newFlagSet(e *env, name, usage, examples string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e, usage: usage, examples: examples, hidden: map[string]bool{}}
	// Errors are reported once, by exitCode; help is printed by parseFlags.
	fs.SetOutput(io.Discard)
	fs.FlagSet.Usage = func() {}
	return fs
}

// hide leaves the named flags out of the help.
func (fs *flagSet) hide(names ...string) {
	for _, n := range names {
		fs.hidden[n] = true
	}
}

// flagArg matches an argument that is a flag: one or two dashes, then an
// ASCII name, and perhaps =value. Anything else is an argument, so that a
// query's exclusions (-新闻) and a lone - stay data.
var flagArg = regexp.MustCompile(`^--?([A-Za-z][A-Za-z0-9_-]*)(=.*)?$`)

// parseFlags parses the flags wherever they stand among args: before,
// between or after the arguments, which keep their order. "--" ends the
// flags. -h, -help and --help print the command's help on standard output
// and return flag.ErrHelp. Every other mistake is a usage error.
func parseFlags(fs *flagSet, args []string) error {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		m := flagArg.FindStringSubmatch(a)
		if m == nil {
			rest = append(rest, a)
			continue
		}
		name, hasValue := m[1], m[2] != ""
		if name == "h" || name == "help" {
			fs.printHelp(fs.e.stdout)
			return flag.ErrHelp
		}
		f := fs.Lookup(name)
		if f == nil {
			return flagErrorf("unknown flag %s", a)
		}
		flags = append(flags, a)
		if hasValue || isBoolFlag(f) {
			continue
		}
		if i+1 == len(args) {
			return flagErrorf("flag --%s needs a value", name)
		}
		flags = append(flags, args[i+1])
		i++
	}
	if err := fs.Parse(append(append(flags, "--"), rest...)); err != nil {
		return flagErrorf("%s", doubleDash(err.Error()))
	}
	return nil
}

// flagError is a mistake in a command's flags, which exitCode follows with
// where the help is.
type flagError struct{ u usageError }

func (f flagError) Error() string { return f.u.Error() }
func (f flagError) Unwrap() error { return f.u }

func flagErrorf(format string, args ...any) error {
	return flagError{usageError{fmt.Errorf(format, args...)}}
}

// singleDash finds the flag package's "-name" in its messages.
var singleDash = regexp.MustCompile(`(flag|for) -([A-Za-z])`)

// doubleDash spells flags in a message from the flag package as the help
// and the examples do.
func doubleDash(msg string) string { return singleDash.ReplaceAllString(msg, "$1 --$2") }

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// printHelp writes the usage line, the flags with double dashes, their
// defaults once, and the examples.
func (fs *flagSet) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: unionscope %s\n", fs.usage)
	if c := findCommand(fs.Name()); c != nil {
		fmt.Fprintf(w, "\n%s.\n", upperFirst(c.summary))
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.VisitAll(func(f *flag.Flag) {
		if fs.hidden[f.Name] {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if !isZeroDefault(f) {
			if stringFlag(f) {
				line += fmt.Sprintf(" (default %q)", f.DefValue)
			} else {
				line += fmt.Sprintf(" (default %v)", f.DefValue)
			}
		}
		fmt.Fprintln(w, line)
	})
	fmt.Fprintf(w, "\nFlags may come before or after the arguments; -- ends them.\n")
	fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(fs.examples, "\n"))
}

// isZeroDefault reports whether a flag's default is its type's zero value,
// which the help leaves unsaid, as the flag package does.
func isZeroDefault(f *flag.Flag) bool {
	switch f.DefValue {
	case "", "0", "false", "0s":
		return true
	}
	return false
}

// stringFlag reports whether a flag holds free text, whose default the
// help quotes.
func stringFlag(f *flag.Flag) bool {
	type getter interface{ Get() any }
	g, ok := f.Value.(getter)
	if !ok {
		return false
	}
	_, isString := g.Get().(string)
	return isString
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// format registers --format: usage says what each of the values prints,
// and the first value is the default. When jsonl is one of them, --json
// is registered too, as a hidden old spelling of --format jsonl. Every
// command spells its output the same way: text for people, jsonl for one
// JSON object per line, csv for spreadsheets.
func (fs *flagSet) format(usage string, values ...string) *string {
	v := &formatFlag{value: values[0], values: values}
	fs.Var(v, "format", "output `format`: "+usage)
	if slices.Contains(values, "jsonl") {
		fs.Var(jsonAlias{v}, "json", "print JSON lines (--format jsonl)")
		fs.hide("json")
	}
	return &v.value
}

// formatAlias makes old, a value a script may still pass, mean format
// value.
func (fs *flagSet) formatAlias(old, value string) {
	v := fs.Lookup("format").Value.(*formatFlag)
	if v.aliases == nil {
		v.aliases = map[string]string{}
	}
	v.aliases[old] = value
}

// formatFlag is the value of --format: one of a command's formats.
type formatFlag struct {
	value   string
	values  []string
	aliases map[string]string
}

func (v *formatFlag) String() string { return v.value }
func (v *formatFlag) Get() any       { return v.value }
func (v *formatFlag) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	if a, ok := v.aliases[s]; ok {
		s = a
	}
	if !slices.Contains(v.values, s) {
		return fmt.Errorf("unknown format %q (%s)", s, strings.Join(v.values, ", "))
	}
	v.value = s
	return nil
}

// jsonAlias is --json: a boolean flag that sets --format jsonl.
type jsonAlias struct{ f *formatFlag }

func (j jsonAlias) IsBoolFlag() bool { return true }
func (j jsonAlias) String() string {
	if j.f == nil {
		return "false"
	}
	return fmt.Sprint(j.f.value == "jsonl")
}
func (j jsonAlias) Set(s string) error {
	switch s {
	case "true", "1":
		j.f.value = "jsonl"
	case "false", "0":
		j.f.value = j.f.values[0]
	default:
		return fmt.Errorf("want true or false")
	}
	return nil
}

// query registers --query as a hidden old spelling of the query that the
// command now takes as its arguments, as search and kwic do, and returns
// a function giving the query once the flags are parsed.
func (fs *flagSet) query() func() (string, error) {
	flagQuery := fs.String("query", "", "the search `query` (now given as arguments)")
	fs.hide("query")
	return func() (string, error) {
		args := strings.Join(fs.Args(), " ")
		switch {
		case *flagQuery == "":
			return args, nil
		case args == "":
			return *flagQuery, nil
		}
		return "", userErrorf("give the query once: as arguments or with --query, not both")
	}
}
