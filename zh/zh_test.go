package zh

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"工會", "工会"},
		{"送溫暖", "送温暖"},
		{"２５００萬元", "2500万元"},
		{"ＡＢＣ abc", "abc abc"},
		{"萬餘", "万余"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len([]rune(Fold(tt.in))) != len([]rune(tt.in)) {
			t.Errorf("Fold(%q) changed the rune count", tt.in)
		}
	}
}

func TestCutOffsetsPointIntoOriginal(t *testing.T) {
	for _, text := range []string{
		"市總工會開展送溫暖活動，籌集資金２６６萬元。",
		"市总工会开展送温暖活动，筹集资金266万元。",
	} {
		toks := Cut(text, true)
		if len(toks) == 0 {
			t.Fatalf("Cut(%q) gave no tokens", text)
		}
		var words []string
		for _, tk := range toks {
			if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
				t.Fatalf("token %+v out of range for %q", tk, text)
			}
			if Fold(text[tk.Start:tk.End]) != tk.Text {
				t.Errorf("token %q at %d:%d covers %q", tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
			}
			words = append(words, tk.Text)
		}
		joined := " " + strings.Join(words, " ") + " "
		for _, w := range []string{"工会", "送温暖"} {
			if !strings.Contains(joined, " "+w+" ") {
				t.Errorf("Cut(%q) = %v, want the word %q among them", text, words, w)
			}
		}
	}
}

func TestDecodeDictRejectsDamage(t *testing.T) {
	if _, err := decodeDict(dictBin); err != nil {
		t.Fatalf("embedded dictionary: %v", err)
	}
	for _, b := range [][]byte{nil, []byte("UZD1"), dictBin[:len(dictBin)-1], append([]byte("XXXX"), dictBin[4:]...)} {
		if _, err := decodeDict(b); err == nil {
			t.Errorf("decodeDict accepted %d damaged bytes", len(b))
		}
	}
}

// TestT2STableNamesItsSource checks that the generated table says which
// OpenCC data it was made from, and that this is the opencc version go.mod
// requires: bumping the module without "go generate ./zh" fails here.
func TestT2STableNamesItsSource(t *testing.T) {
	table, err := os.ReadFile("t2s_table.go")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/longbridgeapp/opencc (v\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/longbridgeapp/opencc")
	}
	header, _, _ := strings.Cut(string(table), "\n")
	want := "from dictionary/TSCharacters.txt of github.com/longbridgeapp/opencc " + string(m[1]) + " (sha256 "
	if !strings.Contains(header, want) || !strings.HasSuffix(header, "DO NOT EDIT.") {
		t.Errorf("t2s_table.go begins %q; want it to say it was generated %s…; run go generate ./zh", header, want)
	}
}
