package corpus

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestDocNamesEveryTable keeps the package comment's account of the
// schema complete: every table and view a new store has is described
// there, by name at the start of an item.
func TestDocNamesEveryTable(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t)
	rows, err := s.DB().QueryContext(context.Background(), `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := scanStrings(rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 10 {
		t.Fatalf("the store has only %v", names)
	}
	for _, name := range names {
		if !strings.Contains(string(doc), "//   - "+name+":") && !strings.Contains(string(doc), "//   - "+name+" (a view):") {
			t.Errorf("doc.go does not describe table %s", name)
		}
	}
}
