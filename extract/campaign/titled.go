package campaign

import "unicode/utf8"

// contestHeads end the name of a contest on a law or a book when they
// follow its title right away (campaign.titled-contest): 《工会法》知识竞赛.
// Longest first: the first match wins.
var contestHeads = list("知识竞赛", "知识竞答", "知识答题", "竞赛", "大赛")

// titledContests finds contests named by a book title and a contest head
// (《工会法》知识竞赛). The title alone names a law or a document; the head
// after it makes the pair the name of what is run, which keeps the title's
// marks as the text writes them.
func (s *scanner) titledContests() {
	if !s.on(ruleTitledContest) {
		return
	}
	for i := 0; i < len(s.f); i++ {
		if s.f[i] != '《' || s.claimed[i] {
			continue
		}
		j := i + 1
		for j < len(s.f) && j <= i+maxName && s.f[j] != '》' && s.f[j] != '《' && s.f[j] != '\n' {
			j++
		}
		if j >= len(s.f) || s.f[j] != '》' || j == i+1 {
			continue
		}
		h := s.hasAny(j+1, contestHeads)
		if h == "" {
			i = j
			continue
		}
		end := j + 1 + utf8.RuneCountInString(h)
		// Mentioned at its head, outside the title: campaign.document-title
		// drops the names only a title mentions.
		s.add(string(s.r[i:end]), j+1, i, end)
		i = end - 1
	}
}
