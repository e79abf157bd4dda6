package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzSearchParams sends arbitrary query strings to the search and table
// endpoints: whatever the caller writes, the answer is a result or a JSON
// 400 naming a parameter, never a 500.
func FuzzSearchParams(f *testing.F) {
	for _, seed := range []string{
		"q=%E9%80%81%E6%B8%A9%E6%9A%96&facets=year,region",
		"q=%22%E5%9B%B0%E9%9A%BE&size=5",
		"year=2012-2010&sort=date",
		"q=region:%E5%9B%9B%E5%B7%9D+-%E6%96%B0%E9%97%BB&from=3",
		"campaign=%E9%80%81%E6%BA%AB%E6%9A%96&doctype=NEWS",
		"q=-&size=&from=x",
		"q=title:%E2%80%9C%E2%80%9D",
		"%zz=1&q=%",
	} {
		f.Add("/api/search", seed)
		f.Add("/api/kwic", seed+"&width=3")
		f.Add("/api/campaigns", seed+"&by=year")
	}
	ts := newTestServer(f)
	h := ts.Handler()
	f.Fuzz(func(t *testing.T, path, rawQuery string) {
		switch path {
		case "/api/search", "/api/kwic", "/api/campaigns", "/api/metrics":
		default:
			path = "/api/search"
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path, req.URL.RawQuery = path, rawQuery
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
		case http.StatusBadRequest:
			if body := decode[errorBody](t, rec); body.Param == "" || body.Error == "" {
				t.Errorf("400 without a parameter: %s", rec.Body)
			}
		default:
			t.Errorf("%s?%s: status %d: %s", path, rawQuery, rec.Code, rec.Body)
		}
	})
}
