package main

import (
	"context"
	"fmt"
	"strings"
)

func init() {
	register(command{name: "show", summary: "print one stored document: metadata and clean text", run: runShow})
}

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "show", "show [flags] ID", `  unionscope show 3f2a9c0d1e4b5a67
  unionscope show 3f2a9c0d1e4b5a67 --format jsonl | jq .metrics`)
	var df dataFlags
	df.register(fs, e)
	format := fs.format("text, or jsonl for the document as one JSON object", "text", "jsonl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return userErrorf("show takes one document ID")
	}
	store, err := df.openStore(false)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := store.Get(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	info, err := loadDupInfo(ctx, store, d.ID)
	if err != nil {
		return err
	}
	if *format == "jsonl" {
		return newJSONLines(e.stdout).write(struct {
			docJSON
			*dupInfo
		}{toDocJSON(d), info})
	}
	w := e.stdout
	fmt.Fprintf(w, "%s\n%s\n", d.Title, strings.Repeat("=", 40))
	fmt.Fprintf(w, "id:        %s\nsource:    %s (part %d)\n", d.ID, d.Source, d.Part)
	if d.URL != "" {
		fmt.Fprintf(w, "url:       %s\n", d.URL)
	}
	fmt.Fprintf(w, "date:      %s\npublisher: %s\nauthor:    %s\ndoctype:   %s\nregion:    %s\n",
		orDash(d.Date), orDash(d.Publisher), orDash(d.Author), orDash(d.Doctype), regionText(d.Region))
	if len(d.Campaigns) > 0 {
		var names []string
		for _, c := range d.Campaigns {
			names = append(names, fmt.Sprintf("%s×%d", c.Name, c.Count))
		}
		fmt.Fprintf(w, "campaigns: %s\n", strings.Join(names, "、"))
	}
	fmt.Fprintf(w, "\n%s\n", d.Text())
	if len(d.Metrics) > 0 {
		fmt.Fprintf(w, "\nmetrics (%d):\n", len(d.Metrics))
		for _, m := range d.Metrics {
			fmt.Fprintf(w, "  %-7s %-14s %-4s %-6s %s  (%s)\n", m.Category, formatValue(m.Value), m.Unit, orDash(m.Approx), m.Subject, m.Surface)
		}
	}
	info.print(w)
	return nil
}
