// Package sample embeds a handful of short fictional documents in the
// genre (a county summary, a speech, a traditional-script news item, a
// portal page with clutter, an experience report) so that "make run" has a
// corpus with no data and no network.
package sample

import (
	"embed"
	"io/fs"
)

//go:embed docs
var docs embed.FS

// FS holds the sample documents at its root.
var FS fs.FS = mustSub(docs, "docs")

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the embedded folder is fixed at build time
	}
	return s
}
