package loadtest

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/unionscope/unionscope/corpus"
)

// Made-up parts of union documents, combined at random so that a benchmark
// corpus of any size has the genre's vocabulary, campaigns and metadata
// spread without copying any real document.
var (
	synthRegions = []corpus.Region{
		{Province: "四川省", City: "南充市", County: "青山县"},
		{Province: "四川省", City: "巴中市"},
		{Province: "四川省", City: "成都市", County: "金水区"},
		{Province: "湖北省", City: "武汉市"},
		{Province: "湖北省", City: "襄阳市", County: "东岭县"},
		{Province: "广东省", City: "佛山市"},
		{Province: "河南省", City: "洛阳市", County: "西峰县"},
		{Province: "江苏省", City: "无锡市"},
		{Province: "甘肃省"},
		{},
	}
	synthDoctypes  = []string{corpus.DoctypeSummary, corpus.DoctypeSpeech, corpus.DoctypeNews, corpus.DoctypeExperience, corpus.DoctypeOther}
	synthCampaigns = []string{"送温暖", "金秋助学", "春风行动", "劳动竞赛", "职工之家", "安康杯", "工人先锋号", "阳光就业", "农民工平安返乡", "五一劳动奖章"}
	synthTitles    = []string{"%s总工会%d年工作总结", "在%s工会工作会议上的讲话（%d年）", "%s总工会开展%s活动", "%s工会%s工作经验交流材料", "關於%s工會%d年工作情況的報告"}
	// In these sentences {p} stands for the place, {c} for a campaign and
	// {n} for a number.
	synthSentences = []string{
		"一年来，{p}各级工会围绕中心、服务大局，团结动员广大职工建功立业。",
		"深入开展“{c}”活动，筹集资金{n}万元，走访慰问困难职工{n}户。",
		"全年新建基层工会组织{n}家，新发展会员{n}人，其中农民工{n}人。",
		"扎实推进职工技能培训，组织劳动竞赛{n}场，参赛职工{n}余人。",
		"坚持把维护职工合法权益作为工会的基本职责，协调劳动争议{n}起。",
		"工會幹部深入企業一線，傾聽職工呼聲，幫助解決實際困難{n}件。",
		"困难职工帮扶中心全年接待来访职工{n}人次，发放救助金{n}万元。",
		"要继续办好“{c}”，让{p}职工群众切实感受到工会组织的温暖。",
		"集体合同签订率达到{n}%，工资集体协商覆盖职工{n}人。",
		"各级工会要加强自身建设，努力把工会建设成为职工群众信赖的职工之家。",
	}
)

// Synthesize returns n documents made at random from seed, each with a
// title, a date from 2005 to 2020, a region, a doctype, a body of a few
// paragraphs, campaigns and quantities.
func Synthesize(n int, seed uint64) []corpus.Document {
	rng := rand.New(rand.NewPCG(seed, 0x756e696f6e))
	docs := make([]corpus.Document, n)
	for i := range docs {
		docs[i] = synthDoc(rng, i)
	}
	return docs
}

func synthDoc(rng *rand.Rand, i int) corpus.Document {
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	region := synthRegions[rng.IntN(len(synthRegions))]
	place := region.Most()
	if place == "" {
		place = "全省"
	}
	year := 2005 + rng.IntN(16)
	campaign := pick(synthCampaigns)
	title := pick(synthTitles)
	switch strings.Count(title, "%d") {
	case 1:
		title = fmt.Sprintf(title, place, year)
	default:
		title = fmt.Sprintf(title, place, campaign)
	}
	d := corpus.Document{
		Part:    i,
		Title:   title,
		Date:    fmt.Sprintf("%d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28)),
		Region:  region,
		Doctype: pick(synthDoctypes),
	}
	mentions := map[string]int{}
	for range 3 + rng.IntN(6) {
		var para []string
		for range 2 + rng.IntN(4) {
			s := pick(synthSentences)
			s = strings.ReplaceAll(s, "{p}", place)
			for strings.Contains(s, "{c}") {
				c := campaign
				if rng.IntN(3) == 0 {
					c = pick(synthCampaigns)
				}
				mentions[c]++
				s = strings.Replace(s, "{c}", c, 1)
			}
			for strings.Contains(s, "{n}") {
				s = strings.Replace(s, "{n}", fmt.Sprint(10+rng.IntN(5000)), 1)
			}
			para = append(para, s)
		}
		d.Body = append(d.Body, strings.Join(para, ""))
	}
	for _, name := range slices.Sorted(maps.Keys(mentions)) {
		d.Campaigns = append(d.Campaigns, corpus.Campaign{Name: name, Key: name, Count: mentions[name]})
	}
	for k := range rng.IntN(4) {
		v := float64(10 + rng.IntN(5000))
		d.Metrics = append(d.Metrics, corpus.Metric{
			Category: []string{"funds", "people", "count", "rate"}[k], Value: v, Low: v, High: v,
			Unit: []string{"元", "人", "家", "%"}[k], Subject: "职工", Surface: fmt.Sprint(v), Offset: k,
		})
	}
	return d
}

// sourcePrefix begins the name of every source Store writes, which is how
// OnlySynthetic tells a synthetic corpus from a real one.
const sourcePrefix = "synthetic:"

// OnlySynthetic reports whether every document of st was written by
// Store, so that a load test may add to it without touching real data. An
// empty store is synthetic.
func OnlySynthetic(ctx context.Context, st *corpus.Store) (bool, error) {
	var n int
	err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE substr(source, 1, ?) != ?`,
		len(sourcePrefix), sourcePrefix).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for real documents: %w", err)
	}
	return n == 0, nil
}

// Store adds docs to st as parts of sources named synthetic:N, N the
// number of documents stored before the source's first, a few hundred
// documents to a transaction, and returns how many it wrote.
func Store(ctx context.Context, st *corpus.Store, docs []corpus.Document) (int, error) {
	const per = 500
	have, err := st.Count(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for start := 0; start < len(docs); start += per {
		batch := docs[start:min(start+per, len(docs))]
		source := fmt.Sprintf("%s%d", sourcePrefix, have+start)
		for i := range batch {
			batch[i].Part = i
			batch[i].SourceFile = source
		}
		if _, err := st.ReplaceSource(ctx, source, source, batch); err != nil {
			return n, fmt.Errorf("store synthetic documents: %w", err)
		}
		n += len(batch)
	}
	return n, nil
}
