package campaign

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/zh"
)

// lexicon holds the standing programmes, campaigns and honours of the
// trade unions that reports name without quotes (campaign.known). It is
// one signal next to the grammar of quotes and heads, not a list of every
// name: each family is the ACFTU's own and named in its work reports and
// rules, and holds only the names themselves, in folded form.
var lexicon = concat(
	assistance,
	// National honours the ACFTU awards (its 全国五一劳动奖和全国工人先锋号
	// rules, and the 全国模范职工之家 rules): 全国五一劳动奖 is the
	// umbrella of the 奖状 for units and the 奖章 for people.
	[]string{
		"五一劳动奖", "五一劳动奖章", "五一劳动奖状", "五一巾帼奖", "工人先锋号",
		"模范职工之家", "模范职工小家", "优秀工会工作者", "优秀工会积极分子", "最美职工", "大国工匠",
	},
	// The honours that provincial and city unions award to the champions
	// of their skills contests (金牌工人, and 金牌职工 in some cities).
	[]string{"金牌工人", "金牌职工"},
	// Workplace programmes: the 安康杯 safety competition (with the
	// ministry of emergency management), the union's home at work and its
	// libraries, the skills and innovation programmes, and the women
	// workers' rights month (each March), and the innovation studios of
	// model workers and craftsmen (劳模和工匠人才创新工作室, 2012 on).
	[]string{
		"安康杯", "职工之家", "职工书屋", "五小", "创争", "职工技能登高", "职工素质建设工程",
		"劳模创新工作室", "职工创新工作室", "工匠创新工作室",
		"职工素质工程", "职工技术创新工程", "职工经济技术创新工程", "建功立业工程", "女职工维权行动月",
	},
	// Collective bargaining and labour relations: the 要约 campaigns for
	// collective wage agreements and 双爱双评 (爱企业、爱职工, 评…) for
	// harmonious labour relations.
	[]string{"集体协商要约行动", "工资集体协商要约", "双爱双评"},
	// Service points for outdoor workers (户外劳动者服务站点, 2016 on) and
	// the union's 会站家 (工会驿站、服务站、职工之家) network.
	[]string{"户外劳动者服务站点", "户外劳动者驿站", "工会服务站", "爱心驿站", "会站家"},
	// The campaigns the definition of a campaign itself names
	// (../shared/gold/README.md lists them as its examples).
	[]string{"双联", "百日攻坚"},
	// Party-wide campaigns that the project's first annotations counted
	// as union work; the definitions for real pages exclude party-wide
	// campaigns, so new ones are not added here.
	[]string{"先进性教育", "保持共产党员先进性教育"},
)

// assistance are the ACFTU's programmes of assistance to workers in
// hardship (since 1993, and the 困难职工帮扶 system): the new-year visits,
// the summer and winter deliveries, school aid, and the help for migrant
// workers' journeys and jobs (春送岗位, 春风行动 with the ministry of
// labour, 就业援助), and the study grants of 农民工求学圆梦行动 (2016 on),
// which is listed with its head: a bare 求学圆梦 is the everyday phrase
// for getting to study (帮助子女求学圆梦). Reports name them by what they
// give, after whom they help or when (关爱困难职工送温暖, 元旦春节送温暖):
// campaign.known-core drops such a qualifier even in running text.
var assistance = []string{
	"送温暖", "冬送温暖", "送清凉", "夏送清凉", "金秋助学", "春送岗位", "春风行动", "暖冬行动",
	"农民工平安返乡", "千万农民工援助行动", "求学圆梦行动",
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

var lexiconIndex = indexWords(lexicon)

// maxLexiconRunes is the length of the lexicon's longest name.
var maxLexiconRunes = func() int {
	n := 0
	for _, w := range lexicon {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// lexiconAt returns the longest lexicon name that starts at i, or "".
func (s *scanner) lexiconAt(i int) string {
	if i < 0 || i >= len(s.f) {
		return ""
	}
	best := ""
	for _, w := range lexiconIndex[s.f[i]] {
		if len(w) > len(best) && s.has(i, w) {
			best = w
		}
	}
	return best
}

// known finds names from the lexicon outside the names already found,
// longest first at each position (campaign.known).
func (s *scanner) known() {
	if !s.on(ruleKnown) {
		return
	}
	glossed := s.on(ruleKnownGloss) && slices.Contains(s.f, '(')
	paren := -1 // the first '(' after i, once sought
	for i := 0; i < len(s.f); i++ {
		if s.claimed[i] {
			continue
		}
		best := s.lexiconAt(i)
		if best == "" {
			// 劳模(高技能人才)创新工作室: a known name across a bracket
			// that glosses one of its words, which must open within the
			// longest name's reach.
			if glossed && paren <= i {
				k := slices.Index(s.f[i+1:], '(')
				glossed, paren = k >= 0, i+1+k
			}
			if glossed && paren-i < maxLexiconRunes {
				if e := s.glossedAt(i); e > 0 {
					s.add(string(s.r[i:e]), i, i, e)
					i = e - 1
				}
			}
			continue
		}
		n := utf8.RuneCountInString(best)
		// 工人先锋号(劳动竞赛示范岗): a bracket right after the known name
		// joins it, so that campaign.alias-bracket reads its second name
		// as it does after any other name.
		if s.on(ruleAliasBracket) {
			if e := s.bracketEnd(i + n); e > 0 {
				n = e - i
			}
		}
		s.add(string(s.r[i:i+n]), i, i, i+n)
		i += n - 1
	}
}

// glossedAt returns the index after a lexicon name that starts at i and
// that a bracket of a few Han runes interrupts inside (劳模(高技能人才)创新
// 工作室), or 0 (campaign.known-gloss).
func (s *scanner) glossedAt(i int) int {
	best := 0
	for _, w := range lexiconIndex[s.f[i]] {
		k, bracket := i, false
		for _, c := range w {
			if k < len(s.f) && s.f[k] == '(' && !bracket && k > i {
				e := k + 1
				for e < len(s.f) && e <= k+maxGloss && zh.IsHan(s.f[e]) {
					e++
				}
				if e == k+1 || e >= len(s.f) || s.f[e] != ')' {
					break
				}
				k, bracket = e+1, true
			}
			if k >= len(s.f) || s.f[k] != c {
				bracket = false
				break
			}
			k++
		}
		if bracket && k > best {
			best = k
		}
	}
	return best
}

// maxGloss caps the Han runes of a bracket that glosses a word inside a
// known name (campaign.known-gloss): (高技能人才).
const maxGloss = 8

// bracketEnd returns the index after a bracket of Han runes that opens at
// i and closes on a name's own head (示范岗, 竞赛, 之家: honourHeads and
// selfHeads) or holds a known name, or 0. Another bracket after a known
// name (职工之家(活动室), 金秋助学(含慰问)) glosses it and names nothing.
func (s *scanner) bracketEnd(i int) int {
	if i >= len(s.f) || s.f[i] != '(' {
		return 0
	}
	for k := i + 1; k < len(s.f) && k <= i+maxName; k++ {
		switch {
		case s.f[k] == ')':
			if k == i+1 || s.endsWithAny(k, honourHeads) == "" && s.endsWithAny(k, selfHeads) == "" && !isLexicon(string(s.f[i+1:k])) {
				return 0
			}
			return k + 1
		case !zh.IsHan(s.f[k]):
			return 0
		}
	}
	return 0
}

// knownCore returns the lexicon name that ends name after a qualifier
// that is no level or place (低一级别以上模范职工之家, 关爱职工送温暖) or
// that a head follows (送温暖工程, 安康杯竞赛), or "" when name is not built
// on one (campaign.known-core). In a quoted name, which its writer chose,
// only a date is dropped (“两节送温暖”), not an organiser (“工会夏送清凉”);
// the qualifier of an honour is dropped whole (低一级别以上). Of a phrase
// after a verb it is dropped before a programme of assistance, which
// starts with what it gives (扶贫帮困送温暖); before a name that starts
// with a noun it may cut a word (提升女职工素质工程), so it stays.
func knownCore(name string, k kind) string {
	f := zh.Fold(name)
	rs := []rune(f)
	for _, h := range knownHeads {
		core, ok := strings.CutSuffix(f, h)
		if !ok || isLexicon(f) {
			continue
		}
		if isLexicon(core) {
			return string([]rune(name)[:utf8.RuneCountInString(core)])
		}
		// 安康杯知识竞赛, 金秋助学捐资活动: a known name, what the event
		// does and its head.
		if k == plain {
			if known := knownPrefix(core); known != "" {
				return string([]rune(name)[:utf8.RuneCountInString(known)])
			}
		}
	}
	if isLexicon(f) {
		return ""
	}
	// The head may have been cut already (金秋助学志愿服务): only
	// everyday words may then follow the known name.
	if k == plain {
		if known := knownPrefix(f); known != "" && composedOf(string(rs[utf8.RuneCountInString(known):]), genericWords) {
			return string([]rune(name)[:utf8.RuneCountInString(known)])
		}
	}
	for i := 1; i < len(rs)-1; i++ {
		tail := string(rs[i:])
		if !isLexicon(tail) || k == plain && !slices.Contains(assistance, tail) {
			continue
		}
		for _, c := range rs[:i] {
			if !zh.IsHan(c) {
				return ""
			}
		}
		if strings.ContainsRune(placeRunes, rs[i-1]) || k == quoted && !composedOf(string(rs[:i]), timeWords) {
			return ""
		}
		return string([]rune(name)[i:])
	}
	return ""
}

// knownHeads follow a known name in a longer name of the same campaign:
// 送温暖工程, 安康杯竞赛.
var knownHeads = []string{"工程", "竞赛", "大赛", "活动", "行动", "品牌", "项目"}

// knownPrefix returns the longest lexicon name that starts folded f and
// that only everyday words or a short modifier follow (安康杯知识,
// 金秋助学捐资), or "".
func knownPrefix(f string) string {
	rs := []rune(f)
	for n := len(rs) - 1; n >= 2; n-- {
		known := string(rs[:n])
		if !isLexicon(known) {
			continue
		}
		if rest := string(rs[n:]); len(rs)-n <= maxHeadModifier || composedOf(rest, listModifiers) {
			return known
		}
		return ""
	}
	return ""
}

// isLexicon reports whether folded f is a lexicon name.
func isLexicon(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	for _, w := range lexiconIndex[r] {
		if w == f {
			return true
		}
	}
	return false
}
