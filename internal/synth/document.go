package synth

import (
	"strings"
	"unicode/utf8"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// cityProvince and countyCity place the generator's cities and counties.
var (
	cityProvince = map[string]string{
		"巴中市": "四川省", "南充市": "四川省", "达州市": "四川省", "绵阳市": "四川省", "宜宾市": "四川省",
		"信阳市": "河南省", "襄阳市": "湖北省", "赣州市": "江西省", "天水市": "甘肃省", "遵义市": "贵州省",
		"临沂市": "山东省", "桂林市": "广西壮族自治区", "六安市": "安徽省", "岳阳市": "湖南省",
	}
	countyCity = map[string]string{
		"平昌县": "巴中市", "通江县": "巴中市", "南江县": "巴中市", "恩阳区": "巴中市", "仪陇县": "南充市",
		"营山县": "南充市", "光山县": "信阳市", "商城县": "信阳市", "谷城县": "襄阳市", "于都县": "赣州市",
		"瑞金市": "赣州市", "秦安县": "天水市", "湄潭县": "遵义市", "沂南县": "临沂市", "阳朔县": "桂林市",
		"金寨县": "六安市", "平江县": "岳阳市", "宣汉县": "达州市", "江油市": "绵阳市", "屏山县": "宜宾市",
	}
)

// Region is the province, city and county of the document's place.
func (d Doc) Region() corpus.Region {
	if city, ok := countyCity[d.Place]; ok {
		return corpus.Region{Province: cityProvince[city], City: city, County: d.Place}
	}
	if prov, ok := cityProvince[d.Place]; ok {
		return corpus.Region{Province: prov, City: d.Place}
	}
	return corpus.Region{Province: d.Place}
}

// Document is d as the store would hold it once extracted: its title,
// date, region, doctype, paragraphs, the campaigns of the vocabulary its
// text mentions and the quantities the generator wrote, at their places.
func (d Doc) Document() corpus.Document {
	doc := corpus.Document{
		Title:   d.Title,
		Date:    d.Date,
		Region:  d.Region(),
		Doctype: d.Doctype,
		Body:    strings.Split(d.Body, "\n"),
	}
	text := doc.Text()
	folded := zh.Fold(text)
	doc.Campaigns = []corpus.Campaign{}
	for _, name := range campaigns {
		if n := strings.Count(folded, zh.Fold(name)); n > 0 {
			doc.Campaigns = append(doc.Campaigns, corpus.Campaign{Name: name, Key: zh.NameKey(name), Count: n})
		}
	}
	doc.Metrics = []corpus.Metric{}
	from := 0
	for _, q := range d.Quantities {
		at := strings.Index(text[from:], q.Surface)
		if at < 0 {
			continue // the advert of a repost cut it off from the last one
		}
		at += from
		from = at + len(q.Surface)
		doc.Metrics = append(doc.Metrics, corpus.Metric{
			Category: q.Category, Value: q.Value, Low: q.Value, High: q.Value, Unit: q.Unit,
			Surface: q.Surface, Sentence: sentenceAt(text, at, from), Offset: utf8.RuneCountInString(text[:at]),
		})
	}
	return doc
}

// sentenceAt is the sentence of text that holds the bytes [start, end):
// from after the last 。 or line break before it to the next 。, or to
// the end of its line.
func sentenceAt(text string, start, end int) string {
	from := 0
	if i := strings.LastIndexAny(text[:start], "。\n"); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
	to := len(text)
	if i := strings.IndexAny(text[end:], "。\n"); i >= 0 {
		to = end + i
		if text[to] != '\n' {
			to += len("。")
		}
	}
	return text[from:to]
}
