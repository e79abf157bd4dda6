// Package index keeps the Bleve full-text index of the corpus: its mapping
// and Chinese analyzer, catching up with the store's change log, and
// searching with filters, facets and highlights.
package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// ErrLocked means another process holds the index open.
var ErrLocked = errors.New("index is in use by another process")

const seqKey = "unionscope_seq"

// Index is an on-disk Bleve index that mirrors a corpus store.
type Index struct {
	b    bleve.Index
	path string
	// pairs is whether the index has the title_pairs and text_pairs
	// fields, which indexes made before them lack until a reindex; their
	// phrases search the words.
	pairs bool
	// plain sends every search through Bleve's searchers, not the direct
	// path of fast.go; tests compare the two.
	plain bool
	// bounds keeps the block bounds of the terms searched, by segment, for
	// the direct path to skip hits that cannot reach the page.
	bounds *boundCache
}

// fields of the indexed form of a document.
type indexDoc struct {
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Date      time.Time `json:"date,omitzero"`
	DateStr   string    `json:"date_str"`
	Year      string    `json:"year"`
	YearNum   float64   `json:"year_num"`
	Doctype   string    `json:"doctype"`
	Province  string    `json:"province"`
	City      string    `json:"city"`
	County    string    `json:"county"`
	Region    []string  `json:"region"`
	RegionStr string    `json:"region_str"`
	Campaign  []string  `json:"campaign"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	Part      float64   `json:"part"`
	Publisher string    `json:"publisher"`
	// Canonical is false only for the copies of a report other than its
	// canonical one, which search hides by default. The rest of a cluster
	// is read from the store, so that a cluster growing re-indexes nothing.
	Canonical bool `json:"canonical"`
}

func newMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = AnalyzerIndex
		f.Store = store
		f.IncludeTermVectors = true // phrase queries and highlights need them
		// Every query names its field, so the _all composite would only
		// repeat each token with its term vectors (30% of indexing time).
		f.IncludeInAll = false
		return f
	}
	keyword := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		return f
	}
	folded := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = AnalyzerKeyword
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.IncludeInAll = false
		return f
	}

	// title_pairs and text_pairs index the words of title and text in
	// pairs of neighbours, for phrases (phrase.go).
	pairs := func(field string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = pairsOf(field)
		f.Analyzer = AnalyzerPairs
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = false
		return f
	}

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("title", text(true), pairs("title"))
	dm.AddFieldMappingsAt("text", text(true), pairs("text"))
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dm.AddFieldMappingsAt("date", date)
	dm.AddFieldMappingsAt("date_str", stored())
	dm.AddFieldMappingsAt("year", keyword(false))
	dm.AddFieldMappingsAt("year_num", num())
	dm.AddFieldMappingsAt("doctype", keyword(true))
	dm.AddFieldMappingsAt("province", keyword(false))
	dm.AddFieldMappingsAt("city", keyword(false))
	dm.AddFieldMappingsAt("county", keyword(false))
	dm.AddFieldMappingsAt("region", folded())
	dm.AddFieldMappingsAt("region_str", stored())
	dm.AddFieldMappingsAt("campaign", keyword(false))
	dm.AddFieldMappingsAt("source", keyword(true))
	dm.AddFieldMappingsAt("url", stored())
	dm.AddFieldMappingsAt("part", num())
	dm.AddFieldMappingsAt("publisher", keyword(false))
	canonical := bleve.NewBooleanFieldMapping()
	canonical.IncludeInAll = false
	dm.AddFieldMappingsAt("canonical", canonical)

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = AnalyzerIndex
	im.DefaultField = "text"
	return im
}

// Open opens the index at path, creating it if needed.
func Open(path string) (*Index, error) {
	// Without a timeout bolt waits for ever on a lock another process holds.
	cfg := map[string]interface{}{"bolt_timeout": "2s"}
	b, err := bleve.OpenUsing(path, cfg)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		b, err = bleve.NewUsing(path, newMapping(), "scorch", "scorch", cfg)
	}
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return &Index{b: b, path: path, pairs: hasPairs(b.Mapping()), bounds: newBoundCache()}, nil
}

// pairsOf names the field that holds the pairs of words of a text field.
func pairsOf(field string) string { return field + "_pairs" }

func hasPairs(m mapping.IndexMapping) bool {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || im.DefaultMapping == nil {
		return false
	}
	for _, field := range []string{"title", "text"} {
		dm := im.DefaultMapping.Properties[field]
		if dm == nil || !slices.ContainsFunc(dm.Fields, func(f *mapping.FieldMapping) bool { return f.Name == pairsOf(field) }) {
			return false
		}
	}
	return true
}

// Rebuild removes the index at path and creates an empty one.
func Rebuild(path string) (*Index, error) {
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("remove index %s: %w", path, err)
	}
	return Open(path)
}

// Close closes the index.
func (x *Index) Close() error { return x.b.Close() }

// Path is the index folder.
func (x *Index) Path() string { return x.path }

// Seq is the last change of the store that the index has applied.
func (x *Index) Seq() (int64, error) {
	v, err := x.b.GetInternal([]byte(seqKey))
	if err != nil || len(v) == 0 {
		return 0, err
	}
	return strconv.ParseInt(string(v), 10, 64)
}

// Count is the number of documents in the index.
func (x *Index) Count() (uint64, error) { return x.b.DocCount() }

// catchUpWindow is how many changes CatchUp reads at a time, and
// catchUpBatch how many documents go into one Bleve batch. A document
// changed more than once within a window is indexed once: an import logs
// a document when it is stored and again when clustering finds it is a
// copy, a few hundred sources later. Variables for tests.
var catchUpWindow, catchUpBatch = 20000, 500

// CatchUp applies the store's changes after the index's sequence number,
// in batches, recording a sequence number with each batch below which
// every change is applied, so that an interrupted catch-up resumes where
// it stopped. It returns the number of changes applied.
func (x *Index) CatchUp(ctx context.Context, s *corpus.Store) (int, error) {
	return x.CatchUpTo(ctx, s, math.MaxInt64)
}

// CatchUpTo is CatchUp for the changes up to sequence number upTo. An
// import passes the last change its clustering has seen: a document stored
// since then may yet turn out to be a copy, and indexing it now would mean
// indexing it again then.
func (x *Index) CatchUpTo(ctx context.Context, s *corpus.Store, upTo int64) (int, error) {
	seq, err := x.Seq()
	if err != nil {
		return 0, fmt.Errorf("catch up: %w", err)
	}
	applied := 0
	for seq < upTo {
		changes, err := s.Changes(ctx, seq, catchUpWindow)
		if err != nil {
			return applied, err
		}
		changes = changes[:sort.Search(len(changes), func(i int) bool { return changes[i].Seq > upTo })]
		if len(changes) == 0 {
			break
		}
		latest := latestChanges(changes)
		for len(latest) > 0 {
			n := min(len(latest), catchUpBatch)
			if err := x.apply(ctx, s, latest[:n]); err != nil {
				return applied, err
			}
			latest = latest[n:]
			if err := ctx.Err(); err != nil {
				return applied, err
			}
		}
		applied += len(changes)
		seq = changes[len(changes)-1].Seq
	}
	return applied, nil
}

// Writes returns how many documents this process has written to the index
// (added, replaced or deleted).
func (x *Index) Writes() uint64 {
	st, ok := x.b.StatsMap()["index"].(map[string]interface{})
	if !ok {
		return 0
	}
	n, _ := st["TotUpdates"].(uint64)
	d, _ := st["TotDeletes"].(uint64)
	return n + d
}

// latestChanges keeps the last change of each document, in order of
// sequence number. Once the documents up to one of these changes are
// applied, every change up to its sequence number is: the others of
// those documents came before, and the rest concern later changes.
func latestChanges(changes []corpus.Change) []corpus.Change {
	last := make(map[string]int, len(changes))
	for i, c := range changes {
		last[c.DocID] = i
	}
	out := make([]corpus.Change, 0, len(last))
	for i, c := range changes {
		if last[c.DocID] == i {
			out = append(out, c)
		}
	}
	return out
}

// apply indexes the documents of changes, and records the last change's
// sequence number, in one batch.
func (x *Index) apply(ctx context.Context, s *corpus.Store, changes []corpus.Change) error {
	var ids []string
	for _, c := range changes {
		if !c.Deleted {
			ids = append(ids, c.DocID)
		}
	}
	docs, err := s.ToIndex(ctx, ids)
	if err != nil {
		return err
	}
	batch := x.b.NewBatch()
	for _, c := range changes {
		d, ok := docs[c.DocID]
		if !ok {
			batch.Delete(c.DocID) // a deletion, or written then deleted later in the log
			continue
		}
		if err := addDoc(batch, x.b.Mapping(), d.ID, toIndexDoc(d.Document, d.Canonical)); err != nil {
			return err
		}
	}
	seq := changes[len(changes)-1].Seq
	batch.SetInternal([]byte(seqKey), []byte(strconv.FormatInt(seq, 10)))
	if err := x.b.Batch(batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	return nil
}

// toIndexDoc makes the indexed form of d; canonical is false when d is a
// copy of a report other than its canonical one.
func toIndexDoc(d *corpus.Document, canonical bool) indexDoc {
	x := indexDoc{
		Title:     d.Title,
		Text:      d.Text(),
		DateStr:   d.Date,
		Doctype:   d.Doctype,
		Province:  d.Region.Province,
		City:      d.Region.City,
		County:    d.Region.County,
		RegionStr: regionString(d.Region),
		Source:    d.SourceFile,
		URL:       d.URL,
		Part:      float64(d.Part),
		Publisher: d.Publisher,
		Canonical: canonical,
	}
	if t, ok := parseDate(d.Date); ok {
		x.Date = t
		x.Year = strconv.Itoa(t.Year())
		x.YearNum = float64(t.Year())
	}
	for _, name := range []string{d.Region.Province, d.Region.City, d.Region.County} {
		if name == "" {
			continue
		}
		x.Region = append(x.Region, name)
		if short := shortRegion(name); short != name {
			x.Region = append(x.Region, short)
		}
	}
	for _, c := range d.Campaigns {
		// Keyed as the campaign filter is (zh.NameKey), whatever key an
		// older extractor stored, or none.
		key := c.Key
		if key == "" {
			key = c.Name
		}
		x.Campaign = append(x.Campaign, zh.NameKey(key))
	}
	return x
}

func regionString(r corpus.Region) string {
	var parts []string
	for _, p := range []string{r.Province, r.City, r.County} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// shortRegion drops the administrative suffix so that 四川 finds 四川省.
func shortRegion(name string) string {
	for _, suf := range []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗"} {
		if strings.HasSuffix(name, suf) && len([]rune(name)) > len([]rune(suf))+1 {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Reload indexes every document of the store into an empty index and
// records the store's last change, which is cheaper than replaying a long
// change log. Changes written while it runs are applied again by the next
// CatchUp, which is harmless.
func (x *Index) Reload(ctx context.Context, s *corpus.Store) (int, error) {
	last, err := s.LastSeq(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	batch := x.b.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := x.b.Batch(batch); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		batch.Reset()
		return nil
	}
	err = s.EachToIndex(ctx, func(d corpus.Indexable) error {
		if err := addDoc(batch, x.b.Mapping(), d.ID, toIndexDoc(d.Document, d.Canonical)); err != nil {
			return err
		}
		n++
		if batch.Size() >= 500 {
			return flush()
		}
		return ctx.Err()
	})
	if err != nil {
		return n, err
	}
	batch.SetInternal([]byte(seqKey), []byte(strconv.FormatInt(last, 10)))
	if err := x.b.Batch(batch); err != nil {
		return n, fmt.Errorf("index batch: %w", err)
	}
	return n, nil
}
