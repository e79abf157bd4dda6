package extract

import (
	"bytes"
	"encoding/json"
	"github.com/unionscope/unionscope/internal/sharedtest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/unionscope/unionscope/corpus"
)

// goldRecord is a document in the shape of ../shared/gold/documents.jsonl.
type goldRecord struct {
	SourceFile string            `json:"source_file"`
	Part       int               `json:"part"`
	Title      string            `json:"title"`
	Date       string            `json:"date"`
	Publisher  string            `json:"publisher"`
	Author     string            `json:"author"`
	Region     corpus.Region     `json:"region"`
	Doctype    string            `json:"doctype"`
	Body       []string          `json:"body"`
	Metrics    []corpus.Metric   `json:"metrics"`
	Campaigns  []corpus.Campaign `json:"campaigns"`
}

// TestGold parses the seed documents and scores them with the project's
// scorer against the gold annotations.
func TestGold(t *testing.T) {
	shared := sharedtest.Dir(t, "")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	files, err := filepath.Glob(filepath.Join(shared, "seeds", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := Parse(Input{Name: f, Data: data})
		if err != nil {
			t.Fatalf("Parse(%s): %v", f, err)
		}
		for _, d := range docs {
			n++
			if err := enc.Encode(goldRecord{
				SourceFile: filepath.Base(d.SourceFile), Part: d.Part, Title: d.Title, Date: d.Date,
				Publisher: d.Publisher, Author: d.Author, Region: d.Region, Doctype: d.Doctype,
				Body: d.Body, Metrics: d.Metrics, Campaigns: d.Campaigns,
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		cmd := exec.Command(py, filepath.Join(shared, "gold", "score.py"), "--gold", filepath.Join(shared, "gold"), pred, "--verbose")
		msg, _ := cmd.CombinedOutput()
		t.Logf("score.py --verbose:\n%s", msg)
	}
	cmd := exec.Command(py, filepath.Join(shared, "gold", "score.py"), "--gold", filepath.Join(shared, "gold"), pred, "--json")
	msg, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, msg)
	}
	var res map[string]any
	if err := json.Unmarshal(msg, &res); err != nil {
		t.Fatalf("score.py output %q: %v", msg, err)
	}
	if n != 9 {
		t.Errorf("documents = %d, want 9 (%v)", n, res["documents"])
	}
	if f1 := res["body"].(map[string]any)["F1"].(float64); f1 < 0.97 {
		t.Errorf("body F1 = %.3f, want >= 0.97", f1)
	}
	floors := map[string]float64{"title": 0.89, "date": 0.89, "publisher": 0.78, "author": 0.78, "doctype": 0.89, "region": 0.80}
	for k, floor := range floors {
		if got, _ := res[k].(float64); got < floor {
			t.Errorf("%s = %.3f, want >= %.2f", k, got, floor)
		}
	}
	t.Logf("score: %s", msg)
}
