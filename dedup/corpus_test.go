package dedup

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// testDoc is a document of the test corpus and the report it is a copy of.
type testDoc struct {
	name  string // unique within the corpus
	group string // the base report it reproduces; its own name if none
	doc   corpus.Document
}

// readBases reads testdata/reports.txt.
func readBases(t testing.TB) []testDoc {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reports.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []testDoc
	var cur *testDoc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "---":
			out = append(out, testDoc{})
			cur = &out[len(out)-1]
		case cur == nil || line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@"):
			k, v, _ := strings.Cut(line[1:], ":")
			v = strings.TrimSpace(v)
			switch k {
			case "id":
				cur.name, cur.group = v, v
			case "title":
				cur.doc.Title = v
			case "date":
				cur.doc.Date = v
			case "publisher":
				cur.doc.Publisher = v
			case "url":
				cur.doc.URL, cur.doc.Source = v, v
			default:
				t.Fatalf("reports.txt: unknown header %q", k)
			}
		default:
			cur.doc.Body = append(cur.doc.Body, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// simpTrad pairs simplified characters with traditional forms that
// zh.Fold maps back to them.
const simpTrad = "会會发發动動关關开開县縣区區帮幫难難员員级級组組织織业業产產务務实實现現为為这這个個们們时時国國来來对對学學经經济濟计計训訓练練赛賽劳勞农農资資温溫岗崗贫貧费費补補贴貼项項领領导導维維权權协協调調设設书書记記讲講话話总總结結万萬职職庆慶筹籌访訪问問进進闻聞长長与與东東车車门門乡鄉镇鎮园園图圖读讀爱愛驿驛环環卫衛递遞电電艺藝术術队隊机機气氣让讓边邊层層线線众眾争爭优優质質传傳统統应應达達获獲称稱号號转轉务務险險检檢查查岁歲疗療养養体體发發热熱闹鬧"

func toTraditional(t testing.TB, s string) string {
	t.Helper()
	m := map[rune]rune{}
	rs := []rune(simpTrad)
	for i := 0; i+1 < len(rs); i += 2 {
		if got := zh.FoldRune(rs[i+1]); got != rs[i] {
			t.Fatalf("simpTrad: Fold(%c) = %c, want %c", rs[i+1], got, rs[i])
		}
		m[rs[i]] = rs[i+1]
	}
	return strings.Map(func(r rune) rune {
		if v, ok := m[r]; ok {
			return v
		}
		return r
	}, s)
}

// What boilerplate removal leaves of a portal's page furniture, and an
// advert set inside a paragraph.
const (
	portalHead = "来源：%s　发布时间：%s　浏览：%d次"
	portalFoot = "（责任编辑：李明）"
	advert     = "【推荐阅读】点击这里免费下载两千篇工作总结范文，关注公众号回复“范文”即可领取！"
)

// reposts returns the copies of base i: a news portal's with its header,
// footer and title, an essay site's with an advert inside a paragraph and
// no date, and, for some reports, a traditional-script copy and a copy that
// loses its end.
func reposts(t testing.TB, i int, b testDoc) []testDoc {
	t.Helper()
	mk := func(kind, url, title, date, publisher string, body []string) testDoc {
		d := corpus.Document{Source: url, URL: url, Title: title, Date: date, Publisher: publisher, Body: body}
		return testDoc{name: b.name + "/" + kind, group: b.group, doc: d}
	}
	var out []testDoc

	body := append([]string{fmt.Sprintf(portalHead, b.doc.Publisher, b.doc.Date, 1000+37*i)}, b.doc.Body...)
	body = append(body, portalFoot)
	out = append(out, mk("portal", fmt.Sprintf("https://www.zhongzhou-news.com/shehui/%d.html", 8800+i),
		b.doc.Title+"（图）", b.doc.Date, "中州新闻网", body))

	body = slices.Clone(b.doc.Body)
	p := body[1]
	cut := len(string([]rune(p)[:utf8.RuneCountInString(p)/2]))
	body[1] = p[:cut] + advert + p[cut:]
	out = append(out, mk("essay", fmt.Sprintf("https://www.fanwen123.com/doc/%d.html", 4400+i),
		"优秀范文："+b.doc.Title, "", "范文网", body))

	if i%2 == 0 {
		body = make([]string, len(b.doc.Body))
		for k, para := range b.doc.Body {
			body[k] = toTraditional(t, para)
		}
		if zh.Fold(strings.Join(body, "\n")) != zh.Fold(b.doc.Text()) {
			t.Fatalf("traditional copy of %s does not fold back to the original", b.name)
		}
		out = append(out, mk("trad", fmt.Sprintf("https://www.gangao-zixun.hk/news/%d.html", 300+i),
			toTraditional(t, b.doc.Title), b.doc.Date, "港澳職工資訊網", body))
	}

	if i%3 == 0 {
		// Keep the first 88% of the characters, as a portal that shows a
		// fixed length of a long article does.
		rs := []rune(b.doc.Text())
		body = strings.Split(string(rs[:len(rs)*88/100])+"……（未完，点击阅读全文）", "\n")
		out = append(out, mk("trunc", fmt.Sprintf("http://m.xinxi-kuaibao.cn/a/%d", 71000+i),
			b.doc.Title, b.doc.Date, "信息快报", body))
	}
	return out
}

// testCorpus is the base reports, their copies, a compilation holding two
// of them and an excerpt of a third.
type testCorpus struct {
	docs []testDoc
	// contained maps a document to the group it is contained in.
	contained map[string]string
}

func buildCorpus(t testing.TB) testCorpus {
	t.Helper()
	bases := readBases(t)
	byName := map[string]testDoc{}
	c := testCorpus{contained: map[string]string{}}
	for i, b := range bases {
		byName[b.name] = b
		c.docs = append(c.docs, b)
		c.docs = append(c.docs, reposts(t, i, b)...)
	}
	hb, yf, bs := byName["hb2021"], byName["yf2023"], byName["bs2022"]
	if hb.name == "" || yf.name == "" || bs.name == "" {
		t.Fatal("reports.txt lacks hb2021, yf2023 or bs2022")
	}
	comp := corpus.Document{
		Source: "http://www.hbghw.cn/ziliao/huibian-2023.html", URL: "http://www.hbghw.cn/ziliao/huibian-2023.html",
		Title: "工会工作会议交流材料汇编", Date: "2023-12-30", Publisher: "河滨市总工会",
		Body: append(append([]string{"编者按：为便于各级工会学习交流，现将近年来有关会议讲话和工作报告汇编如下，供参考。"},
			hb.doc.Body...), yf.doc.Body...),
	}
	c.docs = append(c.docs, testDoc{name: "compilation", group: "compilation", doc: comp})
	c.contained["hb2021"] = "compilation"
	c.contained["yf2023"] = "compilation"

	ex := corpus.Document{
		Source: "https://www.fanwen123.com/doc/jiexuan-bs.html", URL: "https://www.fanwen123.com/doc/jiexuan-bs.html",
		Title: "困难职工帮扶工作（节选）", Date: "2022-09-01", Publisher: "范文网",
		Body: bs.doc.Body[:2],
	}
	c.docs = append(c.docs, testDoc{name: "excerpt", group: "excerpt", doc: ex})
	c.contained["excerpt"] = "bs2022"
	for i := range c.docs {
		c.docs[i].doc.ID = corpus.DocID(c.docs[i].doc.Source, 0)
	}
	return c
}

func openStore(t testing.TB) *corpus.Store {
	t.Helper()
	s, err := corpus.Open(filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// importDocs stores and clusters docs one source at a time, in order.
func importDocs(t testing.TB, s *corpus.Store, docs []testDoc) *Detector {
	t.Helper()
	ctx := context.Background()
	d, err := New(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, td := range docs {
		doc := td.doc
		if _, err := s.ReplaceSource(ctx, doc.Source, "h-"+doc.ID, []corpus.Document{doc}); err != nil {
			t.Fatal(err)
		}
		if err := d.UpdateSource(ctx, doc.Source, []corpus.Document{doc}); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// clusterView is the clusters of a store by document name, canonical
// member first.
func clusterView(t testing.TB, s *corpus.Store, names map[string]string) [][]string {
	t.Helper()
	var out [][]string
	err := s.EachCluster(context.Background(), 2, func(members []corpus.DupDoc) error {
		var c []string
		for _, m := range members {
			c = append(c, names[m.ID])
		}
		slices.Sort(c[1:])
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func namesByID(c testCorpus) map[string]string {
	m := map[string]string{}
	for _, td := range c.docs {
		m[td.doc.ID] = td.name
	}
	return m
}

func pairsOf(groups [][]string) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, g := range groups {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				a, b := g[i], g[j]
				if b < a {
					a, b = b, a
				}
				out[[2]string{a, b}] = true
			}
		}
	}
	return out
}

func TestClustersFindCopiesAndKeepYearsApart(t *testing.T) {
	c := buildCorpus(t)
	s := openStore(t)
	importDocs(t, s, c.docs)
	names := namesByID(c)
	found := clusterView(t, s, names)

	truthGroups := map[string][]string{}
	for _, td := range c.docs {
		truthGroups[td.group] = append(truthGroups[td.group], td.name)
	}
	var truth [][]string
	for _, g := range truthGroups {
		truth = append(truth, g)
	}
	want, got := pairsOf(truth), pairsOf(found)
	tp := 0
	for p := range got {
		if want[p] {
			tp++
		} else {
			t.Errorf("false pair %v", p)
		}
	}
	for p := range want {
		if !got[p] {
			t.Errorf("missed pair %v", p)
		}
	}
	precision, recall := float64(tp)/float64(len(got)), float64(tp)/float64(len(want))
	t.Logf("%d documents, %d true pairs, %d found: precision %.3f, recall %.3f", len(c.docs), len(want), len(got), precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want both >= 0.95", precision, recall)
	}
	// Copies share the original's date or have none, so an original from
	// a union or government site must be canonical; jc2022 comes from a
	// newspaper and ties with its portal copy, which the ID then decides.
	for _, g := range found {
		if strings.Contains(g[0], "/") && !strings.HasPrefix(g[0], "jc2022/") {
			t.Errorf("cluster %v: canonical is the copy %s, want the original", g, g[0])
		}
	}
}

// TestScoreMargins checks that copies score above the threshold with room
// to spare against the original and everything else well below it, so the clustering test is not passing by
// luck of the hash seeds.
func TestScoreMargins(t *testing.T) {
	c := buildCorpus(t)
	sk := make([]*Sketch, len(c.docs))
	for i, td := range c.docs {
		sk[i] = NewSketch(td.doc.Text())
	}
	lowSame, highOther := 1.0, 0.0
	var lowName, highName string
	for i := range c.docs {
		for j := i + 1; j < len(c.docs); j++ {
			s := Compare(sk[i], sk[j]).Score
			pair := c.docs[i].name + " " + c.docs[j].name
			if c.docs[i].group == c.docs[j].group {
				// Two copies that each lost something are joined through
				// the original, not directly.
				if c.docs[i].name != c.docs[i].group && c.docs[j].name != c.docs[j].group {
					continue
				}
				if s < lowSame {
					lowSame, lowName = s, pair
				}
			} else if s > highOther {
				highOther, highName = s, pair
			}
		}
	}
	t.Logf("lowest copy score %.3f (%s); highest other score %.3f (%s)", lowSame, lowName, highOther, highName)
	if lowSame < DefaultThreshold || highOther > DefaultThreshold-0.1 {
		t.Errorf("margins too thin: copies down to %.3f, others up to %.3f, threshold %.2f", lowSame, highOther, DefaultThreshold)
	}
}

func TestContainedInIsLinkedNotMerged(t *testing.T) {
	c := buildCorpus(t)
	s := openStore(t)
	d := importDocs(t, s, c.docs)
	names := namesByID(c)
	ids := map[string]string{}
	for id, n := range names {
		ids[n] = id
	}
	ctx := context.Background()
	for part, whole := range c.contained {
		links, err := Containments(ctx, s, ids[part], d.Options)
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, l := range links {
			if l.Part.ID == ids[part] && strings.HasPrefix(names[l.Whole.ID], whole) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no contained-in link to %s among %+v", part, whole, links)
		}
	}
	for _, n := range []string{"compilation", "excerpt"} {
		if _, ok, err := s.MembershipOf(ctx, ids[n]); err != nil || ok {
			t.Errorf("%s is in a cluster (err %v); want it on its own", n, err)
		}
	}
}

// clusterState is everything order must not change: the clusters with
// their canonical members.
func clusterState(t testing.TB, s *corpus.Store, names map[string]string) string {
	var b strings.Builder
	for _, g := range clusterView(t, s, names) {
		fmt.Fprintln(&b, strings.Join(g, " "))
	}
	return b.String()
}

func TestImportOrderDoesNotMatter(t *testing.T) {
	c := buildCorpus(t)
	names := namesByID(c)
	s := openStore(t)
	importDocs(t, s, c.docs)
	want := clusterState(t, s, names)
	for seed := range uint64(3) {
		docs := slices.Clone(c.docs)
		rand.New(rand.NewPCG(seed, 7)).Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		s := openStore(t)
		importDocs(t, s, docs)
		if diff := cmp.Diff(want, clusterState(t, s, names)); diff != "" {
			t.Errorf("shuffle %d: clusters differ (-in order +shuffled):\n%s", seed, diff)
		}
	}

	d, err := New(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	st, err := d.Rebuild(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, clusterState(t, s, names)); diff != "" {
		t.Errorf("rebuild: clusters differ (-incremental +rebuilt):\n%s", diff)
	}
	if st.Documents != len(c.docs) {
		t.Errorf("rebuild saw %d documents, want %d", st.Documents, len(c.docs))
	}
}

// afterChanges is the corpus as the change tests leave it: dj2022 gone,
// and mt2023/essay replaced by moved.
func afterChanges(c testCorpus, moved corpus.Document) []testDoc {
	var docs []testDoc
	for _, td := range c.docs {
		switch td.name {
		case "dj2022":
			continue
		case "mt2023/essay":
			td.doc = moved
		}
		docs = append(docs, td)
	}
	return docs
}

func TestUpdateFollowsChangesAndDeletions(t *testing.T) {
	c := buildCorpus(t)
	names := namesByID(c)
	s := openStore(t)
	d := importDocs(t, s, c.docs)
	ctx := context.Background()
	byName := map[string]testDoc{}
	for _, td := range c.docs {
		byName[td.name] = td
	}

	// The original leaves: its cluster keeps the copies, with a new
	// canonical one.
	orig := byName["dj2022"].doc
	if _, err := s.ReplaceSource(ctx, orig.Source, "gone", nil); err != nil {
		t.Fatal(err)
	}
	if err := d.UpdateSource(ctx, orig.Source, nil); err != nil {
		t.Fatal(err)
	}
	// A copy is replaced by another report: it moves to that cluster.
	moved := byName["mt2023/essay"].doc
	moved.Body = byName["ln2023"].doc.Body
	if _, err := s.ReplaceSource(ctx, moved.Source, "moved", []corpus.Document{moved}); err != nil {
		t.Fatal(err)
	}
	if err := d.UpdateSource(ctx, moved.Source, []corpus.Document{moved}); err != nil {
		t.Fatal(err)
	}

	got := clusterState(t, s, names)
	fresh := openStore(t)
	importDocs(t, fresh, afterChanges(c, moved))
	if diff := cmp.Diff(clusterState(t, fresh, names), got); diff != "" {
		t.Errorf("after updates (-imported fresh +updated):\n%s", diff)
	}
	joined := false
	for _, g := range clusterView(t, s, names) {
		joined = joined || g[0] == "ln2023" && slices.Contains(g, "mt2023/essay")
	}
	if !joined {
		t.Errorf("mt2023/essay did not join ln2023's cluster:\n%s", got)
	}
}

// TestTwoProcessesShareOneStore imports through two stores open on one
// file, as two processes would, each with its own in-memory candidate
// index: one must find the copies the other stored, and pass over the
// postings of sketches the other forgot.
func TestTwoProcessesShareOneStore(t *testing.T) {
	c := buildCorpus(t)
	names := namesByID(c)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	var procs [2]*Detector
	for i := range procs {
		s, err := corpus.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if procs[i], err = New(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	put := func(d *Detector, doc corpus.Document, docs ...corpus.Document) {
		t.Helper()
		if _, err := d.Store.ReplaceSource(ctx, doc.Source, fmt.Sprintf("h-%s-%d", doc.ID, len(docs)), docs); err != nil {
			t.Fatal(err)
		}
		if err := d.UpdateSource(ctx, doc.Source, docs); err != nil {
			t.Fatal(err)
		}
	}
	byName := map[string]testDoc{}
	for _, td := range c.docs {
		byName[td.name] = td
	}
	// The documents the second process will change come first, so that
	// the first process has indexed them before they change.
	docs := slices.Clone(c.docs)
	changes := func(td testDoc) int {
		if td.name == "dj2022" || td.name == "mt2023/essay" {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(docs, func(a, b testDoc) int { return changes(b) - changes(a) })
	half := len(docs) / 2
	for i, td := range docs[:half] {
		put(procs[i%2], td.doc, td.doc)
	}
	gone := byName["dj2022"].doc
	put(procs[1], gone)
	moved := byName["mt2023/essay"].doc
	moved.Body = byName["ln2023"].doc.Body
	put(procs[1], moved, moved)
	for i, td := range docs[half:] {
		put(procs[i%2], td.doc, td.doc)
	}

	fresh := openStore(t)
	importDocs(t, fresh, afterChanges(c, moved))
	if diff := cmp.Diff(clusterState(t, fresh, names), clusterState(t, procs[0].Store, names)); diff != "" {
		t.Errorf("two processes (-one process +two):\n%s", diff)
	}
}
