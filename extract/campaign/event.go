package campaign

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// events finds the unquoted names of the sports meets and festivals that
// unions hold for workers, without a verb before them
// (campaign.worker-event): 市第六届职工技能运动会, 和网络技能运动会. The name
// runs back from its head to a function word, a mark or a verb of
// running, and says whom the event is for (职工, 技能, 农民工 …).
func (s *scanner) events() {
	if !s.on(ruleWorkerEvent) {
		return
	}
	for j := range s.f {
		h := s.hasAny(j, eventHeads)
		if h == "" || j == 0 || s.claimed[j-1] {
			continue
		}
		start := j
		for start > 0 && j-start < spanPrefix && zh.IsHan(s.f[start-1]) && !s.claimed[start-1] &&
			!strings.ContainsRune(funcRunes, s.f[start-1]) && s.endsWithAny(start, actVerbs) == "" {
			start--
		}
		// 2015年第五届…: the year's digits stop the run, not its 年.
		if start > 0 && s.f[start] == '年' && isDigit(s.f[start-1]) {
			start++
		}
		if !containsAny(string(s.f[start:j]), workerWords) {
			continue
		}
		end := j + utf8.RuneCountInString(h)
		s.addPlain(start, j, end)
	}
}
