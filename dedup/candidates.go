package dedup

import (
	"math"
	"slices"
)

// postings maps 32-bit keys to the sequence numbers of the stored sketches
// holding them. Most of it is one sorted array of key<<32|seq, 8 bytes a
// posting; what was added since the last merge sits in a map beside it,
// and is merged in once it is a quarter of the array's size, so adding
// stays amortised constant while the memory stays that of a flat array.
type postings struct {
	sorted  []uint64
	recent  map[uint32][]uint32
	nRecent int
}

func (p *postings) add(key, seq uint32) {
	if p.recent == nil {
		p.recent = map[uint32][]uint32{}
	}
	p.recent[key] = append(p.recent[key], seq)
	p.nRecent++
}

// collect appends to buf the live sequence numbers under key, stopping
// after limit+1 of them (none when limit is negative), so that a stock
// phrase costs no more than a rare one to pass over.
func (p *postings) collect(key uint32, dead map[uint32]bool, limit int, buf []uint32) []uint32 {
	n := math.MaxInt
	if limit >= 0 {
		n = len(buf) + limit + 1
	}
	i, _ := slices.BinarySearch(p.sorted, uint64(key)<<32)
	for ; i < len(p.sorted) && p.sorted[i]>>32 == uint64(key) && len(buf) < n; i++ {
		if seq := uint32(p.sorted[i]); !dead[seq] {
			buf = append(buf, seq)
		}
	}
	for _, seq := range p.recent[key] {
		if len(buf) == n {
			break
		}
		if !dead[seq] {
			buf = append(buf, seq)
		}
	}
	return buf
}

// addAll adds the postings key<<32|seq of vs, which it may reorder. A
// store's worth of postings goes straight into the sorted array: through
// the map, loading 100,000 documents' took seconds and 400 MB more.
func (p *postings) addAll(vs []uint64, dead map[uint32]bool) {
	if len(vs) < 1<<16 {
		for _, v := range vs {
			p.add(uint32(v>>32), uint32(v))
		}
		return
	}
	slices.Sort(vs)
	p.sorted = mergeSorted(p.sorted, vs, dead)
}

// mergeIfLarge merges once the recent postings are a quarter of the
// sorted ones, or many.
func (p *postings) mergeIfLarge(dead map[uint32]bool) {
	if p.nRecent > 0 && p.nRecent >= max(1<<16, len(p.sorted)/4) {
		p.merge(dead)
	}
}

// merge folds the recent postings into the sorted array, dropping dead
// ones.
func (p *postings) merge(dead map[uint32]bool) {
	fresh := make([]uint64, 0, p.nRecent)
	for key, seqs := range p.recent {
		for _, seq := range seqs {
			fresh = append(fresh, uint64(key)<<32|uint64(seq))
		}
	}
	slices.Sort(fresh)
	merged := mergeSorted(p.sorted, fresh, dead)
	p.sorted, p.recent, p.nRecent = merged, nil, 0
}

// mergeSorted merges two sorted lists of postings, leaving out the dead.
func mergeSorted(a, b []uint64, dead map[uint32]bool) []uint64 {
	merged := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var v uint64
		if j == len(b) || i < len(a) && a[i] < b[j] {
			v, i = a[i], i+1
		} else {
			v, j = b[j], j+1
		}
		if !dead[uint32(v)] {
			merged = append(merged, v)
		}
	}
	return merged
}

// candidateIndex finds the stored sketches that may be copies of, contain
// or be contained in a new one: those sharing an LSH band, and those
// sharing sampled shingles. It lives in memory, built from the stored
// sketches the first time a detector clusters and brought up to date with
// the sketches other processes stored at the start of every transaction.
//
// Keys are cut to 32 bits; a collision only proposes a candidate that the
// comparison of sketches then turns down.
type candidateIndex struct {
	bands, samples postings
	// loaded is the highest sequence number read from the store or added.
	loaded int64
	// sketches holds the sketches by sequence number, so that candidates
	// are compared in memory and only those worth a pair are read from the
	// store: read one by one from SQLite, candidates were 70% of
	// clustering's CPU at 100,000 documents.
	sketches sketchTable
	// dead holds the sequence numbers of sketches this process forgot, so
	// their postings are passed over until the next merge drops them.
	// Sketches another process forgot stay as postings; reading their
	// sketch by number finds nothing, which has the same effect.
	dead map[uint32]bool
}

func newCandidateIndex() *candidateIndex {
	return &candidateIndex{dead: map[uint32]bool{}}
}

// add records the postings of the sketch numbered seq.
func (c *candidateIndex) add(seq int64, sk *Sketch) {
	eachPosting(seq, sk, func(key, seq uint32) { c.bands.add(key, seq) }, func(key, seq uint32) { c.samples.add(key, seq) })
	c.setLoaded(seq, sk)
}

// eachPosting calls band and sample with each of sk's postings.
func eachPosting(seq int64, sk *Sketch, band, sample func(key, seq uint32)) {
	s := uint32(seq)
	for _, k := range sk.Bands() {
		band(k, s)
	}
	for _, h := range sk.Samples {
		sample(sampleKey(h), s)
	}
}

func (c *candidateIndex) setLoaded(seq int64, sk *Sketch) {
	c.sketches.put(seq, sk)
	c.loaded = max(c.loaded, seq)
}

// sketchTable holds sketches by sequence number in flat arrays, about 750
// bytes a document with no pointers for the garbage collector to follow.
type sketchTable struct {
	// shingles is each sketch's Shingles, -1 for a number not held.
	shingles []int32
	sigs     []uint32 // numHashes per number
	// samples holds every sketch's samples, those of seq at
	// samples[sampleAt[seq]:sampleEnd[seq]].
	samples             []uint64
	sampleAt, sampleEnd []uint32
}

var noSig [numHashes]uint32

func (t *sketchTable) put(seq int64, sk *Sketch) {
	for int64(len(t.shingles)) <= seq {
		t.shingles = append(t.shingles, -1)
		t.sigs = append(t.sigs, noSig[:]...)
		t.sampleAt = append(t.sampleAt, 0)
		t.sampleEnd = append(t.sampleEnd, 0)
	}
	t.shingles[seq] = int32(min(sk.Shingles, math.MaxInt32))
	copy(t.sigs[seq*numHashes:], sk.Sig[:])
	t.sampleAt[seq] = uint32(len(t.samples))
	t.samples = append(t.samples, sk.Samples...)
	t.sampleEnd[seq] = uint32(len(t.samples))
}

// load fills sk with the sketch numbered seq, reporting false when the
// table does not hold it (never seen, or forgotten by this process). The
// Samples share the table's memory: the caller must not change them.
// Comparing hundreds of candidates a document through one Sketch spares as
// many allocations of 600 bytes.
func (t *sketchTable) load(seq int64, sk *Sketch) bool {
	if !t.has(seq) {
		return false
	}
	sk.Shingles = int(t.shingles[seq])
	copy(sk.Sig[:], t.sigs[seq*numHashes:])
	a, b := t.sampleAt[seq], t.sampleEnd[seq]
	sk.Samples = t.samples[a:b:b]
	return true
}

func (t *sketchTable) has(seq int64) bool {
	return seq >= 0 && seq < int64(len(t.shingles)) && t.shingles[seq] >= 0
}

// numSamples is the number of samples of a sketch the table holds.
func (t *sketchTable) numSamples(seq int64) int {
	return int(t.sampleEnd[seq] - t.sampleAt[seq])
}

// drop forgets the sketch numbered seq; its samples stay until the
// process ends, as forgetting is rare (a source that changed).
func (t *sketchTable) drop(seq int64) {
	if seq >= 0 && seq < int64(len(t.shingles)) {
		t.shingles[seq] = -1
	}
}

// loader collects the postings of stored sketches to add them in one go.
type loader struct {
	c              *candidateIndex
	bands, samples []uint64
}

func (l *loader) add(seq int64, sk *Sketch) {
	eachPosting(seq, sk,
		func(key, seq uint32) { l.bands = append(l.bands, uint64(key)<<32|uint64(seq)) },
		func(key, seq uint32) { l.samples = append(l.samples, uint64(key)<<32|uint64(seq)) })
	l.c.setLoaded(seq, sk)
}

func (l *loader) done() {
	l.c.bands.addAll(l.bands, l.c.dead)
	l.c.samples.addAll(l.samples, l.c.dead)
}

// sampleKey keeps the high half of a sampled hash: its low bits are all
// zero, which is what made it a sample.
func sampleKey(h uint64) uint32 { return uint32(h >> 32) }

func (c *candidateIndex) forget(seq int64) {
	c.dead[uint32(seq)] = true
	c.sketches.drop(seq)
}

// mergeIfLarge folds recent postings into the sorted arrays when they
// have grown, and forgets the dead once no posting of theirs is left.
func (c *candidateIndex) mergeIfLarge() {
	c.bands.mergeIfLarge(c.dead)
	c.samples.mergeIfLarge(c.dead)
	if c.bands.nRecent == 0 && c.samples.nRecent == 0 {
		clear(c.dead)
	}
}

// sampleMates returns the sketches other than self that share enough of
// sk's sampled shingles to be worth comparing, passing over shingles that
// more than maxPosting sketches hold (a stock phrase). Containment of the
// smaller side, or a score above MinThreshold, means sharing most of the
// smaller side's samples; half leaves room for sampling noise and spares
// comparing sketches that share a few stock phrases.
func (c *candidateIndex) sampleMates(self int64, sk *Sketch, minShared, maxPosting int) []int64 {
	shared := map[int64]int{}
	var buf []uint32
	for _, h := range sk.Samples {
		buf = c.samples.collect(sampleKey(h), c.dead, maxPosting, buf[:0])
		if len(buf) > maxPosting {
			continue
		}
		for _, seq := range buf {
			if int64(seq) != self {
				shared[int64(seq)]++
			}
		}
	}
	var out []int64
	for seq, n := range shared {
		if c.sketches.has(seq) && n >= minShared && 2*n >= min(len(sk.Samples), c.sketches.numSamples(seq)) {
			out = append(out, seq)
		}
	}
	return out
}

// bandMates returns the sketches other than self that share a band with
// sk under a key at most maxPosting sketches hold, or that share two
// bands. A key held by more is a stock passage: at 100,000 generated
// reports, keys held by more than 64 proposed nine in ten of the 850
// candidates a document had, and not one of those sharing only such a key
// was a copy at the default threshold. A copy at Jaccard 0.67 (a score
// of 0.8) shares two bands or more with probability 0.99.
func (c *candidateIndex) bandMates(self int64, sk *Sketch, maxPosting int) []int64 {
	var all, out []uint32
	for _, k := range sk.Bands() {
		n := len(all)
		all = c.bands.collect(k, c.dead, -1, all)
		if len(all)-n <= maxPosting {
			out = append(out, all[n:]...)
		}
	}
	slices.Sort(all)
	for i := 1; i < len(all); i++ {
		if all[i] == all[i-1] {
			out = append(out, all[i])
		}
	}
	slices.Sort(out)
	mates := make([]int64, 0, len(out))
	for _, seq := range slices.Compact(out) {
		if int64(seq) != self {
			mates = append(mates, int64(seq))
		}
	}
	return mates
}
