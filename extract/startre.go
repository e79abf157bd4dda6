package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// startRe is a regexp anchored at the start of the text (^…) whose
// MatchString first tests the text's first rune against those a match can
// open with. Line patterns of many alternatives run on every line, and
// the backtracking matcher sets up a bitmap the size of the pattern times
// the line before it reads a rune; the first rune settles most lines.
type startRe struct {
	*regexp.Regexp
	// runes and insts are what a match's first rune must be: one of
	// runes, or one an instruction of insts takes. empty is set when a
	// match need take no rune at all.
	runes []rune
	insts []*syntax.Inst
	empty bool
}

func mustStartRe(expr string) *startRe {
	r := &startRe{Regexp: regexp.MustCompile(expr)}
	// regexp.Compile parses with syntax.Perl, where ^ is the start of the
	// text.
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || re.Sub[0].Op != syntax.OpBeginText {
		panic("extract: startRe needs a pattern anchored at the start: " + expr)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic("extract: " + err.Error())
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			// An empty-width test passes, at worst, where it would not:
			// the filter then lets through a text the match rejects.
			walk(in.Out)
		case syntax.InstMatch:
			r.empty = true
		case syntax.InstFail:
		case syntax.InstRune1:
			r.runes = append(r.runes, in.Rune[0])
		default:
			r.insts = append(r.insts, in)
		}
	}
	walk(uint32(prog.Start))
	return r
}

// mayOpen reports whether a match of r can open s.
func (r *startRe) mayOpen(s string) bool {
	if r.empty {
		return true
	}
	if s == "" {
		return false
	}
	c, _ := utf8.DecodeRuneInString(s)
	if slices.Contains(r.runes, c) {
		return true
	}
	for _, in := range r.insts {
		if in.MatchRune(c) {
			return true
		}
	}
	return false
}

// MatchString is regexp's MatchString, on texts that pass mayOpen only.
func (r *startRe) MatchString(s string) bool {
	return r.mayOpen(s) && r.Regexp.MatchString(s)
}
