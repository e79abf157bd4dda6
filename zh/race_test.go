//go:build race

package zh

// raceEnabled shrinks the gse equivalence test: under the race detector
// gse is ten times slower, and the full text adds minutes to make test.
const raceEnabled = true
