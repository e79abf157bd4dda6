// Command readability is go-readability (codeberg.org/readeck/go-readability/v2)
// behind unionscope's parse interface, so that html-dev's scorer measures
// the two extractors on the same pages in the same run:
//
//	go build -o bin/readability ./bench/readability
//	python3 ../shared/html-dev/score.py bin/readability
//
// It prints one JSON object per file: source_file, body (the article's text
// split into paragraphs), title and date (YYYY-MM-DD, from the page's
// metadata). The bytes go through unionscope's own decoder first, as
// go-readability reads UTF-8 only; the comparison is then of finding the
// body, not of guessing charsets.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/unionscope/unionscope/extract/decode"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// page is one output line, with the fields unionscope's parse prints that
// a scorer reads.
type page struct {
	SourceFile string   `json:"source_file"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	Body       []string `json:"body"`
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "parse" {
		fmt.Fprintln(stderr, "usage: readability parse --format jsonl FILE...")
		return 2
	}
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "jsonl", "output `format`: jsonl only")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if *format != "jsonl" {
		fmt.Fprintf(stderr, "readability: --format %q: only jsonl\n", *format)
		return 2
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range fs.Args() {
		p, err := parse(f)
		if err != nil {
			fmt.Fprintf(stderr, "skip %s: %v\n", f, err)
			failed++
			continue
		}
		if err := enc.Encode(p); err != nil {
			fmt.Fprintf(stderr, "readability: %v\n", err)
			return 1
		}
	}
	if failed > 0 && failed == fs.NArg() {
		return 1
	}
	return 0
}

// parse reads one file with go-readability.
func parse(name string) (page, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return page{}, err
	}
	text, _, err := decode.Text(data, "")
	if err != nil {
		return page{}, fmt.Errorf("decode: %w", err)
	}
	art, err := readability.FromReader(strings.NewReader(text), nil)
	if err != nil {
		return page{}, fmt.Errorf("readability: %w", err)
	}
	p := page{SourceFile: name, Title: art.Title(), Body: []string{}}
	if t, err := art.PublishedTime(); err == nil {
		p.Date = t.Format("2006-01-02")
	}
	if art.Node == nil {
		return p, nil
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return page{}, fmt.Errorf("render: %w", err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			p.Body = append(p.Body, l)
		}
	}
	return p, nil
}
