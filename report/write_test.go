package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unionscope/unionscope/corpus"
)

const metricHeader = "doc_id,title,date,year,region,province,city,county,doctype,source,canonical,category,subject,value,low,high,unit,approx,surface,sentence,offset\r\n"

func TestMetricCSVBytes(t *testing.T) {
	plain := MetricRow{
		DocID: "0123456789abcdef", Title: "工会工作总结", Date: "2010-12-28", Year: 2010,
		Region:  corpus.Region{Province: "四川省", City: "巴中市"},
		Doctype: "summary", Source: "a.txt", Canonical: true,
		Metric: corpus.Metric{Category: "funds", Value: 2000000, Low: 2000000, High: 2000000, Unit: "元",
			Subject: "送温暖资金", Surface: "200万元", Sentence: "筹集送温暖资金200万元。", Offset: 7},
	}
	tests := []struct {
		name string
		bom  bool
		rows func() []MetricRow
		want string
	}{
		{"header only, with BOM", true, func() []MetricRow { return nil }, "\uFEFF" + metricHeader},
		{"header only, without BOM", false, func() []MetricRow { return nil }, metricHeader},
		{"plain row: most specific region, numbers unquoted", false, func() []MetricRow { return []MetricRow{plain} },
			metricHeader + "0123456789abcdef,工会工作总结,2010-12-28,2010,巴中市,四川省,巴中市,,summary,a.txt,true,funds,送温暖资金,2000000,2000000,2000000,元,,200万元,筹集送温暖资金200万元。,7\r\n"},
		{"URL wins over file, unknown year empty, a copy, fractions and huge values plain", false, func() []MetricRow {
			r := plain
			r.URL, r.Year, r.Date, r.Canonical = "https://example.org/a.html", 0, "", false
			r.Region = corpus.Region{}
			r.Value, r.Low, r.High = 0.3, 0.25, 1.5e12
			return []MetricRow{r}
		}, metricHeader + "0123456789abcdef,工会工作总结,,,,,,,summary,https://example.org/a.html,false,funds,送温暖资金,0.3,0.25,1500000000000,元,,200万元,筹集送温暖资金200万元。,7\r\n"},
		{"commas, quotes and line breaks quoted", false, func() []MetricRow {
			r := plain
			r.Title = `他说"好",很好`
			r.Sentence = "第一段\n第二段"
			r.Surface = "1,200户"
			return []MetricRow{r}
		}, metricHeader + `0123456789abcdef,"他说""好"",很好",2010-12-28,2010,巴中市,四川省,巴中市,,summary,a.txt,true,funds,送温暖资金,2000000,2000000,2000000,元,,"1,200户","第一段` + "\r\n" + `第二段",7` + "\r\n"},
		{"formulas neutralised in text cells", false, func() []MetricRow {
			r := plain
			r.Title = "=HYPERLINK(\"http://x\")"
			r.Subject = "+1"
			r.Surface = "-5%"
			r.Sentence = "@SUM(A1)"
			r.Unit = "\t元"
			r.Approx = "\rx"
			r.Value, r.Low, r.High = -3, -3, -3
			return []MetricRow{r}
		}, metricHeader + `0123456789abcdef,"'=HYPERLINK(""http://x"")",2010-12-28,2010,巴中市,四川省,巴中市,,summary,a.txt,true,funds,'+1,-3,-3,-3,` +
			"'\t元,\"'\r\nx\",'-5%,'@SUM(A1),7\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			w := NewMetricCSV(&b, tt.bom)
			for _, r := range tt.rows() {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("CSV (-want +got):\n%s", diff)
			}
		})
	}
}

// failWriter fails every write, as a closed pipe or a full disk does.
type failWriter struct{}

var errDisk = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestWritersReportErrors(t *testing.T) {
	row := MetricRow{DocID: "x", Metric: corpus.Metric{Category: "funds"}}
	for name, w := range map[string]MetricWriter{
		"csv":   NewMetricCSV(failWriter{}, true),
		"jsonl": NewMetricJSONL(failWriter{}),
	} {
		w.Write(row)
		if err := w.Close(); !errors.Is(err, errDisk) {
			t.Errorf("%s: Close() = %v, want %v", name, err, errDisk)
		}
	}
	counts := []CampaignCount{{Name: "送温暖", Key: "送温暖", Docs: 1, Mentions: 1}}
	if err := WriteCampaignsCSV(failWriter{}, counts, "", false); !errors.Is(err, errDisk) {
		t.Errorf("WriteCampaignsCSV = %v, want %v", err, errDisk)
	}
	if err := WriteCampaignsTable(failWriter{}, counts, ""); !errors.Is(err, errDisk) {
		t.Errorf("WriteCampaignsTable = %v, want %v", err, errDisk)
	}
	if err := WriteCampaignsJSONL(failWriter{}, counts); !errors.Is(err, errDisk) {
		t.Errorf("WriteCampaignsJSONL = %v, want %v", err, errDisk)
	}
	k := NewKWICText(failWriter{}, 5)
	k.Write(KWICLine{Match: "工会"})
	if err := k.Close(); !errors.Is(err, errDisk) {
		t.Errorf("KWIC text Close() = %v, want %v", err, errDisk)
	}
}

// FuzzMetricCSV checks that any text survives a round trip through the CSV
// writer and a standard reader: one record per row, the right number of
// cells, each cell as written but for the apostrophe that disarms a
// formula.
func FuzzMetricCSV(f *testing.F) {
	f.Add("工会", "他说\"好\"", "=1+2", "a,b\r\nc", -1.5)
	f.Add("", "\t", "@", "-", 0.0)
	f.Add("\uFEFF", " lead", "'", "\n", 1e300)
	f.Fuzz(func(t *testing.T, title, subject, surface, sentence string, v float64) {
		r := MetricRow{DocID: "d", Title: title, Year: 2011, Metric: corpus.Metric{Category: "funds", Value: v, Subject: subject, Surface: surface, Sentence: sentence}}
		var b bytes.Buffer
		w := NewMetricCSV(&b, false)
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		rd := csv.NewReader(&b)
		recs, err := rd.ReadAll()
		if err != nil {
			t.Fatalf("written CSV does not parse: %v\n%q", err, b.String())
		}
		if len(recs) != 2 || len(recs[1]) != len(MetricColumns) {
			t.Fatalf("got %d records, want header and one row: %q", len(recs), recs)
		}
		// Line ends inside a cell come back as \n whatever they were.
		norm := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n") }
		cell := func(name string) string {
			for i, c := range MetricColumns {
				if c == name {
					return recs[1][i]
				}
			}
			t.Fatalf("no column %s", name)
			return ""
		}
		for name, want := range map[string]string{"title": title, "subject": subject, "surface": surface, "sentence": sentence} {
			got := cell(name)
			if got != norm(want) && !(strings.HasPrefix(got, "'") && got[1:] == norm(want)) {
				t.Errorf("%s: wrote %q, read back %q", name, want, got)
			}
			if strings.ContainsAny(got[:min(1, len(got))], "=+-@\t\r") {
				t.Errorf("%s: cell %q starts with a formula character", name, got)
			}
		}
		if got := cell("value"); got != number(v) {
			t.Errorf("value: wrote %v, read back %q", v, got)
		}
	})
}
