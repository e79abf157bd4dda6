package main

import (
	"bytes"
	"compress/flate"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/unionscope/unionscope/zh"
)

// townSuffixes end the names of the towns kept: 镇, 乡 (and 民族乡), 街道
// and Inner Mongolia's 苏木. The rest of the level (农场, 开发区, 监狱 …)
// are units more than places a text reports on.
var townSuffixes = []string{"镇", "乡", "街道", "苏木"}

// runTowns writes the towns of pcas-code.json under the counties of
// pca-code.json as the packed list towns.go reads: lines "name<TAB>county
// code[,county code…]" sorted by name, names folded by zh.Fold,
// compressed with DEFLATE.
//
// It checks the two files against each other: every county of the four
// levels must be a county of the three with the same name. The cities
// with no counties (东莞, 中山, 儋州, 嘉峪关) have a county of their own
// name in the four levels only; their towns are already in table.go,
// under the city, and are left out.
func runTowns(src, out string) error {
	var pca, pcas []node
	if err := readJSON(filepath.Join(src, "pca-code.json"), &pca); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(src, "pcas-code.json"), &pcas); err != nil {
		return err
	}
	counties := map[string]string{} // county code → name, from the three levels
	listed := map[string]bool{}     // codes table.go lists below a city
	for _, p := range pca {
		for _, c := range p.Children {
			for _, a := range c.Children {
				counties[a.Code] = a.Name
				listed[a.Code] = true
			}
		}
	}
	byName := map[string][]string{}
	skipped, checked := 0, 0
	for _, p := range pcas {
		for _, c := range p.Children {
			for _, a := range c.Children {
				name, ok := counties[a.Code]
				if !ok {
					// A city's own pseudo-county: its towns must be listed already.
					for _, t := range a.Children {
						if !listed[t.Code] {
							return fmt.Errorf("town %s %s: county %s %s is in no table", t.Code, t.Name, a.Code, a.Name)
						}
						skipped++
					}
					continue
				}
				if name != a.Name {
					return fmt.Errorf("county %s is %s in pca-code.json and %s in pcas-code.json", a.Code, name, a.Name)
				}
				checked++
				for _, t := range a.Children {
					if !strings.HasPrefix(t.Code, a.Code) {
						return fmt.Errorf("town %s %s: code outside its county %s", t.Code, t.Name, a.Code)
					}
					if !hasTownSuffix(t.Name) {
						continue
					}
					// Names are stored as region scans text: folded (尖塚镇 → 尖冢镇).
					n := zh.Fold(t.Name)
					if strings.ContainsAny(n, "\t\n,") {
						return fmt.Errorf("town %s %q: separator in its name", t.Code, t.Name)
					}
					if !containsCode(byName[n], a.Code) {
						byName[n] = append(byName[n], a.Code)
					}
				}
			}
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	var text bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&text, "%s\t%s\n", n, strings.Join(byName[n], ","))
	}
	var packed bytes.Buffer
	w, err := flate.NewWriter(&packed, flate.BestCompression)
	if err != nil {
		return err
	}
	if _, err := w.Write(text.Bytes()); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genregion: %d town names under %d counties checked against pca-code.json (%d towns of county-less cities already listed), %d bytes packed\n",
		len(names), checked, skipped, packed.Len())
	return os.WriteFile(out, packed.Bytes(), 0o644)
}

func hasTownSuffix(name string) bool {
	for _, s := range townSuffixes {
		if strings.HasSuffix(name, s) && len([]rune(name)) > len([]rune(s))+1 {
			return true
		}
	}
	return false
}

func containsCode(codes []string, c string) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}
