package quantity

import "testing"

// benchText is a paragraph written for this benchmark in the style of a
// county union's annual summary.
const benchText = `今年以来，县总工会紧紧围绕全县工作大局，扎实开展“送温暖”活动，共筹集帮扶资金186.4万元，走访慰问困难职工2360户、农民工1200余人次。全县新建基层工会组织二十三个，新发展会员一千二百余人，工会组建率达到92.5%，比上年提高3.2个百分点。举办各类技能培训班16期，培训职工3500人次，发放学习手册8000册。全年受理劳动争议案件35件，调处劳资纠纷12起，为46名农民工追回欠薪约38万元。`

func BenchmarkExtract(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	Extract(benchText) // load the dictionary outside the timing
	b.ResetTimer()
	for b.Loop() {
		if ms := Extract(benchText); len(ms) != 14 {
			b.Fatalf("Extract found %d quantities, want 14", len(ms))
		}
	}
}
