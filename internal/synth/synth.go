// Package synth makes deterministic synthetic trade-union documents for
// the benchmarks and the load test: county work summaries, leaders'
// speeches, news items and experience reports, 500–3000 characters each,
// with figures, campaigns, dates and places, about one in ten a repost of
// an earlier one, one in seven in traditional script, one in five an HTML
// page with portal clutter and one in twenty in GBK. The same seed always
// gives the same documents, byte for byte.
//
// bench/gencorpus writes them as files to import; the load test stores
// them as documents directly, with the metadata the generator chose, so
// that a large corpus costs no extraction.
package synth

import (
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Doc is one synthetic document with what the generator chose for it.
type Doc struct {
	// Title and Body are as written, in traditional script when
	// Traditional is set; Body's paragraphs end in "\n" but the last.
	Title, Body string
	// Doctype is speech, summary, news or experience.
	Doctype string
	// Place is the province, city or county the document is about, Year
	// its year and Date its date (YYYY-MM-DD).
	Place string
	Year  int
	Date  string
	// Repost is set for a copy of an earlier document, as an aggregator
	// posts it (a changed title, an advert between two paragraphs).
	Repost      bool
	Traditional bool
	// Quantities are the sums, counts and rates the generator wrote, in
	// the order it wrote them, in the script of the text.
	Quantities []Quantity
	// File is the document as bytes to import: plain UTF-8 text, an HTML
	// page, or text in GBK; Ext is ".txt" or ".html".
	File []byte
	Ext  string
}

// Quantity is one figure the generator wrote.
type Quantity struct {
	Category string // funds, people, count or rate
	Value    float64
	Unit     string
	Surface  string
}

// Generator makes documents from a seed.
type Generator struct {
	r   *rand.Rand
	s2t *opencc.OpenCC
	// originals are the documents a repost may copy.
	originals []Doc
	// focus is the current document's few campaigns and groups: a real
	// report dwells on two or three, it does not name all of them.
	campaigns, groups []string
	// quantities collects the current document's figures.
	quantities []Quantity
}

// loadS2T loads OpenCC's simplified-to-traditional converter once per
// process: reading its dictionaries takes the better part of a second.
var loadS2T = sync.OnceValues(func() (*opencc.OpenCC, error) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, fmt.Errorf("load opencc: %w", err)
	}
	return s2t, nil
})

// New returns a generator for seed.
func New(seed uint64) (*Generator, error) {
	s2t, err := loadS2T()
	if err != nil {
		return nil, err
	}
	return &Generator{r: rand.New(rand.NewPCG(seed, 0x5eed)), s2t: s2t}, nil
}

// maxOriginals is how many earlier documents a repost may copy: enough
// that reposts spread over the corpus, few enough to keep in memory.
const maxOriginals = 2000

// Next returns the next document, complete with its file.
func (g *Generator) Next() (Doc, error) {
	d := g.Document()
	// One document in ten is a repost of an earlier one, as on the portals
	// and essay sites: the near-duplicate clustering's share of import
	// time should be measured on a corpus that has copies.
	if len(g.originals) > 0 && g.r.IntN(10) == 0 {
		d = g.repost(g.originals[g.r.IntN(len(g.originals))])
	} else if len(g.originals) < maxOriginals {
		g.originals = append(g.originals, d)
	} else {
		g.originals[g.r.IntN(len(g.originals))] = d
	}
	if g.r.IntN(7) == 0 {
		if err := g.toTraditional(&d); err != nil {
			return d, err
		}
	}
	plain := d.Title + "\n" + d.Body + "\n"
	d.File, d.Ext = []byte(plain), ".txt"
	switch k := g.r.IntN(20); {
	case k < 4:
		d.File, d.Ext = []byte(g.html(d.Title, d.Body)), ".html"
	case k == 4:
		gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(plain))
		if err == nil { // else a rune GBK lacks: keep it UTF-8
			d.File = gbk
		}
	}
	return d, nil
}

func (g *Generator) toTraditional(d *Doc) error {
	var err error
	if d.Title, err = g.s2t.Convert(d.Title); err == nil {
		d.Body, err = g.s2t.Convert(d.Body)
	}
	qs := make([]Quantity, len(d.Quantities))
	for i, q := range d.Quantities {
		if err == nil {
			q.Surface, err = g.s2t.Convert(q.Surface)
		}
		qs[i] = q
	}
	if err != nil {
		return fmt.Errorf("convert %q to traditional script: %w", d.Title, err)
	}
	d.Quantities, d.Traditional = qs, true
	return nil
}
