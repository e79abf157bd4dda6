// Command gendict writes zh/dict.bin: gse's simplified dictionary as a
// prebuilt character trie, so that a process can start cutting text after
// decoding a few flat arrays instead of parsing 350,000 lines (2–3 s and
// ~370 MB in gse itself).
//
// The words, frequencies and parts of speech are read through gse's own
// loader, so filtering, de-duplication and the total frequency are exactly
// gse's; each word's path length is computed as gse's CalcToken does, in
// float32, so the shortest paths in zh come out the same.
//
// Layout (little endian, uint32 unless noted):
//
//	magic "UZD1", maxTokenLen, nRunes, nNodes, nPos
//	runes[nRunes]              the alphabet; a rune's code is its index + 1
//	pos strings                nPos × (uint8 length, bytes)
//	first[nNodes+1]            children of node n are nodes first[n]..first[n+1]-1
//	label[nNodes]              code of the rune that leads into node n
//	dist[nNodes]               float32 bits of the word ending at n, 0 if none
//	pos[nNodes] (uint8)        index+1 into pos strings, 0 if no word ends at n
//
// Node 0 is the root; children are numbered breadth first and sorted by code.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"

	"github.com/go-ego/gse"
)

func main() {
	out := flag.String("o", "dict.bin", "output `file`")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

type node struct {
	kids map[uint32]*node
	dist float32
	pos  uint8
	id   uint32
	code uint32
}

func run(out string) error {
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return fmt.Errorf("load gse dictionary: %w", err)
	}
	d := seg.Dict
	logTotal := float32(math.Log2(d.TotalFreq()))

	// Codes by descending rune frequency over the keys keep hot labels small.
	count := map[rune]int{}
	for i := range d.Tokens {
		for _, r := range d.Tokens[i].Text() {
			count[r]++
		}
	}
	runes := make([]rune, 0, len(count))
	for r := range count {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool {
		if count[runes[i]] != count[runes[j]] {
			return count[runes[i]] > count[runes[j]]
		}
		return runes[i] < runes[j]
	})
	code := make(map[rune]uint32, len(runes))
	for i, r := range runes {
		code[r] = uint32(i + 1)
	}

	posIdx := map[string]uint8{}
	var posList []string
	root := &node{}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		n := root
		for _, r := range t.Text() {
			c := code[r]
			if n.kids == nil {
				n.kids = map[uint32]*node{}
			}
			k := n.kids[c]
			if k == nil {
				k = &node{code: c}
				n.kids[c] = k
			}
			n = k
		}
		if n.pos != 0 {
			continue // gse keeps the first of two words with the same key
		}
		p, ok := posIdx[t.Pos()]
		if !ok {
			if len(posList) == 255 {
				return fmt.Errorf("more than 254 parts of speech")
			}
			posList = append(posList, t.Pos())
			p = uint8(len(posList))
			posIdx[t.Pos()] = p
		}
		n.pos = p
		n.dist = logTotal - float32(math.Log2(t.Freq()))
	}

	// Breadth first, so each node's children get consecutive ids.
	order := []*node{root}
	var first []uint32
	for i := 0; i < len(order); i++ {
		n := order[i]
		first = append(first, uint32(len(order)))
		codes := make([]uint32, 0, len(n.kids))
		for c := range n.kids {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(a, b int) bool { return codes[a] < codes[b] })
		for _, c := range codes {
			k := n.kids[c]
			k.id = uint32(len(order))
			order = append(order, k)
		}
	}
	first = append(first, uint32(len(order)))

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	put := func(v uint32) { _ = binary.Write(w, binary.LittleEndian, v) }
	w.WriteString("UZD1")
	put(uint32(d.MaxTokenLen()))
	put(uint32(len(runes)))
	put(uint32(len(order)))
	put(uint32(len(posList)))
	for _, r := range runes {
		put(uint32(r))
	}
	for _, p := range posList {
		w.WriteByte(byte(len(p)))
		w.WriteString(p)
	}
	for _, v := range first {
		put(v)
	}
	for _, n := range order {
		put(n.code)
	}
	for _, n := range order {
		put(math.Float32bits(n.dist))
	}
	for _, n := range order {
		w.WriteByte(n.pos)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "gendict: %d words, %d nodes, %d runes, max %d units -> %s\n", len(d.Tokens), len(order), len(runes), d.MaxTokenLen(), out)
	return nil
}
