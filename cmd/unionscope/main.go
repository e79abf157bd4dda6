// Command unionscope builds a searchable, measurable corpus of Chinese
// trade-union documents: it imports or crawls them, strips boilerplate,
// extracts metadata, quantities and campaign names, stores them in SQLite,
// indexes them with Bleve, and searches, exports and serves them.
//
// Usage:
//
//	unionscope [--data DIR] <command> [flags] [arguments]
//
// Run "unionscope help" for the commands and "unionscope <command> --help"
// (or "unionscope help <command>") for each command's flags and examples.
// Flags may come before or after a command's arguments; -- ends them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"
)

var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := startProfile(os.Getenv("UNIONSCOPE_CPUPROFILE"))
	stopHeap := startHeapProfile(os.Getenv("UNIONSCOPE_MEMPROFILE"))
	if _, rest, err := parseGlobal(os.Args[1:]); err == nil && len(rest) > 0 && os.Getenv("GOGC") == "" {
		if c := findCommand(rest[0]); c != nil && (c.bulk || c.lightGC) {
			// Bulk commands allocate much and keep little: half as many
			// collections cut an import of 10,000 documents from 85 to 70
			// CPU-s (and 46 to 38 s) for 870 MB peak RSS instead of 610.
			// So does serve, per request: 8.6 → 6.5 and 9.3 → 8.6 CPU-ms
			// a request of the bench mix for 17 MB more peak RSS.
			// GOGC, when set, still decides.
			debug.SetGCPercent(200)
		}
	}
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stopHeap()
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

// startHeapProfile writes, when path is set, heap profiles for the memory
// figures of bench/growth.sh: path itself as the command ends (after a
// collection: what it still holds), and path.peak whenever the heap live
// after a collection has grown by a tenth over the largest seen so far, so
// that it shows what was held near the command's peak (go tool pprof
// -sample_index=inuse_space; alloc_space for everything allocated).
func startHeapProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	write := func(p string) {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.WriteHeapProfile(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "unionscope: UNIONSCOPE_MEMPROFILE: %v\n", err)
		}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > peak+peak/10 {
				peak = live
				write(path + ".peak")
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		runtime.GC()
		write(path)
	}
}

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// data is the --data given before the command, "" when none was.
	data string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
	// bulk commands write a whole corpus or index and run with a larger
	// GC target (see main).
	bulk bool
	// lightGC commands run with the bulk commands' GC target.
	lightGC bool
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
	g, args, err := parseGlobal(args)
	if err != nil {
		fmt.Fprintf(stderr, "unionscope: %v\nRun 'unionscope help' for usage.\n", err)
		return 1
	}
	e.data = g.data
	switch {
	case g.version:
		fmt.Fprintln(stdout, "unionscope", version)
		return 0
	case g.help:
		return runHelp(ctx, e, args)
	case len(args) == 0:
		printUsage(stdout)
		return 1
	case args[0] == "help":
		return runHelp(ctx, e, args[1:])
	case args[0] == "version":
		fmt.Fprintln(stdout, "unionscope", version)
		return 0
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "unionscope: unknown command %q\nRun 'unionscope help' for the commands.\n", args[0])
		return 1
	}
	return exitCode(c.run(ctx, e, args[1:]), stderr, c.name)
}

// globalFlags are the flags that may come before the command.
type globalFlags struct {
	data          string
	help, version bool
}

// parseGlobal reads the flags before the command name and returns the
// command line from the command on.
func parseGlobal(args []string) (g globalFlags, rest []string, err error) {
	for len(args) > 0 {
		m := flagArg.FindStringSubmatch(args[0])
		if m == nil {
			if args[0] == "--" {
				args = args[1:]
			}
			break
		}
		switch name, value := m[1], strings.TrimPrefix(m[2], "="); name {
		case "data":
			if m[2] == "" {
				if len(args) < 2 {
					return g, nil, errors.New("flag --data needs a value")
				}
				value, args = args[1], args[1:]
			}
			if value == "" {
				return g, nil, errors.New("--data: empty folder name")
			}
			g.data = value
		case "h", "help":
			g.help = true
		case "version":
			g.version = true
		default:
			return g, nil, fmt.Errorf("unknown flag %s before the command (only --data, --help and --version go there)", args[0])
		}
		args = args[1:]
	}
	return g, args, nil
}

// runHelp prints the list of commands, or one command's help, on
// standard output.
func runHelp(ctx context.Context, e *env, args []string) int {
	switch len(args) {
	case 0:
		printUsage(e.stdout)
		return 0
	case 1:
		c := findCommand(args[0])
		if c == nil {
			fmt.Fprintf(e.stderr, "unionscope help: unknown command %q\nRun 'unionscope help' for the commands.\n", args[0])
			return 1
		}
		return exitCode(c.run(ctx, e, []string{"--help"}), e.stderr, c.name)
	}
	fmt.Fprintf(e.stderr, "unionscope help: takes one command, got %q\n", args)
	return 1
}

// exitCode maps a command's error to the exit status: 0 success, 1 a user
// error (bad flags, parameters or input), 2 an internal error. The error
// is printed once; a mistake in the command line adds where help is.
func exitCode(err error, stderr io.Writer, name string) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "unionscope %s: %v\n", name, err)
	var f flagError
	if errors.As(err, &f) {
		fmt.Fprintf(stderr, "Run 'unionscope %s --help' for usage.\n", name)
	}
	if isUserError(err) {
		return 1
	}
	return 2
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `unionscope builds a searchable, measurable corpus of Chinese trade-union documents.

Usage: unionscope [--data DIR] <command> [flags] [arguments]

Commands:
`)
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
The commands that read or write a corpus take --data DIR, before or after
the command (default $UNIONSCOPE_DATA, else ./unionscope-data). Flags may
come before or after a command's arguments; -- ends them. Output is chosen
with --format: text for reading, jsonl for one JSON object per line, csv
where a table is wanted.

Run "unionscope <command> --help" or "unionscope help <command>" for its
flags and examples.
`)
}
