package report

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
)

func TestCampaigns(t *testing.T) {
	tc := openTestCorpus(t, loadDocs(t))
	tests := []struct {
		name string
		x    *index.Index
		req  index.Request
		by   string
		want []CampaignCount
	}{
		{"whole corpus without the index: 送溫暖 and 送温暖 are one campaign", nil, index.Request{}, "", []CampaignCount{
			{Name: "送温暖", Key: "送温暖", Docs: 3, Mentions: 4},
			{Name: "安康杯", Key: "安康杯", Docs: 1, Mentions: 2},
			{Name: "工人先锋号", Key: "工人先锋号", Docs: 1, Mentions: 1},
			{Name: "职工之家", Key: "职工之家", Docs: 1, Mentions: 1},
			{Name: "金秋助学", Key: "金秋助学", Docs: 1, Mentions: 1},
		}},
		{"by year, unknown year last as empty group", tc.x, index.Request{}, "year", []CampaignCount{
			{Name: "送温暖", Key: "送温暖", Group: "2010", Docs: 1, Mentions: 2},
			{Name: "送温暖", Key: "送温暖", Group: "2011", Docs: 2, Mentions: 2},
			{Name: "安康杯", Key: "安康杯", Group: "", Docs: 1, Mentions: 2},
			{Name: "工人先锋号", Key: "工人先锋号", Group: "2011", Docs: 1, Mentions: 1},
			{Name: "职工之家", Key: "职工之家", Group: "2012", Docs: 1, Mentions: 1},
			{Name: "金秋助学", Key: "金秋助学", Group: "2010", Docs: 1, Mentions: 1},
		}},
		{"by region: provinces", tc.x, index.Request{Query: "送温暖"}, "region", []CampaignCount{
			{Name: "送温暖", Key: "送温暖", Group: "四川省", Docs: 2, Mentions: 3},
			{Name: "送温暖", Key: "送温暖", Group: "广东省", Docs: 1, Mentions: 1},
			{Name: "工人先锋号", Key: "工人先锋号", Group: "四川省", Docs: 1, Mentions: 1},
			{Name: "金秋助学", Key: "金秋助学", Group: "四川省", Docs: 1, Mentions: 1},
		}},
		{"filtered by year and doctype", tc.x, index.Request{YearFrom: 2011, Doctype: "news"}, "", []CampaignCount{
			{Name: "送溫暖", Key: "送温暖", Docs: 1, Mentions: 1},
		}},
		{"nothing matches", tc.x, index.Request{Query: "铁路"}, "year", []CampaignCount{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Campaigns(context.Background(), tc.st, tt.x, tt.req, tt.by)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Campaigns(%+v, %q) (-want +got):\n%s", tt.req, tt.by, diff)
			}
		})
	}
}

// TestCampaignsSpellings covers keys that the extractor left in
// traditional script or empty (the store then keys by the name), and two
// spellings in one document, which count as one document.
func TestCampaignsSpellings(t *testing.T) {
	docs := []corpus.Document{
		{SourceFile: "a.txt", Date: "2015-01-01", Body: []string{"一"}, Campaigns: []corpus.Campaign{
			{Name: "送溫暖", Key: "送溫暖", Count: 1}, {Name: "送温暖", Key: "送温暖", Count: 2}}},
		{SourceFile: "b.txt", Date: "2015-02-01", Body: []string{"二"}, Campaigns: []corpus.Campaign{
			{Name: "送溫暖", Count: 1}}},
		{SourceFile: "c.txt", Date: "2016-02-01", Body: []string{"三"}, Campaigns: []corpus.Campaign{
			{Name: "“送 温暖”", Key: "“送 温暖”", Count: 1}}},
	}
	tc := openTestCorpus(t, docs)
	got, err := Campaigns(context.Background(), tc.st, nil, index.Request{}, "")
	if err != nil {
		t.Fatal(err)
	}
	// Each spelling is written by one document (a.txt's second spelling,
	// in key order, does not count again), so the key's own spelling wins.
	want := []CampaignCount{{Name: "送温暖", Key: "送温暖", Docs: 3, Mentions: 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCampaignsKeyAsTheIndexDoes covers keys an older extractor stored
// with 活动 or 《》: the table keys them as the extractor, the index and the
// campaign filter do (zh.NameKey), so one campaign is one row and its key
// finds every document the row counts.
func TestCampaignsKeyAsTheIndexDoes(t *testing.T) {
	docs := []corpus.Document{
		{SourceFile: "a.txt", Date: "2015-01-01", Body: []string{"一"}, Campaigns: []corpus.Campaign{
			{Name: "“送温暖”活动", Key: "送温暖活动", Count: 2}}},
		{SourceFile: "b.txt", Date: "2015-02-01", Body: []string{"二"}, Campaigns: []corpus.Campaign{
			{Name: "送溫暖", Key: "送温暖", Count: 1}}},
		{SourceFile: "c.txt", Date: "2016-02-01", Body: []string{"三"}, Campaigns: []corpus.Campaign{
			{Name: "《职工之家》", Key: "《职工之家》", Count: 1}}},
	}
	tc := openTestCorpus(t, docs)
	got, err := Campaigns(context.Background(), tc.st, nil, index.Request{}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []CampaignCount{
		{Name: "“送温暖”活动", Key: "送温暖", Docs: 2, Mentions: 3},
		{Name: "《职工之家》", Key: "职工之家", Docs: 1, Mentions: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, c := range want {
		filtered, err := Campaigns(context.Background(), tc.st, tc.x, index.Request{Campaign: c.Key}, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(filtered) != 1 || filtered[0].Docs != c.Docs {
			t.Errorf("filtered by its key %s: %+v, want the %d documents of its row", c.Key, filtered, c.Docs)
		}
	}
}

func TestCommonName(t *testing.T) {
	tests := []struct {
		names map[string]int
		want  string
	}{
		{map[string]int{"送溫暖": 1, "送温暖": 1}, "送温暖"},
		{map[string]int{"送溫暖": 2, "送温暖": 1}, "送溫暖"},
		{map[string]int{"“送温暖”": 1, "送 温暖": 1}, "“送温暖”"},
		{map[string]int{}, "送温暖"},
	}
	for _, tt := range tests {
		if got := commonName("送温暖", tt.names); got != tt.want {
			t.Errorf("commonName(送温暖, %v) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

func TestCampaignsBadGrouping(t *testing.T) {
	tc := openTestCorpus(t, nil)
	_, err := Campaigns(context.Background(), tc.st, tc.x, index.Request{}, "month")
	var inv *derrors.ParamError
	if !errors.As(err, &inv) || inv.Param != "by" {
		t.Errorf("Campaigns(by month) = %v, want an InvalidError for by", err)
	}
}

func TestCampaignWriters(t *testing.T) {
	counts := []CampaignCount{
		{Name: "送温暖", Key: "送温暖", Group: "2010", Docs: 12, Mentions: 30},
		{Name: "安康杯", Key: "安康杯", Group: "", Docs: 1, Mentions: 2},
		{Name: "=Campaign", Key: "=campaign", Group: "2011", Docs: 3, Mentions: 1000},
	}
	for _, tt := range []struct {
		golden string
		write  func(*strings.Builder) error
	}{
		{"campaigns-year.golden.txt", func(b *strings.Builder) error { return WriteCampaignsTable(b, counts, "year") }},
		{"campaigns.golden.txt", func(b *strings.Builder) error { return WriteCampaignsTable(b, counts, "") }},
		{"campaigns-year.golden.csv", func(b *strings.Builder) error { return WriteCampaignsCSV(b, counts, "year", true) }},
		{"campaigns.golden.jsonl", func(b *strings.Builder) error { return WriteCampaignsJSONL(b, counts) }},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var b strings.Builder
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, b.String())
		})
	}
}
