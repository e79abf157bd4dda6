package dedup

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/unionscope/unionscope/corpus"
)

// Defaults of Options.
const (
	DefaultThreshold   = 0.8
	DefaultContainment = 0.8
	// MinThreshold is the lowest threshold a user may set: pairs scoring
	// below it are not stored, so clusters at a lower one cannot be formed.
	MinThreshold = 0.5
)

const (
	// minContainedShingles keeps a few shared sentences (a slogan, a
	// heading) from making a short text "contained" in every long one.
	minContainedShingles = 40
	// maxPosting is the most documents a sampled shingle or an LSH band
	// key may occur in and still propose candidates on its own: more, and
	// it is a stock phrase, or a report reposted so often that its copies
	// link through other bands.
	maxPosting = 64
	// minSharedSamples is how many samples a document must share with a
	// candidate found through samples before the sketches are compared.
	minSharedSamples = 3
)

// Meta keys under which the store keeps the options its clusters use.
const (
	metaThreshold   = "dedup_threshold"
	metaContainment = "dedup_containment"
)

// Options are the thresholds of detection.
type Options struct {
	// Threshold is the score (shared shingles over the larger document's)
	// at which two documents are copies.
	Threshold float64
	// Containment is the share of a smaller document's shingles inside a
	// larger one at which, when they are not copies, it is contained in it.
	Containment float64
}

// Validate checks that the thresholds are within range.
func (o Options) Validate() error {
	if o.Threshold < MinThreshold || o.Threshold > 1 {
		return fmt.Errorf("threshold %g out of range %g..1", o.Threshold, MinThreshold)
	}
	if o.Containment <= 0 || o.Containment > 1 {
		return fmt.Errorf("containment %g out of range 0..1", o.Containment)
	}
	return nil
}

// LoadOptions returns the options the store's clusters were built with,
// or the defaults.
func LoadOptions(ctx context.Context, s *corpus.Store) (Options, error) {
	o := Options{Threshold: DefaultThreshold, Containment: DefaultContainment}
	for key, dst := range map[string]*float64{metaThreshold: &o.Threshold, metaContainment: &o.Containment} {
		v, err := s.Meta(ctx, key)
		if err != nil {
			return o, fmt.Errorf("read %s: %w", key, err)
		}
		if v == "" {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return o, fmt.Errorf("read %s %q: %w", key, v, err)
		}
		*dst = f
	}
	return o, o.Validate()
}

func saveOptions(ctx context.Context, s *corpus.Store, o Options) error {
	for key, v := range map[string]float64{metaThreshold: o.Threshold, metaContainment: o.Containment} {
		if err := s.SetMeta(ctx, key, strconv.FormatFloat(v, 'g', -1, 64)); err != nil {
			return fmt.Errorf("save %s: %w", key, err)
		}
	}
	return nil
}

// Detector keeps a store's clusters up to date. Its methods may be called
// from several goroutines; they run one at a time.
type Detector struct {
	Store   *corpus.Store
	Options Options

	mu    sync.Mutex
	cands *candidateIndex // nil until the first transaction reads it
}

// inTx runs fn in one store transaction with the candidate index brought
// up to date with the sketches stored since it last looked, by this
// process or another. When the transaction fails, the index is dropped
// and read again by the next one: it may hold postings the rollback undid.
func (d *Detector) inTx(ctx context.Context, fn func(*corpus.DedupTx, *candidateIndex) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	err := d.Store.Dedup(ctx, func(tx *corpus.DedupTx) error {
		if d.cands == nil {
			d.cands = newCandidateIndex()
		}
		c := d.cands
		l := loader{c: c}
		err := tx.SketchesAfter(c.loaded, func(stored corpus.DupSketch) error {
			sk, ok := unmarshalSketch(stored.Shingles, stored.Signature, stored.Samples)
			if !ok {
				return fmt.Errorf("stored sketch %d is corrupt", stored.Seq)
			}
			l.add(stored.Seq, sk)
			return nil
		})
		if err != nil {
			return err
		}
		l.done()
		return fn(tx, c)
	})
	if err != nil {
		d.cands = nil
		return err
	}
	d.cands.mergeIfLarge()
	return nil
}

// New returns a detector with the options the store's clusters use.
func New(ctx context.Context, s *corpus.Store) (*Detector, error) {
	o, err := LoadOptions(ctx, s)
	if err != nil {
		return nil, err
	}
	return &Detector{Store: s, Options: o}, nil
}

// UpdateSource brings the clusters up to date after source was stored as
// docs: documents whose text changed are sketched and compared with their
// candidates, documents the source no longer yields are forgotten, and the
// clusters they touch are formed again, all in one transaction.
func (d *Detector) UpdateSource(ctx context.Context, source string, docs []corpus.Document) error {
	return d.UpdateSources(ctx, []SourceDocs{{Source: source, Docs: docs}})
}

// SourceDocs is what a source yielded when it was stored.
type SourceDocs struct {
	Source string
	Docs   []corpus.Document
	// Sketches, when set, are NewSketch of each document's text, made
	// where parsing runs in parallel rather than in the one transaction.
	Sketches []*Sketch
}

// UpdateSources is UpdateSource for several sources in one transaction,
// in order, which gives the same clusters as one call per source. A batch
// of a few hundred sources costs a third as much per document: each
// commit writes every page a document's postings touched, and postings
// keyed by hash are spread over the whole table.
func (d *Detector) UpdateSources(ctx context.Context, batch []SourceDocs) error {
	if len(batch) == 0 {
		return nil
	}
	err := d.inTx(ctx, func(tx *corpus.DedupTx, c *candidateIndex) error {
		affected := map[string]bool{}
		for _, sd := range batch {
			if err := d.update(tx, c, sd, affected); err != nil {
				return err
			}
			if err := tx.MarkClustered(sd.Source); err != nil {
				return err
			}
		}
		return d.recluster(tx, affected)
	})
	if err != nil {
		if len(batch) == 1 {
			return fmt.Errorf("find copies of %s: %w", batch[0].Source, err)
		}
		return fmt.Errorf("find copies of %d sources from %s: %w", len(batch), batch[0].Source, err)
	}
	return nil
}

// update sketches and links the documents of source, forgetting those it
// no longer yields, and marks what it touched as affected.
func (d *Detector) update(tx *corpus.DedupTx, c *candidateIndex, sd SourceDocs, affected map[string]bool) error {
	source, docs := sd.Source, sd.Docs
	old, err := tx.SketchIDsOfSource(source)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for i := range docs {
		keep[docs[i].ID] = true
	}
	had := map[string]bool{}
	for _, id := range old {
		had[id] = true
		if !keep[id] {
			if err := d.forget(tx, c, id, affected); err != nil {
				return err
			}
		}
	}
	for i := range docs {
		var sk *Sketch
		if i < len(sd.Sketches) {
			sk = sd.Sketches[i]
		} else {
			sk = NewSketch(docs[i].Text())
		}
		// A document without a sketch has no pairs or cluster to check
		// and forget: a sketch is keyed by the ID its source gives it.
		if err := d.add(tx, c, docs[i].ID, source, sk, affected, had[docs[i].ID]); err != nil {
			return err
		}
	}
	return nil
}

// add stores the sketch of id and its pairs. When check is set and the
// stored sketch is the same, nothing changes.
func (d *Detector) add(tx *corpus.DedupTx, c *candidateIndex, id, source string, sk *Sketch, affected map[string]bool, check bool) error {
	sig, samples := sk.MarshalSig(), sk.MarshalSamples()
	if check {
		old, ok, err := tx.Sketch(id)
		if err != nil {
			return err
		}
		if ok && old.Source == source && old.Shingles == sk.Shingles && bytes.Equal(old.Signature, sig) && bytes.Equal(old.Samples, samples) {
			return nil
		}
		if err := d.forget(tx, c, id, affected); err != nil {
			return err
		}
	}
	affected[id] = true
	if sk.Empty() {
		return nil
	}
	seq, err := tx.PutSketch(corpus.DupSketch{DocID: id, Source: source, Shingles: sk.Shingles, Signature: sig, Samples: samples})
	if err != nil {
		return err
	}
	// The postings go in first so that a sampled shingle's count includes
	// this document, as it will for the documents that come after it.
	c.add(seq, sk)
	return d.link(tx, c, id, seq, sk)
}

// link compares id, stored as sketch seq, with the documents that share a
// band or enough samples with it and stores the pairs worth keeping.
// Candidates are compared in memory; the store is asked only for the few
// worth a pair, which also passes over those another process forgot.
func (d *Detector) link(tx *corpus.DedupTx, c *candidateIndex, id string, seq int64, sk *Sketch) error {
	seqs := append(c.bandMates(seq, sk, maxPosting), c.sampleMates(seq, sk, minSharedSamples, maxPosting)...)
	slices.Sort(seqs)
	worth := map[int64]corpus.DupPair{}
	var other Sketch
	for _, o := range slices.Compact(seqs) {
		if c.sketches.load(o, &other) {
			if p, keep := d.pair(id, sk, "", &other); keep {
				worth[o] = p
			}
		}
	}
	keys := slices.Sorted(maps.Keys(worth))
	docs, err := tx.SketchDocs(keys)
	if err != nil {
		return err
	}
	for _, o := range keys {
		p := worth[o]
		other, ok := docs[o]
		if !ok || other == id {
			continue
		}
		p.B = other
		if err := tx.PutPair(p); err != nil {
			return err
		}
	}
	return nil
}

// pair turns the comparison of a and b into a stored pair, reporting
// whether it is worth storing: a copy at some threshold a user may pick,
// or a containment.
func (d *Detector) pair(a string, ska *Sketch, b string, skb *Sketch) (corpus.DupPair, bool) {
	e := Compare(ska, skb)
	p := corpus.DupPair{A: a, B: b, Score: e.Score, AinB: e.AinB, BinA: e.BinA}
	// Only the smaller side can be contained, and only if it has enough
	// text to be a part rather than a phrase.
	if ska.Shingles > skb.Shingles || ska.Shingles < minContainedShingles {
		p.AinB = 0
	}
	if skb.Shingles > ska.Shingles || skb.Shingles < minContainedShingles {
		p.BinA = 0
	}
	return p, p.Score >= MinThreshold || max(p.AinB, p.BinA) >= d.Options.Containment
}

// forget removes id's sketch and pairs, marking the documents it was
// linked to as affected.
func (d *Detector) forget(tx *corpus.DedupTx, c *candidateIndex, id string, affected map[string]bool) error {
	affected[id] = true
	pairs, err := tx.Pairs(id)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		affected[p.Other(id)] = true
	}
	m, ok, err := tx.Membership(id)
	if err != nil {
		return err
	}
	if ok {
		mates, err := tx.ClusterIDs(m.Cluster)
		if err != nil {
			return err
		}
		for _, o := range mates {
			affected[o] = true
		}
	}
	stored, ok, err := tx.Sketch(id)
	if err != nil || !ok {
		return err
	}
	c.forget(stored.Seq)
	return tx.Forget(id)
}

// recluster forms again the clusters that hold the affected documents:
// the connected components of pairs scoring at least the threshold.
func (d *Detector) recluster(tx *corpus.DedupTx, affected map[string]bool) error {
	ids := make([]string, 0, len(affected))
	for id := range affected {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	done := map[string]bool{}
	for _, start := range ids {
		if done[start] {
			continue
		}
		comp := []string{start}
		done[start] = true
		for i := 0; i < len(comp); i++ {
			pairs, err := tx.Pairs(comp[i])
			if err != nil {
				return err
			}
			for _, p := range pairs {
				if o := p.Other(comp[i]); p.Score >= d.Options.Threshold && !done[o] {
					done[o] = true
					comp = append(comp, o)
				}
			}
		}
		if err := setCluster(tx, comp); err != nil {
			return err
		}
	}
	return nil
}

// setCluster records comp as one cluster, or its only document as having
// no copies.
func setCluster(tx *corpus.DedupTx, comp []string) error {
	docs, err := tx.DupDocs(comp)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, doc := range docs {
		exists[doc.ID] = true
	}
	for _, id := range comp {
		if !exists[id] || len(docs) < 2 {
			if err := tx.SetMembership(id, nil); err != nil {
				return err
			}
		}
	}
	if len(docs) < 2 {
		return nil
	}
	canon := Canonical(docs)
	for _, doc := range docs {
		m := corpus.Membership{Cluster: canon, Canonical: doc.ID == canon, Size: len(docs)}
		if err := tx.SetMembership(doc.ID, &m); err != nil {
			return err
		}
	}
	return nil
}

// clear forgets every sketch, pair and cluster. The candidate index goes
// with them, unread: the next transaction reads the cleared store's.
func (d *Detector) clear(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cands = nil
	return d.Store.Dedup(ctx, func(tx *corpus.DedupTx) error { return tx.Clear() })
}

// RebuildStats describes a rebuild.
type RebuildStats struct {
	Documents int `json:"documents"`
	Pairs     int `json:"pairs"`
	Clusters  int `json:"clusters"`
	Copies    int `json:"copies"` // members that are not canonical
}

// Rebuild forgets every sketch, pair and cluster and finds them again from
// the stored documents with d.Options, which it records as the store's.
// progress, if not nil, is called after each document.
func (d *Detector) Rebuild(ctx context.Context, progress func()) (RebuildStats, error) {
	var st RebuildStats
	if err := d.Options.Validate(); err != nil {
		return st, err
	}
	if err := d.clear(ctx); err != nil {
		return st, fmt.Errorf("rebuild clusters: %w", err)
	}
	if err := saveOptions(ctx, d.Store, d.Options); err != nil {
		return st, fmt.Errorf("rebuild clusters: %w", err)
	}
	// Sketch and link in transactions of a few hundred documents: one per
	// document would spend the time in commits, one for all would hold
	// the write lock for the whole rebuild.
	type item struct {
		id, source string
		sk         *Sketch
	}
	var batch []item
	flush := func() error {
		err := d.inTx(ctx, func(tx *corpus.DedupTx, c *candidateIndex) error {
			unused := map[string]bool{}
			for _, it := range batch {
				if err := d.add(tx, c, it.id, it.source, it.sk, unused, false); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		return err
	}
	err := d.Store.EachBody(ctx, func(id, source, text string) error {
		batch = append(batch, item{id, source, NewSketch(text)})
		st.Documents++
		if progress != nil {
			progress()
		}
		if len(batch) >= 200 {
			return flush()
		}
		return ctx.Err()
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return st, fmt.Errorf("rebuild clusters: %w", err)
	}
	err = d.Store.Dedup(ctx, func(tx *corpus.DedupTx) error {
		pairs, err := tx.AllPairs(d.Options.Threshold)
		if err != nil {
			return err
		}
		st.Pairs = len(pairs)
		for _, comp := range Components(pairs, d.Options.Threshold) {
			if err := setCluster(tx, comp); err != nil {
				return err
			}
			st.Clusters++
			st.Copies += len(comp) - 1
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("rebuild clusters: %w", err)
	}
	return st, nil
}

// Components returns the connected components of the pairs scoring at
// least threshold, each sorted, in order of their first ID.
func Components(pairs []corpus.DupPair, threshold float64) [][]string {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, p := range pairs {
		if p.Score < threshold {
			continue
		}
		ra, rb := find(p.A), find(p.B)
		if ra != rb {
			// The smaller root wins so the result does not depend on
			// the order of the pairs.
			if rb < ra {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	groups := map[string][]string{}
	for x := range parent {
		r := find(x)
		groups[r] = append(groups[r], x)
	}
	out := make([][]string, 0, len(groups))
	for _, g := range groups {
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}
