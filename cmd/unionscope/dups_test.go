package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A report written for this test, and how two sites repost it.
const (
	dupReport = `云峰县总工会开展女职工关爱行动
云峰县总工会
（2023年11月20日）
　　按照市总工会统一部署，云峰县总工会今年持续开展女职工关爱行动。全县已有187家企业签订女职工权益保护专项集体合同，覆盖女职工1.1万人，合同中明确了经期、孕期、哺乳期特殊保护条款。
　　全年新建标准化爱心母婴室23个，总数达到66个，并为母婴室配备冰箱、护理台和应急药箱。联合县妇幼保健院为3200名女职工进行免费筛查，为查出病患的19名女职工每人发放救助金5000元。
　　开展“巾帼建功”劳动竞赛，评选岗位能手48名，推荐1人获得省五一巾帼标兵称号。下一步将加强督促检查，推动关爱行动向小微企业延伸。
`
	dupOther = `木塘镇开展夏季送清凉活动
木塘镇人民政府
（2023年7月21日）
　　连日来，木塘镇持续高温，镇工会联合镇安监站开展夏季送清凉活动，为高温下坚守岗位的一线职工送去关怀和问候。
　　工作人员先后走访镇区建筑工地、物流园区、环卫所等22个点位，为1650名一线职工送去绿豆、白糖、藿香正气水等防暑降温物品，价值约9.8万元。
　　工作人员还向企业负责人宣传高温天气劳动保护政策，督促企业合理调整作息时间，落实高温津贴，避开中午高温时段露天作业。
`
)

func writeDupCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	lines := strings.Split(dupReport, "\n")
	// The repost changes the title, adds a source line and sets an
	// advert inside the second paragraph; the copy is in traditional
	// script.
	repost := "【转载】" + lines[0] + "\n来源：中州新闻网\n" + strings.Join(lines[1:4], "\n") + "\n" +
		strings.Replace(lines[4], "并为母婴室", "【广告】扫码关注领取范文大礼包！并为母婴室", 1) + "\n" + strings.Join(lines[5:], "\n")
	trad := strings.NewReplacer("县", "縣", "总", "總", "会", "會", "关", "關", "爱", "愛", "动", "動", "职", "職", "万", "萬").Replace(dupReport)
	for name, text := range map[string]string{"a-original.txt": dupReport, "b-repost.txt": repost, "c-trad.txt": trad, "d-other.txt": dupOther} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDupsListsClustersAndSearchCollapsesThem(t *testing.T) {
	dir := writeDupCorpus(t)
	data := filepath.Join(t.TempDir(), "data")
	if _, errs, code := runCLI(t, "import", "--data", data, dir); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}

	out, errs, code := runCLI(t, "dups", "--data", data, "--json")
	if code != 0 {
		t.Fatalf("dups: exit %d: %s", code, errs)
	}
	var clusters []dupCluster
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c dupCluster
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("dups line %q: %v", line, err)
		}
		clusters = append(clusters, c)
	}
	if len(clusters) != 1 || clusters[0].Size != 3 {
		t.Fatalf("dups --json = %s; want one cluster of the original and its two copies", out)
	}
	var files []string
	for _, m := range clusters[0].Members {
		files = append(files, filepath.Base(m.SourceFile))
	}
	sort.Strings(files)
	if want := "a-original.txt b-repost.txt c-trad.txt"; strings.Join(files, " ") != want {
		t.Errorf("members %v, want %s", files, want)
	}
	if m := clusters[0].Members[0]; !m.Canonical || m.ID != clusters[0].Cluster {
		t.Errorf("first member %+v is not the cluster's canonical copy %s", m, clusters[0].Cluster)
	}
	canonical := clusters[0].Cluster

	hits := searchJSON(t, data, "母婴室")
	if len(hits) != 1 || hits[0].ID != canonical {
		t.Errorf("search 母婴室 = %v, want only the canonical copy %s", ids(hits), canonical)
	}
	out, _, _ = runCLI(t, "search", "--data", data, "母婴室")
	if !strings.Contains(out, "also at 2 other places") {
		t.Errorf("search output does not say where else the report is:\n%s", out)
	}
	out, errs, code = runCLI(t, "search", "--data", data, "--all-copies", "--json", "母婴室")
	if code != 0 || strings.Count(strings.TrimSpace(out), "\n") != 2 {
		t.Errorf("search --all-copies: exit %d, %s\n%s; want 3 hits", code, errs, out)
	}

	out, errs, code = runCLI(t, "show", "--data", data, clusters[0].Members[1].ID)
	if code != 0 || !strings.Contains(out, "also at 2 other places") || !strings.Contains(out, "seen at (1)") || !strings.Contains(out, "b-repost.txt") {
		t.Errorf("show of a copy: exit %d, %s\n%s\nwant its provenance and the other copies", code, errs, out)
	}

	// Another threshold lists without changing what is stored; a rebuild
	// at the stored one finds the same cluster.
	if out, errs, code = runCLI(t, "dups", "--data", data, "--threshold", "0.99"); code != 0 {
		t.Fatalf("dups --threshold 0.99: exit %d: %s", code, errs)
	}
	if out, errs, code = runCLI(t, "dups", "--data", data, "--rebuild", "--json"); code != 0 || !strings.Contains(out, canonical) {
		t.Errorf("dups --rebuild: exit %d, %s\n%s", code, errs, out)
	}
	if _, errs, code = runCLI(t, "dups", "--data", data, "--threshold", "0.2"); code != 1 {
		t.Errorf("dups --threshold 0.2: exit %d (%s), want 1", code, errs)
	}
}

// A bulk load with --no-clusters finds no copies until the clusters are
// built once at the end.
func TestImportNoClustersThenRebuild(t *testing.T) {
	dir := writeDupCorpus(t)
	data := filepath.Join(t.TempDir(), "data")
	if _, errs, code := runCLI(t, "import", "--data", data, "--no-clusters", dir); code != 0 {
		t.Fatalf("import --no-clusters: exit %d: %s", code, errs)
	}
	if out, errs, code := runCLI(t, "dups", "--data", data, "--json"); code != 0 || strings.TrimSpace(out) != "" {
		t.Fatalf("dups after import --no-clusters = %q, exit %d: %s; want no clusters yet", out, code, errs)
	}
	if len(searchJSON(t, data, "女职工关爱行动")) != 3 {
		t.Error("search before clustering should list all three copies")
	}
	if _, errs, code := runCLI(t, "dups", "--data", data, "--rebuild"); code != 0 {
		t.Fatalf("dups --rebuild: exit %d: %s", code, errs)
	}
	out, errs, code := runCLI(t, "dups", "--data", data, "--json")
	if code != 0 || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, `"size":3`) {
		t.Fatalf("dups after --rebuild = %q, exit %d: %s; want the one cluster of three", out, code, errs)
	}
	if hits := searchJSON(t, data, "女职工关爱行动"); len(hits) != 1 {
		t.Errorf("search after clustering lists %d copies, want the canonical one", len(hits))
	}
}
