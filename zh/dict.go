package zh

//go:generate go run ./internal/gendict -o dict.bin

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// dictBin is gse's simplified dictionary (v0.80.3) as a prebuilt trie; see
// internal/gendict for its layout. Decoding it takes milliseconds where
// gse's own loader parses text for seconds.
//
//go:embed dict.bin
var dictBin []byte

// dictionary is a character trie of words. Node 0 is the root; the children
// of node n are the nodes first[n] to first[n+1]-1, sorted by label.
type dictionary struct {
	maxUnits  int      // longest word, in gse's units (a Latin or digit run counts as one)
	first     []uint32 // len(nodes)+1
	label     []uint16 // rune code leading into each node
	dist      []float32
	pos       []uint8 // index+1 into posNames; 0 when no word ends at the node
	posNames  []string
	rootKid   []uint32 // root's child for each code, 0 if none
	bmpCode   []uint16 // code of each BMP rune, 0 if it is in no word
	astraCode map[rune]uint16
}

var (
	dictOnce sync.Once
	dict     *dictionary
	dictErr  error
)

// loadDict decodes the embedded dictionary once per process, the first time
// something is cut, so commands that never segment never pay for it.
func loadDict() (*dictionary, error) {
	dictOnce.Do(func() {
		dict, dictErr = decodeDict(dictBin)
		if dictErr != nil {
			dictErr = fmt.Errorf("load dictionary: %w", dictErr)
		}
	})
	return dict, dictErr
}

var errCorrupt = errors.New("corrupt dictionary data")

func decodeDict(b []byte) (*dictionary, error) {
	r := reader{b: b}
	if string(r.bytes(4)) != "UZD1" {
		return nil, errCorrupt
	}
	d := &dictionary{maxUnits: int(r.u32())}
	nRunes, nNodes, nPos := int(r.u32()), int(r.u32()), int(r.u32())
	if r.err != nil || nRunes > math.MaxUint16 || nNodes > len(b) {
		return nil, errCorrupt
	}
	d.bmpCode = make([]uint16, 0x10000)
	d.astraCode = map[rune]uint16{}
	for i := range nRunes {
		c := rune(r.u32())
		if c < 0x10000 && c >= 0 {
			d.bmpCode[c] = uint16(i + 1)
		} else {
			d.astraCode[c] = uint16(i + 1)
		}
	}
	d.posNames = make([]string, nPos)
	for i := range d.posNames {
		n := r.bytes(1)
		if n == nil {
			return nil, errCorrupt
		}
		d.posNames[i] = string(r.bytes(int(n[0])))
	}
	d.first = make([]uint32, nNodes+1)
	for i := range d.first {
		d.first[i] = r.u32()
	}
	d.label = make([]uint16, nNodes)
	for i := range d.label {
		d.label[i] = uint16(r.u32())
	}
	d.dist = make([]float32, nNodes)
	for i := range d.dist {
		d.dist[i] = math.Float32frombits(r.u32())
	}
	d.pos = r.bytes(nNodes)
	if r.err != nil || len(r.b) != 0 || nNodes == 0 {
		return nil, errCorrupt
	}
	for i := 0; i < nNodes; i++ {
		if d.first[i] > d.first[i+1] || int(d.first[i+1]) > nNodes || int(d.pos[i]) > nPos || int(d.label[i]) > nRunes {
			return nil, errCorrupt
		}
	}
	d.rootKid = make([]uint32, nRunes+1)
	for k := d.first[0]; k < d.first[1]; k++ {
		d.rootKid[d.label[k]] = k
	}
	return d, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = errCorrupt
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) u32() uint32 {
	v := r.bytes(4)
	if v == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(v)
}

// code is r's label in the trie, 0 when no word contains r.
func (d *dictionary) code(r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		return d.bmpCode[r]
	}
	return d.astraCode[r]
}

// child is the node reached from n by the rune coded c, or 0.
func (d *dictionary) child(n uint32, c uint16) uint32 {
	if c == 0 {
		return 0
	}
	if n == 0 {
		return d.rootKid[c]
	}
	lo, hi := d.first[n], d.first[n+1]
	for hi-lo > 8 {
		mid := lo + (hi-lo)/2
		if d.label[mid] < c {
			lo = mid + 1
		} else {
			hi = mid + 1 // mid may be the one
		}
	}
	for ; lo < hi; lo++ {
		if d.label[lo] >= c {
			if d.label[lo] == c {
				return lo
			}
			return 0
		}
	}
	return 0
}

// lookup reports whether word is in the dictionary, and its part of speech.
func (d *dictionary) lookup(word string) (pos string, ok bool) {
	n := uint32(0)
	for _, r := range word {
		if n = d.child(n, d.code(r)); n == 0 {
			return "", false
		}
	}
	if n == 0 || d.pos[n] == 0 {
		return "", false
	}
	return d.posNames[d.pos[n]-1], true
}
