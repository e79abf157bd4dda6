// Package rule names the extractor's heuristics, so that each can be
// listed, switched off and measured alone.
//
// A heuristic that decides what a page says (a line is a byline, a title
// loses its 原标题： label, 户(次) counts households) is declared once as a
// Rule with the general signal it rests on and one example it acts on and
// one it leaves alone; the code that applies it asks On first. Every
// rule's examples are checked by the tests of the package that declares
// it (see Check), and `unionscope rules` lists them all.
package rule

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Rule is one named heuristic.
type Rule struct {
	// Name is stable and unique: package prefix and a few words, as in
	// "title.original-label" or "quantity.pinyin-reading".
	Name string
	// Why names the general signal the rule rests on: a label, a
	// position, punctuation or link density, a documented word list.
	Why string
	// Accept is an input the rule acts on and Reject one it leaves alone,
	// both in the project's own words.
	Accept, Reject string
	// Fires reports whether the rule acts on an input like Accept. The
	// tests call it on both examples; it must not consult On.
	Fires func(string) bool
}

var (
	mu       sync.Mutex
	registry = map[string]*Rule{}
	// off is read on every use of a rule: a pointer swap keeps that to
	// one atomic load, and SetOff may run while others parse.
	off atomic.Pointer[map[string]bool]
)

// New declares a rule and returns it; a second rule of the same name is a
// programming error and panics at init.
func New(r Rule) *Rule {
	if r.Name == "" || r.Fires == nil || r.Accept == "" || r.Reject == "" {
		panic(fmt.Sprintf("rule %q: Name, Fires, Accept and Reject are required", r.Name))
	}
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[r.Name]; dup {
		panic("rule " + r.Name + " declared twice")
	}
	p := &r
	registry[r.Name] = p
	return p
}

// On reports whether the rule is in force.
func (r *Rule) On() bool {
	m := off.Load()
	return m == nil || !(*m)[r.Name]
}

// All returns every declared rule, sorted by name.
func All() []*Rule {
	mu.Lock()
	defer mu.Unlock()
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Rule) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// SetOff switches the named rules off and every other rule on. A name
// that ends in "*" switches off every rule it is a prefix of ("title.*").
// An unknown name is an error, and then nothing changes.
func SetOff(names []string) error {
	all := All()
	m := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, r := range all {
			if r.Name == n || strings.HasSuffix(n, "*") && strings.HasPrefix(r.Name, strings.TrimSuffix(n, "*")) {
				m[r.Name], found = true, true
			}
		}
		if !found {
			return fmt.Errorf("no rule named %q (unionscope rules lists them)", n)
		}
	}
	off.Store(&m)
	return nil
}

// Check returns a description of each rule whose name starts with prefix
// and whose examples disagree with it: Fires(Accept) false or
// Fires(Reject) true. Tests call it with their package's prefix.
func Check(prefix string) []string {
	var bad []string
	for _, r := range All() {
		if !strings.HasPrefix(r.Name, prefix) {
			continue
		}
		if !r.Fires(r.Accept) {
			bad = append(bad, fmt.Sprintf("%s: does not fire on its Accept example %q", r.Name, r.Accept))
		}
		if r.Fires(r.Reject) {
			bad = append(bad, fmt.Sprintf("%s: fires on its Reject example %q", r.Name, r.Reject))
		}
	}
	return bad
}
