package extract

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/extract/rule"
)

func TestHTMLRules(t *testing.T) {
	for _, bad := range rule.Check("html.") {
		t.Error(bad)
	}
}

// TestHTMLFixtureBodies holds the web-page fixtures to their bodies
// exactly, paragraph for paragraph: TestFixtures allows a 95 % bigram
// match, which a leaked byline or a lost caption line passes.
func TestHTMLFixtureBodies(t *testing.T) {
	wants, err := filepath.Glob(filepath.Join("testdata", "html", "*", "want.json"))
	if err != nil || len(wants) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, wp := range wants {
		dir := filepath.Dir(wp)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			type want struct {
				Body []string `json:"body"`
			}
			raw, err := os.ReadFile(wp)
			if err != nil {
				t.Fatal(err)
			}
			// One object, or a list for a compilation, whose first
			// document's body is compared here (TestFixtures reads all).
			var ws []want
			if err := json.Unmarshal(raw, &ws); err != nil {
				ws = make([]want, 1)
				if err := json.Unmarshal(raw, &ws[0]); err != nil {
					t.Fatalf("%s: %v", wp, err)
				}
			}
			w := ws[0]
			data, err := os.ReadFile(filepath.Join(dir, "input.html"))
			if err != nil {
				t.Fatal(err)
			}
			docs, err := Parse(Input{Name: "input.html", Data: data})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(w.Body, docs[0].Body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNavOnlyPage: a page of menus and a list of links has no article,
// and says so, though readability's second reading picks a container.
func TestNavOnlyPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "nav-only.html"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse(Input{Name: "nav-only.html", Data: data})
	if !errors.Is(err, ErrNoArticle) {
		t.Fatalf("Parse = %d documents, error %v; want ErrNoArticle", len(docs), err)
	}
}
