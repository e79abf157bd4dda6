package httpapi

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// web holds the research page: one HTML file, one script and one style
// sheet, served as they are, with no build step.
//
//go:embed web
var web embed.FS

// servePage answers GET / with the page.
func servePage(w http.ResponseWriter, r *http.Request) error {
	return serveWebFile(w, r, "index.html")
}

// serveAsset answers GET /assets/NAME with a file of the page; it reads
// only the embedded files, never the disk.
func serveAsset(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	if name == "" || name == "index.html" || !fs.ValidPath(name) {
		return notFound("", "no such asset: "+name)
	}
	return serveWebFile(w, r, name)
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
}

func serveWebFile(w http.ResponseWriter, r *http.Request, name string) error {
	buf, err := fs.ReadFile(web, path.Join("web", name))
	if err != nil {
		return notFound("", "no such asset: "+name)
	}
	if ct, ok := contentTypes[path.Ext(name)]; ok {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// The page's script draws everything from the API and links nothing
	// from elsewhere, which this policy enforces.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return nil
	}
	_, err = w.Write(buf)
	return err
}
