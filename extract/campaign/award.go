package campaign

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// The recipients and the 为 of an award: 授予10个单位…称号 and
// 命名150名个人为…, where the honour stands apart from its verb
// (campaign.award-recipient, campaign.award-as).

// recipientLen returns the length in runes of a count of the units or
// people an honour goes to at i (10个单位, 三名职工), or 0.
func (s *scanner) recipientLen(i int) int {
	k := i
	for k < len(s.f) && k-i < maxCount && isNumeral(s.f[k]) {
		k++
	}
	if k == i || k >= len(s.f) || !strings.ContainsRune(recipientClassifiers, s.f[k]) {
		return 0
	}
	w := s.hasAny(k+1, recipients)
	if w == "" {
		return 0
	}
	return k + 1 + utf8.RuneCountInString(w) - i
}

// recipientStart returns where a count of recipients that ends at i
// starts, or i when none does.
func (s *scanner) recipientStart(i int) int {
	w := s.endsWithAny(i, recipients)
	if w == "" {
		return i
	}
	k := i - utf8.RuneCountInString(w) - 1
	if k < 1 || !strings.ContainsRune(recipientClassifiers, s.f[k]) {
		return i
	}
	j := k
	for j > 0 && k-j < maxCount && isNumeral(s.f[j-1]) {
		j--
	}
	if j == k {
		return i
	}
	return j
}

// isNumeral reports whether r writes a number: a digit or a Chinese
// numeral.
func isNumeral(r rune) bool { return isDigit(r) || strings.ContainsRune(chineseDigits+"千万两", r) }

// maxCount caps the numerals of a count of recipients.
const maxCount = 6

// awardAs reports whether the 为 that ends at i closes a naming verb
// earlier in its clause (campaign.award-as): 命名150名个人为…,
// 表彰了…的职工为“…”.
func (s *scanner) awardAs(i int) bool {
	if !s.on(ruleAwardAs) || i < 1 || s.f[i-1] != '为' {
		return false
	}
	for k := i - 1; k > 0 && k >= i-1-maxAwardAs; k-- {
		if strings.ContainsRune(clauseEnds, s.f[k-1]) {
			return false
		}
		if s.endsWithAny(k, nameVerbs) != "" {
			return true
		}
	}
	return false
}

// maxAwardAs caps the runes between a naming verb and its 为: the verb's
// object may say who is honoured for what (表彰了全省技能竞赛中成绩优异的职工为).
const maxAwardAs = 40

// clauseEnds end the clause a naming verb governs.
const clauseEnds = "\n。;!?,:"

// honoursAs finds unquoted honours after the 为 of a naming verb, up to
// the end of the clause or 称号 (campaign.award-as): 命名20名个人为全县优秀
// 工会之友。
func (s *scanner) honoursAs() {
	if !s.on(ruleAwardAs) {
		return
	}
	for i := range s.f {
		if s.f[i] != '为' || !s.awardAs(i+1) {
			continue
		}
		start := i + 1
		j := start
		for j < len(s.f) && j-start < maxHonourAs && zh.IsHan(s.f[j]) && !strings.ContainsRune(funcRunes, s.f[j]) && !s.has(j, "称号") {
			j++
		}
		if j < len(s.f) && !strings.ContainsRune(clauseEnds+"、", s.f[j]) && !s.has(j, "称号") {
			continue
		}
		if endsWithWord(string(s.f[start:j]), honourNouns) {
			s.addHonour(start, j)
		}
	}
}

// maxHonourAs caps an unquoted honour after 为 in runes.
const maxHonourAs = 20
