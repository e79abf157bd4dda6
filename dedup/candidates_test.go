package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostingsMatchAMap adds, forgets and merges postings at random and
// checks every key against a plain map after each step, across merges.
func TestPostingsMatchAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var p postings
	dead := map[uint32]bool{}
	want := map[uint32][]uint32{}
	// The first half arrives as a store's worth, loaded in one go.
	var bulk []uint64
	for seq := uint32(1); seq < 200_000; seq++ {
		// Few keys, so lists are long and merges interleave them.
		key := uint32(r.IntN(5000))
		if seq < 100_000 {
			bulk = append(bulk, uint64(key)<<32|uint64(seq))
		} else {
			p.add(key, seq)
		}
		if seq == 100_000 {
			p.addAll(bulk, dead)
		}
		want[key] = append(want[key], seq)
		if r.IntN(10) == 0 {
			dead[uint32(r.IntN(int(seq)))+1] = true
		}
		if seq%20_000 == 0 {
			p.mergeIfLarge(dead)
		}
	}
	for key := range uint32(5000) {
		var live []uint32
		for _, seq := range want[key] {
			if !dead[seq] {
				live = append(live, seq)
			}
		}
		got := p.collect(key, dead, -1, nil)
		slices.Sort(got)
		if !slices.Equal(live, got) {
			t.Fatalf("key %d: got %v, want %v", key, got, live)
		}
		// A limit stops after one more than it, and appends to buf.
		if c := p.collect(key, dead, 3, []uint32{0}); len(c) != 1+min(len(live), 4) {
			t.Fatalf("key %d: collect up to 3 after one = %d, want %d", key, len(c), 1+min(len(live), 4))
		}
	}
	if len(p.sorted) == 0 {
		t.Fatal("no merge happened: the test covers only the map")
	}
}

// TestCandidatesPassOverForgotten checks that a sketch forgotten by this
// process proposes no candidates, before and after a merge.
func TestCandidatesPassOverForgotten(t *testing.T) {
	a := NewSketch("全市各级工会组织开展送温暖活动，走访慰问困难职工家庭，发放慰问金和慰问品，帮助职工解决实际困难。")
	c := newCandidateIndex()
	c.add(1, a)
	c.add(2, a)
	c.add(3, a)
	c.forget(2)
	check := func(when string) {
		t.Helper()
		if got := c.bandMates(3, a, maxPosting); !slices.Equal(got, []int64{1}) {
			t.Errorf("%s: bandMates = %v, want [1]", when, got)
		}
		if len(a.Samples) >= minSharedSamples {
			if got := c.sampleMates(3, a, minSharedSamples, maxPosting); !slices.Equal(got, []int64{1}) {
				t.Errorf("%s: sampleMates = %v, want [1]", when, got)
			}
		}
	}
	check("before merge")
	c.bands.merge(c.dead)
	c.samples.merge(c.dead)
	check("after merge")
}

// TestSketchTableMatchesAMap puts, drops and puts again sketches of
// random texts, numbered with gaps and out of order, and reads each back.
func TestSketchTableMatchesAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var table sketchTable
	want := map[int64]*Sketch{}
	for range 2000 {
		seq := int64(r.IntN(3000))
		switch r.IntN(4) {
		case 0:
			table.drop(seq)
			delete(want, seq)
		default:
			var text []rune
			for range r.IntN(400) {
				text = append(text, rune(0x4E00+r.IntN(300)))
			}
			sk := NewSketch(string(text))
			table.put(seq, sk)
			want[seq] = sk
		}
	}
	// One Sketch for every load, as link uses it: each load must overwrite
	// all of what the one before left.
	var got Sketch
	for seq := int64(-1); seq <= 3001; seq++ {
		loaded := table.load(seq, &got)
		w, ok := want[seq]
		switch {
		case !ok && loaded:
			t.Fatalf("load(%d) = %+v, want nothing", seq, got)
		case ok && !loaded:
			t.Fatalf("load(%d) found nothing, want a sketch", seq)
		case ok && (got.Shingles != w.Shingles || got.Sig != w.Sig || !slices.Equal(got.Samples, w.Samples)):
			t.Fatalf("load(%d) differs from the sketch put", seq)
		case ok && table.numSamples(seq) != len(w.Samples):
			t.Fatalf("numSamples(%d) = %d, want %d", seq, table.numSamples(seq), len(w.Samples))
		}
	}
}

// TestBandMatesPassOverStockKeys checks that a band key many sketches hold
// proposes only the sketches that share another band too, while a rare key
// proposes its sketches on its own.
func TestBandMatesPassOverStockKeys(t *testing.T) {
	// sketch returns a sketch whose signature is unique to id except in
	// the given bands, where it equals that of id 0.
	sketch := func(id uint32, bands ...int) *Sketch {
		sk := &Sketch{Shingles: 100}
		for i := range sk.Sig {
			sk.Sig[i] = id<<8 | uint32(i)
			if slices.Contains(bands, i/bandRows) {
				sk.Sig[i] = uint32(i)
			}
		}
		return sk
	}
	const stock = 5
	c := newCandidateIndex()
	a := sketch(0)
	c.add(1, a)
	seq := int64(2)
	for id := range uint32(stock) {
		c.add(seq, sketch(100+id, 0)) // only the stock band
		seq++
	}
	c.add(20, sketch(20, 0, 5)) // the stock band and another
	c.add(21, sketch(21, 7))    // one rare band
	c.add(22, sketch(22, 9, 3)) // two rare bands
	c.add(23, sketch(23))       // nothing
	if got, want := c.bandMates(1, a, stock), []int64{20, 21, 22}; !slices.Equal(got, want) {
		t.Errorf("bandMates = %v, want %v", got, want)
	}
	// Under a larger limit the stock band's sketches are candidates too.
	if got := c.bandMates(1, a, 64); len(got) != stock+3 {
		t.Errorf("bandMates with room for the stock key = %v, want %d sketches", got, stock+3)
	}
}
