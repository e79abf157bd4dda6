package quantity

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
)

// 分别 pairs a list of nouns with a list of figures, item by item:
// 职工医疗互助、大病救助资金分别达到86万元、42万元 gives 86万元 to the first
// noun and 42万元 to the second, and a list of rates after it in the same
// sentence (，分别增长12%、9%) is the growth of the same nouns in turn.

// listItem places a metric in a 分别 list: first is the index in spans of
// the list's first figure, k the metric's place in it.
type listItem struct{ first, k int }

// noList marks a metric that is in no 分别 list.
var noList = listItem{first: -1, k: -1}

// maxListNouns caps the nouns read back from a 分别; report lists are short.
const maxListNouns = 8

// respectiveSubject returns the subject 分别 gives the quantity q, if any.
func (s *scanner) respectiveSubject(q quantity, sentA int, prev []corpus.Metric) (string, bool) {
	if !s.on(ruleRespective) {
		return "", false
	}
	// Back over the figures of the list that come before q.
	p, k, idx := q.start, 0, len(s.spans)-1
	for idx >= 0 && k < maxListNouns {
		joined := false
		for _, w := range coordJoins {
			if s.endsWith(p, w) && s.spans[idx].end == p-utf8.RuneCountInString(w) {
				p, joined = s.spans[idx].start, true
				break
			}
		}
		if !joined {
			break
		}
		k++
		idx--
	}
	first := idx + 1 // index in spans of the list's first figure, or len(spans) when q is
	// Back over the verb, a growth word and 分别 itself.
	growth := ""
	for _, g := range growthWords {
		if s.endsWith(p, g) {
			growth = g
			p -= utf8.RuneCountInString(g)
			// 分别比上年增长3%和5%: the comparison stands between.
			p = s.skipComparison(p, sentA)
			break
		}
	}
	if !s.endsWith(p, "分别") {
		if growth != "" {
			return "", false
		}
		for _, w := range respectiveVerbs {
			if s.endsWith(p, w) {
				p -= utf8.RuneCountInString(w)
				break
			}
		}
		if !s.endsWith(p, "分别") {
			return "", false
		}
	}
	p -= 2
	if nouns := s.nounList(p, sentA); len(nouns) >= 2 {
		if k >= len(nouns) {
			return "", false
		}
		s.resp = listItem{first: first, k: k}
		return nouns[k] + growth, true
	}
	if growth == "" || q.category != rate {
		return "", false
	}
	// ，分别增长12%、9%: the k-th figure of the latest list of the sentence.
	for i := len(s.spans) - 1; i >= 0 && s.spans[i].start >= sentA; i-- {
		it := s.spans[i].list
		if it.k < 0 || prev[i].Category == rate {
			continue
		}
		j := it.first + k
		if j < len(s.spans) && s.spans[j].list.first == it.first && prev[j].Subject != "" {
			s.resp = listItem{first: first, k: k}
			return prev[j].Subject + growth, true
		}
		break
	}
	// 基层工会1200个，会员15万人，分别比上年增长3%和5%: with no 分别 list
	// before, the n rates of this list grow the last n figures of the
	// sentence in turn.
	n := k + 1 + s.figuresAfter(q)
	var cands []int
	for i := len(prev) - 1; i >= 0 && s.spans[i].start >= sentA && len(cands) < maxListNouns; i-- {
		if prev[i].Category != rate {
			cands = append(cands, i)
		}
	}
	if n >= 2 && len(cands) >= n {
		if sub := prev[cands[n-1-k]].Subject; sub != "" {
			s.resp = listItem{first: first, k: k}
			return sub + growth, true
		}
	}
	return "", false
}

// figuresAfter counts the figures in q's unit joined to q after it (3%和5%,
// 3%、4%和5%), up to maxListNouns.
func (s *scanner) figuresAfter(q quantity) int {
	n, i := 0, q.end
	for n < maxListNouns {
		j := s.hasAny(i, coordJoins)
		if j == 0 || i+j >= len(s.f) || !startsNumeral(s.f[i+j]) {
			return n
		}
		next, ok := s.quantityAt(i+j, false)
		if !ok || next.unit != q.unit {
			return n
		}
		n++
		i = next.end
	}
	return n
}

// nounList returns the noun phrases joined by 、/和/及/与 that end at i, in
// order.
func (s *scanner) nounList(i, sentA int) []string {
	var rev []string
	for len(rev) < maxListNouns {
		a, b := s.phraseSpan(i, sentA, false)
		if a >= b {
			break
		}
		rev = append(rev, strings.TrimSpace(string(s.r[a:b])))
		joined := false
		for _, w := range coordJoins {
			if s.endsWith(a, w) {
				i, joined = a-utf8.RuneCountInString(w), true
				break
			}
		}
		if !joined {
			break
		}
	}
	out := make([]string, len(rev))
	for n, w := range rev {
		out[len(rev)-1-n] = w
	}
	return out
}

// respectiveVerbs stand between 分别 and the figures of its list.
var respectiveVerbs = []string{"实现", "达到", "完成", "达", "为", "是", "有", "占", "增至", "提高到", "下降到"}
