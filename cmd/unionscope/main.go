// Command unionscope builds a searchable, measurable corpus of Chinese
// trade-union documents: it imports or crawls them, strips boilerplate,
// extracts metadata, quantities and campaign names, stores them in SQLite,
// indexes them with Bleve, and searches, exports and serves them.
//
// Usage:
//
//	unionscope <command> [flags] [arguments]
//
// Run "unionscope help" for the commands and "unionscope <command> --help"
// for each command's flags and examples.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
)

var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := startProfile(os.Getenv("UNIONSCOPE_CPUPROFILE"))
	if len(os.Args) > 1 && os.Getenv("GOGC") == "" {
		if c := findCommand(os.Args[1]); c != nil && c.bulk {
			// Bulk commands allocate much and keep little: half as many
			// collections cut an import of 10,000 documents from 85 to 70
			// CPU-s (and 46 to 38 s) for 870 MB peak RSS instead of 610.
			// GOGC, when set, still decides.
			debug.SetGCPercent(200)
		}
	}
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole command to path, when
// set, for the figures in BENCHMARKS.md: profiling a real import or serve
// shows costs a synthetic benchmark misses.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "unionscope: UNIONSCOPE_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
	// bulk commands write a whole corpus or index and run with a larger
	// GC target (see main).
	bulk bool
}

var commands []command

func register(c command) { commands = append(commands, c) }

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// usageError is a mistake in how the command was called: exit status 1.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func userErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if c := findCommand(args[1]); c != nil {
				return exitCode(c.run(ctx, e, []string{"--help"}), stderr, c.name)
			}
		}
		printUsage(stdout)
		if len(args) == 0 {
			return 1
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, "unionscope", version)
		return 0
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "unionscope: unknown command %q (run \"unionscope help\")\n", args[0])
		return 1
	}
	return exitCode(c.run(ctx, e, args[1:]), stderr, c.name)
}

// exitCode maps a command's error to the exit status: 0 success, 1 a user
// error (bad flags, parameters or input), 2 an internal error.
func exitCode(err error, stderr io.Writer, name string) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "unionscope %s: %v\n", name, err)
	if isUserError(err) {
		return 1
	}
	return 2
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `unionscope builds a searchable, measurable corpus of Chinese trade-union documents.

Usage: unionscope <command> [flags] [arguments]

Commands:
`)
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes --data DIR (default $UNIONSCOPE_DATA or ./unionscope-data).
Run "unionscope <command> --help" for its flags and examples.
`)
}

// newFlagSet makes a command's flag set, whose --help prints usage, the
// flags and the examples.
func newFlagSet(e *env, name, usage, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: unionscope %s\n\n", usage)
		fmt.Fprintln(w, "Flags:")
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
	}
	return fs
}

// parseFlags parses args, turning a flag error into a user error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
