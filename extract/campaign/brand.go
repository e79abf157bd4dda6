package campaign

import (
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// brandLists finds the names of an unquoted list of programmes that ends
// in 等 and 品牌 and holds a known name (campaign.brand-list): 做大金秋助学、
// 医疗互助等帮扶品牌 names 医疗互助 beside 金秋助学. The known name says
// what the list holds; the items after its first mark are names, and the
// first, whose start the verb before it blurs, is left to the lexicon.
func (s *scanner) brandLists() {
	if !s.on(ruleBrandList) {
		return
	}
	for i := range s.f {
		if s.f[i] != '等' || !s.brandAfter(i+1) {
			continue
		}
		var items [][2]int
		end, known := i, false
		for k := i - 1; k >= 0 && k >= i-maxHonourList; k-- {
			c := s.f[k]
			if c == '、' {
				items = append(items, [2]int{k + 1, end})
				known = known || s.knownEndsAt(k+1, end)
				end = k
				continue
			}
			if !zh.IsHan(c) {
				break
			}
		}
		if len(items) == 0 {
			continue
		}
		// The first item: its end is known even where its start is not.
		for k := end - 1; k >= 0 && k >= end-maxListItem && zh.IsHan(s.f[k]); k-- {
			known = known || s.knownEndsAt(k, end)
		}
		if !known {
			continue
		}
		for _, it := range items {
			if it[1]-it[0] <= maxListItem {
				s.addPlain(it[0], it[1], it[1])
			}
		}
	}
}

// brandAfter reports whether a short modifier and 品牌 follow at i:
// 等帮扶品牌, 等品牌.
func (s *scanner) brandAfter(i int) bool {
	for k := i; k < len(s.f) && k <= i+maxHeadModifier; k++ {
		if s.has(k, "品牌") {
			return true
		}
		if !zh.IsHan(s.f[k]) {
			return false
		}
	}
	return false
}

// knownEndsAt reports whether a lexicon name spans f[start:end] or ends
// it.
func (s *scanner) knownEndsAt(start, end int) bool {
	for k := start; k < end; k++ {
		if w := s.lexiconAt(k); w != "" && k+utf8.RuneCountInString(w) == end {
			return true
		}
	}
	return false
}
