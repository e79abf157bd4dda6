package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/unionscope/unionscope/extract/rule"
)

func init() {
	register(command{name: "rules", summary: "list the named extraction rules", run: runRules})
}

type ruleJSON struct {
	Name   string `json:"name"`
	Why    string `json:"why"`
	Accept string `json:"accept"`
	Reject string `json:"reject"`
}

func runRules(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "rules", "rules [flags] [PREFIX]", `  unionscope rules                 # every rule: name, why, an example it acts on and one it leaves alone
  unionscope rules title.          # the title rules
  unionscope rules --format jsonl | jq -r .name
  unionscope parse --rules-off quantity.pinyin-reading --format jsonl FILE   # one rule off`)
	format := fs.format("text, or jsonl for one JSON object per rule", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return userErrorf("at most one PREFIX, got %d arguments", fs.NArg())
	}
	prefix := fs.Arg(0)
	out := newJSONLines(e.stdout)
	for _, r := range rule.All() {
		if !strings.HasPrefix(r.Name, prefix) {
			continue
		}
		if *format == "jsonl" {
			if err := out.write(ruleJSON{r.Name, r.Why, r.Accept, r.Reject}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s\n    %s\n    acts on:      %s\n    leaves alone: %s\n", r.Name, r.Why, example(r.Accept), example(r.Reject))
	}
	return nil
}

// example prints a rule's example on one line: an example of several lines
// (a header and the line under it) is quoted, so its line breaks show as \n.
func example(s string) string {
	if strings.ContainsAny(s, "\n\t") {
		return strconv.Quote(s)
	}
	return s
}
