package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayers keeps the dependency arrows pointing one way, as a depguard
// rule would: the domain (corpus) and the text primitives (zh) import
// nothing of ours, only zh touches gse, the crawler never reaches for the
// index and of extract uses only decode, and only this command wires everything together.
func TestLayers(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "github.com/unionscope/unionscope/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/unionscope/unionscope/"
	forbidden := map[string][]string{
		"corpus":  {mod},
		"zh":      {mod},
		"extract": {mod + "index", mod + "ingest", mod + "crawler", mod + "httpapi", mod + "report"},
		"index":   {mod + "extract", mod + "ingest", mod + "crawler", mod + "httpapi", mod + "report"},
		"crawler": {mod + "index", mod + "httpapi", mod + "report"},
		"warc":    {mod},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], mod)
		top, _, _ := strings.Cut(pkg, "/")
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, "github.com/go-ego/gse") && top != "zh" {
				t.Errorf("%s imports gse; only zh may", pkg)
			}
			// The crawler decodes what it fetches to follow links, and
			// needs no more of extraction than that.
			if top == "crawler" && strings.HasPrefix(imp, mod+"extract") && imp != mod+"extract/decode" {
				t.Errorf("%s imports %s; the crawler may import only extract/decode", pkg, imp)
			}
			for _, bad := range forbidden[top] {
				// A package may import its own sub-packages.
				if strings.HasPrefix(imp, bad) && imp != mod+top && !strings.HasPrefix(imp, mod+top+"/") {
					t.Errorf("%s imports %s, against the layering", pkg, imp)
				}
			}
		}
	}
}
